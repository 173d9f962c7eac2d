"""ortak_dates_v1: date expressions, resolved against the publication date.

Regular expressions find the candidates ("28-30 March 2022", "October 24-26", "on Monday",
"the end of May", "next year"); dateparser reads only those (cached), and the rules here
settle what dateparser cannot know: a missing year, a weekday, a part of a month.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ortak.core.dates import PartialDate
from ortak.ingest.extract import lexicon, patterns
from ortak.ingest.extract.findings import DateMention, findings

# Between the two ends of a range: a dash, or "to", "through", "until" ("from April 15 to 18").
_DASH = r"\s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b|\btill\b|\bпо\b)\s*"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?(?:\s+(?:года|г\.|yılı|il|ж\.))?"
_BASE = dt.datetime(2000, 1, 1)  # a leap year, so "29 February" parses before the year is set

# A candidate's named groups (a string, or None where a group did not take part), with the
# flags "prep" and "ahead" added for a month or a weekday; Any because `re` types the groups so.
_Groups = dict[str, Any]
# The start and end a candidate resolves to, each None where the text does not settle it.
_Resolved = tuple[PartialDate | None, PartialDate | None]
# A trie of month names: a letter to the node after it, "" marking the end of a name.
_Trie = dict[str, "_Trie"]


def _month_alternation() -> str:
    names = {str(n).lower() for names in patterns.load("dates")["months"].values() for n in names}
    return _trie(sorted(names))


def _trie(words: list[str]) -> str:
    """One alternation of `words` factored by their common starts ("jan(?:uary)?"), so that
    the engine tells at the first letter whether a month can start here. Longer words are
    tried before their prefixes, as a longest-first alternation would."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


def _names(key: str) -> dict[str, int]:
    return {str(n).lower(): int(k) for k, ns in patterns.load("dates")[key].items() for n in ns}


@functools.cache
def _regexes() -> list[tuple[str, re.Pattern[str]]]:
    month = rf"(?P<month>{_month_alternation()})\.?"
    weekdays = "|".join(sorted(_names("weekdays"), key=len, reverse=True))
    month2 = month.replace("?P<month>", "?P<month2>")
    days = "|".join(patterns.load("dates")["relative_days"])
    years = "|".join(sorted(patterns.load("dates")["relative_years"], key=len, reverse=True))
    spans = "|".join(sorted(patterns.load("dates")["relative_months"], key=len, reverse=True))
    table = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        ("dotted", r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
        # Across two months: "30 May - 1 June 2019", "May 30 - June 1, 2019".
        (
            "cross_day_month",
            rf"\b(?P<day>\d{{1,2}})\s+{month}{_DASH}(?P<day2>\d{{1,2}})\s+{month2}\b{_YEAR}",
        ),
        (
            "cross_month_day",
            rf"\b{month}\s+(?P<day>\d{{1,2}}){_DASH}{month2}\s+(?P<day2>\d{{1,2}})\b{_YEAR}",
        ),
        ("day_range", rf"\b(?P<day>\d{{1,2}}){_DASH}(?P<day2>\d{{1,2}})\s+{month}\b{_YEAR}"),
        ("month_range", rf"\b{month}\s+(?P<day>\d{{1,2}}){_DASH}(?P<day2>\d{{1,2}})\b{_YEAR}"),
        ("day_month", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}\b{_YEAR}"),
        ("month_day", rf"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*%){_YEAR}"),
        # A month alone ("in March", "the end of May"): the words before it are read apart.
        ("month", rf"\b{month}\b{_YEAR}"),
        (
            "year",
            r"\b(?:in|for|of|since|by|until|till|to|в|until the end of)\s+"
            r"(?P<y>(?:19|20)\d{2})\b(?![-–]\d)",
        ),
        ("relative_year", rf"\b(?P<rel>{years})\b"),
        ("relative_month", rf"\b(?P<rel>{spans})\b"),
        ("relative_day", rf"\b(?P<rel>{days})\b"),
        ("weekday", rf"\b(?:on\s+|в\s+)?(?P<wd>{weekdays})\b"),
    ]
    return [(kind, re.compile(rx, re.I)) for kind, rx in table]


@Language.factory("ortak_dates_v1", default_config={"max_days_from_published": 120})
def make_dates(nlp: Language, name: str, *, max_days_from_published: int) -> Dates:
    """Build the date finder."""
    return Dates(max_days=max_days_from_published)


class Dates:
    """Finds date expressions and resolves each to a start (and end) PartialDate."""

    def __init__(self, *, max_days: int) -> None:
        self.max_days = max_days
        self.months = _names("months")
        self.weekdays = _names("weekdays")

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        for kind, match in _candidates(lexicon.doc_text(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            start, end = self.resolve(kind, match, doc, found.published)
            found.dates.append(DateMention(span=span, start=start, end=end))
        doc.spans["ortak_dates"] = [d.span for d in found.dates]
        return doc

    def resolve(
        self, kind: str, match: re.Match[str], doc: Doc, published: dt.date | None
    ) -> _Resolved:
        """(start, end) of one candidate; (None, None) where the text cannot settle it."""
        handler: _Handler = getattr(self, f"_{kind}")
        text = lexicon.doc_text(doc)
        context_year = _year_before(text, match.start())
        groups = match.groupdict()
        if kind == "month":
            groups["prep"] = _month_lead(text[max(0, match.start() - 40) : match.start()])
        if kind in {"weekday", "month"}:
            groups["ahead"] = _looks_ahead(text, match.start())
        return handler(groups, published, context_year)

    def _iso(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        return _day(int(g["y"]), int(g["m"]), int(g["d"])), None

    def _dotted(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        return _day(int(g["y"]), int(g["m"]), int(g["d"])), None

    def _day_month(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        return self._dated(g["day"], g["month"], g["year"], published, year), None

    def _month_day(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        return self._day_month(g, published, year)

    def _day_range(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        start = self._dated(g["day"], g["month"], g["year"], published, year)
        end = self._dated(g["day2"], g["month"], g["year"], published, year)
        return start, end

    def _month_range(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        return self._day_range(g, published, year)

    def _cross_day_month(
        self, g: _Groups, published: dt.date | None, year: int | None
    ) -> _Resolved:
        start = self._dated(g["day"], g["month"], g["year"], published, year)
        end = self._dated(g["day2"], g["month2"], g["year"], published, year)
        if start and end and end.date < start.date:  # "30 December - 2 January 2024"
            start = _day(start.date.year - 1, start.date.month, start.date.day)
        return start, end

    def _cross_month_day(
        self, g: _Groups, published: dt.date | None, year: int | None
    ) -> _Resolved:
        return self._cross_day_month(g, published, year)

    def _month(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        month = self.months[g["month"].lower()]
        if not (g["year"] or g["prep"]):
            return None, None  # "May I say", "march": a month alone needs "in", "end of"...
        year_value = (
            int(g["year"]) if g["year"] else year or _nearest_year(month, published, g["ahead"])
        )
        return (
            (PartialDate(dt.date(year_value, month, 1), "month"), None)
            if year_value
            else (None, None)
        )

    def _year(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        return PartialDate(dt.date(int(g["y"]), 1, 1), "year"), None

    def _relative_year(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        if published is None:
            return None, None
        offset = patterns.load("dates")["relative_years"][g["rel"].lower()]
        return PartialDate(dt.date(published.year + offset, 1, 1), "year"), None

    def _relative_month(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        """ "last week", "this month": the month it falls in, the day being unknown."""
        if published is None:
            return None, None
        offset = patterns.load("dates")["relative_months"][g["rel"].lower()]
        day = published + dt.timedelta(days=offset)
        if offset <= -28:  # "last month": the month before, whatever its length
            day = published.replace(day=1) - dt.timedelta(days=1)
        return PartialDate(day.replace(day=1), "month"), None

    def _relative_day(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        if published is None:
            return None, None
        offset = patterns.load("dates")["relative_days"][g["rel"].lower()]
        return PartialDate(published + dt.timedelta(days=offset)), None

    def _weekday(self, g: _Groups, published: dt.date | None, year: int | None) -> _Resolved:
        """The named weekday on or before publication (news reports what has happened), or
        on or after it where the sentence looks ahead ("will close on Friday")."""
        if published is None:
            return None, None
        weekday = self.weekdays[g["wd"].lower()]
        if g.get("ahead"):
            return PartialDate(
                published + dt.timedelta(days=(weekday - published.isoweekday()) % 7)
            ), None
        back = (published.isoweekday() - weekday) % 7
        return PartialDate(published - dt.timedelta(days=back)), None

    def _dated(
        self,
        day: str,
        month_word: str,
        year_text: str | None,
        published: dt.date | None,
        context_year: int | None,
    ) -> PartialDate | None:
        parsed = _parse(f"{day} {month_word}")
        if parsed is None:
            return None
        if year_text:
            return _day(int(year_text), parsed.month, parsed.day)
        if context_year:
            return _day(context_year, parsed.month, parsed.day)
        return self._year_from_published(parsed, published)

    def _year_from_published(
        self, parsed: dt.date, published: dt.date | None
    ) -> PartialDate | None:
        """The year that brings day and month closest to publication, if close enough."""
        if published is None:
            return None
        dates = [
            _safe_date(y, parsed.month, parsed.day)
            for y in (published.year - 1, published.year, published.year + 1)
        ]
        options = [d for d in dates if d is not None]
        best = min(options, key=lambda d: abs((d - published).days), default=None)
        if best is None or abs((best - published).days) > self.max_days:
            return None
        return PartialDate(best)


# One of the `_<kind>` methods of `Dates`: the groups, the publication date, the year of the
# sentence's last date.
_Handler = Callable[[_Groups, dt.date | None, int | None], _Resolved]

_ACROSS_GATE = re.compile(
    r"\d\s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*[^\W\d]"
    r"|[^\W\d]\.?\s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*\d"
)


def _candidates(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Non-overlapping candidates, the more specific pattern first."""
    # A range across two months needs a day and a dash before a word.
    across = bool(_ACROSS_GATE.search(text))
    folded = _folded(text)
    if folded is not None:
        try:
            scans = [_rematched(r, text, f) for r, f in _folded_scans(folded, across)]
            return _chosen(scans)
        except _Disagreement:
            pass  # never seen; the case-insensitive scan below is the reference
    return _chosen([_scan(kind, regex, text, across) for kind, regex in _regexes()])


def _scan(kind: str, regex: re.Pattern[str], text: str, across: bool) -> list[re.Match[str]]:
    return list(regex.finditer(text)) if across or not kind.startswith("cross_") else []


def _chosen(scans: list[list[re.Match[str]]]) -> Iterator[tuple[str, re.Match[str]]]:
    """The matches of each pattern in turn, those overlapping an earlier one left out."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, re.Match[str]]] = []
    for (kind, _), matches in zip(_regexes(), scans, strict=True):
        for match in matches:
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append(match.span())
            found.append((kind, match))
    return iter(sorted(found, key=lambda item: item[1].start()))


class _Disagreement(Exception):
    """A pattern matched the folded text where it does not match the text itself."""


def _folded_scans(
    folded: str, across: bool
) -> Iterator[tuple[re.Pattern[str], list[re.Match[str]]]]:
    for (kind, regex), (_, fast) in zip(_regexes(), _folded_regexes(), strict=True):
        yield regex, _scan(kind, fast, folded, across)


def _rematched(
    regex: re.Pattern[str], text: str, found: list[re.Match[str]]
) -> list[re.Match[str]]:
    """The matches found in the folded text, matched again on the text itself so that their
    groups read as written."""
    matches = []
    for match in found:
        again = regex.match(text, match.start())
        if again is None or again.end() != match.end():
            raise _Disagreement(match.group())
        matches.append(again)
    return matches


@functools.cache
def _case_classes() -> dict[int, str] | None:
    """Letters Python's case-insensitive matching holds equal beyond `str.lower` ("ı" and "i",
    "ſ" and "s"), each mapped to the first of its class; None where Python does not say."""
    try:
        from re._casefix import _EXTRA_CASES  # the table the `re` module itself reads
    except ImportError:
        return None
    classes: dict[int, str] = {}
    for char, others in _EXTRA_CASES.items():
        members = {char, *others}
        known = {m for c in members for m in classes if classes[m] == classes.get(c)}
        first = min(members | known)
        for member in members | known:
            classes[member] = chr(first)
    return {code: rep for code, rep in classes.items() if chr(code) != rep}


def _folded(text: str) -> str | None:
    """The text as case-insensitive matching sees it, offsets kept; None where lower-casing
    changes the length ("İ" is two letters in lower case)."""
    classes = _case_classes()
    lowered = text.lower()
    if classes is None or len(lowered) != len(text):
        return None
    return lowered.translate(classes)


@functools.cache
def _folded_regexes() -> list[tuple[str, re.Pattern[str]]]:
    """The candidate patterns for folded text: the same matches as the case-insensitive ones
    in a third of the time, the engine comparing letters as they are."""
    classes = _case_classes() or {}
    return [(kind, re.compile(regex.pattern.translate(classes))) for kind, regex in _regexes()]


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> dt.date | None:
    """dateparser on one candidate ("14 June", "18 ноября"), cached across articles."""
    import dateparser

    settings = {"RELATIVE_BASE": _BASE, "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(text, settings=settings)
    return parsed.date() if parsed else None


@functools.cache
def _lead_regex() -> re.Pattern[str]:
    parts = "|".join(re.escape(p) for p in patterns.phrases("dates", "month_parts"))
    return re.compile(
        rf"(?:\b(?:in|since|until|by|from|of|till|в)|\b(?:{parts}))\s+(?:the\s+)?$", re.I
    )


def _month_lead(before: str) -> bool:
    """ "in March", "the end of May": words before a month alone that make it a date."""
    return bool(_lead_regex().search(before))


@functools.cache
def _dated_year() -> re.Pattern[str]:
    """A year written as part of a date ("March 2019", "14 June, 2013"), not "plan for 2025"."""
    return re.compile(
        rf"\b(?:{_month_alternation()})\.?(?:\s+\d{{1,2}})?,?\s+((?:19|20)\d{{2}})\b", re.I
    )


def _year_before(text: str, offset: int) -> int | None:
    """The year of the last date written earlier in the sentence ("in March 2019 ... end of
    May"); a year that dates a plan or a document ("the plan for 2025") says nothing."""
    window = text[max(0, offset - 400) : offset]
    window = window[window.rfind(". ") + 1 :]
    years = [m.group(1) for m in _dated_year().finditer(window)]
    return int(years[-1]) if years else None


_FUTURE = re.compile(r"\b(will|shall|to be held|scheduled|is to|are to|next)\b", re.I)


def _looks_ahead(text: str, offset: int) -> bool:
    """Whether the clause before a weekday speaks of the future ("will wrap up on")."""
    window = text[max(0, offset - 80) : offset]
    window = re.split(r"[.;!?\n]", window)[-1]
    return bool(_FUTURE.search(window))


def _nearest_year(month: int, published: dt.date | None, ahead: bool = False) -> int | None:
    """The year that puts a month alone ("in November") nearest to publication, or next
    after it where the sentence looks ahead ("will be held in September")."""
    if published is None:
        return None
    if ahead:
        return published.year if month >= published.month else published.year + 1
    here = published.year * 12 + published.month - 1
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda y: abs(y * 12 + month - 1 - here))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> PartialDate | None:
    date = _safe_date(year, month, day)
    return PartialDate(date) if date else None
