"""Roles through the API: an institution's token reads its own state's drafts and submits
articles as drafts, with no more than its scopes and its maker's rights; the public
endpoints show no draft and no private field, token or not.

Refusals: 401 for a missing, unknown or revoked token; 403 with a code for a token without
the scope (E312) or whose maker may no longer manage the institution (E311); 404 for a
draft the caller may not read, so that its existence is not told.
"""

from __future__ import annotations

import pytest
from django.test import Client

from ortak.accounts.models import Membership, TokenScope
from ortak.accounts.tests.factories import editor_of
from ortak.accounts.tokens import api_token_create, api_token_revoke
from ortak.core.models import Publication
from ortak.events.models import Event
from ortak.events.services import event_create
from ortak.events.tests.factories import EventFactory
from ortak.ingest.models import Review
from ortak.registry.models import Institution, State

pytestmark = pytest.mark.django_db
BOTH = [TokenScope.READ_DRAFTS, TokenScope.SUBMIT_ARTICLES]
DRAFTS, ARTICLES = "/api/institution/drafts", "/api/institution/articles"
# An article about Kyrgyzstan's roundtable of 12 June 2025, which Ortak has published.
REPORT = (
    "Roundtable in Bishkek\n\nA roundtable on friendship of peoples was held in Bishkek, "
    "Kyrgyzstan, on 12 June 2025. Minister Ravshanbek Sabirov opened the roundtable."
)


@pytest.fixture
def az(reference):
    return State.objects.get(key="AZ")


@pytest.fixture
def kg(reference):
    return State.objects.get(key="KG")


@pytest.fixture
def maker(az):
    """An editor of Azerbaijan who makes its committee's token."""
    return editor_of(az)


@pytest.fixture
def committee(az):
    return Institution.objects.get(key="az-diaspora-committee")


def _key(maker, committee, scopes=BOTH) -> str:
    return api_token_create(actor=maker, institution=committee, name="press", scopes=scopes)[1]


def _get(key: str, path: str):
    return Client().get(path, HTTP_AUTHORIZATION=f"Bearer {key}")


def _submit(key: str, text: str = REPORT):
    return Client().post(
        ARTICLES,
        {"text": text},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )


def test_a_token_never_reads_another_state_s_drafts(maker, committee, az, kg):
    own = EventFactory(state=az, publication=Publication.DRAFT)
    foreign = EventFactory(state=kg, publication=Publication.DRAFT)
    key = _key(maker, committee)
    assert [item["id"] for item in _get(key, DRAFTS).json()["items"]] == [own.pk]
    # Nor through the public endpoints: a draft is not found there, whoever asks.
    assert _get(key, f"/api/events/{foreign.pk}").status_code == 404
    assert _get(key, f"/api/events/{own.pk}").status_code == 404
    listed = {item["id"] for item in _get(key, "/api/events").json()["items"]}
    assert not listed & {own.pk, foreign.pk}


def test_a_revoked_token_is_refused_and_writes_nothing(maker, committee):
    token, key = api_token_create(actor=maker, institution=committee, name="press", scopes=BOTH)
    api_token_revoke(actor=maker, token=token)
    assert _get(key, DRAFTS).status_code == 401
    assert _submit(key).status_code == 401
    assert not Review.objects.exists()


@pytest.mark.parametrize(
    ("scope", "refused"), [(TokenScope.READ_DRAFTS, ARTICLES), (TokenScope.SUBMIT_ARTICLES, DRAFTS)]
)
def test_a_token_without_the_scope_is_refused_with_its_code(maker, committee, scope, refused):
    key = _key(maker, committee, scopes=[scope])
    response = _get(key, refused) if refused == DRAFTS else _submit(key)
    assert (response.status_code, response.json()["code"]) == (403, "ortak.E312")
    assert not Review.objects.exists()


def test_a_token_stops_reading_drafts_when_its_maker_leaves_the_state(maker, committee, az, kg):
    """The maker now edits Kyrgyzstan's records: the Azerbaijani token reads nothing more."""
    EventFactory(state=az, publication=Publication.DRAFT)
    key = _key(maker, committee)
    Membership.objects.filter(user=maker).update(state=kg)
    for response in (_get(key, DRAFTS), _submit(key)):
        assert (response.status_code, response.json()["code"]) == (403, "ortak.E311")
    assert not Review.objects.exists()


def test_a_submitted_report_of_another_state_s_event_leaves_it_unchanged(maker, committee, kg):
    kyrgyz = editor_of(kg)
    roundtable = event_create(
        actor=kyrgyz, title="Peace, Labor and Friendship of Peoples", event_type="roundtable",
        state=kg, city="Bishkek", country="KG", start="2025-06-12",
    )  # fmt: skip
    before = Event.objects.filter(pk=roundtable.pk).values().get()
    response = _submit(_key(maker, committee))
    assert response.status_code == 201
    review = Review.objects.get()
    assert review.status == "pending" and review.merged_event_ids == [roundtable.pk]
    assert Event.objects.filter(pk=roundtable.pk).values().get() == before
    assert not roundtable.sources.filter(publication=Publication.PUBLISHED).exists()


def test_public_endpoints_with_a_token_show_no_private_field(maker, committee, az):
    from ortak.network.services import ExpertProfile, expert_add

    profile = ExpertProfile(
        name="Leyla Aliyeva", community_state=az, email="leyla@example.org",
        affiliation="Vienna-Secret-Lab", keywords=["machine translation"],
        fields_of_science=["1.2"], public_fields=["keywords", "fields_of_science"],
    )  # fmt: skip
    expert_add(actor=maker, profile=profile, scopes=["public", "institutions"], consent_version="1")
    key = _key(maker, committee)
    text = _get(key, "/api/experts").content.decode() + _get(key, "/api/people").content.decode()
    assert "machine translation" in text
    assert "leyla@example.org" not in text and "Vienna-Secret-Lab" not in text
