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


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The event continued with the 7th meeting of the Working Group on Youth Affairs "
            "under the OTS.",
            "7th meeting of the Working Group on Youth Affairs under the OTS",
        ),
        (
            'A seminar on "Diaspora media in the digital age" was held in Almaty.',
            "Diaspora media in the digital age",
        ),
        (
            'The Second Forum of Turkic Journalists, themed "One voice", was held in Baku.',
            "Second Forum of Turkic Journalists",
        ),
        (
            "An event dedicated to the 30th anniversary of the Committee was held in Baku.",
            "event dedicated to the 30th anniversary of the Committee",
        ),
        (
            "The opening ceremony of the Kyrgyz Cultural Center was held in Ankara.",
            "opening ceremony of the Kyrgyz Cultural Center",
        ),
    ],
)
def test_events_title_runs_to_the_end_of_its_noun_phrase(upto, text, title):
    _, found = upto(text, "ortak_event_type")
    assert found.events[0].title == title


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "A commemorative evening for the victims of the tragedy was held in Kazan.",
            "commemoration",
        ),
        ("The diaspora in Riga commemorated the victims of the Khojaly genocide.", "commemoration"),
        ("The anniversary of the tragedy was commemorated in Paris on Monday.", "commemoration"),
        ("An event marking the Day of Solidarity was held at the embassy.", "cultural_event"),
        ("Uzbek Culture Days kicked off in Baku on Monday.", "cultural_event"),
        ("The Tatar community in Ankara celebrated Sabantuy on Sunday.", "cultural_event"),
        ("A delegation of the Foundation paid a working visit to Hungary.", "visit"),
        ("The Committee hosted a delegation of the Foundation in Baku.", "visit"),
        ("The 9th Contact Group meeting was held online.", "contact_group_meeting"),
        (
            "Heads of the diaspora bodies of the member states gathered in Ankara for their annual "
            "meeting.",
            "ministerial_meeting",
        ),
        ("The chairman held a meeting with the heads of Tatar societies.", "other"),
        ("The 3rd Experience-Sharing Program took place in Baku.", "exchange_of_experience"),
        ("The Capacity Building Program for diaspora NGOs was held in Berlin.", "training"),
        ("A webinar on diaspora media was held on Monday.", "training"),
        ("A panel discussion on the Turkic world was held in Kazan.", "roundtable"),
        ("A memorandum of understanding was signed between the two foundations.", "signing"),
        ("The two committees inked a memorandum of cooperation.", "signing"),
    ],
)
def test_events_type_from_nouns_verbs_and_occasions(upto, text, type_):
    _, found = upto(text, "ortak_event_type")
    assert found.events[0].type == type_


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Experts gathered on Tuesday at the Secretariat for the 8th meeting of the Group.",
            "held",
        ),
        ("Officials completed an internship program in Astana last week.", "held"),
        ("The week is to close on 16 May with a farewell reception.", "planned"),
        ("The sides decided to hold the next forum in Baku in 2026.", "planned"),
        ("He recalled the Scholars Forum held in Astana in May.", "recalled"),
        ("The youth forum held in Baku earlier this week ended.", "held"),
        ("The youth forum held in Baku earlier ended.", "recalled"),
    ],
)
def test_events_status_from_the_clause(upto, text, status):
    from ortak.ingest.extract import event_parts

    doc, _ = upto(text, "ortak_dates")
    nouns = ["meeting", "program", "reception", "forum"]
    noun = next(doc[t.i : t.i + 1] for t in doc if t.lower_ in nouns)
    span = event_parts.phrase(doc, noun, 30)
    assert event_parts.status(doc, span, noun) == status


@pytest.mark.parametrize(
    ("text", "planned_title"),
    [
        (
            "The Internship Program was held in Astana. The next round of the program is to be "
            "hosted by Hungary in 2027.",
            "next round of the Internship Program",
        ),
        (
            "The Youth Forum was held in Baku on 2 March. The sides agreed to hold the next "
            "forum in Ankara in 2025.",
            "Youth Forum",
        ),
    ],
)
def test_events_a_next_edition_is_planned_under_the_earlier_name(upto, text, planned_title):
    _, found = upto(text, "ortak_planned", published=dt.date(2024, 3, 4))
    assert [p.title for p in found.planned] == [planned_title]


def test_events_a_service_offered_is_no_planned_event(upto):
    text = "The center opened in Bursa on Monday. It will offer language courses for children."
    _, found = upto(text, "ortak_planned", published=dt.date(2024, 3, 5))
    assert found.planned == []


def test_events_an_event_dated_after_publication_is_planned(upto):
    text = "The Diaspora Forum takes place in Baku on 20 May 2024."
    _, found = upto(text, "ortak_planned", published=dt.date(2024, 5, 2))
    assert (found.events, [str(p.start) for p in found.planned]) == ([], ["2024-05-20"])


def test_events_a_concert_hall_is_no_concert(upto):
    _, found = upto("The guests met in a concert hall in Vienna on Monday.", "ortak_event_type")
    assert all(e.noun != "concert" for e in found.events)


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Diaspora leaders meet in Bishkek\nThe forum was held on Monday.", "Bishkek", "KG"),
        ("The reception was held at the Embassy of Kazakhstan in Riga.", "Riga", "LV"),
        ("ANKARA\nThe forum was held on Monday.", "Ankara", "TR"),
        ("The program took place in the Turkish capital on Monday.", "Ankara", "TR"),
        (
            "BERLIN, Germany, May 2. A ceremony was held at the Embassy of Azerbaijan in Germany.",
            "Berlin",
            "DE",
        ),
        ("The delegation paid a working visit to Hungary.", None, "HU"),
        (
            "The Foundation delegation visits Budapest\nThe delegation visited Hungary.",
            "Budapest",
            "HU",
        ),
    ],
)
def test_events_place_of_the_main_event_when_its_sentence_names_none(upto, text, city, country):
    _, found = upto(text, "ortak_event_type")
    main = found.events[0]
    assert ((main.city.name if main.city else None), main.country) == (city, country)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "An internship program was held at the Foundation in Astana last week. The five-day "
            "Internship Program brought together staff of the institutions.",
            "2024-06",
        ),
        (
            "The Youth Forum kicked off in Bursa. The two-day forum, held on 13-14 June, is "
            "organized by the Presidency.",
            "2024-06-13",
        ),
        (
            "The Youth Forum was held in Bursa. It took place on 12 June with 100 guests.",
            "2024-06-12",
        ),
    ],
)
def test_events_date_from_other_mentions_and_the_paragraph(upto, text, start):
    _, found = upto(text, "ortak_event_type", published=dt.date(2024, 6, 17))
    assert str(found.events[0].start) == start


def test_events_another_event_continuing_the_main_one_is_where_it_was(upto):
    text = (
        "An exchange of experience was held in Baku. "
        "The event continued with the 5th meeting of the Contact Group."
    )
    _, found = upto(text, "ortak_event_type")
    assert [e.city.name for e in found.events] == ["Baku", "Baku"]


def test_events_an_agency_dateline_dates_no_event(upto):
    text = (
        "WARSAW, 15 November 2024 – The 5th Training Program was held in Warsaw on 13-14 November."
    )
    _, found = upto(text, "ortak_event_type", published=dt.date(2024, 11, 15))
    assert (str(found.events[0].start), str(found.events[0].end)) == ("2024-11-13", "2024-11-14")


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "On the sidelines of the 11th Summit in Astana, the Contact Group on Diaspora held "
            "its 9th meeting.",
            "contact_group_meeting",
        ),
        (
            "The Novruz celebration took place at the Humboldt Forum in Berlin on Sunday.",
            "cultural_event",
        ),
    ],
)
def test_events_a_setting_or_a_venue_is_not_the_main_event(upto, text, type_):
    _, found = upto(text, "ortak_event_type")
    assert [e.type for e in found.events] == [type_]
