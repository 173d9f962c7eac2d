"""ortak_planned_v1: events announced for the future, with their dates, place and backers.

ortak_events_v1 marks the planned mentions ("it is planned to conduct training ...", "could
hold its next session in the United States next year", "will sign a Memorandum"). Here each
gets the date, state and supporters from its own clause; a coordinated second clause
("..., and for members of the diaspora in the USA ... in the end of May") is a second
planned event of the same kind.
"""

from __future__ import annotations

import copy
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import event_places, lexicon, patterns
from ortak.ingest.extract.findings import DateMention, Event, Findings, Org, findings

_SECOND = re.compile(r",\s+and\s+(?:for|in|on)\s+")
_TRIM = re.compile(
    r"\s+(?:with the support of|supported by|organized by|planned to|scheduled (?:to|for)|"
    r"in (?:the )?(?:end|beginning|middle)\b|"
    r"in (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|(?:on|from) (?:\d{1,2} )?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b|"
    r"next year|this year|in (?:19|20)\d\d\b|in [A-Z][a-z]+ in (?:19|20)\d\d\b).*$",
    re.I,
)


@Language.factory("ortak_planned_v1", default_config={"max_title_tokens": 25})
def make_planned(nlp: Language, name: str, *, max_title_tokens: int) -> Planned:
    """Build the planned-event filler."""
    return Planned(max_title_tokens=max_title_tokens)


class Planned:
    """Completes planned events from the clause that announces each."""

    def __init__(self, *, max_title_tokens: int) -> None:
        self.max_tokens = max_title_tokens
        self.support = patterns.phrases("events", "organizer_cues")

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        completed: list[Event] = []
        for event in found.planned:
            for clause, title in _clauses(event):
                completed.append(self._complete(found, event, clause, title))
        found.planned = completed
        return doc

    def _complete(self, found: Findings, event: Event, clause: Span, title: str) -> Event:
        planned = copy.copy(event)
        planned.title = _short_title(title, self.max_tokens)
        planned.organizers = _supporters(found, clause, self.support) or list(event.organizers)
        dates = _dates_in(found, clause) or _dates_in(found, clause.sent)
        if not dates and event.start is not None:
            return planned  # a headline's mention, dated and placed by the body's mention
        planned.start = dates[0].start if dates else None
        planned.end = (dates[1].start if len(dates) > 1 else dates[0].end) if dates else None
        if planned.end is not None and planned.start is not None and planned.end < planned.start:
            planned.end = None  # "will meet on Thursday, the agency said on Tuesday"
        planned.date_span = dates[0].span if dates else None
        end = event_places.clause_end(clause.doc, max(clause.start, event.span.end), clause.end)
        venue = [p for p in found.places if p.venue and clause.start <= p.span.start < end]
        host = event_places.host_before(event.span)
        venue = [host, *venue] if host is not None else venue
        city = next((p for p in venue if p.kind == "city"), None)
        planned.city = city
        planned.country = venue[0].country if venue else None
        planned.country_span = venue[0].span if venue else None
        return planned


def _dates_in(found: Findings, span: Span) -> list[DateMention]:
    return [d for d in found.dates if span.start <= d.span.start < span.end and d.start]


def _clauses(event: Event) -> list[tuple[Span, str]]:
    """The clause of each planned event: one, or two where ", and for ..." coordinates."""
    doc, sent = event.span.doc, event.span.sent
    rest = doc[event.span.start : sent.end]
    match = _SECOND.search(rest.text)
    if match is None or event.noun in {"signing", "visit"}:
        return [(doc[event.span.start : sent.end], event.title)]
    cut = rest.start_char + match.start()
    first = doc.char_span(event.span.start_char, cut, alignment_mode="contract")
    second = doc.char_span(cut + len(match.group()) - 4, sent.end_char, alignment_mode="expand")
    if first is None or second is None:
        return [(doc[event.span.start : sent.end], event.title)]
    noun = event.noun or "event"
    return [(first, first.text), (second, f"{noun} {second.text.strip()}")]


def _short_title(text: str, max_tokens: int) -> str:
    text = _TRIM.sub("", " ".join(text.split())).strip(" ,.")
    words = text.split()
    if words and words[0].lower() in lexicon.ARTICLES:
        words = words[1:]
    return " ".join(words[:max_tokens])


def _supporters(found: Findings, clause: Span, cues: tuple[str, ...]) -> list[Org]:
    text = clause.text.lower()
    backers: list[Org] = []
    for cue in cues:
        at = text.find(cue + " ")
        if at < 0:
            continue
        start_char = clause.start_char + at + len(cue)
        for org in found.orgs:
            if any(0 < m.start_char - start_char <= 6 for m in org.mentions) and org not in backers:
                backers.append(org)
    return backers
