"""The roster of experts: consent first, e-mail confirmation, moderation, search, erasure."""

from __future__ import annotations

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from ortak.accounts.tests.factories import editor_of
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.network import selectors
from ortak.network.fields import normalize_orcid
from ortak.network.models import Consent, Expert, ExpertStatus, ExpertView
from ortak.network.services import (
    ExpertProfile,
    consent_withdraw,
    expert_moderate,
    expert_register,
    expert_token,
    expertise_request_create,
)
from ortak.registry.tests.factories import StateFactory


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("https://orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700"),
        ("0000000218250097", "0000-0002-1825-0097"),
        ("0000-0002-1694-233X", "0000-0002-1694-233X"),
    ],
)
def test_orcid_ids_with_a_right_check_digit_are_kept_normalized(written, normal):
    assert normalize_orcid(written) == normal


@pytest.mark.parametrize("wrong", ["0000-0002-1825-0098", "0000-0002-1825", "orcid please"])
def test_orcid_ids_with_a_wrong_check_digit_are_refused(wrong):
    from django.core.exceptions import ValidationError as DjangoValidationError

    with pytest.raises(DjangoValidationError):
        normalize_orcid(wrong)


def test_nothing_is_stored_without_consent(azerbaijan):
    profile = ExpertProfile(name="Leyla Aliyeva", email="leyla@example.org")
    with pytest.raises(ValidationError) as refused:
        expert_register(actor=None, profile=profile, scopes=[])
    assert refused.value.code == "E220"
    assert not Expert.objects.exists()


def test_unknown_field_of_science_is_refused(azerbaijan):
    profile = ExpertProfile(name="Leyla", email="l@example.org", fields_of_science=["9.9"])
    with pytest.raises(ValidationError, match="E222"):
        expert_register(actor=None, profile=profile, scopes=["public"])


def _register(client, azerbaijan, **extra):
    data = {
        "name": "Leyla Aliyeva",
        "other_names": "Лейла Алиева",
        "email": "leyla@example.org",
        "fields_of_science": ["1.2", "5.2"],
        "keywords": "machine translation, Turkic languages",
        "affiliation": "University of Vienna",
        "residence_country": "AT",
        "community_state": azerbaijan.pk,
        "languages": "az, de",
        "orcid": "0000-0002-1825-0097",
        "public_fields": ["fields_of_science", "keywords", "languages"],
        "scopes": ["public", "institutions"],
        "agree": "on",
    }
    data.update(extra)
    return client.post(reverse("network:expert_register"), data)


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_self_registration_confirmed_by_email_then_moderated(client, azerbaijan, az_editor):
    response = _register(client, azerbaijan)
    assert response.status_code == 200
    expert = Expert.objects.get()
    assert expert.status == ExpertStatus.UNCONFIRMED
    assert expert.active_consent().scopes == ["public", "institutions"]
    assert mail.outbox[0].to == ["leyla@example.org"]

    client.get(_link(mail.outbox[0]))
    expert.refresh_from_db()
    assert expert.status == ExpertStatus.PENDING
    assert "/experts/me/" in _link(mail.outbox[1])
    assert client.get(reverse("network:experts")).content.count(b"Leyla") == 0

    with pytest.raises(PermissionDenied):
        expert_moderate(actor=editor_of(StateFactory(key="KZ")), expert=expert, accept=True)
    expert_moderate(actor=az_editor, expert=expert, accept=True)
    assert b"Leyla Aliyeva" in client.get(reverse("network:experts")).content


def test_registration_without_consent_scope_stores_nothing(client, azerbaijan):
    response = _register(client, azerbaijan, scopes=[])
    assert response.status_code == 200 and not Expert.objects.exists()
    assert not mail.outbox


def test_a_wrong_confirmation_link_is_refused(client, make_expert):
    expert = make_expert("Leyla Aliyeva")
    forged = expert_token(expert, "manage")  # a profile link is no confirmation link
    assert client.get(reverse("network:expert_confirm", args=[forged])).status_code == 400


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Лейла", True),  # the name in another script
        ("leyla aliyeva", True),
        ("машинный", False),
        ("translation", True),  # a public keyword
        ("TRANSLAT", True),
        ("Vienna", False),  # the affiliation is not public
    ],
)
def test_public_search_by_name_and_public_keyword_across_scripts(make_expert, query, found):
    make_expert(
        "Leyla Aliyeva",
        other_names=["Лейла Алиева"],
        keywords=["machine translation"],
        affiliation="University of Vienna",
    )
    assert bool(selectors.expert_list(query=query)) is found


def test_search_by_field_and_language(make_expert):
    make_expert("Leyla Aliyeva", fields_of_science=["1.2"], languages=["az", "de"])
    make_expert("Kamran Mammadov", fields_of_science=["5.5"], languages=["ru"])
    assert [e.name for e in selectors.expert_list(field_code="1")] == ["Leyla Aliyeva"]
    assert [e.name for e in selectors.expert_list(field_code="5.5")] == ["Kamran Mammadov"]
    assert [e.name for e in selectors.expert_list(language="ru")] == ["Kamran Mammadov"]


def test_institution_sees_private_fields_and_the_view_is_logged(client, make_expert, az_editor):
    expert = make_expert("Leyla Aliyeva", affiliation="University of Vienna")
    client.force_login(az_editor)
    page = client.get(reverse("network:expert", args=[expert.pk])).content.decode()
    assert "University of Vienna" in page
    view = ExpertView.objects.get()
    assert (view.viewer, "affiliation" in view.fields) == (az_editor, True)
    assert selectors.expert_data(expert)["viewed_by_institutions"][0]["by"] == az_editor.username


def test_institutions_only_profile_is_seen_by_institutions_only(client, make_expert, az_editor):
    expert = make_expert("Kamran Mammadov", scopes=["institutions"])
    assert client.get(reverse("network:expert", args=[expert.pk])).status_code == 404
    client.force_login(az_editor)
    assert client.get(reverse("network:expert", args=[expert.pk])).status_code == 200


def test_the_person_downloads_everything_held_about_them(client, make_expert):
    expert = make_expert("Leyla Aliyeva", email="leyla@example.org", orcid="0000-0002-1825-0097")
    token = expert_token(expert, "manage")
    response = client.get(reverse("network:expert_me_data", args=[token]))
    data = json.loads(response.content)
    assert data["profile"]["email"] == "leyla@example.org"
    assert data["profile"]["orcid"] == "0000-0002-1825-0097"
    assert data["consents"][0]["scopes"] == ["public", "institutions"]
    assert data["history"]


def test_withdrawing_consent_hides_at_once_and_erases_the_data(client, make_expert):
    expert = make_expert(
        "Leyla Aliyeva",
        email="leyla@example.org",
        other_names=["Лейла Алиева"],
        affiliation="University of Vienna",
        keywords=["machine translation"],
        orcid="0000-0002-1825-0097",
    )
    token = expert_token(expert, "manage")
    assert client.post(reverse("network:expert_withdraw", args=[token])).status_code == 200

    expert.refresh_from_db()
    assert expert.status == ExpertStatus.WITHDRAWN
    personal = [expert.name, expert.email, expert.affiliation, expert.orcid, expert.folded]
    assert personal == ["", "", "", "", ""]
    assert (expert.other_names, expert.keywords, expert.community_state) == ([], [], None)
    assert not expert.history.exists()
    stored = json.dumps(list(Expert.history.model.objects.values()), default=str)
    assert "Leyla" not in stored and "Vienna" not in stored
    consent = Consent.objects.get()
    assert consent.withdrawn_at is not None and consent.text_version == "2026-1"
    assert selectors.expert_list() == []
    assert client.get(reverse("network:expert", args=[expert.pk])).status_code == 404
    assert client.get(reverse("network:expert_me", args=[token])).status_code == 404
    with pytest.raises(PermissionDenied):
        consent_withdraw(expert=expert)


def test_requests_for_expertise_see_matching_experts(make_expert, az_editor, azerbaijan):
    make_expert("Leyla Aliyeva", fields_of_science=["1.2"], keywords=["machine translation"])
    make_expert("Kamran Mammadov", fields_of_science=["5.5"], keywords=["contract law"])
    make_expert("Hidden Person", scopes=["public"], fields_of_science=["1.2"])
    request = expertise_request_create(
        actor=az_editor,
        state=azerbaijan,
        title="Machine translation of Turkic languages",
        fields_of_science=["1"],
        keywords=["translation"],
    )
    matches = selectors.request_matches(request, actor=az_editor)
    assert [(expert.name, score) for expert, score in matches] == [
        ("Leyla Aliyeva", 3),
        ("Hidden Person", 2),
    ]
    with pytest.raises(PermissionDenied):
        expertise_request_create(
            actor=editor_of(StateFactory(key="KZ")), state=azerbaijan, title="Not ours"
        )
