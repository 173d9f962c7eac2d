"""No public page, search result, export, calendar or API answer shows a private field of an
expert, or a profile whose consent does not allow public listing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from ortak.search.selectors import search

PRIVATE = ["Vienna-Secret-Lab", "0000-0002-1825-0097", "leyla@example.org", "Лейла-Тайна"]
UNLISTED = "Kamran Institutionsonly"


@pytest.fixture
def roster(make_expert):
    listed = make_expert(
        "Leyla Aliyeva",
        email="leyla@example.org",
        other_names=["Лейла-Тайна"],
        affiliation="Vienna-Secret-Lab",
        orcid="0000-0002-1825-0097",
        keywords=["machine translation"],
        public_fields=["keywords", "fields_of_science"],
    )
    unlisted = make_expert(UNLISTED, scopes=["institutions", "contact"], keywords=["law"])
    return listed, unlisted


def _text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _public_answers(client, listed, unlisted) -> dict[str, str]:
    pages = {
        "home": reverse("portal:home"),
        "experts": reverse("network:experts"),
        "experts search": reverse("network:experts") + "?q=translation",
        "expert": reverse("network:expert", args=[listed.pk]),
        "unlisted expert": reverse("network:expert", args=[unlisted.pk]),
        "portal search": reverse("portal:search") + "?q=Leyla",
        "portal search unlisted": reverse("portal:search") + "?q=Kamran",
        "calendar": reverse("portal:calendar"),
        "calendar ics": reverse("portal:calendar_ics"),
        "people csv": reverse("portal:people_csv"),
        "organizations csv": reverse("portal:organizations_csv"),
        "api experts": "/api/experts",
        "api experts search": "/api/experts?q=Kamran",
        "api people": "/api/people",
    }
    answers = {name: _text(client.get(url)) for name, url in pages.items()}
    out = io.StringIO()
    call_command("export", "experts", stdout=out, stderr=io.StringIO())
    answers["export experts"] = out.getvalue()
    return answers


def test_public_answers_hold_no_private_field_nor_unlisted_profile(client, roster):
    listed, unlisted = roster
    answers = _public_answers(client, listed, unlisted)
    for name, text in answers.items():
        for secret in [*PRIVATE, UNLISTED]:
            assert secret not in text, f"{secret!r} shown in {name}"
    assert "Leyla Aliyeva" in answers["experts"]
    assert "machine translation" in answers["api experts"]
    assert "Leyla Aliyeva" in answers["export experts"]


def test_the_search_index_holds_no_expert(roster):
    hits = search("Leyla Aliyeva", published_only=False) + search("Kamran", published_only=False)
    assert not [hit for hit in hits if "expert" in hit.model]


def test_after_withdrawal_no_answer_holds_the_person(client, roster):
    from ortak.network.services import consent_withdraw

    listed, unlisted = roster
    consent_withdraw(expert=listed)
    answers = _public_answers(client, listed, unlisted)
    assert not [name for name, text in answers.items() if "Aliyeva" in text]
