"""The dates written in an article in one of the region's languages.

Day, month and year come in the orders and with the endings of each language: "24 Ocak 2013",
"14-15 октября", "2023 yil 24 may", "20 Қараша, 2021", "12-may", "с 15 по 17 мая",
"mayın 12-də", "12.05.2023". The month words, the words between a range's days and the words
around a year are data of each language (patterns/<lang>/dates.yaml); which date dates the event is
the events reader's choice (regional_events).
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
# A day joined to its month by a hyphen ("12-may", "28-мартта").
_DAY_ON_MONTH = re.compile(r"^(\d{1,2})-[^\W\d_]")
# A day after its month, with its ending ("mayın 12-də", "mayıs ayının 12'sinde").
_DAY_AFTER = re.compile(r"^(\d{1,2})[-'’ʼ][^\W\d_]+$")
_NUMERIC = re.compile(r"^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)$")


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
    """Every date of the text, in order; a day without its year takes the publication's."""
    found = []
    words = text.words
    for k, word in enumerate(words):
        if word.month:
            date = _date_around(text, k, word.month, published)
            if date is not None:
                found.append(date)
        elif word.kind == "word" and (match := _NUMERIC.match(word.text)):
            day, month, year = (int(g) for g in match.groups())
            value = _partial(year, month, day)
            if value is not None:
                found.append(TextDate(k, k + 1, value))
    for date in found:
        date.sent = words[date.start].sent
    return found


def _date_around(text: Text, k: int, month: int, published: dt.date | None) -> TextDate | None:
    """ "24 Ocak 2013", "14-15 октября", "2023 yil 24 may", "20 Қараша, 2021", "12-may",
    "с 15 по 17 мая", "mayın 12-də", "mayıs ayının 12'sinde": the date around word `k`,
    which names `month`."""
    words = text.words
    start, end, days = _days(text, k)
    year_at = _year_after(text, end - 1)
    if year_at is None:
        year_at = _year_before(text, min(start, k))
    if year_at is not None:
        start, end = min(start, year_at), max(end, year_at + 1)
        year = int(words[year_at].text[:4])
    elif days is not None and published is not None:
        year = published.year
    else:
        return None
    if days is None:
        return TextDate(start, end, PartialDate(dt.date(year, month, 1), "month"))
    first = _partial(year, month, days[0])
    last = _partial(year, month, days[1]) if days[1] else None
    if first is None:
        return None
    return TextDate(start, end, first, last, year_written=year_at is not None)


def _days(text: Text, k: int) -> tuple[int, int, tuple[int, int | None] | None]:
    """(start, end, (first day, last day)) of the days written with the month at word `k`:
    before it ("14-15 октября", "с 15 по 17 мая"), on it ("12-may") or after it, as an
    ordinal with its ending ("mayın 12-də", "mayıs ayının 12'sinde"); days None if none."""
    words = text.words
    if match := _DAY_ON_MONTH.match(words[k].text):
        return k, k + 1, (int(match.group(1)), None)
    if k > 0 and (match := _DAYS.match(words[k - 1].text)):
        first, last = match.groups()
        if last is None and (before := _range_start(text, k - 1)) is not None:
            return before, k + 1, (int(words[before].text), int(first))
        return k - 1, k + 1, (int(first), int(last) if last else None)
    month_words = languages.words(text.lang, "dates", "month_words")
    after = k + 1
    if after < len(words) and words[after].lower in month_words:
        after += 1
    if after < len(words) and (match := _DAY_AFTER.match(words[after].text)):
        return k, after + 1, (int(match.group(1)), None)
    return k, k + 1, None


def _range_start(text: Text, k: int) -> int | None:
    """The first day of "15 по 17", "15 до 17": word `k` is the last day."""
    range_words = languages.words(text.lang, "dates", "range_words")
    if k < 2 or text.words[k - 1].lower not in range_words:
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
