"""The publication date a plain-text article carries at its top.

News text gives it in one of a few places: a leading ` date YYYY-MM-DD` line (Ortak's own
saved articles), a time stamp ("21 June 2013 17:51"), a header line holding only a date
("23 November, 2023", "Istanbul, 9 October 2024"), or an agency dateline opening the first
paragraph ("BAKU, Azerbaijan, Sept. 26, 2023 –"). A date without a year settles nothing.
The month may be named in any language of the region ("24 мая, 2023", "20 Қараша, 2021",
"28 Мар 2022"): the month names are those of the languages' date data.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s*")
# A ` date` line with only a month or a year: it goes, and dates nothing to the day.
PARTIAL_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4})(?:-(\d{2}))?\s+")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# A month's word in any script; `_month_number` tells whether it names one.
_MONTH = r"(?P<month>[^\W\d_]{3,})\.?"
# Between day or month and year: a comma with or without a space ("November 06,2018"), or
# spaces only; a date ends where no digit follows ("2018-11-06T10:25").
_TO_YEAR = r"(?:,\s*|\s+)"
_FULL_DATES = (
    re.compile(rf"\b{_DAY}\s+{_MONTH}{_TO_YEAR}{_YEAR}(?!\d)", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_TO_YEAR}{_YEAR}(?!\d)", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})([-/.])(?P<mnum>\d{1,2})\2(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"\b(?P<day>\d{1,2})([./])(?P<mnum>\d{1,2})\2(?P<year>(?:19|20)\d{2})(?!\d)"),
)
_STAMP = re.compile(rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}\s+\d{{1,2}}:\d{{2}}\b", re.I)
# A header line is short: a date, perhaps with a place, a weekday or a time beside it.
_HEADER_WORDS = 8
_HEADER_LINES = 6
# An agency dateline: a place in capitals (and perhaps its country), then the date.
_DATELINE = re.compile(
    r"\A[A-ZÇƏĞİÖŞÜ][A-ZÇƏĞİÖŞÜ .'’-]{2,30}(?:\([^)]{1,20}\))?,\s*(?:[A-Z]\w+,\s*)?"
)
# A dateline whose place is closed by a full stop, or written in lower case: the day and
# month or the agency in capitals must follow ("Baku. 9 July. REPORT.AZ/", "Baku, July 9
# (AZERTAC) -", "ASTANA. KAZINFORM -").
_PLACE_DOT = re.compile(r"\A[A-ZÇƏĞİÖŞÜ][^\W\d_]{2,20}(?:[ -][A-Z][^\W\d_]{2,20})?[.,]\s*")
_DAY_MONTHS = (
    re.compile(rf"{_DAY}\s+{_MONTH}(?:{_TO_YEAR}{_YEAR})?(?=[.,(/\s])"),
    re.compile(rf"{_MONTH}\s+{_DAY}(?:{_TO_YEAR}{_YEAR})?(?=[.,(/\s])"),
)
_AGENCY = re.compile(r"[A-Z]{3,}(?:\.[A-Z]{2,3})?\s*(?=[/(–—-])")


def published_date(text: str) -> tuple[str, dt.date | None]:
    """(text, date): a ` date` line is removed from the text; other forms stay in it."""
    match = DATE_LINE.match(text)
    if match:
        return text[match.end() :], dt.date.fromisoformat(match.group(1))
    partial = PARTIAL_DATE_LINE.match(text)
    if partial:
        return text[partial.end() :], None
    head = text[:600]
    stamp = next(_valid(_STAMP, head[:400]), None)
    if stamp is not None:
        return text, stamp
    return text, _header_date(head) or _dateline_date(head)


def _header_date(head: str) -> dt.date | None:
    """A date standing on a short line of its own near the top."""
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    for line in lines[:_HEADER_LINES]:
        if len(line.split()) > _HEADER_WORDS:
            continue
        for regex in _FULL_DATES:
            for match in regex.finditer(line):
                date = _date(match)
                if date and _only_beside(line[: match.start()] + " " + line[match.end() :]):
                    return date
    return None


def _only_beside(rest: str) -> bool:
    """What a header line may hold besides its date: a place, a weekday, a time."""
    words = re.findall(r"[^\W\d_]+", rest)
    return len(words) <= 3 and all(w[0].isupper() for w in words)


def _dateline_start(line: str) -> int | None:
    """Where the date of a dateline opening `line` would begin, or None if none opens it."""
    match = _DATELINE.match(line)
    if match is not None:
        return match.end()
    place = _PLACE_DOT.match(line)
    if place is None:
        return None
    rest = line[place.end() :]
    for regex in _DAY_MONTHS:
        date = regex.match(rest)
        if date is not None and _month_number(date.group("month")):
            return place.end()
    return place.end() if _AGENCY.match(rest) else None


def _dateline_date(head: str) -> dt.date | None:
    """ "BAKU, Azerbaijan, Sept. 26, 2023 /Trend/ -": the date right after the place, at
    the start of one of the first lines (a headline may stand above it)."""
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    for line in lines[:_HEADER_LINES]:
        start = _dateline_start(line)
        if start is not None:
            date = full_date(line[start : start + 25], anchored=True)
            if date is not None:
                return date
    return None


_DATELINE_END = re.compile(r"\s[–—-]\s|/\s*[–—-]?\s|:\s|\.\s|\)\s*[–—-]?\s")


def dateline_end(text: str) -> int:
    """Offset where a dateline opening `text` ends ("WARSAW, 15 November 2024 – "), else 0:
    the date there is the agency's, not the event's."""
    stripped = len(text) - len(text.lstrip())
    start = _dateline_start(text[stripped : stripped + 120])
    if start is None:
        return 0
    start += stripped + _date_length(text[stripped + start : stripped + start + 30])
    end = _DATELINE_END.search(text, start, start + 60)
    if end is None:
        return 0
    # "Baku. 9 July. REPORT.AZ/ ...": the agency after the date belongs to the dateline.
    agency = _AGENCY.match(text, end.end())
    if agency is not None:
        close = _DATELINE_END.search(text, agency.end(), agency.end() + 4)
        return close.end() if close else end.end()
    return end.end()


def _date_length(text: str) -> int:
    """Length of the date opening `text` ("Sept. 26, 2023"), whose full stop ends nothing."""
    for regex in (*_FULL_DATES, *_DAY_MONTHS):
        match = regex.match(text)
        if match is not None and (match.groupdict().get("mnum") or _month_number(match["month"])):
            return match.end()
    return 0


def full_date(text: str, *, anchored: bool = False) -> dt.date | None:
    """The first date with day, month and year in `text` (at its start when `anchored`)."""
    for regex in _FULL_DATES:
        matches = [regex.match(text)] if anchored else regex.finditer(text)
        for match in matches:
            date = _date(match) if match else None
            if date is not None:
                return date
    return None


def _valid(regex: re.Pattern[str], text: str) -> Iterator[dt.date]:
    """The dates `regex` finds in `text` whose month word names a month."""
    for match in regex.finditer(text):
        date = _date(match)
        if date is not None:
            yield date


def _date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _month_number(groups["month"])
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def _month_number(word: str) -> int:
    """The month a word names: an English month or its first three letters or more ("Sept"),
    else a month of a language of the region ("мая", "Қараша", "Мар"); 0 for any other word."""
    lower = word.lower()
    english = next((n for n, name in enumerate(_MONTHS, 1) if name.startswith(lower)), 0)
    if english:
        return english
    return _regional_months().get(lower, 0)


@functools.cache
def _regional_months() -> dict[str, int]:
    from ortak.ingest.extract import languages

    return {form: number for lang in languages.known() for form, number in languages.months(lang)}


def published_month(text: str) -> dt.date | None:
    """The first day of the month a ` date 2022-03` line gives: the publication is known to
    the month only, enough to date "today" to that month; None for any other text."""
    match = PARTIAL_DATE_LINE.match(text)
    if match is None or match.group(2) is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None
