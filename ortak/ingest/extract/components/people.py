"""ortak_people_v1: people named in the text, with title, organisation and country.

A name is a run of capitalised words that are not title words, institution words or places.
It counts as a person when something vouches for it: a title before it ("Kyrgyz Minister
Ravshanbek Sabirov"), a title after it ("Merey Mukazhan, the Deputy Secretary General of the
OTS"), a courtesy word ("Mr."), a verb of speech ("Potapi said"), the state beside it
("Fuad Muradov (Azerbaijan)") or an earlier mention of the same person ("F.Muradov" after
"Fuad Muradov"). The country is the state the title, its institution or the sentence gives
("Kazakhstan was represented by X", "the country's ambassador"); a title shared in a list
("X and Y, officials of the Committee") is each one's. Whether the person was present is
decided here too: the remembered, heads of state named only in passing, people whose
greetings were conveyed, and sources speaking to the press are kept but not counted.
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import (
    affiliations,
    event_places,
    knowledge,
    lexicon,
    patterns,
    titles,
)
from ortak.ingest.extract.findings import Org, Person, Place, findings
from ortak.ingest.extract.lexicon import Word
from ortak.names import MATCH_THRESHOLD

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
        runs = _runs(ctx, self.max_tokens)
        order = _titles_first(ctx, runs)
        for start, end in runs:
            span = doc[start:end]
            self._consider(ctx, found.people, span, order.get(span.sent.start))
        state = affiliations.article_state(doc, event_places.dateline_city(doc))
        for person in found.people:
            _possessor_state(found.people, person)
            affiliations.national_state(person, state)
            person.present = _present(person)
        doc.spans["ortak_people"] = [m for p in found.people for m in p.mentions]
        return doc

    def _consider(
        self, ctx: titles.Context, people: list[Person], span: Span, titles_first: bool | None
    ) -> None:
        known = _known(people, span)
        before, after = _own_titles(ctx, span, titles_first, self._chain_after(ctx, span))
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
        if after is not None and titles.plural(after):
            _share_plural_title(ctx, people, span, after)
        elif before is None and person.role is None:
            _take_plural_title(ctx, people, person, span)

    def _chain_after(self, ctx: titles.Context, span: Span) -> Span | None:
        chain = titles.chain_after(ctx, span.end)
        if chain is None or _runs_into_name(ctx, chain.end):
            return None  # the title of the next person in a list: "X, Ambassador ... Y"
        return chain

    def _vouched(
        self, ctx: titles.Context, span: Span, before: Span | None, after: Span | None
    ) -> bool:
        doc = ctx.doc
        if _people_list(doc, span):
            return False
        prev = doc[span.start - 1].lower_ if span.start else ""
        if prev in self.honorifics or after is not None or _represented(ctx, span):
            return True
        if len(span) > 1 and _kin_before(ctx, span.start):
            return True  # "her husband – Kenneth Bruke"
        if len(span) > 1 and prev == "by" and _state_represented_by(ctx, span) is not None:
            return True  # "The Uzbek side was represented by Bobur Karimov"
        beside = span.end < len(doc) and doc[span.end].text in {"(", "from"}
        if len(span) > 1 and beside and _state_beside(ctx, span) is not None:
            return True  # "Fuad Muradov (Azerbaijan)", "Aidos Sarym from Kazakhstan"
        if before is not None and (len(span) > 1 or before.end == span.start):
            return True
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if len(span) < 2:
            return False
        return nxt in self.speech or (_surname_like(span[-1].text) and _prose(span.sent))


def _kin_before(ctx: titles.Context, start: int) -> bool:
    """ "her husband", "his wife –" just before a name."""
    words, k = ctx.words, start - 1
    if k >= 0 and words[k].text in {"–", "—", "-", ","}:
        k -= 1
    return (
        k >= 1
        and words[k].lower_ in patterns.words("people", "kin_words")
        and words[k - 1].lower_ in {"his", "her", "their"}
    )


def _titles_first(ctx: titles.Context, runs: list[tuple[int, int]]) -> dict[int, bool]:
    """For each sentence, whether its titles stand before the names ("Chairman of X Fuad
    Muradov, Head of Y, Abdullah Eren, ...") or after them ("Abdullah Eren (Turkiye),
    President of X, Abzal Saparbekuli, ..."): decided once, by the first name with a title
    beside it, since a title between two names of a list could be either one's. A rank
    alone before that name ("Ambassador X, Secretary General of ...") decides nothing."""
    order: dict[int, bool] = {}
    for start, end in runs:
        sent = ctx.doc[start].sent.start
        if sent in order:
            continue
        before, after = titles.chain_before(ctx, start), titles.chain_after(ctx, end)
        if after is not None and _runs_into_name(ctx, after.end):
            after = None  # "X, Chairman of Y Z": the title runs straight into Z, Z's own
        if before is None and after is None:
            continue
        if before is not None and (after is None or len(before) > 1):
            order[sent] = True
        elif after is not None:
            order[sent] = False  # a rank alone ("Ambassador X, Secretary General of ...")
    return order


def _own_titles(
    ctx: titles.Context, span: Span, titles_first: bool | None, after: Span | None
) -> tuple[Span | None, Span | None]:
    """The titles before and after a name that are this person's, in the sentence's order:
    where titles come first, one followed by the next name is that name's; where names come
    first, one behind a comma is the previous name's."""
    before = titles.chain_before(ctx, span.start)
    if titles_first and after is not None and _name_follows(ctx, after.end):
        after = None
    if titles_first is False and after is not None and before is not None:
        before = before if before.end == span.start else None
    if before is not None and after is not None and titles.plural(after):
        after = None  # "TADEF Chairman X, members of TADEF's board": the next item of a list
    return before, after


_GLOSS_CLOSE = {"(": ")", "“": "”", '"': '"', "«": "»"}


def _runs_into_name(ctx: titles.Context, k: int) -> bool:
    """Whether a title ending at `k` runs straight into a name, past a quoted or bracketed
    part of its institution's name ('... Organization "Kazakhs of Omsk" Kuanysh Eleutaev')."""
    words = ctx.words
    close = _GLOSS_CLOSE.get(words[k].text) if k < len(words) else None
    if close is not None:
        end = next(
            (j for j in range(k + 1, min(k + 10, len(words))) if words[j].text == close), None
        )
        if end is not None:
            k = end + 1
    return k < len(words) and _name_token(ctx, k)


def _name_follows(ctx: titles.Context, k: int) -> bool:
    if k < len(ctx.words) and ctx.words[k].text == ",":
        k += 1
    return _name_token(ctx, k)


_SENTENCE_ENDS = frozenset({".", "!", "?", "”", '"', "»", ")", ":", ";"})


def _prose(sent: Span) -> bool:
    """Whether a sentence is one: a line of page navigation ("Ilham Aliyev WUF13 Budget
    package") has neither closing punctuation nor the small words of prose ("in", "with"
    of a headline), and a name in it vouches for nobody."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is not None and last.text[-1:] in _SENTENCE_ENDS:
        return True
    return any(t.is_stop and t.is_lower for t in sent)


def _people_list(doc: Doc, span: Span) -> bool:
    """ "the Crimean Tatar, Gagauz and Uyghur communities": names of peoples, not persons."""
    k, words, sent_end = span.end, lexicon.words(doc), span.sent.end
    while (
        k < sent_end
        and k - span.end < 8
        and (words[k].text in {",", "and"} or lexicon.is_cap(words[k]))
    ):
        k += 1
    return k < len(doc) and words[k].lower_ in patterns.words("people", "people_nouns")


def _runs(ctx: titles.Context, max_tokens: int) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens (hyphenated parts joined), at most `max_tokens`."""
    runs, i, doc = [], 0, ctx.doc
    while i < len(doc):
        if not _name_token(ctx, i):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (_name_token(ctx, j) or _hyphen_join(ctx.words, j)):
            if _LONE_INITIAL.match(ctx.words[j].text):
                break  # an initial begins a name: "Later A. Saparbekuly"
            j += 1
        start = i
        if j - i >= 3 and i > 1 and ctx.words[i - 1].lower_ == "the" and _after_title(ctx, i - 1):
            # "Deputy Chairman of the Zhogorku Vladimir Bozhko": no name follows "the"; its
            # first word is the body the title names.
            _body_before_name(ctx, i)
            start = i + 1
        if j - start <= max_tokens:
            runs.append((start, j))
        i = j
    return runs


_LONE_INITIAL = re.compile(r"^[A-ZА-ЯÀ-Þ]\.$")


def _after_title(ctx: titles.Context, k: int) -> bool:
    """Whether "the" at `k` follows "<title> of" ("Deputy Chairman of the")."""
    words = ctx.words
    return k >= 2 and words[k - 1].lower_ == "of" and lexicon.is_title_word(words[k - 2])


def _body_before_name(ctx: titles.Context, i: int) -> None:
    """Record the one-word body at `i` ("Zhogorku") as an institution of the title."""
    if i in ctx.orgs:
        return
    doc = ctx.doc
    span = doc[i : i + 1]
    found = findings(doc)
    org = next((o for o in found.orgs if o.name == span.text), None)
    if org is None:
        org = Org(span=span, name=span.text, country=None, mentions=[span])
        found.orgs.append(org)
    else:
        org.mentions.append(span)
    ctx.orgs[i] = org


def _initial_before_name(ctx: titles.Context, i: int) -> bool:
    """ "A." of "A. Saparbekuly": an initial standing apart from the surname after it."""
    words = ctx.words
    return (
        bool(_LONE_INITIAL.match(words[i].text))
        and i + 1 < len(words)
        and words[i + 1].is_title
        and not ctx.starts[i + 1]
    )


def _hyphen_join(words: list[lexicon.Word], j: int) -> bool:
    token = words[j]
    return token.text_with_ws == "-" and j + 1 < len(words) and words[j + 1].is_title


def _name_token(ctx: titles.Context, i: int) -> bool:
    """Whether token `i` can be part of a personal name."""
    if i >= len(ctx.words):
        return False
    token = ctx.words[i]
    first = token.text[:1]
    if not (first.isupper() or first == "-" or "À" <= first <= "Þ"):
        return False  # neither an initial nor a capitalised word: most words, told at once
    if _INITIAL.match(token.text) or _initial_before_name(ctx, i):
        return True
    if not lexicon.is_cap(token) or not token.text.replace("’", "").replace("'", "").isalpha():
        return False
    if token.is_stop or lexicon.is_acronym(token) or i in ctx.orgs or i in ctx.gaz:
        return False
    if lexicon.is_title_word(token) or lexicon.is_org_word(token) or _is_event_word(token):
        return False
    if ctx.starts[i] and titles.occupation(token):
        return False  # "Writer Arman Seitov said": the occupation opening a sentence
    if lexicon.is_calendar_word(token):
        return False  # "on Tuesday, the first time ...": a day, not a name
    if i in ctx.places and not _city_in_name(ctx, i):
        return False
    return not (ctx.starts[i] and _opener(token))


def _opener(token: Word) -> bool:
    word = token.lower_
    return word in _OPENERS or word.endswith("ing") or word.endswith("ed")


def _is_event_word(token: Word) -> bool:
    nouns = patterns.load("events")["event_nouns"]
    word = lexicon.bare(token)
    return word in nouns or (word.endswith("s") and word[:-1] in nouns)


def _city_in_name(ctx: titles.Context, i: int) -> bool:
    """ "Baghdad Amreyev", "Murat Kaya": a city's name inside a personal name, beside a
    name word and not after "of"/"in"."""
    words = ctx.words
    place = ctx.places[i]
    if len(place.span) > 1:
        return False  # "in Los Angeles Nasimi Aghayev": a city of several words stays whole
    prev = words[i - 1] if i and not ctx.starts[i] else None
    if place.kind != "city" or (
        prev is not None and prev.lower_ in {"of", "in", "to", "at", "from"}
    ):
        return False
    nxt_is_name = i + 1 < len(words) and words[i + 1].is_title and i + 1 not in ctx.places
    if prev is None:
        return nxt_is_name
    prev_is_name = prev.is_title and i - 1 not in ctx.places and _plain_word(ctx, i - 1)
    return nxt_is_name or prev_is_name


def _plain_word(ctx: titles.Context, i: int) -> bool:
    token = ctx.words[i]
    return not (
        ctx.starts[i]
        or i in ctx.orgs
        or i in ctx.gaz
        or lexicon.is_title_word(token)
        or lexicon.is_org_word(token)
        or lexicon.is_calendar_word(token)
    )


def _surname_like(word: str) -> bool:
    fold = knowledge.names_api()[0]
    return fold(word).endswith(_surname_endings())


# Two-letter endings safe to accept ("Seitov", "Aliyev"): "in", "li", "lu" end towns and words.
_SHORT_ENDINGS = frozenset({"ov", "ev"})


@functools.cache
def _surname_endings() -> tuple[str, ...]:
    """The endings folded as names are ("Saparbekuly" folds to "saparbekuli")."""
    fold = knowledge.names_api()[0]
    endings = patterns.words("people", "surname_endings")
    kept = {e for e in endings if len(e) > 2 or e in _SHORT_ENDINGS}
    return tuple({fold(e) for e in kept} | kept)


def _represented(ctx: titles.Context, span: Span) -> bool:
    """ "Arpad Janos Potapi, who represented Hungary"."""
    window = lexicon.text_between(ctx.doc, span.end, span.end + 3).lower()
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
        if similarity(text, person.name) >= MATCH_THRESHOLD:
            return person
        if len(words) == 1 and words[-1] in theirs:
            return person  # one of their names alone: "Muradov" after "Fuad Muradov"
        if (
            len(words) == 2
            and len(words[0]) == 1
            and words[-1] == theirs[-1]
            and theirs[0][:1] == words[0]
        ):
            return person  # "F. Muradov" after "Fuad Muradov"
    return None


def _enrich(ctx: titles.Context, person: Person, before: Span | None, after: Span | None) -> None:
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
        _implied_org(ctx, person, person.role)
    _represented_country(ctx, person)


def _share_plural_title(ctx: titles.Context, people: list[Person], span: Span, after: Span) -> None:
    """ "X and Y, officials of the Committee,": X holds the title too."""
    doc = ctx.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "and":
        return
    for person in people:
        if any(m.end == span.start - 1 for m in person.mentions) and person.role is None:
            _enrich(ctx, person, None, after)


def _take_plural_title(
    ctx: titles.Context, people: list[Person], person: Person, span: Span
) -> None:
    """ "the Committee's experts X and Y": Y holds the title X took before the "and"."""
    doc = ctx.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "and":
        return
    for other in people:
        chain = other.role_span
        if chain is None or not titles.plural(chain) or chain.end > other.mentions[0].start:
            continue
        if any(m.end == span.start - 1 for m in other.mentions):
            _enrich(ctx, person, chain, None)


def _possessor_state(people: list[Person], person: Person) -> None:
    """ "Kazakh President X ... his advisor Y": an aide's state is the state of the person
    "his" or "her" refers to, the last one named before in the sentence or the one before."""
    chain = person.role_span
    if person.country is not None or chain is None or _international(person):
        return
    doc = chain.doc
    if chain.start == 0 or doc[chain.start - 1].lower_ not in {"his", "her"}:
        return
    floor = doc[chain.sent.start - 1].sent.start if chain.sent.start > 0 else 0
    before = [
        (m.start, p)
        for p in people
        if p is not person
        for m in p.mentions
        if floor <= m.start < chain.start
    ]
    if before:
        owner = max(before, key=lambda pair: pair[0])[1]
        if owner.country is not None:
            person.country, person.country_span = owner.country, owner.country_span


def _international(person: Person) -> bool:
    return person.organization is not None and person.organization.international


def _implied_org(ctx: titles.Context, person: Person, role: str) -> None:
    """ "Kyrgyz Minister X", "State Secretary X": the Ministry or Secretariat the article
    names; "Minister of Labor ..." is then "Minister" of the "Ministry of Labor ..."."""
    sent = person.mentions[0].sent
    org = affiliations.implied_org(role, person.country, sent)
    if org is None and person.role_span is not None:
        org = affiliations.body_of_title(person.role_span, person.country)
    if org is None:
        return
    person.organization = org
    if person.country is None and org.country:
        person.country = org.country
    head, of, rest = role.partition(" of ")
    if of and _content(rest) <= _content(org.name):
        person.role = head


def _content(text: str) -> set[str]:
    words = text.lower().replace(",", " ").split()
    return {w for w in words if w not in lexicon.ARTICLES | lexicon.CONNECTORS}


def _represented_country(ctx: titles.Context, person: Person) -> None:
    """ "X, who represented Hungary", "Kazakhstan was represented by X and Y"."""
    span = person.mentions[0]
    if person.country is not None or _international(person):
        return
    if _represented(ctx, span):
        for i in range(span.end, min(span.end + 6, len(ctx.doc))):
            place = ctx.places.get(i)
            if place is not None and place.country:
                person.country, person.country_span = place.country, place.span
                return
    place = _state_beside(ctx, span) or _state_represented_by(ctx, span)
    if place is not None:
        person.country, person.country_span = place.country, place.span


def _state_beside(ctx: titles.Context, span: Span) -> Place | None:
    """ "Fuad Muradov (Azerbaijan)", "Aidos Sarym from Kazakhstan": the state right after."""
    doc = ctx.doc
    k = span.end
    if k + 1 < len(doc) and doc[k].text in {"(", "from", "of"}:
        place = ctx.places.get(k + 1)
        if place is not None and place.country and place.kind in {"country", "demonym"}:
            closes = doc[k].text != "(" or (
                place.span.end < len(doc) and doc[place.span.end].text == ")"
            )
            return place if closes else None
    return None


def _state_represented_by(ctx: titles.Context, span: Span) -> Place | None:
    """The state subject of "<state> was represented by", "The Kyrgyz side was represented
    by", "The Kazakh delegation was headed by" earlier in the name's sentence."""
    doc = ctx.doc
    sent = span.sent
    text = lexicon.text_between(doc, sent.start, span.start).lower()
    cue = lexicon.contains_phrase(text, _REPRESENTED_BY)
    if cue is None:
        return None
    cue_at = sent.start_char + text.find(cue)
    places = [ctx.places[i] for i in range(sent.start, span.start) if i in ctx.places]
    states = [p for p in places if p.country and p.kind in {"country", "demonym"}]
    return states[0] if states and states[0].span.end_char <= cue_at else None


_REPRESENTED_BY = ("represented by", "headed by", "led by")


def _present(person: Person) -> bool:
    """Whether the person was at the event, not remembered, cited or named in passing."""
    from ortak.ingest.extract import presence

    return presence.present(person)
