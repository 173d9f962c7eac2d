"""API tokens per institution: hashed at rest, scoped, revocable, bound to their maker's rights."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from ortak.accounts.models import ApiToken, TokenScope
from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.accounts.tokens import api_token_create, api_token_revoke
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.models import Publication
from ortak.events.tests.factories import EventFactory
from ortak.ingest.models import Review
from ortak.registry.models import Institution, State

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[2] / "ingest" / "samples" / "001.txt"
BOTH = [TokenScope.READ_DRAFTS, TokenScope.SUBMIT_ARTICLES]


@pytest.fixture
def committee(reference):
    return Institution.objects.get(key="az-diaspora-committee")


@pytest.fixture
def maker(committee):
    user = editor_of(committee.state)
    user.memberships.create(role="reviewer")
    return user


def _token(maker, committee, scopes=BOTH):
    return api_token_create(actor=maker, institution=committee, name="press office", scopes=scopes)


def _get(key: str, path: str = "/api/institution/drafts"):
    return Client().get(path, HTTP_AUTHORIZATION=f"Bearer {key}")


def test_the_key_is_shown_once_and_only_its_digest_is_kept(maker, committee):
    token, key = _token(maker, committee)
    assert key.startswith(f"ortak_{token.prefix}_")
    stored = ApiToken.objects.get()
    assert key not in {stored.digest, stored.prefix, stored.name}
    assert stored.digest == hashlib.sha256(key.encode()).hexdigest()


def test_only_the_secretariat_or_an_editor_of_the_state_makes_tokens(committee):
    other_state = State.objects.exclude(pk=committee.state_id).first()
    with pytest.raises(PermissionDenied) as refused:
        _token(editor_of(other_state), committee)
    assert refused.value.code == "E311"
    assert _token(secretariat_user(), committee)[0].created_by.memberships.exists()


@pytest.mark.parametrize("scopes", [["everything"], []])
def test_a_token_needs_known_scopes(maker, committee, scopes):
    with pytest.raises(ValidationError) as refused:
        _token(maker, committee, scopes=scopes)
    assert refused.value.code == "E231"


def test_a_token_reads_the_drafts_of_its_own_state_only(maker, committee):
    own = EventFactory(state=committee.state, publication=Publication.DRAFT)
    EventFactory(state=committee.state, publication=Publication.PUBLISHED)
    other = State.objects.exclude(pk=committee.state_id).first()
    EventFactory(state=other, publication=Publication.DRAFT)
    _token_row, key = _token(maker, committee)
    response = _get(key)
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [own.pk]
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize(
    "authorization", ["", "Bearer ", "Bearer ortak_deadbeef_nope", "Bearer nonsense"]
)
def test_without_a_live_token_the_answer_is_401(maker, committee, authorization):
    _token(maker, committee)
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    assert Client().get("/api/institution/drafts", **headers).status_code == 401


def test_a_revoked_token_stops_at_once(maker, committee):
    token, key = _token(maker, committee)
    assert _get(key).status_code == 200
    api_token_revoke(actor=maker, token=token)
    assert _get(key).status_code == 401


def test_a_token_stops_when_its_maker_is_deactivated(maker, committee):
    _token_row, key = _token(maker, committee)
    maker.is_active = False
    maker.save()
    assert _get(key).status_code == 401


def test_a_token_without_the_scope_is_refused_with_403(maker, committee):
    _token_row, key = _token(maker, committee, scopes=[TokenScope.SUBMIT_ARTICLES])
    response = _get(key)
    assert response.status_code == 403 and response.json()["code"] == "ortak.E312"
    _token_row, reader_key = _token(maker, committee, scopes=[TokenScope.READ_DRAFTS])
    response = Client().post(
        "/api/institution/articles",
        {"text": "text"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {reader_key}",
    )
    assert response.status_code == 403 and not Review.objects.exists()


def test_a_submitted_article_waits_as_drafts_for_review_once(maker, committee):
    _token_row, key = _token(maker, committee)
    payload = {"text": SAMPLE.read_text(encoding="utf-8"), "published": "2019-02-12"}

    def submit():
        return Client().post(
            "/api/institution/articles",
            payload,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )

    first = submit()
    assert first.status_code == 201
    review = Review.objects.get()
    assert first.json()["review"] == review.pk and first.json()["events"]
    again = submit()
    assert again.status_code == 409 and again.json()["code"] == "ortak.E107"


def test_a_token_acts_with_no_more_than_its_maker_may_still_do(committee):
    plain = editor_of(committee.state)
    _token_row, key = _token(plain, committee)
    plain.memberships.all().delete()
    response = Client().post(
        "/api/institution/articles",
        {"text": SAMPLE.read_text(encoding="utf-8")},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 403 and not Review.objects.exists()


def test_the_command_makes_lists_and_revokes_tokens(maker, committee, capsys):
    call_command(
        "api_token",
        "create",
        "--institution",
        committee.key,
        "--name",
        "press office",
        "--scope",
        TokenScope.READ_DRAFTS,
        "--as",
        maker.username,
    )
    key = capsys.readouterr().out.split("key (shown only now): ")[1].strip()
    assert _get(key).status_code == 200
    call_command("api_token", "revoke", ApiToken.objects.get().prefix, "--as", maker.username)
    assert _get(key).status_code == 401
    call_command("api_token", "list")
    assert "revoked" in capsys.readouterr().out
