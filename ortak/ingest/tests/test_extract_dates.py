"""ortak_dates_v1: date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2022, 3, 28)  # a Monday


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("It was held on 28-30 March 2022 in Bursa.", None, "2022-03-28", "2022-03-30"),
        ("It was convened on 18 November 2024.", None, "2024-11-18", None),
        ("It opened on October 11, 2022, in Bishkek.", None, "2022-10-11", None),
        ("It kicked off on Monday.", PUBLISHED, "2022-03-28", None),
        ("It was held on Wednesday.", PUBLISHED, "2022-03-23", None),
        ("It was held in Baku today.", PUBLISHED, "2022-03-28", None),
        ("It was held on June 14 in Ankara.", dt.date(2013, 6, 21), "2013-06-14", None),
        (
            "They visited Hungary on October 24-26.",
            dt.date(2018, 11, 2),
            "2018-10-24",
            "2018-10-26",
        ),
        ("Training is planned in March 2019.", None, "2019-03", None),
        ("It will be held next year.", PUBLISHED, "2023", None),
        ("Projects envisaged for 2019.", None, "2019", None),
        ("Форум прошел 18 ноября 2024 года в Ташкенте.", None, "2024-11-18", None),
    ],
)
def test_dates_resolve_to_iso_with_precision(upto, text, published, start, end):
    _, found = upto(text, "ortak_dates", published=published)
    date = found.dates[0]
    assert str(date.start) == start
    assert (str(date.end) if date.end else None) == end


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("It was held today.", None),
        ("It kicked off on Monday.", None),
        ("They visited Hungary on October 24-26.", None),
        ("It was held on June 14.", dt.date(2013, 1, 10)),
    ],
)
def test_dates_the_publication_date_cannot_settle_stay_null(upto, text, published):
    _, found = upto(text, "ortak_dates", published=published)
    assert found.dates and found.dates[0].start is None


def test_dates_month_parts_take_the_year_of_the_sentence(upto):
    text = "Training in March 2019, and in the end of May and the beginning of June."
    _, found = upto(text, "ortak_dates")
    assert [str(d.start) for d in found.dates] == ["2019-03", "2019-05", "2019-06"]


@pytest.mark.parametrize("text", ["May I say a word?", "They march on."])
def test_dates_month_words_alone_are_no_dates(upto, text):
    _, found = upto(text, "ortak_dates")
    assert not [d for d in found.dates if d.start]


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("It ran from 30 May - 1 June 2019 in Baku.", None, "2019-05-30", "2019-06-01"),
        ("It ran May 30 - June 1, 2019, in Baku.", None, "2019-05-30", "2019-06-01"),
        ("It ran 30 December - 2 January 2024.", None, "2023-12-30", "2024-01-02"),
        (
            "It was held from April 15 to 18 in Ankara.",
            dt.date(2023, 4, 20),
            "2023-04-15",
            "2023-04-18",
        ),
        ("It was held on 15 to 18 April 2023.", None, "2023-04-15", "2023-04-18"),
        ("They met in Astana last week.", dt.date(2024, 6, 17), "2024-06", None),
        ("They met in Astana last week.", dt.date(2024, 7, 3), "2024-06", None),
        ("They met in Astana last month.", dt.date(2024, 3, 31), "2024-02", None),
        ("They met in Astana this week.", dt.date(2024, 3, 5), "2024-03", None),
    ],
)
def test_dates_ranges_and_relative_weeks(upto, text, published, start, end):
    _, found = upto(text, "ortak_dates", published=published)
    date = found.dates[0]
    assert (str(date.start), str(date.end) if date.end else None) == (start, end)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The forum was held on Wednesday.", "2022-03-23"),
        ("The forum will close on Wednesday.", "2022-03-30"),
        ("The training is scheduled for Friday.", "2022-04-01"),
        ("The training was held in February.", "2022-02"),
        ("The training will be held in February.", "2023-02"),
        ("The training will be held in September.", "2022-09"),
    ],
)
def test_dates_a_sentence_looking_ahead_dates_forward(upto, text, start):
    _, found = upto(text, "ortak_dates", published=PUBLISHED)
    assert str(found.dates[0].start) == start


def test_dates_a_year_dating_a_plan_gives_no_year_to_a_month(upto):
    text = "They approved the plan for 2025 and will meet in Tashkent in November."
    _, found = upto(text, "ortak_dates", published=dt.date(2024, 10, 9))
    assert [str(d.start) for d in found.dates if d.start.precision == "month"] == ["2024-11"]


@pytest.mark.parametrize(
    "text",
    [
        "It was held on 28-30 MARCH 2022 in Bursa.",
        "KASIM 2023, 14 kasım, 3 Kasim and 30 May - 1 June 2019.",
        "İstanbul hosted it on 12 NOVEMBER; the ſunday after, on SUNDAY, next year.",
        "Between April 15 to 18 and on 12.03.2024, then 2024-03-12, in 2025.",
    ],
)
def test_dates_found_in_folded_text_match_the_case_insensitive_patterns(text):
    """Candidates are searched in case-folded text: the same as the case-insensitive scan."""
    from ortak.ingest.extract.components import dates

    across = bool(dates._ACROSS_GATE.search(text))
    reference = dates._chosen(
        [dates._scan(kind, regex, text, across) for kind, regex in dates._regexes()]
    )
    found = [(kind, m.span(), m.groupdict()) for kind, m in dates._candidates(text)]
    assert found == [(kind, m.span(), m.groupdict()) for kind, m in reference]
