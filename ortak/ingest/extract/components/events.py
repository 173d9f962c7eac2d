"""ortak_events_v1: the events an article reports, the main one first.

An event mention is a phrase headed by an event noun ("the 6th meeting of the Ministers
...", "a roundtable themed ..."), or a visit to a place ("visited Hungary"), or a signing
("The parties signed a memorandum"). It is held when a verb reports it ("was held",
"kicked off", "at a conference"), planned when the words around it look ahead ("will",
"to be held", "forthcoming"), recalled when they look back ("last year"). The first held
event is the main event; later held events with a different name are other events.
A bare "the forum" refers back to an event already named.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ortak.ingest.extract import event_parts, patterns
from ortak.ingest.extract.findings import Event, findings

_VENUE_REACH = 20  # tokens after an event's name within which "held in X" names its venue


@Language.factory("ortak_events_v1", default_config={"max_title_tokens": 30})
def make_events(nlp: Language, name: str, *, max_title_tokens: int) -> Events:
    """Build the event finder."""
    return Events(nlp, max_title_tokens=max_title_tokens)


class Events:
    """Finds event mentions, tells held from planned and recalled, and places them."""

    def __init__(self, nlp: Language, *, max_title_tokens: int) -> None:
        self.max_tokens = max_title_tokens
        self.nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        events = patterns.load("events")
        for noun in {**events["event_nouns"], **events["russian_event_nouns"]}:
            self.nouns.add(noun, [nlp.make_doc(noun)])

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        mentions, quoted = self._mentions(doc)
        for event in mentions + quoted:
            _place(found, event)
        # Quotations speak of events too, but only an interview has its event in one alone.
        held = _dedupe([m for m in mentions if m.status == "held"])
        held = held or _dedupe([m for m in quoted if m.status == "held"])
        if not held:
            held = [m for m in mentions if m.status not in {"recalled", "planned"}][:1]
        found.events = _main_first(doc, held)
        planned = [m for m in mentions if m.status == "planned"]
        for event in planned:
            event_parts.name_ahead(event, [m for m in mentions if m.span.start < event.span.start])
        found.planned = _dedupe(planned)
        doc.spans["ortak_events"] = [e.span for e in found.events + found.planned]
        return doc

    def _mentions(self, doc: Doc) -> tuple[list[Event], list[Event]]:
        """Event mentions in text order, those outside quotations and those inside."""
        mentions, covered = [], set()
        for noun in self._noun_spans(doc):
            if noun.start in covered:
                continue
            mention = self._mention(doc, noun)
            if mention is not None:
                mentions.append(mention)
                covered.update(range(mention.span.start, mention.span.end))
        mentions += event_parts.visits(doc) + event_parts.signings(doc)
        mentions.sort(key=lambda m: m.span.start)
        outside = [m for m in mentions if not event_parts.in_quote(m.span)]
        return outside, [m for m in mentions if event_parts.in_quote(m.span)]

    def _noun_spans(self, doc: Doc) -> list[Span]:
        spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.nouns(doc)]
        return filter_spans(spans)

    def _mention(self, doc: Doc, noun: Span) -> Event | None:
        if event_parts.is_part(noun):
            return None
        span = event_parts.phrase(doc, noun, self.max_tokens)
        title = event_parts.title(span)
        event = Event(span=span, title=title, status=event_parts.status(doc, span, noun))
        event.noun = noun.label_
        if event_parts.is_generic(span, noun):
            event.status = "anaphor" if event.status != "planned" else "planned_anaphor"
        return event


def _place(found, event: Event) -> None:
    """City, country and date from the event's own sentence."""
    sent = event.span.sent
    lo, hi = max(sent.start, event.span.start - 3), min(sent.end, event.span.end + _VENUE_REACH)
    venues = [p for p in found.places if p.venue and lo <= p.span.start < hi]
    venues = [p for p in venues if not event_parts.inside_name(p.span) and not _residence(p)]
    city = next((p for p in venues if p.kind == "city"), None)
    country = next((p for p in venues if p.kind == "country"), None)
    event.city = city
    event.country = city.country if city else (country.country if country else None)
    event.country_span = (city or country).span if (city or country) else None
    dates = [d for d in found.dates if sent.start <= d.span.start < sent.end and d.start]
    dates = [d for d in dates if d.start.precision == "day"]
    if dates:
        event.start, event.end, event.date_span = dates[0].start, dates[0].end, dates[0].span


def _residence(place) -> bool:
    """ "citizens living in Russia": where people live, not where the event is."""
    doc = place.span.doc
    before = doc[max(0, place.span.start - 3) : place.span.start].text.lower()
    return any(word in before for word in ("living", "residing", "based", "live", "reside"))


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per name: a later mention of the same event adds nothing new."""
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if event_parts.same_event(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        event_parts.absorb(same, event)
    return kept


def _main_first(doc: Doc, held: list[Event]) -> list[Event]:
    """The first held event of the body is the main one; a headline mention only vouches."""
    if not held:
        return []
    held[0].main = True
    main = held[0]
    if main.city is None and main.country is None:
        main.city = event_parts.fallback_city(doc, main)
        if main.city is not None and main.country is None:
            main.country, main.country_span = main.city.country, main.city.span
    if main.start is None:
        event_parts.present_tense_date(doc, main)
    if main.start is None and main.span.start_char < findings(doc).headline_end:
        event_parts.lead_date(doc, main)
    return held
