"""Events told by a verb rather than an event noun: visits ("visited Hungary", "hosted a
delegation"), signings ("signed a memorandum") and observances ("commemorated the victims",
"celebrated Novruz", "met with the ambassador").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ortak.ingest.extract import lexicon, patterns
from ortak.ingest.extract.event_parts import in_quote, inside_name
from ortak.ingest.extract.findings import Event, Place, findings


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
        verb = next((v for v in verbs if before.endswith(v) or before.endswith(v + " the")), None)
        if verb is None or (verb in _ARRIVALS and not _official_arrives(doc, place.span)):
            continue
        if _event_goers(doc, place.span):
            continue  # "Participants of the forum visited Shusha": a site the forum visited
        events.append(_visit(doc, place))
    return events + _hosted_delegations(doc)


_DELEGATION = frozenset({"delegation", "delegations"})

# Visit verbs that anyone may do: "ethnic Kazakhs who arrived in Kazakhstan" made no visit.
_ARRIVALS = frozenset({"arrived in", "arrives in"})


def _event_goers(doc: Doc, place: Span) -> bool:
    """Whether the visit's subject is the people of an event ("Participants of the 2nd
    Internship Program", "The guests of the festival"): its places are the event's sites."""
    subject = lexicon.text_between(doc, place.sent.start, place.start).lower()
    return lexicon.contains_phrase(subject, _GOERS) is not None


_GOERS = ("participants of", "participants in", "guests of", "attendees of", "delegates of the")


def _official_arrives(doc: Doc, place: Span) -> bool:
    """ "The Minister arrived in Baku", "A delegation led by ... arrived in Budapest": an
    arrival is a visit when its clause's subject is a person, an official or a delegation,
    not a relative clause on people who came to live there ("compatriots who arrived in")."""
    sent = place.sent
    k = place.start - 1
    while k > sent.start and doc[k].lower_ not in {"arrived", "arrives"}:
        k -= 1
    if k > sent.start and doc[k - 1].lower_ in {"who", "that", "which", "had", "have", "has"}:
        return False
    people = lexicon.span_bounds(doc, "ortak_people")
    for token in doc[sent.start : k]:
        if lexicon.bare(token) in _DELEGATION or lexicon.is_title_word(token):
            return True
        if any(start <= token.i < end for start, end in people):
            return True
    return False


def _hosted_delegations(doc: Doc) -> list[Event]:
    """ "X hosted a delegation of Y in Tashkent", "received a delegation": a visit to the
    host, at the place the sentence names."""
    events = []
    for token in lexicon.tokens_of(doc, _DELEGATION):
        if token.i < 2:
            continue
        before = lexicon.words_before(doc, token.i, 3)
        if not lexicon.contains_phrase(before, ("hosted", "received", "welcomed")):
            continue
        sent = token.sent
        places = [
            p
            for p in findings(doc).places
            if sent.start <= p.span.start < sent.end and p.venue and p.kind in {"city", "country"}
        ]
        if not places or in_quote(token.sent[:1]):
            continue
        event = _visit(doc, places[0])
        event.title = f"visit of a delegation to {places[0].span.text}"
        events.append(event)
    return events


def _continues(doc: Doc, i: int) -> bool:
    return i < len(doc) and (doc[i].text == "-" or lexicon.is_cap(doc[i]) or doc[i].lower_ == "of")


def _visit(doc: Doc, place: Place) -> Event:
    sent = place.span.sent
    subject = _subject(doc, sent, place.span.start)
    name = f"visit of {subject} to {place.span.text}" if subject else f"visit to {place.span.text}"
    cues = (*patterns.phrases("events", "future_cues"), "to visit")
    future = lexicon.contains_phrase(lexicon.lower_text(sent), cues)
    event = Event(span=doc[sent.start : place.span.end], title=name, noun="visit")
    event.status = "planned" if future else "held"
    event.type = "visit"
    # The destination is where the visit takes place.
    event.city = place if place.kind == "city" else None
    event.country, event.country_span = place.country, place.span
    return event


def _subject(doc: Doc, sent: Span, verb_end: int) -> str | None:
    """ "A delegation of the State Committee ..." before "led by" or the verb."""
    words = lexicon.text_between(doc, sent.start, verb_end)
    cut = re.split(
        r"\b(led by|headed by|visited|is visiting|visiting|paid|arrived|was|were|is)\b", words
    )[0]
    cut = cut.strip(" ,")
    if not cut.lower().startswith(("a delegation", "the delegation", "delegation")):
        return None
    return cut[0].lower() + cut[1:]


def observances(doc: Doc) -> list[Event]:
    """ "The diaspora commemorated the victims of ...", "celebrated Novruz", "met with the
    ambassador": an event told by its verb alone."""
    verbs = patterns.load("events")["observance_verbs"]
    events = []
    for token in lexicon.tokens_of(doc, frozenset(verbs)):
        if token.i + 1 >= token.sent.end:
            continue
        noun, type_ = verbs[token.lower_]
        if _honorary(doc, token):
            continue
        future = _will_before(doc, token.i)
        if future == (token.lower_ in _PAST_FORMS):
            continue  # "gathered to commemorate ...": the gathering is the event
        obj = _verb_object(doc, token)
        if obj is None:
            continue
        joiner = " " if obj[0].lower_ == "with" else " of "
        words = obj.text.split()
        if words[0].lower() in lexicon.ARTICLES:
            words = words[1:]
        event = Event(span=obj, title=noun + joiner + " ".join(words), noun=noun)
        event.status, event.type = ("planned" if future else "held"), type_
        events.append(event)
    return events


def _honorary(doc: Doc, verb: Token) -> bool:
    """ "Honored Artist Malahat Abbasova", "Honoured Worker of Culture": a capitalised verb
    form before a capitalised word is an honorary title, not a verb."""
    nxt = verb.i + 1
    return lexicon.is_cap(verb) and nxt < len(doc) and lexicon.is_cap(doc[nxt])


_PAST_FORMS = frozenset({"commemorated", "honoured", "honored", "celebrated", "met"})


def _verb_object(doc: Doc, verb: Token) -> Span | None:
    """What the verb tells of: its object ("met with the ambassador"), or its subject where
    it has none ("The heads of diaspora institutions met in Baku", "The anniversary ... was
    commemorated")."""
    sent = verb.sent
    if verb.i > sent.start and doc[verb.i - 1].lower_ in {"was", "were"}:
        subject = doc[sent.start : verb.i - 1]
        return subject if len(subject) > 1 else None
    start = end = verb.i + 1
    if end < sent.end and doc[end].lower_ == "with":
        end += 1
    while end < sent.end and end - verb.i < 15 and not _clause_break(doc[end]):
        end += 1
    if end > start + (doc[start].lower_ == "with"):
        return doc[start:end]
    end = verb.i
    while end > sent.start and doc[end - 1].lower_ in _MODALS:
        end -= 1  # "The officials will meet": the subject ends before "will"
    start = sent.start
    for k in range(sent.start, end):
        if doc[k].lower_ in _OTHER_SUBJECT:
            start = k + 1  # "..., while members of the community will meet in Moscow"
    subject = doc[start:end]
    opened = start > sent.start
    fits = 1 < len(subject) <= 15 and (opened or lexicon.is_cap(subject[0]))
    return subject if fits else None


_OTHER_SUBJECT = frozenset({"while", "whereas", ";"})


_MODALS = frozenset({"will", "shall", "would", "to", "is", "are", "plan", "plans", "also"})


def _clause_break(token: Token) -> bool:
    return (
        token.is_space
        or token.text in {",", ".", ";", ":", "("}
        or token.lower_
        in {
            "with",
            "by",
            "at",
            "in",
            "on",
            "to",
            "and",
        }
    )


def _will_before(doc: Doc, i: int) -> bool:
    before = doc[max(doc[i].sent.start, i - 3) : i].text.lower()
    cues = ("will", "plans to", "plan to", "shall", "is to", "are to", "going to")
    return lexicon.contains_phrase(before, cues) is not None


_SIGN_VERBS = frozenset({"signed", "sign", "inked", "concluded"})


def signings(doc: Doc) -> list[Event]:
    """ "The parties signed a memorandum of mutual cooperation", "will sign a Memorandum"."""
    events = []
    objects = patterns.words("events", "signing_objects")
    for token in lexicon.tokens_of(doc, _SIGN_VERBS):
        obj = _signed_object(doc, token.i, objects) or _passive_subject(doc, token, objects)
        if obj is None:
            continue
        future = token.lower_ == "sign" and lexicon.text_between(
            doc, max(token.i - 3, 0), token.i
        ).lower().count("will")
        event = Event(span=obj, title=f"signing of {obj.text}", noun="signing")
        event.status, event.type = ("planned" if future else "held"), "signing"
        events.append(event)
    return events


def _passive_subject(doc: Doc, verb: Token, objects: frozenset[str]) -> Span | None:
    """ "A memorandum of understanding was signed ...": the subject is what was signed."""
    if verb.i < 2 or doc[verb.i - 1].lower_ not in {"was", "were", "been"}:
        return None
    subject = doc[verb.sent.start : verb.i - 1]
    while subject and subject[0].lower_ in lexicon.ARTICLES | {"the", "a", "an"}:
        subject = subject[1:]
    if not subject or not any(lexicon.bare(t) in objects for t in subject[:3]):
        return None
    return subject


def _signed_object(doc: Doc, verb: int, objects: frozenset[str]) -> Span | None:
    sent_end = doc[verb].sent.end
    for k in range(verb + 1, min(verb + 4, sent_end)):
        if lexicon.bare(doc[k]) in objects:
            end = k + 1
            while (
                end < sent_end
                and doc[end].text not in {",", ".", ";"}
                and not doc[end].is_space
                and end - k < 25
            ):
                end += 1
            start = verb + 1
            return doc[start:end]
    return None
