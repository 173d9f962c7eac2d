"""Several mentions of one event: telling them apart, merging them, naming one ahead.

"the forthcoming forum" takes the name an earlier mention gave; "the next round of the
program" is a new edition; a later mention adds the place and date an earlier one lacked.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from ortak.ingest.extract import lexicon
from ortak.ingest.extract.findings import Event

_AHEAD = frozenset({"forthcoming", "upcoming", "next", "coming"})


def name_ahead(event: Event, earlier: list[Event]) -> None:
    """ "the forthcoming forum", "the next round of the program": the name an earlier
    mention of that forum or program gave."""
    head, of, tail = event.title.rpartition(" of the ")
    if not of or not head.lower().startswith(tuple(_AHEAD)):
        head, tail = "", event.title
    tail = _PLACE_OR_TIME.split(tail)[0]  # "next forum in Ankara in 2025"
    if len(_words(tail) - _AHEAD) > 1:
        return
    noun = (event.noun or "").lower()
    for other in reversed(earlier):
        named = other.noun == event.noun or other.title.lower().endswith(" " + noun)
        if named and len(_words(other.title)) > 1:
            event.title = f"{head} of the {other.title}" if head else other.title
            return


_PLACE_OR_TIME = re.compile(r"\s+(?:in|on|at|from|next|this)\s+(?=[A-Z0-9]|year|month|week)")


def next_round(span: Span) -> int | None:
    """Start of "the next round of" before a bare event noun: a new edition of an event."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ in lexicon.ARTICLES:
        k -= 1
    if k < 2 or doc[k].lower_ != "of" or doc[k - 2].lower_ not in _AHEAD:
        return None
    if lexicon.is_cap(doc[k - 1]) or span.end - span.start > 1:
        return None
    return k - 2


def complete_from(event: Event, mentions: list[Event], *, same: bool = True) -> None:
    """Place and date from other mentions of the same event ("an internship program ... in
    Astana last week" before "The five-day Internship Program ... was held")."""
    for other in mentions:
        if other is event or (same and not same_event(event, other)):
            continue
        if event.city is None and event.country is None and other.city is not None:
            event.city, event.country, event.country_span = (
                other.city,
                other.country,
                other.country_span,
            )
        if event.start is None and other.start is not None:
            event.start, event.end, event.date_span = other.start, other.end, other.date_span


def after_publication(event: Event, published: dt.date | None) -> bool:
    """Whether the event's own date lies after the publication date: it is still to come."""
    if published is None or event.start is None or event.start.precision != "day":
        return False
    return event.start.date > published


def same_event(a: Event, b: Event) -> bool:
    """Two mentions of one event: same noun, and one title's words within the other's; two
    visits to one state ("visits Baku", "visited Azerbaijan")."""
    if a.noun != b.noun:
        return False
    if a.noun == "visit" and a.country and a.country == b.country:
        return True
    wa, wb = _words(a.title), _words(b.title)
    return wa <= wb or wb <= wa


def heading_twin(a: Event, b: Event) -> bool:
    """ "The meeting of the Ambassador G. Iskakova with the diaspora was held in Edinburgh" as
    the article's first line, and "On 13 April, the Ambassador G.Iskakova met with
    compatriots" opening the next: the heading and the lead tell one event when they have its
    noun and a person in common, and neither's place or day gainsays the other's."""
    if a.noun != b.noun or a.noun is None:
        return False
    doc = a.span.doc
    text = lexicon.doc_text(doc)
    first, second = sorted((a, b), key=lambda e: e.span.start)
    lines = [i for i, line in enumerate(text.split("\n")) if line.strip()][:2]
    if len(lines) < 2:
        return False
    if text.count("\n", 0, first.span.start_char) != lines[0]:
        return False
    if text.count("\n", 0, second.span.start_char) != lines[1]:
        return False
    if a.city and b.city and a.city.name != b.city.name:
        return False
    if a.start and b.start and a.start != b.start:
        return False
    return bool(surnames(first.span.sent) & surnames(second.span.sent))


def surnames(sent: Span) -> set[str]:
    """The last words of the names of the people a sentence names, lower case."""
    names = set()
    for start, end in lexicon.span_bounds(sent.doc, "ortak_people"):
        if sent.start <= start < sent.end:
            last = re.split(r"[\s.]+", lexicon.text_between(sent.doc, start, end).strip(" ."))
            names.add(last[-1].lower())
    return names


def _words(text: str) -> set[str]:
    return {
        _ORDINALS.get(w, w)
        for w in re.findall(r"\w+", text.lower())
        if w not in lexicon.ARTICLES | lexicon.CONNECTORS
    }


# Ordinals in figures read as words: "2nd Forum" and "second Forum" are one name.
_ORDINALS = {
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "6th": "sixth",
    "7th": "seventh",
    "8th": "eighth",
    "9th": "ninth",
    "10th": "tenth",
}


def absorb(kept: Event, later: Event) -> None:
    """Merge a later mention into the event: longer title, place and date if missing."""
    if len(later.title) > len(kept.title):
        kept.title, kept.span = later.title, later.span
    if kept.city is None and later.city is not None and kept.country in (None, later.country):
        kept.city, kept.country, kept.country_span = later.city, later.country, later.country_span
    elif kept.city is None and kept.country is None and later.country is not None:
        kept.country, kept.country_span = later.country, later.country_span  # "in Hungary"
    if kept.start is None and later.start is not None:
        kept.start, kept.end, kept.date_span = later.start, later.end, later.date_span
