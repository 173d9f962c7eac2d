"""ortak_organizers_v1: organisers, framework and the states taking part."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "organizers"),
    [
        (
            "A roundtable was held in Bishkek, organized by the Ministry of Labor of the Kyrgyz "
            "Republic, the State Committee said.",
            ["Ministry of Labor of the Kyrgyz Republic"],
        ),
        (
            "Hosted by the Presidency for Turks Abroad and Related Communities (YTB) and the "
            "Secretariat of the OTS, the Forum was held in Bursa.",
            [
                "Presidency for Turks Abroad and Related Communities",
                "Organization of Turkic States",
            ],
        ),
    ],
)
def test_organizers_after_organized_and_hosted_by(upto, text, organizers):
    _, found = upto(text.replace("Organization of Turkic States", "OTS"), "ortak_organizers")
    names = [o.name for o in found.events[0].organizers]
    assert len(names) == len(organizers)
    assert names[0] == organizers[0]


def test_organizers_framework_of_the_event(upto):
    text = (
        "The roundtable was held as part of the Action Plan of the Kyrgyz chairmanship of the OTS."
    )
    _, found = upto(text, "ortak_organizers")
    assert found.events[0].framework.text == "Action Plan of the Kyrgyz chairmanship of the OTS"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The forum was held in Baku. It was attended by officials from Azerbaijan, Turkiye and "
            "Kyrgyzstan.",
            {"AZ", "TR", "KG"},
        ),
        (
            "The forum was held in Shusha. Representatives of Türkiye, Hungary and the "
            "Turkish Republic "
            "of Northern Cyprus participated in the forum.",
            {"TR", "HU"},
        ),
        (
            "The forum was held in Baku. He held talks with the Azeri and Kazakh delegations.",
            {"AZ", "KZ"},
        ),
        ("The forum was held in Baku. Many citizens live in Russia and Germany.", set()),
        ("The forum was held in Baku. He met representatives of Turkish Diaspora.", set()),
    ],
)
def test_organizers_states_taking_part(upto, text, parties):
    _, found = upto(text, "ortak_organizers")
    assert {code for code, _ in found.parties} == parties
