"""The event record (extraction-schema.md) built from a document's findings, with evidence.

Every key of the schema is always present; unknown values are null or []. Each value that
comes from the text gets an `Evidence` with its sentence and character offsets.
"""

from __future__ import annotations

import bisect
import functools
from typing import Any

from spacy.tokens import Doc, Span

from ortak.core.dates import PartialDate
from ortak.ingest.extract import event_parts, knowledge, lexicon, patterns
from ortak.ingest.extract.event_places import located_only
from ortak.ingest.extract.findings import Event, Findings, Org, Person, Place, findings
from ortak.ingest.extract.linking import DEFAULT_REGISTRY, Registry
from ortak.ingest.extract.pipeline import Evidence, Extraction
from ortak.ingest.extract.reader import Article
from ortak.ingest.extract.schema import Record


class _Builder:
    """Collects evidence and links while the record is assembled."""

    def __init__(self, doc: Doc, registry: Registry) -> None:
        self.doc = doc
        self.found: Findings = findings(doc)
        self.registry = registry
        self.evidence: list[Evidence] = []
        self.links: dict[str, tuple[str, float]] = {}
        self._sentences: list[Span] | None = None

    def cite(self, path: str, value: Any, span: Span | None) -> Any:
        """Record where `value` came from and return it."""
        if span is not None and value not in (None, [], ""):
            sent = self._sentence(span)
            sentence = lexicon.doc_text(self.doc)[sent.start_char : sent.end_char].strip()
            self.evidence.append(Evidence(path, value, sentence, span.start_char, span.end_char))
        return value

    def _sentence(self, span: Span) -> Span:
        """The sentence a span starts in, found by bisection over the doc's sentences (a
        span's own `.sent` walks the tokens on every call)."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        starts = [s.start for s in self._sentences]
        index = bisect.bisect_right(starts, span.start) - 1
        return self._sentences[index] if index >= 0 else span.sent


def build(article: Article, doc: Doc, *, registry: Registry | None = None) -> Extraction:
    """The schema record of one processed document, typed (ortak.ingest.extract.schema)."""
    builder = _Builder(doc, registry or DEFAULT_REGISTRY)
    found = builder.found
    # An article that only announces events has none of its own, whoever it names.
    events = found.events or ([] if found.planned else _fallback_event(doc))
    record = {
        "source": _source(article),
        "events": [_event(builder, e, i, events) for i, e in enumerate(events)],
        "planned": [_planned(builder, e, i) for i, e in enumerate(found.planned)],
    }
    return Extraction(
        record=Record.from_dict(record),
        evidence=builder.evidence,
        links=builder.links,
        notes=list(article.notes),
    )


def _source(article: Article) -> dict[str, Any]:
    published = article.published.isoformat() if article.published else None
    return {
        "path": article.path,
        "url": article.url,
        "published": published,
        "language": article.language,
    }


def _fallback_event(doc: Doc) -> list[Event]:
    """With no event found but people or institutions named, one event of type "other"."""
    found = findings(doc)
    if not (found.people or found.orgs):
        return []
    first = next(iter(doc.sents))
    event = Event(span=first, title=" ".join(first.text.split())[:200], type="other", main=True)
    venue = next((p for p in found.places if p.venue and p.kind == "city"), None)
    event.city = venue
    event.country = venue.country if venue else None
    dated = next((d for d in found.dates if d.start and d.start.precision == "day"), None)
    if dated is not None:
        event.start, event.end, event.date_span = dated.start, dated.end, dated.span
    found.events = [event]
    return [event]


def _event(b: _Builder, event: Event, index: int, events: list[Event]) -> dict[str, Any]:
    path = f"events[{index}]"
    people = _people_of(b, event, events)
    orgs = _orgs_of(b, event, events, people)
    return {
        "title": b.cite(f"{path}.title", event.title, event.span),
        "type": b.cite(f"{path}.type", event.type or "other", event.span),
        "start_date": b.cite(f"{path}.start_date", _iso(event.start), event.date_span),
        "end_date": b.cite(f"{path}.end_date", _iso(event.end), event.date_span),
        "city": b.cite(f"{path}.city", event.city.name if event.city else None, _span(event.city)),
        "country": b.cite(f"{path}.country", event.country, event.country_span),
        "organizers": [
            b.cite(f"{path}.organizers[{i}]", o.name, o.span)
            for i, o in enumerate(event.organizers)
        ],
        "framework": b.cite(f"{path}.framework", _text(event.framework), event.framework),
        "participants": [
            _participant(b, f"{path}.participants[{i}]", p) for i, p in enumerate(people)
        ],
        "organizations": [
            _organization(b, f"{path}.organizations[{i}]", o) for i, o in enumerate(orgs)
        ],
        "countries": _countries(b, path, event, people, orgs),
        "outcomes": [
            b.cite(f"{path}.outcomes[{i}]", _text(s), s) for i, s in enumerate(event.outcomes)
        ],
        "site_visits": [
            b.cite(f"{path}.site_visits[{i}]", _text(s), s) for i, s in enumerate(event.site_visits)
        ],
    }


def _people_of(b: _Builder, event: Event, events: list[Event]) -> list[Person]:
    present = [p for p in b.found.people if p.present]
    if event.main:
        return present
    sent = event.span.sent
    return [p for p in present if any(sent.start <= m.start < sent.end for m in p.mentions)]


def _orgs_of(b: _Builder, event: Event, events: list[Event], people: list[Person]) -> list[Org]:
    orgs = [o for o in b.found.orgs if _listed(b, o)]
    if not event.main:
        sent = event.span.sent
        orgs = [o for o in orgs if any(sent.start <= m.start < sent.end for m in o.mentions)]
    return orgs


def _listed(b: _Builder, org: Org) -> bool:
    """Institutions named for themselves: not units named only inside a title, not a body
    named only inside an event's title ("meeting of the Contact Group"), the OTS aside."""
    if org.in_title:
        return False
    if org.key == "ots":
        return True
    # The body whose meeting the event is stays the event's name wherever else it is named;
    # "the World Congress of ..." that was held is an event, not an institution.
    return not any(_of_event(b, m) or _is_event(b, m) for m in org.mentions)


_MEETING_NOUNS = frozenset({"meeting", "session", "talks", "summit", "заседание", "встреча"})


def _of_event(b: _Builder, mention: Span) -> bool:
    """ "the 5th meeting of the Contact Group": the body whose meeting the event is (not
    "the opening ceremony of the Kazakh Cultural Center", an institution of its own)."""
    for event in b.found.events:
        if event.noun not in _MEETING_NOUNS:
            continue
        span = event.span
        if span.start <= mention.start < span.end and mention.start - span.start <= 5:
            before = lexicon.text_between(
                span.doc, max(span.start, mention.start - 2), mention.start
            ).lower()
            words = lexicon.words(span.doc)
            titled = any(_holders(words[i]) for i in range(span.start, mention.start))
            if (before.startswith("of") or before.endswith("of")) and not titled:
                return True  # not "meeting with the chairman of the X": the holder's body
    return False


_GROUP_NOUNS = frozenset({"leadership", "management", "staff", "team", "delegation", "heads"})


def _holders(token: lexicon.Word) -> bool:
    """A title or a body's people ("the chairman of", "the management of")."""
    word = token.lower_
    return (
        lexicon.is_title_word(token)
        or word in _GROUP_NOUNS
        or word in patterns.words("people", "plural_titles")
    )


def _is_event(b: _Builder, mention: Span) -> bool:
    """The institution's name is an event's own phrase, headed by the event's noun."""
    for event in b.found.events + b.found.planned:
        span = event.span
        if span.start <= mention.start and mention.end <= span.end and event.noun:
            head = event.noun.split()[-1]
            if any(t.lower_ == head for t in mention):
                return True
    return False


def _participant(b: _Builder, path: str, person: Person) -> dict[str, Any]:
    org = person.organization
    entry = {
        "name": b.cite(f"{path}.name", person.name, person.span),
        "role": b.cite(f"{path}.role", person.role, person.role_span),
        "organization": b.cite(
            f"{path}.organization", org.name if org else None, org.span if org else None
        ),
        "country": b.cite(f"{path}.country", person.country, person.country_span),
    }
    if person.name_latin:
        entry["name_latin"] = b.cite(f"{path}.name_latin", person.name_latin, person.span)
    match = b.registry.match_person(person.name_latin or person.name)
    if match:
        b.links[f"{path}.name"] = match
    return entry


def _organization(b: _Builder, path: str, org: Org) -> dict[str, Any]:
    if org.key:
        b.links[f"{path}.name"] = (org.key, 1.0)
    return {
        "name": b.cite(f"{path}.name", org.name, org.span),
        "country": b.cite(f"{path}.country", org.country, org.span),
    }


def _countries(
    b: _Builder, path: str, event: Event, people: list[Person], orgs: list[Org]
) -> list[str]:
    """States that took part: host, participants' states, institutions' states, listed parties."""
    sources: dict[str, Span | None] = {}
    hosts = [o for o in event.organizers if o.country] or []
    for org in hosts:
        if org.country:
            sources.setdefault(org.country, org.span)
    if not hosts and event.main and event.country in _member_states():
        # The state an event is held in hosts it, if it is one of the Organization's; an
        # event abroad ("in Vienna", "in Washington") is the diaspora's, not its host's.
        sources.setdefault(event.country, event.country_span)
    for person in people:
        body = person.organization
        if body is not None and body.country == person.country and located_only(body):
            continue  # the chairman of an Omsk organisation: its city, not a party
        if person.country:
            sources.setdefault(person.country, person.country_span)
    for org in orgs:
        if org.located or located_only(org):
            continue  # a body placed in a town abroad ("... of Moscow Azerbaijanis"): no party
        if org.country and not all(event_parts.in_quote(m) for m in org.mentions):
            sources.setdefault(org.country, org.span)  # not one named only in a quotation
    if event.main:
        for code, span in b.found.parties:
            sources.setdefault(code, span)
    codes = sorted(c for c in sources if c)
    return [b.cite(f"{path}.countries[{i}]", c, sources[c]) for i, c in enumerate(codes)]


@functools.cache
def _member_states() -> frozenset[str]:
    """ISO codes of the states in the reference catalog (members and observers)."""
    catalog = knowledge.catalog()
    return frozenset(s.iso_code for s in catalog.states if s.iso_code) if catalog else frozenset()


def _planned(b: _Builder, event: Event, index: int) -> dict[str, Any]:
    path = f"planned[{index}]"
    return {
        "title": b.cite(f"{path}.title", event.title, event.span),
        "type": b.cite(f"{path}.type", event.type or "other", event.span),
        "start_date": b.cite(f"{path}.start_date", _iso(event.start), event.date_span),
        "end_date": b.cite(f"{path}.end_date", _iso(event.end), event.date_span),
        "city": b.cite(f"{path}.city", event.city.name if event.city else None, _span(event.city)),
        "country": b.cite(f"{path}.country", event.country, event.country_span),
        "organizers": [
            b.cite(f"{path}.organizers[{i}]", o.name, o.span)
            for i, o in enumerate(event.organizers)
        ],
    }


def _iso(date: PartialDate | None) -> str | None:
    return date.isoformat() if date is not None else None


def _span(place: Place | None) -> Span | None:
    return place.span if place is not None else None


def _text(span: Span | None) -> str | None:
    return " ".join(span.text.split()) if span is not None else None
