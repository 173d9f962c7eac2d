"""Pieces of event finding: an event's phrase and title, its status, visits and signings.

Kept apart from the component so that each rule is a small function that can be read and
tested alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ortak.ingest.extract import lexicon, patterns
from ortak.ingest.extract.findings import Event, Place, findings

_LEFT_WORDS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "international",
        "bilateral",
        "joint",
        "annual",
        "regular",
        "next",
        "extended",
        "official",
        "solemn",
        "trilateral",
        "regional",
        "youth",
        "diaspora",
        "online",
        "opening",
        "closing",
        "final",
        "inaugural",
        "traditional",
        "forthcoming",
        "upcoming",
    ]
)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$|^[IVX]+$")
_QUOTES = '"“”«»'
_PRESENT = (
    "kicks off",
    "opens",
    "is being held",
    "is taking place",
    "takes place",
    "begins",
    "starts",
    "is held",
)
_REPORTED = ("mentioned that", "recalled that", "reminded that", "recalling that")
_ATTENDED = (
    "at",
    "attended",
    "participated in",
    "took part in",
    "addressed",
    "held",
    "continued with",
    "hosted",
    "organized",
    "organised",
)


def phrase(doc: Doc, noun: Span, max_tokens: int) -> Span:
    """The event's noun phrase: modifiers before the noun, complements after it."""
    start = noun.start
    floor = noun.sent.start
    while start > floor and _left_word(doc[start - 1]):
        start -= 1
    end = noun.end
    stops = (patterns.words("events", "title_stops") | _theme_words()) - {"and"}
    while end < noun.sent.end and end - start < max_tokens and _right_word(doc, end, stops):
        end += 1
    while end > noun.end and doc[end - 1].lower_ in lexicon.CONNECTORS | lexicon.ARTICLES:
        end -= 1
    return doc[start:end]


def _theme_words() -> frozenset[str]:
    return frozenset(c.split()[0] for c in patterns.phrases("events", "theme_cues"))


def _left_word(token) -> bool:
    if (
        token.lower_ in lexicon.ARTICLES
        or token.text in _QUOTES
        or (token.is_punct and token.text != "-")
    ):
        return False
    return (
        lexicon.is_cap(token)
        or token.lower_ in _LEFT_WORDS
        or bool(_ORDINAL.match(token.text))
        or token.text == "-"
    )


def _right_word(doc: Doc, i: int, stops: frozenset[str]) -> bool:
    token = doc[i]
    if token.lower_ in stops or token.is_space:
        return False
    if token.text in {",", ".", "(", ";", ":", ")", "!", "?"} or token.text in _QUOTES:
        return False
    if token.lower_ == "and":
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return nxt is not None and nxt.lower_ not in lexicon.ARTICLES and not nxt.is_punct
    return True


def title(span: Span) -> str:
    """The event's title: a quoted theme where the text gives one, else the phrase."""
    theme = _quoted_theme(span)
    if theme:
        return theme
    words = span.text.split()
    if words and words[0].lower() in lexicon.ARTICLES:
        words = words[1:]
    return " ".join(words)


def _quoted_theme(span: Span) -> str | None:
    doc = span.doc
    after = doc[span.end : min(span.end + 4, span.sent.end)].text.lower()
    if not lexicon.contains_phrase(after, patterns.phrases("events", "theme_cues")):
        return None
    rest = doc[span.end : span.sent.end].text
    match = re.search(r"[\"“«]([^\"”»]{3,120})[\"”»]", rest)
    return match.group(1).strip() if match else None


def is_part(noun: Span) -> bool:
    """ "the opening ceremony", "a session": part of an event, not an event."""
    doc = noun.doc
    text = doc[max(noun.start - 1, 0) : noun.end].text.lower()
    parts = patterns.phrases("events", "part_nouns")
    return noun.text.lower() in parts or lexicon.contains_phrase(text, parts) == text


def is_generic(span: Span, noun: Span) -> bool:
    """A bare "the forum" or "the event", which refers back to an event already named."""
    if noun.text.lower() in {"event", "events"}:
        return True
    bare = span.start >= noun.start and span.end <= noun.end
    before = span.doc[span.start - 1].lower_ if span.start else ""
    return bare and before not in {"a", "an"}


def status(doc: Doc, span: Span, noun: Span) -> str:
    """held | planned | recalled | mention, from the words around the phrase."""
    sent = span.sent
    around = doc[max(sent.start, span.start - 4) : min(sent.end, span.end + 6)].text.lower()
    after = doc[span.end : min(sent.end, span.end + 20)].text.lower()
    before = doc[max(sent.start, span.start - 4) : span.start].text.lower()
    if lexicon.contains_phrase(around, patterns.phrases("events", "future_cues")):
        return "planned"
    if lexicon.contains_phrase(sent.text.lower(), patterns.phrases("events", "recalled_cues")):
        return "recalled"
    if lexicon.contains_phrase(doc[sent.start : span.start].text.lower(), _REPORTED):
        return "recalled"  # "F.Muradov mentioned that the congress ... was held in Baku"
    if lexicon.contains_phrase(after, patterns.phrases("events", "held_verbs")):
        return "held"
    if lexicon.contains_phrase(before, _ATTENDED):
        return "held"
    if lexicon.contains_phrase(doc[span.end : sent.end].text.lower(), _PRESENT):
        return "held"
    return "mention"


def in_quote(span: Span) -> bool:
    """Whether the span sits inside quotation marks opened earlier in its paragraph."""
    text = lexicon.doc_text(span.doc)
    start = span.start_char
    paragraph = text[text.rfind("\n", 0, start) + 1 : start]
    opened = paragraph.count("“") + paragraph.count("«")
    closed = paragraph.count("”") + paragraph.count("»")
    return opened > closed or paragraph.count('"') % 2 == 1


def inside_name(span: Span) -> bool:
    """Whether a place sits inside an institution's or a person's name."""
    doc = span.doc
    for key in ("ortak_orgs", "ortak_people"):
        for other in doc.spans.get(key, []):
            if other.start <= span.start and span.end <= other.end and other.text != span.text:
                return True
    return False


_AHEAD = frozenset({"forthcoming", "upcoming", "next", "coming"})


def name_ahead(event: Event, earlier: list[Event]) -> None:
    """ "the forthcoming forum": the name an earlier mention of that forum gave."""
    words = _words(event.title) - _AHEAD
    if len(words) > 1:
        return
    for other in reversed(earlier):
        if other.noun == event.noun and len(_words(other.title)) > 1:
            event.title = other.title
            return


def same_event(a: Event, b: Event) -> bool:
    """Two mentions of one event: same noun, and one title's words within the other's."""
    if a.noun != b.noun:
        return False
    wa, wb = _words(a.title), _words(b.title)
    return wa <= wb or wb <= wa


def _words(text: str) -> set[str]:
    return {
        w
        for w in re.findall(r"\w+", text.lower())
        if w not in lexicon.ARTICLES | lexicon.CONNECTORS
    }


def absorb(kept: Event, later: Event) -> None:
    """Merge a later mention into the event: longer title, place and date if missing."""
    if len(later.title) > len(kept.title):
        kept.title, kept.span = later.title, later.span
    if kept.city is None and later.city is not None:
        kept.city, kept.country, kept.country_span = later.city, later.country, later.country_span
    if kept.start is None and later.start is not None:
        kept.start, kept.end, kept.date_span = later.start, later.end, later.date_span


def fallback_city(doc: Doc, main: Event) -> Place | None:
    """The first venue city of the body when the main event's sentence names none."""
    headline_end = findings(doc).headline_end
    for place in findings(doc).places:
        if place.kind != "city" or not place.venue or place.span.start_char < headline_end:
            continue
        if inside_name(place.span) or _recalled_sentence(place.span):
            continue
        return place
    return None


def _recalled_sentence(span: Span) -> bool:
    text = span.sent.text.lower()
    return lexicon.contains_phrase(text, patterns.phrases("events", "recalled_cues")) is not None


def present_tense_date(doc: Doc, main: Event) -> None:
    """ "kicks off", "is being held": the event is on the publication date."""
    published = findings(doc).published
    text = main.span.sent.text.lower()
    if published and lexicon.contains_phrase(text, _PRESENT):
        from ortak.core.dates import PartialDate

        main.start = PartialDate(published)


def lead_date(doc: Doc, main: Event) -> None:
    """A headline names the event; the lead sentence after it dates it."""
    found = findings(doc)
    lead = next(
        (s for s in doc.sents if s.start_char >= found.headline_end and s.text.strip()), None
    )
    if lead is None:
        return
    dated = [d for d in found.dates if lead.start <= d.span.start < lead.end and d.start]
    if dated and dated[0].start.precision == "day":
        main.start, main.end, main.date_span = dated[0].start, dated[0].end, dated[0].span


def visits(doc: Doc) -> list[Event]:
    """ "visited Hungary", "is visiting Washington": a visit to a state or a city."""
    found = findings(doc)
    events = []
    verbs = patterns.phrases("events", "visit_verbs")
    for place in found.places:
        if place.kind not in {"city", "country"} or inside_name(place.span) or in_quote(place.span):
            continue
        if _continues(doc, place.span.end):
            continue  # "visited the Kyrgyzstan-Azerbaijan Friendship Park": a site, not a state
        before = lexicon.words_before(doc, place.span.start, 4)
        if not any(before.endswith(v) or before.endswith(v + " the") for v in verbs):
            continue
        events.append(_visit(doc, place))
    return events


def _continues(doc: Doc, i: int) -> bool:
    return i < len(doc) and (doc[i].text == "-" or lexicon.is_cap(doc[i]) or doc[i].lower_ == "of")


def _visit(doc: Doc, place: Place) -> Event:
    sent = place.span.sent
    subject = _subject(doc, sent, place.span.start)
    name = f"visit of {subject} to {place.span.text}" if subject else f"visit to {place.span.text}"
    future = lexicon.contains_phrase(sent.text.lower(), ("will", "to visit", "is to", "plans to"))
    event = Event(span=doc[sent.start : place.span.end], title=name, noun="visit")
    event.status = "planned" if future else "held"
    event.type = "visit"
    return event


def _subject(doc: Doc, sent: Span, verb_end: int) -> str | None:
    """ "A delegation of the State Committee ..." before "led by" or the verb."""
    words = doc[sent.start : verb_end].text
    cut = re.split(
        r"\b(led by|headed by|visited|is visiting|visiting|paid|arrived|was|were|is)\b", words
    )[0]
    cut = cut.strip(" ,")
    if not cut.lower().startswith(("a delegation", "the delegation", "delegation")):
        return None
    return cut[0].lower() + cut[1:]


def signings(doc: Doc) -> list[Event]:
    """ "The parties signed a memorandum of mutual cooperation", "will sign a Memorandum"."""
    events = []
    objects = patterns.words("events", "signing_objects")
    for token in doc:
        if token.lower_ not in {"signed", "sign"}:
            continue
        obj = _signed_object(doc, token.i, objects)
        if obj is None:
            continue
        future = token.lower_ == "sign" and doc[max(token.i - 3, 0) : token.i].text.lower().count(
            "will"
        )
        event = Event(span=obj, title=f"signing of {obj.text}", noun="signing")
        event.status, event.type = ("planned" if future else "held"), "signing"
        events.append(event)
    return events


def _signed_object(doc: Doc, verb: int, objects: frozenset[str]) -> Span | None:
    sent_end = doc[verb].sent.end
    for k in range(verb + 1, min(verb + 4, sent_end)):
        if lexicon.bare(doc[k]) in objects:
            end = k + 1
            while end < sent_end and doc[end].text not in {",", ".", ";"} and end - k < 25:
                end += 1
            start = verb + 1
            return doc[start:end]
    return None
