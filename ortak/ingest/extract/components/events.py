"""ortak_events_v1: the events an article reports, the main one first.

An event mention is a phrase headed by an event noun ("the 6th meeting of the Ministers
...", "a roundtable themed ..."), or a verb that tells one: a visit ("visited Hungary",
"hosted a delegation"), a signing ("The parties signed a memorandum"), an observance
("commemorated the victims", "met with the ambassador"). It is held when a verb reports it
("was held", "kicked off", "gathered ... for"), planned when the words around it look ahead
("will", "to be held", "is to close") or its date is after publication, recalled when they
look back ("last year"), a setting when it frames another ("on the sidelines of"). The
first held event is the main event (a headline's mention only vouches for the body's);
later held events with a different name are other events. A bare "the forum" refers back
to an event already named. An article opening on an announced event has no event of its
own: all its events are planned.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ortak.ingest.extract import (
    event_mentions,
    event_parts,
    event_places,
    event_verbs,
    lexicon,
    patterns,
)
from ortak.ingest.extract.findings import Event, Findings, Place, findings

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
        held = _headline_vouches(doc, _announced_in_body(doc, held, mentions))
        told = [m for m in mentions if m.status in {"held", "mention", "anaphor"}]
        for event in held:
            event_mentions.complete_from(event, told)
        for event in [e for e in held if event_mentions.after_publication(e, found.published)]:
            event.status = "planned"
            held.remove(event)
            mentions.append(event)
        # An official's quoted plan ("a visit to Europe has been planned") is a plan too.
        planned = [
            m for m in mentions + quoted if m.status == "planned" and event_parts.announced(m)
        ]
        if not held:
            held = _untold(doc, mentions, planned)[:1]
        found.events = _main_first(doc, held)
        if found.events and found.events[0].start is None:
            _date_from_anaphor(found.events[0], mentions)
        planned.sort(key=lambda m: m.span.start)
        for event in planned:
            event_mentions.name_ahead(
                event, [m for m in mentions if m.span.start < event.span.start]
            )
        found.planned = _dedupe(planned)
        doc.spans["ortak_events"] = [e.span for e in found.events + found.planned]
        return doc

    def _mentions(self, doc: Doc) -> tuple[list[Event], list[Event]]:
        """Event mentions in text order, those outside quotations and those inside."""
        mentions: list[Event] = []
        covered: set[int] = set()
        for noun in self._noun_spans(doc):
            if noun.start in covered:
                continue
            mention = self._mention(doc, noun)
            if mention is not None:
                mentions.append(mention)
                covered.update(range(mention.span.start, mention.span.end))
        mentions += event_verbs.visits(doc) + event_verbs.signings(doc)
        # A verb tells an event only in a clause naming none ("met ... for the meeting"); a
        # clause of another subject may ("Cologne will host a forum, while ... will meet").
        told = event_verbs.observances(doc)
        mentions += [o for o in told if not any(event_places.same_clause(m, o) for m in mentions)]
        mentions.sort(key=lambda m: m.span.start)
        outside = [m for m in mentions if not event_parts.in_quote(m.span)]
        return outside, [m for m in mentions if event_parts.in_quote(m.span)]

    def _noun_spans(self, doc: Doc) -> list[Span]:
        spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.nouns(doc)]
        return _compounds(filter_spans(spans))

    def _mention(self, doc: Doc, noun: Span) -> Event | None:
        if event_parts.is_part(noun) or event_parts.is_venue_noun(noun):
            return None
        quoted = event_parts.quoted_name(noun)
        span = quoted or event_parts.phrase(doc, noun, self.max_tokens)
        title = lexicon.span_text(quoted)[1:-1].strip() if quoted else event_parts.title(span, noun)
        round_start = event_mentions.next_round(span)
        if round_start is not None:  # "the next round of the program": a new edition
            span = doc[round_start : span.end]
        event = Event(span=span, title=title, status=event_parts.status(doc, span, noun))
        event.noun = noun.label_
        if round_start is not None:
            event.title = " ".join(lexicon.text_between(doc, round_start, span.end).split())
        elif event_parts.is_generic(span, noun):
            event.status = "anaphor" if event.status != "planned" else "planned_anaphor"
        return event


def _compounds(nouns: list[Span]) -> list[Span]:
    """ "a seminar forum", "a conference workshop": two event nouns in a row are one noun,
    headed by the last as English compounds are; a generic last noun ("Training Program",
    "Experience-Sharing Program") leaves the kind to the first."""
    kinds = patterns.load("events")["event_nouns"]
    merged: list[Span] = []
    for noun in nouns:
        last = merged[-1] if merged else None
        if last is not None and last.end == noun.start and last.sent.start == noun.sent.start:
            generic = kinds.get(noun.label_.lower()) in (None, "other")
            label = last.label_ if generic else noun.label_
            merged[-1] = Span(noun.doc, last.start, noun.end, label=label)
        else:
            merged.append(noun)
    return merged


def _place(found: Findings, event: Event) -> None:
    """City, country and date from the event's own sentence."""
    sent = event.span.sent
    lo, hi = max(sent.start, event.span.start - 3), min(sent.end, event.span.end + _VENUE_REACH)
    hi = event_places.clause_end(event.span.doc, event.span.end, hi)
    venues = [p for p in found.places if p.venue and lo <= p.span.start < hi]
    host = event_places.host_before(event.span)
    venues = [host, *venues] if host is not None else venues
    venues = [p for p in venues if not event_parts.inside_name(p.span) and not _residence(p)]
    if event.noun == "visit":
        venues = event_places.destination(event) + venues
    city = next((p for p in venues if p.kind == "city"), None)
    country = next((p for p in venues if p.kind == "country"), None)
    if city is not None and country is not None and city.country != country.country:
        city = None  # "held at the Embassy in Germany ... in Bishkek": the state decides
    if city is not None or country is not None or event.country is None:
        event.city = city
        event.country = city.country if city else (country.country if country else None)
        named = city or country
        event.country_span = named.span if named else None
    dates = [d for d in found.dates if sent.start <= d.span.start < sent.end and d.start]
    dates = [d for d in dates if not event_parts.in_dateline(d.span)]
    # A day dates an event; a month does where no day is given ("last week", "in March").
    dates = [d for d in dates if d.start is not None and d.start.precision == "day"] or [
        d for d in dates if d.start is not None and d.start.precision == "month"
    ]
    if dates:
        event.start, event.end, event.date_span = dates[0].start, dates[0].end, dates[0].span


def _residence(place: Place) -> bool:
    """ "citizens living in Russia": where people live, not where the event is."""
    doc = place.span.doc
    before = lexicon.text_between(doc, max(0, place.span.start - 3), place.span.start).lower()
    return any(word in before for word in ("living", "residing", "based", "live", "reside"))


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per name: a later mention of the same event adds nothing new."""
    kept: list[Event] = []
    for event in events:
        same = next(
            (
                k
                for k in kept
                if event_mentions.same_event(k, event) or event_mentions.heading_twin(k, event)
            ),
            None,
        )
        if same is None:
            kept.append(event)
            continue
        event_mentions.absorb(same, event)
    return kept


# Statuses of mentions that are not the article's own events.
_NOT_OURS = frozenset({"recalled", "planned", "planned_anaphor", "proposed"})


def _untold(doc: Doc, mentions: list[Event], planned: list[Event]) -> list[Event]:
    """Events named without a verb that tells them. An article that opens on an announced
    event has none of its own: its other mentions are of that event, still to come."""
    untold = [m for m in mentions if m.status not in _NOT_OURS]
    if not planned:
        return untold
    headline_end = findings(doc).headline_end
    body = [
        m
        for m in mentions
        if m.status not in {"recalled", "proposed"} and m.span.start_char >= headline_end
    ]
    if body and (body[0] in planned or any(event_mentions.same_event(body[0], p) for p in planned)):
        return []
    return [m for m in untold if not any(event_mentions.same_event(m, p) for p in planned)]


def _announced_in_body(doc: Doc, held: list[Event], mentions: list[Event]) -> list[Event]:
    """ "Muradov's first official visit starts" over "is leaving for the first official visit
    tomorrow": a headline's event that the body announces is still to come."""
    headline_end = findings(doc).headline_end
    ahead = [m for m in mentions if m.status == "planned" and m.span.start_char >= headline_end]
    return [
        e
        for e in held
        if e.span.start_char >= headline_end
        or not any(event_mentions.same_event(e, p) for p in ahead)
    ]


def _headline_vouches(doc: Doc, held: list[Event]) -> list[Event]:
    """A headline's event ("Delegation visits Baku") is the body's event of the same kind,
    told there in full: the body's mention stands for both."""
    headline_end = findings(doc).headline_end
    if not held or held[0].span.start_char >= headline_end:
        return held
    twin = next((e for e in held[1:] if e.noun == held[0].noun), None)
    if twin is None:
        return held
    event_mentions.complete_from(twin, [held[0]], same=False)
    return held[1:]


def _date_from_anaphor(main: Event, mentions: list[Event]) -> None:
    """ "marked its anniversary with a ceremony. In his speech at the program on Thursday":
    the bare mention right after the main event refers to it and dates it."""
    later = [m for m in mentions if m.span.start >= main.span.end]
    if later and later[0].status == "anaphor" and later[0].start is not None:
        main.start, main.end, main.date_span = later[0].start, later[0].end, later[0].date_span


def _settle_city(doc: Doc, main: Event) -> None:
    """The event's own sentence names no city: the body's first venue, else the headline's,
    else the city an embassy or centre stands in, else the dateline's; one in the state the
    sentence named, if it named one ("held at the Embassy ... in Germany")."""
    for find in (
        event_places.fallback_city,
        event_places.headline_city,
        event_places.located_city,
        event_places.dateline_city,
    ):
        city = find(doc)
        if city is not None and main.country in (None, city.country):
            main.city = city
            if main.country is None:
                main.country, main.country_span = city.country, city.span
            return


def _main_first(doc: Doc, held: list[Event]) -> list[Event]:
    """The first held event of the body is the main one; a headline mention only vouches."""
    if not held:
        return []
    held[0].main = True
    main = held[0]
    if main.city is None:
        _settle_city(doc, main)
    for event in held[1:]:
        event_places.continue_place(event, main)
    if main.start is None:
        event_places.present_tense_date(doc, main)
    if main.start is None and main.span.start_char < findings(doc).headline_end:
        event_places.lead_date(doc, main)
    if main.start is None:
        event_places.paragraph_date(doc, main)
    if main.start is None:
        event_places.retold_date(doc, main)
    return held
