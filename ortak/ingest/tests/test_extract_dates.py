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
