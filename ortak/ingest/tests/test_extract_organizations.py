"""ortak_organizations_v1: institution names in their fullest form, linked and merged."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "It was organized by the Ministry of Labor, Social Security and Migration of the "
            "Kyrgyz Republic, the committee said.",
            "Ministry of Labor, Social Security and Migration of the Kyrgyz Republic",
            "KG",
        ),
        (
            "A reception hosted by the Azerbaijani Embassy to the United States was held.",
            "Azerbaijani Embassy to the United States",
            "AZ",
        ),
        (
            "Mayor of Bursa Metropolitan Municipality Alinur Aktaş spoke.",
            "Bursa Metropolitan Municipality",
            "TR",
        ),
        (
            "They visited the Azerbaijan Culture and Education Center in Bishkek, where they met.",
            "Azerbaijan Culture and Education Center in Bishkek",
            "AZ",
        ),
        (
            "The Ministry of Youth and Sports of Georgia joined.",
            "Ministry of Youth and Sports of Georgia",
            "GE",
        ),
        (
            "He told them about the new Hungarian institution of the so-called Welcome Office.",
            "Welcome Office",
            "HU",
        ),
    ],
)
def test_organizations_fullest_form_and_country(upto, text, name, country):
    _, found = upto(text, "ortak_organizations")
    org = next(o for o in found.orgs if o.name == name)
    assert org.country == country


def test_organizations_name_ends_before_a_personal_name(upto):
    _, found = upto("Chairman of the State Committee Fuad Muradov spoke.", "ortak_organizations")
    assert [o.name for o in found.orgs] == ["State Committee"]


@pytest.mark.parametrize(
    "text",
    [
        "The Secretariat of the OTS and the Organization of Turkic States (OTS) met the "
        "Turkic Council.",
        "The Organization of Turkic States met. The OTS Secretariat said so.",
    ],
)
def test_organizations_secretariat_counts_as_the_ots(upto, text):
    _, found = upto(text, "ortak_organizations")
    assert [(o.key, o.country) for o in found.orgs] == [("ots", None)]


def test_organizations_merge_a_short_form_into_the_full_name(upto):
    text = (
        "Uzbekistan's Committee on Interethnic Relations will sign it, Chairman of the Committee "
        "on Interethnic Relations and Friendly Relations with Foreign Countries under the Cabinet "
        "of Ministers of the Republic of Uzbekistan said."
    )
    _, found = upto(text, "ortak_organizations")
    assert len(found.orgs) == 1 and found.orgs[0].country == "UZ"
    assert found.orgs[0].name.endswith("of the Republic of Uzbekistan")


@pytest.mark.parametrize(
    "text", ["The State Committee on Work with Diaspora of Azerbaijan told Trend News Agency."]
)
def test_organizations_leave_out_news_agencies(upto, text):
    _, found = upto(text, "ortak_organizations")
    assert [o.name for o in found.orgs] == ["State Committee on Work with Diaspora of Azerbaijan"]
