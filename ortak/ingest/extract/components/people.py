"""ortak_people_v1: people named in the text, with title, organisation and country.

A name is a run of capitalised words that are not title words, institution words or places.
It counts as a person when something vouches for it: a title before it ("Kyrgyz Minister
Ravshanbek Sabirov"), a title after it ("Merey Mukazhan, the Deputy Secretary General of the
OTS"), a courtesy word ("Mr."), a verb of speech ("Potapi said") or an earlier mention of
the same person ("F.Muradov" after "Fuad Muradov"). Whether the person was present is
decided here too: the remembered, heads of state named only in passing, and sources
speaking to the press are kept but not counted as participants.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import knowledge, lexicon, patterns, titles
from ortak.ingest.extract.findings import Org, Person, findings

_INITIAL = re.compile(r"^[A-ZА-ЯÀ-Þ]\.(?:[A-ZА-ЯÀ-Þ]\.)?[A-ZА-ЯÀ-Þ][\w'’-]+$")
_OPENERS = frozenset({"according", "during", "welcoming", "speaking", "addressing", "hosted"})


@Language.factory("ortak_people_v1", default_config={"max_name_tokens": 4})
def make_people(nlp: Language, name: str, *, max_name_tokens: int) -> People:
    """Build the people finder."""
    return People(max_name_tokens=max_name_tokens)


class People:
    """Finds people and what their titles say about them."""

    def __init__(self, *, max_name_tokens: int) -> None:
        self.max_tokens = max_name_tokens
        self.speech = patterns.words("people", "speech_verbs")
        self.honorifics = patterns.words("people", "honorifics")

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        ctx = titles.Context.of(doc)
        for start, end in _runs(ctx, self.max_tokens):
            self._consider(ctx, found.people, doc[start:end])
        for person in found.people:
            person.present = _present(person)
        doc.spans["ortak_people"] = [m for p in found.people for m in p.mentions]
        return doc

    def _consider(self, ctx: titles.Context, people: list[Person], span: Span) -> None:
        known = _known(people, span)
        before, after = titles.chain_before(ctx, span.start), self._chain_after(ctx, span)
        if known is not None:
            known.mentions.append(span)
            _enrich(ctx, known, before, after)
            return
        # A lone capitalised word opening a sentence is usually "Furthermore", not a name.
        if len(span) == 1 and span[0].is_sent_start and not _INITIAL.match(span.text):
            return
        if not self._vouched(ctx, span, before, after):
            return
        person = Person(span=span, name=_name(span), mentions=[span])
        _enrich(ctx, person, before, after)
        people.append(person)

    def _chain_after(self, ctx: titles.Context, span: Span) -> Span | None:
        chain = titles.chain_after(ctx, span.end)
        if chain is None or (_name_token(ctx, chain.end) and chain.end < len(ctx.doc)):
            return None  # the title of the next person in a list: "X, Ambassador ... Y"
        return chain

    def _vouched(self, ctx, span: Span, before, after) -> bool:
        doc = ctx.doc
        prev = doc[span.start - 1].lower_ if span.start else ""
        if prev in self.honorifics or after is not None or _represented(ctx, span):
            return True
        if before is not None and (len(span) > 1 or before.end == span.start):
            return True
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        return len(span) > 1 and (nxt in self.speech or _surname_like(span[-1].text))


def _runs(ctx: titles.Context, max_tokens: int) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens (hyphenated parts joined), at most `max_tokens`."""
    runs, i, doc = [], 0, ctx.doc
    while i < len(doc):
        if not _name_token(ctx, i):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (_name_token(ctx, j) or _hyphen_join(doc, j)):
            j += 1
        if j - i <= max_tokens:
            runs.append((i, j))
        i = j
    return runs


def _hyphen_join(doc: Doc, j: int) -> bool:
    token = doc[j]
    return token.text == "-" and not token.whitespace_ and j + 1 < len(doc) and doc[j + 1].is_title


def _name_token(ctx: titles.Context, i: int) -> bool:
    """Whether token `i` can be part of a personal name."""
    if i >= len(ctx.doc):
        return False
    token = ctx.doc[i]
    if _INITIAL.match(token.text):
        return True
    if not lexicon.is_cap(token) or not token.text.replace("’", "").replace("'", "").isalpha():
        return False
    if token.is_stop or lexicon.is_acronym(token) or i in ctx.orgs or i in ctx.gaz:
        return False
    if lexicon.is_title_word(token) or lexicon.is_org_word(token) or _is_event_word(token):
        return False
    if i in ctx.places and not _city_in_name(ctx, i):
        return False
    return not (token.is_sent_start and _opener(token))


def _opener(token) -> bool:
    word = token.lower_
    return word in _OPENERS or word.endswith("ing") or word.endswith("ed")


def _is_event_word(token) -> bool:
    nouns = patterns.load("events")["event_nouns"]
    word = lexicon.bare(token)
    return word in nouns or (word.endswith("s") and word[:-1] in nouns)


def _city_in_name(ctx: titles.Context, i: int) -> bool:
    """ "Baghdad Amreyev": a city's name inside a personal name, not after "of"/"in"."""
    place = ctx.places[i]
    prev = ctx.doc[i - 1].lower_ if i else ""
    nxt_is_name = i + 1 < len(ctx.doc) and ctx.doc[i + 1].is_title and i + 1 not in ctx.places
    return place.kind == "city" and prev not in {"of", "in", "to", "at", "from"} and nxt_is_name


def _surname_like(word: str) -> bool:
    fold = knowledge.names_api()[0]
    folded = fold(word)
    return any(
        folded.endswith(e) for e in patterns.words("people", "surname_endings") if len(e) > 2
    )


def _represented(ctx: titles.Context, span: Span) -> bool:
    """ "Arpad Janos Potapi, who represented Hungary"."""
    window = ctx.doc[span.end : span.end + 3].text.lower()
    return window.startswith(", who represent")


def _name(span: Span) -> str:
    return " ".join(span.text.split())


def _known(people: list[Person], span: Span) -> Person | None:
    """The person an earlier mention named: same words, or the same surname."""
    fold, similarity, _ = knowledge.names_api()
    text = _name(span).replace(".", ". ")
    words = fold(text).split()
    if not words:
        return None
    for person in reversed(people):
        theirs = fold(person.name).split()
        if similarity(text, person.name) >= 0.85 or (len(words) == 1 and words[-1] in theirs):
            return person
        if (
            len(words) == 2
            and len(words[0]) == 1
            and words[-1] == theirs[-1]
            and theirs[0][:1] == words[0]
        ):
            return person  # "F. Muradov" after "Fuad Muradov"
    return None


def _enrich(ctx: titles.Context, person: Person, before, after) -> None:
    """Fill role, organisation and country from the titles, first values kept."""
    for chain in (c for c in (after, before) if c is not None):
        title = titles.parse(ctx, chain)
        if person.organization is None and title.org is not None:
            person.organization = title.org
            person.role = title.role or person.role
            person.role_span = chain
        if person.role is None:
            person.role, person.role_span = title.role, chain
        if person.country is None and title.country and not _international(person):
            person.country, person.country_span = title.country, title.country_span or chain
    if person.organization is None and person.role:
        person.organization = _implied_org(ctx, person)
    _represented_country(ctx, person)


def _international(person: Person) -> bool:
    return person.organization is not None and person.organization.international


def _implied_org(ctx: titles.Context, person: Person) -> Org | None:
    """ "Kyrgyz Minister X" -> the Ministry of that state named in the article."""
    role = person.role.lower()
    if "minister" not in role or "prime" in role:
        return None
    ministries = [o for o in findings(ctx.doc).orgs if o.name.lower().startswith("ministry")]
    same = [o for o in ministries if o.country == person.country]
    return same[0] if len(same) == 1 else None


def _represented_country(ctx: titles.Context, person: Person) -> None:
    span = person.mentions[0]
    if person.country is None and _represented(ctx, span):
        for i in range(span.end, min(span.end + 6, len(ctx.doc))):
            place = ctx.places.get(i)
            if place is not None and place.country:
                person.country, person.country_span = place.country, place.span
                return


def _present(person: Person) -> bool:
    """Whether the person was at the event, not remembered, cited or named in passing."""
    from ortak.ingest.extract import presence

    return presence.present(person)
