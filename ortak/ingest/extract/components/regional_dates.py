"""The dates written in an article in one of the region's languages.

Day, month and year come in the orders and with the endings of each language: "24 Ocak 2013",
"14-15 октября", "2023 yil 24 may", "20 Қараша, 2021", "12-may", "с 15 по 17 мая",
"mayın 12-də", "12.05.2023". The month words, the words between a range's days and the words
around a year are data of each language (patterns/<lang>/dates.yaml); which date dates the event is
the events reader's choice (regional_event_dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ortak.core.dates import PartialDate
from ortak.ingest.extract import languages
from ortak.ingest.extract.regional_text import Text

# A year, alone or with its ending joined by a hyphen ("2022-ci", "2022-жылы", "2023-yil").
_YEAR = re.compile(r"^((?:19|20)\d\d)(?:[-'’ʼ][^\W\d_]+)?$")
_DAYS = re.compile(r"^(\d{1,2})(?:[-–](\d{1,2}))?$")
# A day or two joined to their month by a hyphen ("12-may", "28-мартта", "14-15-noyabr").
_DAY_ON_MONTH = re.compile(r"^(\d{1,2})(?:[-–](\d{1,2}))?-[^\W\d_]")
# Days after their month, with their ending ("mayın 12-də", "mayıs ayının 12'sinde",
# "noyabrın 14-15-də").
_DAY_AFTER = re.compile(r"^(\d{1,2})(?:[-–](\d{1,2}))?[-'’ʼ][^\W\d_]+$")
# "12.05.2023", read from the text: the words split at its stops.
_NUMERIC = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?!\d)")
# A month with the next month's day glued to it ("Kasım-2" in "30 Kasım-2 Aralık 2023").
_MONTH_THEN_DAY = re.compile(r"^[^\W\d_]+[-–](\d{1,2})$")
# Between a range's first and last day written apart ("14 – 15 Kasım").
_DASHES = frozenset("-–—")


@dataclass
class TextDate:
    """A date found between words `start` and `end` of sentence `sent`; `until` ends a range."""

    start: int
    end: int
    value: PartialDate
    until: PartialDate | None = None
    sent: int = 0
    # On a short line of its own (a dateline): set by the reader, which knows the cues.
    short_line: bool = False
    # The year is written in the text, not taken from the publication date.
    year_written: bool = True


def dates_in(text: Text, published: dt.date | None) -> list[TextDate]:
    """Every date of the text, in order; a day without its year takes the publication's, or
    where the publication's date is unknown, the year of the last date written in full
    before it ("2022-yil 31-may ... Yoshlar forumi (3-4-iyun, Buxoro)")."""
    found: list[TextDate] = []
    words = text.words
    reference = published
    for k, word in enumerate(words):
        if found and k < found[-1].end:
            continue  # the second month of "30 Kasım-2 Aralık 2023", read with the first
        if word.month:
            date = _date_around(text, k, word.month, reference)
            if date is not None:
                found.append(date)
                if published is None and date.year_written:
                    reference = date.value.date
        elif word.text.isdigit() and (date := _numeric(text, k)) is not None:
            found.append(date)
    found += _years(text, found)
    found.sort(key=lambda d: d.start)
    for date in found:
        date.sent = words[date.start].sent
    return _across_months(text, found)


def _years(text: Text, found: list[TextDate]) -> list[TextDate]:
    """A year named as one ("2017 yılında", "в 2018 году", "2019-yilda", "2020-жылы") outside
    the dates of `found`: a date of year precision, which dates planned events."""
    taken = {k for date in found for k in range(date.start, date.end)}
    years = []
    for k, word in enumerate(text.words):
        match = _YEAR.match(word.text)
        if match is None or k in taken:
            continue
        glued = word.text[4:].lstrip("-'’ʼ")
        after = text.words[k + 1] if k + 1 < len(text.words) else None
        if (glued and _year_word(text.lang, glued)) or (
            after is not None and after.kind == "word" and _year_word(text.lang, after.text)
        ):
            value = PartialDate(dt.date(int(match.group(1)), 1, 1), "year")
            years.append(TextDate(k, k + 1, value))
    return years


def _numeric(text: Text, k: int) -> TextDate | None:
    """ "12.05.2023" starting at word `k`."""
    match = _NUMERIC.match(text.text, text.words[k].start)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    value = _partial(year, month, day)
    end = k
    while end < len(text.words) and text.words[end].start < match.end():
        end += 1
    return TextDate(k, end, value) if value is not None else None


def _across_months(text: Text, found: list[TextDate]) -> list[TextDate]:
    """ "30 ноября – 2 декабря 2023 года", "30 Kasım – 2 Aralık 2023": a first day with no
    year of its own, a dash, then a full date, are one range in the second date's year."""
    out: list[TextDate] = []
    for date in found:
        first = out[-1] if out else None
        if (
            first is not None
            and not first.year_written
            and first.until is None
            and date.year_written
            and date.value.precision == "day"
            and first.value.precision == "day"
            and date.start == first.end + 1
            and text.words[first.end].text in _DASHES | _range_words(text)
        ):
            year = date.value.date.year
            value = _partial(year, first.value.date.month, first.value.date.day)
            if value is not None and value.date < date.value.date:
                out[-1] = TextDate(first.start, date.end, value, date.value, first.sent)
                continue
        out.append(date)
    return out


def _range_end_year(text: Text, end: int) -> int | None:
    """The year of "1 ноября 2019 года" after "28 октября –": a range's last date, a dash
    (or "по", "до") from word `end` on."""
    words = text.words
    if end + 2 >= len(words) or words[end].text not in _DASHES | _range_words(text):
        return None
    if not (words[end + 1].text.isdigit() and words[end + 2].month):
        return None
    year_at = _year_after(text, end + 2)
    return int(words[year_at].text[:4]) if year_at is not None else None


def _range_words(text: Text) -> frozenset[str]:
    return languages.words(text.lang, "dates", "range_words")


def _date_around(text: Text, k: int, month: int, published: dt.date | None) -> TextDate | None:
    """ "24 Ocak 2013", "14-15 октября", "2023 yil 24 may", "20 Қараша, 2021", "12-may",
    "с 15 по 17 мая", "mayın 12-də", "mayıs ayının 12'sinde": the date around word `k`,
    which names `month`."""
    words = text.words
    start, end, days = _days(text, k)
    if days is not None and (until := _month_then_day(text, k)) is not None:
        end, days, month_until = k + 2, (days[0], until[1]), until[0]
    else:
        month_until = month
    year_at = _year_after(text, end - 1)
    if year_at is None:
        year_at = _year_before(text, min(start, k))
    if year_at is not None:
        start, end = min(start, year_at), max(end, year_at + 1)
        year = int(words[year_at].text[:4])
    elif days is not None and (later := _range_end_year(text, end)) is not None:
        year = later  # joined to the range's last date by _across_months
    elif days is not None and published is not None:
        year = published.year
    else:
        return None
    if days is None:
        return TextDate(start, end, PartialDate(dt.date(year, month, 1), "month"))
    first = _partial(year, month, days[0])
    last = _partial(year, month_until, days[1]) if days[1] else None
    if first is None:
        return None
    return TextDate(start, end, first, last, year_written=year_at is not None)


def _month_then_day(text: Text, k: int) -> tuple[int, int] | None:
    """(month, day) of a range's last day glued to its first month by a hyphen: "Kasım-2
    Aralık" in "30 Kasım-2 Aralık 2023"."""
    match = _MONTH_THEN_DAY.match(text.words[k].text)
    if match is None or k + 1 >= len(text.words) or not text.words[k + 1].month:
        return None
    return text.words[k + 1].month or 0, int(match.group(1))


def _days(text: Text, k: int) -> tuple[int, int, tuple[int, int | None] | None]:
    """(start, end, (first day, last day)) of the days written with the month at word `k`:
    before it ("14-15 октября", "с 15 по 17 мая"), on it ("12-may") or after it, as an
    ordinal with its ending ("mayın 12-də", "mayıs ayının 12'sinde"); days None if none."""
    words = text.words
    if match := _DAY_ON_MONTH.match(words[k].text):
        return _with_first_day(text, k, k, k + 1, match)
    if k > 0 and (match := _DAYS.match(words[k - 1].text)):
        return _with_first_day(text, k - 1, k - 1, k + 1, match)
    month_words = languages.words(text.lang, "dates", "month_words")
    after = k + 1
    if after < len(words) and words[after].lower in month_words:
        after += 1
    if after < len(words) and (match := _DAY_AFTER.match(words[after].text)):
        first, last = match.groups()
        return k, after + 1, (int(first), int(last) if last else None)
    return k, k + 1, None


def _with_first_day(
    text: Text, at: int, start: int, end: int, match: re.Match[str]
) -> tuple[int, int, tuple[int, int | None]]:
    """The days of word `at` ("14-15", "15-noyabrda"), with a first day written before it
    ("с 15 по 17 мая", "14 – 15 Kasım") when it holds only the last."""
    first, last = match.groups()
    if last is None and (before := _range_start(text, at)) is not None:
        return before, end, (int(text.words[before].text), int(first))
    return start, end, (int(first), int(last) if last else None)


def _range_start(text: Text, k: int) -> int | None:
    """The first day of "15 по 17", "15 до 17", "15 – 17": word `k` is the last day."""
    if k < 2 or text.words[k - 1].lower not in _range_words(text) | _DASHES:
        return None
    first = text.words[k - 2].text
    return k - 2 if first.isdigit() and len(first) <= 2 else None


def _year_after(text: Text, k: int) -> int | None:
    for j in range(k + 1, min(k + 3, len(text.words))):
        word = text.words[j]
        if _YEAR.match(word.text):
            return j
        if word.kind == "word":
            return None
    return None


def _year_before(text: Text, k: int) -> int | None:
    for j in range(k - 1, max(k - 4, -1), -1):
        word = text.words[j]
        if _YEAR.match(word.text):
            return j
        if word.kind == "word" and not _year_word(text.lang, word.text):
            return None
    return None


def _year_word(lang: str, word: str) -> bool:
    """ "жылы", "жылдың", "yilning", "yılının": the word "year" with any case ending of the
    language ("2018 жылдың 8 ақпанында": the year in the genitive before its day)."""
    year_words = languages.words(lang, "dates", "year_words")
    return any(base in year_words for base in languages.base_forms(lang, word))


def _partial(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return PartialDate(dt.date(year, month, day), "day")
    except ValueError:
        return None
