"""ortak_events_v1 and ortak_event_type_v1: held, planned and recalled events and their type."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.parametrize(
    ("text", "title", "type_"),
    [
        (
            'A roundtable themed "Peace and Friendship" was held in Bishkek.',
            "Peace and Friendship",
            "roundtable",
        ),
        (
            "An exchange of experience among the diaspora bodies was held in Baku today.",
            "exchange of experience among the diaspora bodies",
            "exchange_of_experience",
        ),
        (
            "The 7th meeting of the Ministers and Heads of Diaspora Institutions was "
            "held in Astana.",
            "7th meeting of the Ministers and Heads of Diaspora Institutions",
            "ministerial_meeting",
        ),
        (
            "He represented Hungary as an observer at a conference of ministers "
            "responsible for diaspora.",
            "conference of ministers responsible for diaspora",
            "ministerial_meeting",
        ),
        (
            "Speaking at a reception hosted by the Embassy, he praised the diaspora.",
            "reception",
            "cultural_event",
        ),
        (
            "The Third Diaspora Youth Forum kicked off in Istanbul on Monday.",
            "Third Diaspora Youth Forum",
            "forum",
        ),
        (
            "The 6th meeting of the Contact Group was held in Ankara.",
            "6th meeting of the Contact Group",
            "contact_group_meeting",
        ),
        (
            "A training for diaspora activists was held in Vienna.",
            "training for diaspora activists",
            "training",
        ),
        (
            "A delegation of the Committee visited Hungary on October 24-26.",
            "visit of a delegation of the Committee to Hungary",
            "visit",
        ),
        (
            "The parties signed a memorandum of mutual cooperation.",
            "signing of a memorandum of mutual cooperation",
            "signing",
        ),
    ],
)
def test_events_main_event_title_and_type(upto, text, title, type_):
    _, found = upto(text, "ortak_event_type")
    main = found.events[0]
    assert (main.title, main.type) == (title, type_)


def test_events_venue_and_date_of_the_main_event(upto):
    text = "The Diaspora Forum kicked off in the Turkish city of Bursa on Monday."
    _, found = upto(text, "ortak_event_type", published=dt.date(2022, 3, 28))
    main = found.events[0]
    assert (main.city.name, main.country, str(main.start)) == ("Bursa", "TR", "2022-03-28")


def test_events_dateline_city_is_not_the_venue(upto):
    text = (
        "BAKU, Azerbaijan, December 21.\nThe second day of the Forum was held in the city of "
        "Shusha."
    )
    _, found = upto(text, "ortak_event_type")
    assert found.events[0].city.name == "Shusha"


def test_events_recalled_event_is_not_an_event(upto):
    text = (
        "Hungary attended the conference in Bishkek. It had attended the conference held in "
        "Baku last year."
    )
    _, found = upto(text, "ortak_event_type")
    assert [e.city.name for e in found.events] == ["Bishkek"]


def test_events_other_events_follow_the_main_one(upto):
    text = (
        "An exchange of experience was held in Baku. "
        "The event continued with the 5th meeting of the Contact Group."
    )
    _, found = upto(text, "ortak_event_type")
    assert [e.type for e in found.events] == ["exchange_of_experience", "contact_group_meeting"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "The Training Program could hold its next session in the United States next year.",
            "training",
        ),
        ("The Committee will sign a Memorandum of Agreement with the Foundation.", "signing"),
        ("The forthcoming forum will play a special role.", "forum"),
    ],
)
def test_events_future_events_are_planned(upto, text, type_):
    _, found = upto(text, "ortak_planned")
    assert [p.type for p in found.planned] == [type_]
    assert not [e for e in found.events if e.type == type_ and e.status == "held"]


def test_planned_coordinated_trainings_get_their_own_dates_and_states(upto):
    text = (
        "It is planned to conduct training for diaspora youth in one of the European "
        "countries with "
        "the support of the Presidency for Turks Abroad and Related Communities in March "
        "2019, and for "
        "members of the diaspora in the USA with the support of the State Committee on Work with "
        "Diaspora in the end of May and the beginning of June."
    )
    _, found = upto(text, "ortak_planned")
    got = [(str(p.start), str(p.end) if p.end else None, p.country) for p in found.planned]
    assert got == [("2019-03", None, None), ("2019-05", "2019-06", "US")]
    assert [p.organizers[0].key for p in found.planned] == ["tr-ytb", "az-diaspora-committee"]
