"""ortak_organizers_v1: organisers, framework and the states taking part."""

from __future__ import annotations

import datetime as dt

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


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The forum opened in Baku. Scholars from Kazakhstan, Hungary and Uzbekistan took part.",
            {"KZ", "HU", "UZ"},
        ),
        (
            "The forum opened in Baku. Delegates of the observer states - Turkmenistan and "
            "Hungary - are taking part in the event.",
            {"TM", "HU"},
        ),
        (
            "The forum opened in Baku. Representatives of Türkiye's Presidency for Turks Abroad "
            "and Related Communities (YTB), Uzbekistan and Hungary made presentations.",
            {"TR", "UZ", "HU"},
        ),
        (
            "The forum opened in Baku. Representatives of the Azerbaijani and Turkmen communities "
            "attended.",
            set(),
        ),
    ],
)
def test_organizers_states_in_lists_with_a_verb_of_taking_part(upto, text, parties):
    _, found = upto(text, "ortak_organizers")
    assert {code for code, _ in found.parties} == parties


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "The Azerbaijan Cultural Center in Vienna held a concert in Vienna on Monday.",
            ["AZ"],
        ),
        ("A concert was held in Baku on Monday.", ["AZ"]),
        ("A concert was held in Vienna on Monday.", []),
    ],
)
def test_record_countries_leave_out_the_location_of_an_event_abroad(text, countries):
    from ortak.ingest.extract import extract, read_text

    record = extract(read_text(text)).record.to_dict()
    assert record["events"][0]["countries"] == countries


def test_record_an_article_announcing_events_only_has_no_event_of_its_own():
    from ortak.ingest.extract import extract, read_text

    text = (
        "Baku to host the Diaspora Youth Forum\n\nThe Diaspora Youth Forum will be held in Baku "
        "on 12-14 October 2025, the State Committee said. The forum will bring together young "
        "people from Azerbaijan and Kazakhstan. Chairman of the Committee Fuad Muradov said it."
    )
    record = extract(read_text(text, published=dt.date(2025, 5, 1))).record.to_dict()
    assert record["events"] == []
    assert [(p["start_date"], p["city"]) for p in record["planned"]] == [("2025-10-12", "Baku")]


@pytest.mark.parametrize(
    ("text", "organizers"),
    [
        (
            "The program was organised by Kazakhstan's Otandastar Foundation in Astana.",
            ["Otandastar Foundation"],
        ),
        (
            "The State Committee on Work with Diaspora met the guests. The forum was co-organized "
            "by the committee and the OTS.",
            ["State Committee on Work with Diaspora", "OTS"],
        ),
        (
            "The Presidency for Turks Abroad and Related Communities hosted the 3rd Exchange of "
            "Experience Program in Ankara.",
            ["Presidency for Turks Abroad and Related Communities"],
        ),
        (
            "Experts gathered on Tuesday at the OTS Secretariat in Istanbul for the 8th meeting of "
            "the Contact Group.",
            ["OTS Secretariat"],
        ),
    ],
)
def test_organizers_hosts_named_as_subject_venue_or_by_reference(upto, text, organizers):
    _, found = upto(text, "ortak_organizers")
    assert [o.name for o in found.events[0].organizers] == organizers
