"""Where and when the main event took place when its own sentence does not say.

The body's first venue, the headline's, the city an embassy or centre stands in, the
dateline's; a visit's destination; a date from the present tense or from the lead sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ortak.core.dates import PartialDate
from ortak.ingest.extract import lexicon, patterns
from ortak.ingest.extract.event_mentions import surnames
from ortak.ingest.extract.event_parts import (
    PRESENT_TENSE,
    in_dateline,
    in_quote,
    inside_name,
    recalled_text,
)
from ortak.ingest.extract.findings import Event, Org, Place, findings


def fallback_city(doc: Doc) -> Place | None:
    """The first venue city of the body that an event's clause names: not of an event
    recalled or still to come, nor one a quotation tells ("we met activists in Astrakhan").
    A city that a bare "in" alone puts in a clause ("compatriots in Moscow", "houses in 5
    countries (Russia in Omsk") gives way to the dateline's city."""
    headline_end = findings(doc).headline_end
    for place in findings(doc).places:
        if place.kind != "city" or not place.venue or place.span.start_char < headline_end:
            continue
        if inside_name(place.span) or _recalled_sentence(place.span) or _ahead(place.span):
            continue
        if in_quote(place.span) or not _event_clause(place.span):
            continue
        if _bare_in(place.span) and dateline_city(doc) is not None:
            return None
        return place
    return None


# Marks that end a clause around a place ("houses in 5 countries (Russia in Omsk, ...").
_CLAUSE_MARKS = frozenset({",", ";", "(", ")", ":", "–", "—"})


def _event_clause(span: Span) -> bool:
    """Whether the place's clause names an event: an event noun or a verb that holds one
    ("the forum in Baku", "gathered in Baku"), not "classes held in X" or "compatriots in X"."""
    doc, sent = span.doc, span.sent
    start = span.start
    while start > sent.start and doc[start - 1].text not in _CLAUSE_MARKS:
        start -= 1
    end = span.end
    while end < sent.end and doc[end].text not in _CLAUSE_MARKS:
        end += 1
    clause = lexicon.text_between(doc, start, end).lower()
    events = patterns.load("events")
    words = (*events["event_nouns"], *(n + "s" for n in events["event_nouns"]))
    if lexicon.contains_phrase(clause, tuple(words)) is not None:
        return True
    verbs = (
        *patterns.phrases("events", "held_verbs"),
        *patterns.phrases("events", "visit_verbs"),
        *_MORE_VERBS,
    )
    for k in range(start, end):
        ahead = lexicon.text_between(doc, k, min(k + 2, end)).lower() + " "
        verb = next((v for v in verbs if ahead.startswith(v + " ")), None)
        if verb is not None and not _reduced_relative(doc, k, verb, start):
            return True
    return False


# Verbs of marking a day, and of speaking: an official "said in Bishkek" was there.
_MORE_VERBS = (
    "marked",
    "celebrated",
    "commemorated",
    "said",
    "stated",
    "told",
    "noted",
    "declared",
    "announced",
    "spoke",
)

# Verbs that take no object: "representatives gathered in Baku" tells an event.
_INTRANSITIVE = frozenset(
    {"gathered", "met", "took place", "takes place", "kicked off", "began", "started"}
) | frozenset(_MORE_VERBS[3:])
_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "jointly"}
)


def _reduced_relative(doc: Doc, k: int, verb: str, start: int) -> bool:
    """ "dombra classes held in Istanbul": a participle right after a common noun describes
    that noun's activity, not an event (the event noun check has already looked)."""
    if verb in _INTRANSITIVE or k <= start:
        return False
    before = doc[k - 1]
    word = before.lower_
    return (
        before.is_alpha
        and not lexicon.is_cap(before)
        and word not in _AUXILIARIES
        and not word.endswith("ly")
        and word not in {"we", "they", "he", "she", "it", "who", "which", "that"}
    )


def _bare_in(span: Span) -> bool:
    """Whether only a bare "in" puts the place in its clause (no "held in", "took place in")."""
    doc = span.doc
    before = lexicon.text_between(doc, max(span.sent.start, span.start - 4), span.start).lower()
    cues = tuple(c for c in patterns.phrases("places", "venue_cues") if c != "in")
    return not any(before.endswith(cue) or before.endswith(cue + " the") for cue in cues)


# Words that open a clause of another subject after the event's ("..., while members of the
# community will meet in Moscow"): its places are not the event's.
_OTHER_CLAUSE = frozenset({"while", "whereas", "meanwhile", ";"})


def clause_end(doc: Doc, start: int, hi: int) -> int:
    """Where an event's clause ends, from `start` (its phrase's end) and before `hi`: at a
    clause of another subject."""
    for k in range(start, hi):
        if doc[k].lower_ in _OTHER_CLAUSE:
            return k
    return hi


def same_clause(a: Event, b: Event) -> bool:
    """Whether two mentions share a sentence with no clause of another subject between."""
    if a.span.sent.start != b.span.sent.start:
        return False
    first, second = sorted((a.span, b.span), key=lambda s: s.start)
    return clause_end(first.doc, first.end, second.start) == second.start


# Words between a hosting city and the event it hosts ("Cologne will host a qurultai").
_HOSTING = frozenset(
    {"will", "to", "is", "set", "host", "hosts", "hosted", "hosting", "the", "a", "an"}
)


def host_before(span: Span) -> Place | None:
    """ "Cologne will host a traditional qurultai": the city hosting the event, its subject."""
    doc = span.doc
    for place in findings(doc).places:
        if place.kind != "city" or not span.sent.start <= place.span.end <= span.start:
            continue
        between = [t.lower_ for t in doc[place.span.end : span.start]]
        if between and any(w.startswith("host") for w in between) and set(between) <= _HOSTING:
            return place
    return None


def located_only(org: Org) -> bool:
    """ "Omsk Regional Public Organization", "New York University": a body whose state is
    only that of a city in its name, which says where it is, not which state takes part."""
    places = [
        p for p in findings(org.span.doc).places if org.span.start <= p.span.start < org.span.end
    ]
    if org.key or not places or org.country is None:
        return False
    return all(p.kind == "city" for p in places) and any(p.country == org.country for p in places)


def headline_city(doc: Doc) -> Place | None:
    """ "Khojaly victims remembered in Berlin": the venue a headline gives."""
    headline_end = findings(doc).headline_end
    for place in findings(doc).places:
        if place.span.start_char >= headline_end:
            break
        if place.kind == "city" and place.venue and not _ahead(place.span):
            return place
    return None


def _ahead(span: Span) -> bool:
    """Whether the span's sentence speaks of an event to come ("to be held in Astana",
    "Cologne will host a qurultai")."""
    sent = span.sent
    after = lexicon.text_between(span.doc, span.end, min(sent.end, span.end + 3)).lower()
    if after.startswith(("will ", "is to ", "is set to ", "is going to ", "plans to ")):
        return True
    around = lexicon.text_between(span.doc, max(sent.start, span.start - 8), span.start).lower()
    if lexicon.contains_phrase(around, patterns.phrases("events", "future_cues")) is not None:
        return True
    clause = lexicon.text_between(span.doc, sent.start, span.start).lower()
    return (
        lexicon.contains_phrase(clause, patterns.phrases("events", "proposal_holding_cues"))
        is not None
    )


def located_city(doc: Doc) -> Place | None:
    """The city an embassy, consulate or centre stands in ("the Embassy of Azerbaijan in
    Washington"): where such a body hosts, the event is there."""
    for place in findings(doc).places:
        if place.kind != "city" or _recalled_sentence(place.span) or _ahead(place.span):
            continue
        start = place.span.start
        if start and doc[start - 1].lower_ == "in" and _in_site_name(place):
            return place
    return None


def _in_site_name(place: Place) -> bool:
    doc = place.span.doc
    for other in doc.spans.get("ortak_orgs", []):
        if other.start <= place.span.start < other.end:
            return any(lexicon.bare(t) in lexicon.SITE_HEADS for t in other)
    return False


def dateline_city(doc: Doc) -> Place | None:
    """The city of an agency dateline ("BAKU, Azerbaijan, Sept. 26", "ANKARA"): where the
    article was written, taken for the event's only where the text names no other place."""
    for place in findings(doc).places:
        if place.kind != "city" or place.span.start_char > 300:
            continue
        span = place.span
        at_line_start = span.start == 0 or "\n" in doc[span.start - 1].text
        if at_line_start and (span.text.isupper() or len(span.sent) <= 14):
            return place
    return None


def _recalled_sentence(span: Span) -> bool:
    return recalled_text(lexicon.lower_text(span.sent))


def present_tense_date(doc: Doc, main: Event) -> None:
    """ "kicks off", "is being held": the event is on the publication date."""
    published = findings(doc).published
    text = lexicon.lower_text(main.span.sent)
    if published and (lexicon.contains_phrase(text, PRESENT_TENSE) or _present_headline(doc, main)):
        main.start = PartialDate(published)


def _present_headline(doc: Doc, main: Event) -> bool:
    """ "Diaspora Forum kicks off" over "The Diaspora Forum kicked off in Baku": a headline
    in the present tense naming the main event's noun dates it to the publication day."""
    headline_end = findings(doc).headline_end
    if not headline_end or main.span.start_char < headline_end or not main.noun:
        return False
    headline = lexicon.doc_text(doc)[:headline_end].lower()
    named = lexicon.contains_phrase(headline, (main.noun.lower(),)) is not None
    return named and lexicon.contains_phrase(headline, PRESENT_TENSE) is not None


def lead_date(doc: Doc, main: Event) -> None:
    """A headline names the event; the lead sentence after it dates it."""
    found = findings(doc)
    lead = next(
        (s for s in doc.sents if s.start_char >= found.headline_end and s.text.strip()), None
    )
    if lead is None:
        return
    dated = [d for d in found.dates if lead.start <= d.span.start < lead.end and d.start]
    dated = [d for d in dated if not in_dateline(d.span)]
    if dated and dated[0].start is not None and dated[0].start.precision == "day":
        main.start, main.end, main.date_span = dated[0].start, dated[0].end, dated[0].span


def paragraph_date(doc: Doc, main: Event) -> None:
    """ "The forum opened in Baku. It took place on 5 March ...": a day the main event's
    paragraph gives, outside sentences of events recalled or still to come."""
    text = lexicon.doc_text(doc)
    start = text.rfind("\n", 0, main.span.start_char) + 1
    end = text.find("\n", main.span.end_char)
    end = len(text) if end < 0 else end
    for date in findings(doc).dates:
        span = date.span
        if not (start <= span.start_char < end) or date.start is None:
            continue
        if (
            date.start.precision != "day"
            or recalled_text(lexicon.lower_text(span.sent))
            or _ahead(span)
        ):
            continue
        if in_dateline(span):
            continue
        main.start, main.end, main.date_span = date.start, date.end, span
        return


# Verbs that retell an event of each noun ("paid a courtesy visit to ..." then "visited ...
# on 24 September").
_RETOLD = {
    "visit": ("visited", "paid a visit", "paid a courtesy visit", "paid an official visit"),
    "meeting": ("met", "meeting", "received"),
    "signing": ("signed",),
}


def retold_date(doc: Doc, main: Event) -> None:
    """ "X paid a courtesy visit to Y." ... "X visited Y on 24 September 2018 at the Council":
    a later sentence that retells the main event with one of its people gives its day."""
    verbs = _RETOLD.get((main.noun or "").lower())
    if not verbs:
        return
    people = surnames(main.span.sent)
    if not people:
        return
    for date in findings(doc).dates:
        span = date.span
        if span.start < main.span.end or date.start is None or date.start.precision != "day":
            continue
        if in_dateline(span) or in_quote(span) or _recalled_sentence(span) or _ahead(span):
            continue
        sent = span.sent
        text = lexicon.lower_text(sent)
        if lexicon.contains_phrase(text, verbs) is None or not people & surnames(sent):
            continue
        main.start, main.end, main.date_span = date.start, date.end, span
        return


def destination(event: Event) -> list[Place]:
    """ "a working visit to Azerbaijan", "visited Hungary": the place the visit went to."""
    doc, span = event.span.doc, event.span
    found = []
    for place in findings(doc).places:
        if place.kind not in {"city", "country"} or not span.start <= place.span.start <= span.end:
            continue
        before = doc[place.span.start - 1].lower_ if place.span.start else ""
        if before in {"to", "visited", "visiting", "visits", "in"}:
            found.append(place)
    return found


def continue_place(event: Event, main: Event) -> None:
    """ "The event continued with the 5th meeting of ...": where the main event was."""
    if event.city is not None or event.country is not None:
        return
    text = lexicon.lower_text(event.span.sent)
    if lexicon.contains_phrase(text, patterns.phrases("events", "continuation_cues")):
        event.city, event.country, event.country_span = main.city, main.country, main.country_span
