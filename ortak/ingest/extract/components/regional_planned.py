"""The planned events and the outcomes of an article in one of the region's languages.

A sentence with a planned cue ("keçiriləcək", "состоится", "өткөрүлөт") gives a planned event
of the type of its event word, at its date and venue; a sentence that lists events each with
its own date ("Yoshlar forumi (3-4-iyun, Buxoro), ... konferensiya (8-11-iyun, Qoʻqon)") gives
one for each. An announcement repeats its event, so one is kept per type, date and place.
Sentences with an outcome cue (a decision, a document adopted) are the main event's outcomes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ortak.core.dates import PartialDate
from ortak.ingest.extract.components.regional_cues import (
    Cue,
    cue_match,
    sentence_cues,
    sentence_text,
    sentence_type,
)
from ortak.ingest.extract.components.regional_dates import TextDate
from ortak.ingest.extract.components.regional_entities import char_span
from ortak.ingest.extract.components.regional_event_dates import closest_date
from ortak.ingest.extract.components.regional_titles import event_title
from ortak.ingest.extract.components.regional_venues import set_city, venues_in
from ortak.ingest.extract.findings import Event, findings
from ortak.ingest.extract.regional_text import Text


def planned_events(
    doc: Doc, text: Text, sent: int, dates: list[TextDate], main: Event | None
) -> list[Event]:
    """The planned events of a sentence: one, or one for each event of a list that gives
    each its own date ("Yoshlar forumi (3-4-iyun, Buxoro), ... konferensiya (8-11-iyun,
    Qoʻqon)")."""
    listed = _listed(text, sent, dates)
    if len(listed) < 2:
        event = _planned_event(doc, text, sent, dates, main)
        return [event] if event is not None else []
    lo, hi = text.sentences[sent]
    out = []
    for cue, date, end in listed:
        title = " ".join(event_title(text, cue, 20).split())[:200]
        event = Event(span=char_span(doc, text, lo, hi), title=title, type=cue.type,
                      status="planned")  # fmt: skip
        event.start, event.end = date.value, date.until
        event.date_span = char_span(doc, text, date.start, date.end)
        cities = [p for p in text.places if cue.start < p.start < end and p.kind == "city"]
        if cities:
            set_city(doc, text, event, cities[0])
        out.append(event)
    return out


def _listed(text: Text, sent: int, dates: list[TextDate]) -> list[tuple[Cue, TextDate, int]]:
    """The events of a specific type in the sentence that each have a date of their own
    between them and the next one: (cue, date, the word where its part ends)."""
    cues = [c for c in sentence_cues(text, sent) if c.type != "other"]
    out = []
    for i, cue in enumerate(cues):
        end = cues[i + 1].start if i + 1 < len(cues) else text.sentences[sent][1]
        own = [d for d in dates if d.sent == sent and cue.end <= d.start < end]
        if own and own[0].value.precision == "day":
            out.append((cue, own[0], end))
    return out


def _planned_event(
    doc: Doc, text: Text, sent: int, dates: list[TextDate], main: Event | None
) -> Event | None:
    type_, cue = sentence_type(text, sent)
    if type_ is None:
        return None
    lo, hi = text.sentences[sent]
    title = event_title(text, cue, 20) if cue else sentence_text(text, sent)
    event = Event(span=char_span(doc, text, lo, hi), title=" ".join(title.split())[:200],
                  type=type_, status="planned")  # fmt: skip
    date = closest_date(dates, sent, cue.start if cue else None)
    if date is not None:
        event.start, event.end = date.value, date.until
        event.date_span = char_span(doc, text, date.start, date.end)
    elif cue_match(text, sent, "today") is not None:
        found = findings(doc)
        if found.published is not None:
            event.start = PartialDate(found.published, "day")
        elif found.published_month is not None:
            event.start = PartialDate(found.published_month, "month")
    _place_planned(doc, text, event, sent)
    return event


def distinct_planned(events: list[Event]) -> list[Event]:
    """One planned event per type, date and place: an announcement repeats its event, and
    a mention with neither date nor place repeats an event of its type named before."""
    seen, types, out = set(), set(), []
    for event in events:
        key = (event.type, _iso(event.start), event.city.name if event.city else None)
        if key in seen or (event.type in types and key[1:] == (None, None)):
            continue
        seen.add(key)
        types.add(event.type)
        out.append(event)
    return out


def _iso(date: PartialDate | None) -> str | None:
    return date.isoformat() if date else None


def _place_planned(doc: Doc, text: Text, event: Event, sent: int) -> None:
    venues = venues_in(text, sent)
    cities = [p for p in venues if p.kind == "city"]
    if cities:
        set_city(doc, text, event, cities[0])
    elif venues and venues[0].code:
        event.country = venues[0].code


def outcome_sentences(doc: Doc, text: Text, planned: list[int]) -> list[Span]:
    """Sentences that report a decision, a document adopted or an agreement reached."""
    out = []
    for sent in range(len(text.sentences)):
        if sent not in planned and cue_match(text, sent, "outcomes") is not None:
            lo, hi = text.sentences[sent]
            out.append(char_span(doc, text, lo, hi))
    return out
