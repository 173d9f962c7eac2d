"""English events: future cues, proposals, venues, datelines, honorary titles and parties,
each on made-up sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from ortak.ingest.extract import published


@pytest.mark.parametrize(
    "text",
    [
        "The chairman of the Committee is leaving for an official visit to Poland tomorrow.",
        "The sides agreed to organize a joint festival of the diasporas.",
        "An agreement was reached to organize a youth camp of the three diasporas.",
        "It was decided to hold the next forum of diaspora youth in Shusha.",
        "Officials of the Foundation will convene for the fourth meeting next month.",
    ],
)
def test_events_future_cues_make_events_planned(upto, text):
    _, found = upto(text, "ortak_planned")
    assert found.planned
    assert not [e for e in found.events if e.status == "held"]


def test_events_headline_to_host_is_planned(upto):
    text = (
        "Hungary to host 3rd Diaspora Youth Forum\n\n"
        "A meeting of the diaspora heads was held in Ankara on Monday. "
        "The 3rd Diaspora Youth Forum will be hosted by Hungary."
    )
    _, found = upto(text, "ortak_planned", published=dt.date(2024, 5, 8))
    assert [(e.type, e.city.name) for e in found.events] == [("ministerial_meeting", "Ankara")]
    assert [p.title for p in found.planned] == ["3rd Diaspora Youth Forum"]


def test_events_proposed_event_is_neither_held_nor_its_place_the_venue(upto):
    text = (
        "Almaty hosted the 2nd meeting of the heads of diaspora agencies. "
        "The chairman proposed to hold a meeting of the heads of diaspora agencies in Osh."
    )
    _, found = upto(text, "ortak_planned")
    assert [(e.city.name, e.country) for e in found.events] == [("Almaty", "KZ")]
    assert found.planned == []


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("The 3rd Diaspora Forum was held in the capital of Kazakhstan, Astana.", "Astana", "KZ"),
        ("Tashkent hosted the 2nd Forum of Uzbek diaspora youth.", "Tashkent", "UZ"),
        (
            "The Diaspora Congress was held in Hungary, Budapest. Participants discussed the "
            "results of the forum held in Baku in 2021.",
            "Budapest",
            "HU",
        ),
    ],
)
def test_events_venue_cues_and_recalled_cities(upto, text, city, country):
    _, found = upto(text, "ortak_event_type", published=dt.date(2024, 3, 1))
    main = found.events[0]
    assert (main.city.name, main.country) == (city, country)
    assert len(found.events) == 1


def test_places_local_spelling_is_given_in_english(upto):
    _, found = upto("A concert was held in Naxçıvan on Friday.", "ortak_places")
    assert [(p.name, p.country) for p in found.places] == [("Nakhchivan", "AZ")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Published November 06,2018\n\nThe forum opened.", dt.date(2018, 11, 6)),
        ("Posted 2019/03/04\n\nThe forum opened.", dt.date(2019, 3, 4)),
        ("Baku, 9 July 2019. The forum opened in Shusha.", dt.date(2019, 7, 9)),
        ("Tashkent, March 3, 2021 (UzA). The forum opened.", dt.date(2021, 3, 3)),
    ],
)
def test_published_date_variants(text, date):
    assert published.published_date(text)[1] == date


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Baku. 9 July. REPORT.AZ/ The chairman met the ambassador.", "Baku. 9 July. REPORT.AZ/ "),
        ("Baku, July 9 (AZERTAC) The forum opened.", "Baku, July 9 (AZERTAC) "),
        ("ASTANA. KAZINFORM - The forum opened.", "ASTANA. KAZINFORM - "),
        ("Meanwhile, 25 countries took part.", ""),
    ],
)
def test_published_datelines_without_a_comma(text, dateline):
    assert text[: published.dateline_end(text)] == dateline


def test_events_dateline_city_and_date_are_not_the_venue(upto):
    text = "Ganja. 12 May. REPORT.AZ/ A roundtable of diaspora youth was held in Shusha."
    _, found = upto(text, "ortak_event_type", published=dt.date(2023, 5, 12))
    main = found.events[0]
    assert (main.city.name, main.start) == ("Shusha", None)


def test_events_honorary_titles_are_no_verbs(upto):
    text = (
        "The festival was held in Izmir. Honored Artist Leyla Mammadova and Honoured Worker of "
        "Culture Aydin Karimov attended."
    )
    _, found = upto(text, "ortak_event_type")
    assert [e.type for e in found.events] == ["cultural_event"]


def test_events_quoted_name_keeps_its_colon(upto):
    text = 'The "Diaspora Media: Voices of the Turkic World Forum" was held in Kazan.'
    _, found = upto(text, "ortak_event_type")
    assert found.events[0].title == "Diaspora Media: Voices of the Turkic World Forum"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "The 4th meeting of Ministers/Heads of Diaspora Agencies was held in Baku.",
            "ministerial_meeting",
        ),
        (
            "A meeting among senior officials of the diaspora was held in Ankara.",
            "ministerial_meeting",
        ),
    ],
)
def test_events_type_markers_in_slash_joined_and_senior_titles(upto, text, type_):
    _, found = upto(text, "ortak_event_type")
    assert found.events[0].type == type_


def test_events_second_and_2nd_name_one_event(upto):
    text = (
        "The 2nd Diaspora Forum will be held in Ankara. "
        "The second Diaspora Forum will be hosted by Turkey."
    )
    _, found = upto(text, "ortak_planned")
    assert len(found.planned) == 1


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "The forum continued with the signing of a protocol among the relevant structures "
            "of Kazakhstan, Kyrgyzstan and Hungary.",
            {"HU", "KG", "KZ"},
        ),
        (
            "Besides Uzbekistan, Turkey and Kazakhstan, the delegates of Hungary attended the "
            "forum.",
            {"HU", "KZ", "TR", "UZ"},
        ),
    ],
)
def test_parties_from_structures_and_besides_lists(upto, text, codes):
    _, found = upto(text, "ortak_organizers")
    assert {code for code, _ in found.parties} == codes


@pytest.mark.parametrize(
    "body",
    [
        '"This spring we met with young activists in Kazan," the chairman said.',
        "The chairman praised the language lessons organized in Kazan for the youth.",
        "The sides discussed the houses of culture planned in 3 states (Russia in Kazan, "
        "Georgia in Tbilisi).",
        "The chairman thanked the community leaders in Kazan for their work.",
    ],
)
def test_events_fallback_city_is_the_datelines_over_a_stray_in(upto, body):
    text = "Tashkent, Uzbekistan, May 3\n\nThe chairman chaired a meeting of the Council. " + body
    _, found = upto(text, "ortak_event_type", published=dt.date(2024, 5, 3))
    main = found.events[0]
    assert (main.city.name, main.country) == ("Tashkent", "UZ")


@pytest.mark.parametrize(
    "text",
    [
        "The chairman of the Council met the youth. The meeting was held in Kazan.",
        "The chairman of the Council met the youth. The minister said in Kazan on Monday "
        "that the youth matter.",
        "The chairman of the Council met the youth. Members of the community gathered in Kazan.",
    ],
)
def test_events_fallback_city_of_an_event_clause(upto, text):
    _, found = upto(text, "ortak_event_type", published=dt.date(2024, 5, 3))
    assert found.events[0].city.name == "Kazan"


@pytest.mark.parametrize(
    "verb",
    ["chaired", "has chaired today", "co-chaired", "presided over", "moderated"],
)
def test_events_chairing_a_meeting_holds_it(upto, verb):
    text = (
        f"The Deputy Minister {verb} a meeting of the Board of the Diaspora Fund in Bishkek. "
        "The Fund supports compatriots who arrived in Kyrgyzstan."
    )
    _, found = upto(text, "ortak_event_type")
    assert [(e.title, e.status, e.type) for e in found.events] == [
        ("meeting of the Board of the Diaspora Fund in Bishkek", "held", "other")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Minister of Culture arrived in Budapest on Monday.",
        "A delegation led by the chairman arrived in Budapest.",
    ],
)
def test_events_an_officials_arrival_is_a_visit(upto, text):
    _, found = upto(text, "ortak_event_type")
    assert [(e.type, e.country) for e in found.events] == [("visit", "HU")]


@pytest.mark.parametrize("noun", ["expert discussion", "public discussion", "expert dialogue"])
def test_events_expert_discussion_is_a_roundtable(upto, noun):
    text = f'The Fund took part in the {noun} "Diaspora Today", organized by the Institute.'
    _, found = upto(text, "ortak_event_type")
    assert [(e.title, e.type) for e in found.events] == [("Diaspora Today", "roundtable")]


def test_events_anniversary_ceremony_is_dated_by_the_next_bare_mention(upto):
    text = (
        "The Agency has marked its 20th anniversary with a ceremony in Ankara. "
        "In his speech at the event on Thursday, the president thanked the staff."
    )
    _, found = upto(text, "ortak_event_type", published=dt.date(2025, 10, 3))
    main = found.events[0]
    assert (main.type, main.city.name, main.start.date) == (
        "commemoration",
        "Ankara",
        dt.date(2025, 10, 2),
    )
    assert len(found.events) == 1


def test_events_a_quoted_plan_is_planned(upto):
    text = (
        "The Committee held a reception in Baku on Friday. "
        '"We met the youth of the diaspora. A visit to Poland has been planned for next '
        'spring," the chairman said.'
    )
    _, found = upto(text, "ortak_planned", published=dt.date(2024, 5, 3))
    assert [e.type for e in found.events] == ["cultural_event"]
    assert [p.type for p in found.planned] == ["visit"]


def test_events_a_plan_far_back_in_the_clause_keeps_its_event_ahead(upto):
    text = (
        "A roundtable was held in Almaty on Monday. The Fund also plans to bring together "
        "around 300 young compatriots from twelve countries of the world at a summer camp "
        "near Almaty."
    )
    _, found = upto(text, "ortak_planned", published=dt.date(2024, 5, 8))
    assert [e.type for e in found.events] == ["roundtable"]
    assert [p.title for p in found.planned] == ["summer camp near Almaty"]


def test_events_said_during_a_meeting_holds_it(upto):
    text = (
        "Several states will host congresses this year, the Fund's president said during "
        "the foundation's board meeting. Cologne will host a traditional congress in June, "
        "while the youth of the community will meet in July in Moscow."
    )
    _, found = upto(text, "ortak_planned")
    assert [(e.status, e.type) for e in found.events] == [("held", "other")]
    assert [(p.title, p.city.name, p.type) for p in found.planned] == [
        ("traditional congress", "Cologne", "forum"),
        ("meeting of youth of the community", "Moscow", "other"),
    ]


def test_events_two_event_nouns_in_a_row_are_headed_by_the_last(upto):
    text = "Kazakhstan will host a three-day seminar forum for the compatriots in October."
    _, found = upto(text, "ortak_planned")
    assert [p.type for p in found.planned] == ["forum"]


def test_places_local_spelling_of_a_european_city_is_given_in_english(upto):
    _, found = upto("A concert was held in Köln on Friday.", "ortak_places")
    assert [(p.name, p.country) for p in found.places] == [("Cologne", "DE")]


def test_events_a_heading_and_its_lead_tell_one_event(upto):
    text = (
        "The meeting of the Consul General of Uzbekistan B. Karimov with the Uzbek community "
        "of Bavaria was held in Munich\n\n"
        "On March 2, 2021, the Consul General B.Karimov met with compatriots living in "
        "Bavaria.\n\n"
        "The compatriots thanked the consulate for its support."
    )
    _, found = upto(text, "ortak_event_type")
    assert len(found.events) == 1
    main = found.events[0]
    assert (main.city.name, main.start.date) == ("Munich", dt.date(2021, 3, 2))
    assert main.title.startswith("meeting of the Consul General")


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "A roundtable was held in Astana on Monday. The Otandastar Foundation, the Berlin "
            "Regional Cultural Society and the Kazakh club at Oxford University took part.",
            ["KZ"],
        ),
        (
            "A roundtable was held in Astana on Monday. The Otandastar Foundation and the "
            "Embassy of Germany took part.",
            ["DE", "KZ"],
        ),
    ],
)
def test_record_countries_leave_out_where_a_body_is_located(text, countries):
    from ortak.ingest.extract import extract, read_text

    record = extract(read_text(text)).record.to_dict()
    assert record["events"][0]["countries"] == countries


def test_events_a_clause_of_another_subject_tells_its_own_planned_event(upto):
    text = (
        "Bishkek will host a youth forum on June 3-4, while the heads of the diaspora councils "
        "will meet on June 9-10 in Almaty."
    )
    _, found = upto(text, "ortak_planned")
    assert [(p.title, p.city.name) for p in found.planned] == [
        ("youth forum", "Bishkek"),
        ("meeting of heads of the diaspora councils", "Almaty"),
    ]


def test_events_a_seasons_camp_keeps_its_season(upto):
    text = "The Fund will organize a summer camp for the children of compatriots in July."
    _, found = upto(text, "ortak_planned")
    assert [p.title for p in found.planned] == ["summer camp for the children of compatriots"]


def test_events_a_later_sentence_retelling_the_visit_dates_it(upto):
    text = (
        "Mr. Ahmet Kaya, Head of the Agency paid a courtesy visit to the Secretary General "
        "Ambassador Nurlan Sadykov.\n\n"
        "Mr. Ahmet Kaya visited the Secretary General Nurlan Sadykov on 12 March 2019 at the "
        "premises of the Secretariat.\n\n"
        "Mr. Kaya informed Sadykov about the activities of the Agency."
    )
    _, found = upto(text, "ortak_event_type", published=dt.date(2019, 3, 14))
    assert [(e.type, e.start.date) for e in found.events] == [("visit", dt.date(2019, 3, 12))]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("The ambassador met the Kazakh community on Australia's Gold Coast.", "Gold Coast"),
        ("A concert of the diaspora was held in Turkey’s Izmir on Friday.", "Izmir"),
    ],
)
def test_places_a_city_after_its_states_possessive_is_the_venue(upto, text, city):
    _, found = upto(text, "ortak_event_type")
    assert found.events[0].city.name == city


def test_events_participants_of_an_event_visiting_a_city_make_no_visit(upto):
    text = (
        "Participants of the 3rd Summer School for diaspora youth visited Kazakhstan's "
        "Turkistan and Shymkent on Monday."
    )
    _, found = upto(text, "ortak_event_type")
    assert [(e.type, e.status) for e in found.events] == [("training", "held")]


def test_events_a_city_that_will_host_is_not_the_held_events_city(upto):
    text = (
        "The chairman of the Fund said during the board meeting that the Fund has grown. "
        "According to him, Kazan will host a congress of the communities next month."
    )
    _, found = upto(text, "ortak_event_type", published=dt.date(2024, 5, 3))
    assert found.events[0].city is None
