"""Titles beside a personal name, and what they say: role, organisation, country.

A title chain is a run of title words, institution names, places and the small words that
join them: "Deputy Chairman of the Presidency for Turks Abroad ... of Turkey" before a name,
", the Deputy Secretary General of the OTS" after one. `parse` reads a chain into a `Title`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ortak.ingest.extract import affiliations, knowledge, lexicon, patterns
from ortak.ingest.extract.findings import Org, Place, findings
from ortak.ingest.extract.linking import DEFAULT_REGISTRY

_JOINERS = frozenset({"of", "the", "to", "for", "in", "on", "with", "-", "’s", "'s", "at"})
_POSSESSIVE = frozenset({"’s", "'s"})


@dataclass
class Context:
    """Per-document lookups the people component needs, built once per document."""

    doc: Doc
    places: dict[int, Place]
    orgs: dict[int, Org]
    gaz: dict[int, Span]
    words: list[lexicon.Word]
    starts: list[bool]  # whether each token starts a sentence
    envoy_titles: set[int] = field(default_factory=set)  # tokens inside envoys' titles

    @classmethod
    def of(cls, doc: Doc) -> Context:
        """Index the places, organisations and catalog names of `doc` by token."""
        orgs = {
            i: org
            for org in findings(doc).orgs
            for m in org.mentions
            for i in range(m.start, m.end)
        }
        places, gaz = lexicon.places_by_token(doc), lexicon.gazetteer_by_token(doc)
        return cls(doc, places, orgs, gaz, lexicon.words(doc), lexicon.sent_starts(doc))

    def chainable(self, i: int, *, lowercase_org: bool = False) -> bool:
        """Whether token `i` may sit inside a title chain."""
        token = self.words[i]
        if lexicon.is_title_word(token) or i in self.orgs or i in self.places or i in self.gaz:
            return True
        if occupation(token):
            return True
        if token.lower_ in patterns.words("people", "plural_titles"):
            return True
        if lexicon.is_acronym(token) or token.lower_ in _JOINERS:
            return True
        if token.text in {"(", ")"} and self._bracketed_acronym(i):
            return True  # "Presidency for Turks Abroad ... (YTB) Abdulhadi Turus"
        if lexicon.bare(token) in patterns.words("people", "geo_nouns"):
            return True
        if lexicon.is_org_word(token):
            return lexicon.is_cap(token) or lowercase_org
        return False

    def _bracketed_acronym(self, i: int) -> bool:
        """ "(YTB)", "(Russia)": an acronym or a place in brackets inside a title."""
        words = self.words
        if words[i].text == "(":
            return i + 2 < len(words) and self._glossed(i + 1) and words[i + 2].text == ")"
        return i >= 2 and self._glossed(i - 1) and words[i - 2].text == "("

    def _glossed(self, k: int) -> bool:
        return lexicon.is_acronym(self.words[k]) or k in self.places


@dataclass
class Title:
    """What a title chain says about the person it belongs to."""

    span: Span
    role: str | None
    org: Org | None
    country: str | None
    country_span: Span | None = None


def chain_before(ctx: Context, start: int) -> Span | None:
    """The title chain ending just before a name at `start` ("Kyrgyz Minister")."""
    doc = ctx.doc
    words = lexicon.words(doc)
    sent_start = doc[start].sent.start
    if start > sent_start and words[start - 1].lower_ in patterns.words("people", "honorifics"):
        start -= 1  # "Deputy Secretary General Dr. Ömer Kocaman"
    end = start - 1 if start > sent_start and words[start - 1].text == "," else start
    j = end - 1
    first_title = None
    while j >= sent_start and (ctx.chainable(j) or _inner_comma(ctx, j)):
        if _title_start(words[j]):
            first_title = j
        j -= 1
    if first_title is None:
        return None
    begin = _modifiers_before(ctx, first_title, sent_start)
    return _trim(doc[begin:end])


def chain_after(ctx: Context, end: int) -> Span | None:
    """The title chain in apposition after a name ending at `end` (", the Chairman of ...")."""
    doc = ctx.doc
    words = lexicon.words(doc)
    sent_end = doc[end - 1].sent.end
    k = after_state(ctx, end)
    k = k + 1 if k < sent_end and words[k].text == "," else k
    while k < sent_end and words[k].lower_ in lexicon.ARTICLES:
        k += 1
    begin = k
    while (
        k < sent_end and not _title_start(words[k]) and (_modifier(ctx, k) or _geo_noun(words[k]))
    ):
        k += 1
    if k >= sent_end or not _title_start(words[k]):
        return None
    while k < sent_end and (ctx.chainable(k, lowercase_org=True) or _inner_comma(ctx, k)):
        k += 1
    return _trim(doc[begin:k])


def after_state(ctx: Context, end: int) -> int:
    """Where the text after a name goes on, past a "(Turkiye)" that gives the person's state."""
    words = ctx.words
    if end + 2 >= len(words) or words[end].text != "(":
        return end
    place = ctx.places.get(end + 1)
    if place is None or place.kind not in {"country", "demonym"} or place.span.end >= len(words):
        return end
    return place.span.end + 1 if words[place.span.end].text == ")" else end


def _geo_noun(token: lexicon.Word) -> bool:
    """ "District" of "District Governor of Bağcılar": part of the title it opens."""
    return lexicon.is_cap(token) and lexicon.bare(token) in patterns.words("people", "geo_nouns")


def _modifier(ctx: Context, i: int) -> bool:
    token = ctx.words[i]
    return (
        i in ctx.places
        or lexicon.is_acronym(token)
        or i in ctx.orgs
        or token.text in _POSSESSIVE
        or _state_pronoun(ctx.doc, i)
    )


_STATE_NOUNS = frozenset({"country", "state", "republic"})


def _state_pronoun(doc: Doc, i: int) -> bool:
    """ "the country's ambassador": "country" standing for a state named before."""
    words = lexicon.words(doc)
    token = words[i]
    return (
        token.lower_ in _STATE_NOUNS
        and i + 1 < len(doc)
        and words[i + 1].text in _POSSESSIVE
        and i > 0
        and words[i - 1].lower_ in {"the", "this", "that"}
    )


def _modifiers_before(ctx: Context, first_title: int, floor: int) -> int:
    """Start of "Kyrgyz", "OTS", "committee", "Azerbaijan’s" before the first title word."""
    doc = ctx.doc
    words = lexicon.words(doc)
    begin = first_title
    k = first_title - 1
    while k >= floor:
        token = words[k]
        if _place_after_preposition(ctx, k, floor):
            break  # "a trip to Turkey Social Development Minister X": where, not whose
        if _modifier(ctx, k) or (lexicon.is_org_head(token) and not lexicon.is_cap(token)):
            begin = k
            k -= 1
            continue
        if _field_word(ctx, k) and k == begin - 1:
            begin = k  # "Kyrgyz Culture Minister", "Social Development Minister"
            k -= 1
            continue
        break
    return begin


_PLACE_PREPOSITIONS = frozenset({"to", "in", "from", "at", "for", "with", "into"})


def _place_after_preposition(ctx: Context, k: int, floor: int) -> bool:
    """A state or town after "to", "in", "from" ("Kazakh" of "from Kazakh President" aside)."""
    place = ctx.places.get(k)
    if place is None or place.kind == "demonym":
        return False
    start = place.span.start
    return start > floor and ctx.words[start - 1].lower_ in _PLACE_PREPOSITIONS


def _field_word(ctx: Context, k: int) -> bool:
    """A capitalised word of a ministry's field before a title ("Culture", "Foreign")."""
    token = ctx.words[k]
    return (
        lexicon.is_cap(token)
        and lexicon.is_org_word(token)
        and not lexicon.is_org_head(token)
        and not lexicon.is_title_word(token)
        and k not in ctx.places
        and not ctx.starts[k]
        and token.lower_ not in lexicon.CONNECTORS | lexicon.ARTICLES
    )


def _inner_comma(ctx: Context, j: int) -> bool:
    """A comma or "and" inside a name ("Ministry of Labor, Social Security and Migration"),
    or the "Other" of "Office and Other International Organizations"."""
    doc = ctx.doc
    words = lexicon.words(doc)
    if words[j].lower_ == "other":
        return 0 < j < len(doc) - 1 and words[j - 1].lower_ == "and" and _name_part(words[j + 1])
    if words[j].text not in {",", "and"}:
        return False
    if j in ctx.orgs or _second_title(ctx, j):
        return True
    # "Minister of Labor, Social Security and Migration": a comma between name words; the
    # Oxford comma ("Social Protection, and Migration") joins the same way.
    if not 0 < j < len(doc) - 1:
        return False
    prev, nxt = j - 1, j + 1
    if words[j].text == "," and words[nxt].lower_ == "and" and nxt + 1 < len(doc):
        nxt += 1
    elif words[j].lower_ == "and" and words[prev].text == "," and prev > 0:
        prev -= 1
    if all(_name_part(words[k]) for k in (prev, nxt)):
        return True
    return words[j].lower_ == "and" and _places_joined(ctx, j)


def _second_title(ctx: Context, j: int) -> bool:
    """ "Member of the Grand National Assembly (TBMM) and head of the Friendship Group": an
    "and" after an institution that opens a second title of the same person."""
    words = ctx.words
    if words[j].lower_ != "and" or j == 0 or j + 2 >= len(words):
        return False
    after_body = j - 1 in ctx.orgs or (words[j - 1].text == ")" and ctx.chainable(j - 1))
    return after_body and _title_start(words[j + 1]) and words[j + 2].lower_ == "of"


def _name_part(token: lexicon.Word) -> bool:
    return lexicon.is_cap(token) and lexicon.is_org_word(token)


def _places_joined(ctx: Context, j: int) -> bool:
    """ "Ambassador to Switzerland and Liechtenstein": "and" between two states inside an
    envoy's title, or "Office and Other International Organizations" in one."""
    words = ctx.words
    before, after = ctx.places.get(j - 1), ctx.places.get(j + 1)
    if before is not None and after is not None:
        return before.kind == "country" and after.kind == "country" and _after_to(ctx, j)
    nxt = words[j + 1]
    return nxt.lower_ == "other" and j + 2 < len(words) and lexicon.is_cap(words[j + 2])


def _after_to(ctx: Context, j: int) -> bool:
    """Whether the state before "and" is the destination of an envoy ("to Switzerland")."""
    k = ctx.places[j - 1].span.start
    return k > 0 and ctx.words[k - 1].lower_ == "to"


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    words = lexicon.words(doc)
    while start < end and (words[start].lower_ in _JOINERS or words[start].text == ","):
        start += 1
    while end > start and (
        words[end - 1].lower_ in _JOINERS or words[end - 1].text in {",", "and"}
    ):
        end -= 1  # "... to the OSCE and" before "other international organizations"
    return doc[start:end] if end > start else None


def parse(ctx: Context, chain: Span) -> Title:
    """Role, organisation and country a title chain gives."""
    org, cut = _org_in(ctx, chain)
    if org is not None and chain.start <= org.span.start:
        org = _parent_of_unit(ctx, org)
    country, country_span = _country_in(ctx, chain, org)
    if _is_state_title(_first_title(ctx, chain, org)):
        _only_in_title(ctx, chain)
        org = None
    elif org is not None and not org.located:
        # A diaspora's body in Omsk does not tell its head's state; other bodies do.
        country = None if org.international else (org.country or country)
    return Title(chain, _role(ctx, chain, org, cut), org, country, country_span)


def _first_title(ctx: Context, chain: Span, org: Org | None) -> Span:
    """ "Secretary General of the Turkic Council" of "Secretary General of the Turkic Council
    Ambassador X": the title up to its institution where a second title (a rank) follows it."""
    if org is None:
        return chain
    ends = [t.i + 1 for t in chain if ctx.orgs.get(t.i) is org]
    if not ends or ends[-1] >= chain.end:
        return chain
    rest = ctx.doc[ends[-1] : chain.end]
    return ctx.doc[chain.start : ends[-1]] if any(_title_start(t) for t in rest) else chain


def _org_in(ctx: Context, chain: Span) -> tuple[Org | None, int | None]:
    """The institution a chain names, and where a trailing reference to it begins."""
    named: list[Org] = []
    for token in chain:
        org = ctx.orgs.get(token.i)
        if org is not None and org not in named:
            named.append(org)
    if len(named) > 1 and _bare_unit(named[0]):
        # "deputy chairman of the Board of Otandastar": the unit is part of the role.
        if all(chain.start <= m.start < chain.end for m in named[0].mentions):
            named[0].in_title = True
        return named[1], None
    if named:
        return named[0], None
    org, cut = affiliations.referred_org(ctx.places, chain)
    if org is not None:
        return org, cut
    return affiliations.possessed_org(chain) or _org_from_chain(ctx, chain), None


def _bare_unit(org: Org) -> bool:
    """ "Board", "the Department": a unit's head noun alone, no body's name."""
    words = [t for t in org.span if t.lower_ not in lexicon.ARTICLES]
    return bool(words) and all(lexicon.is_subunit_head(t) for t in words)


def _only_in_title(ctx: Context, chain: Span) -> None:
    """ "Permanent Representative of X to the UN Office": a body named only inside an
    envoy's title is not an institution of the article, however many envoys name it."""
    ctx.envoy_titles.update(range(chain.start, chain.end))
    for i in range(chain.start, chain.end):
        org = ctx.orgs.get(i)
        if org is not None and all(m.start in ctx.envoy_titles for m in org.mentions):
            org.in_title = True


def _org_from_chain(ctx: Context, chain: Span) -> Org | None:
    """ "the head of the Hungary-Azerbaijan interparliamentary friendship group": a body
    the organisation finder missed because its head noun is in lower case."""
    if not lexicon.is_org_head(chain[-1]) or _is_state_title(chain):
        return None
    of = next((t.i for t in chain if t.lower_ == "of"), None)
    rest = _trim(ctx.doc[of : chain.end]) if of is not None else None
    if rest is None or not any(lexicon.is_cap(t) for t in rest):
        return None
    country = next((ctx.places[t.i].country for t in rest if t.i in ctx.places), None)
    org = Org(span=rest, name=" ".join(rest.text.split()), country=country, mentions=[rest])
    findings(ctx.doc).orgs.append(org)
    for i in range(rest.start, rest.end):
        ctx.orgs[i] = org
    return org


def _parent_of_unit(ctx: Context, org: Org) -> Org:
    """For "the Office of X of the Public Consent Committee ...", the Committee and on.

    In a title the unit belongs to the role; the body it sits in is the organisation. A unit
    the catalog knows by itself ("Budapest Office of the Turkic Council") stays whole.
    """
    span = org.span
    if org.key and not lexicon.is_subunit_head(span[0]):
        return org  # "Budapest Office of the OTS": a unit the catalog knows by itself
    if not any(lexicon.is_subunit_head(t) for t in span[:3]):
        return org
    ofs = [t.i for t in span[1:] if t.lower_ == "of"] + [span.end]
    for at, nxt in itertools.pairwise(ofs):
        # The body starts at the "of" whose own stretch holds a body's head noun.
        if any(_body_head(t) for t in ctx.doc[at:nxt]):
            rest = _trim(ctx.doc[at : span.end])
            if rest is not None:
                return _unit_parent(ctx, org, rest)
    return org


def _body_head(token: lexicon.TokenLike) -> bool:
    return (
        lexicon.is_org_head(token) and not lexicon.is_subunit_head(token) and lexicon.is_cap(token)
    )


def _unit_parent(ctx: Context, unit: Org, rest: Span) -> Org:
    found = findings(ctx.doc)
    unit.in_title = True
    name = " ".join(rest.text.split())
    parent = next((o for o in found.orgs if o.name == name), None)
    if parent is None and all(lexicon.is_org_head(t) or t.lower_ in lexicon.ARTICLES for t in rest):
        parent = affiliations.named_before(rest)  # "Chairman of the Board of the Foundation"
    if parent is None:
        parent = Org(span=rest, name=name, country=unit.country, key=unit.key, mentions=[rest])
        parent.international = unit.international
        if parent.key is None:
            _link(parent)
        found.orgs.append(parent)
    for i in range(rest.start, rest.end):
        ctx.orgs[i] = parent
    return parent


def _link(org: Org) -> None:
    """The catalog's key and state for a body found inside a title."""
    match = DEFAULT_REGISTRY.match_institution(org.name)
    if match:
        org.key = knowledge.canonical_key(match[0])
        org.country = org.country or knowledge.institution_country(org.key)


def _country_in(ctx: Context, chain: Span, org: Org | None) -> tuple[str | None, Span | None]:
    """The state a chain names outside its institution: "Kyrgyz Minister", "of Turkey", or
    "the country's" for the state named last before it."""
    for token in chain:
        if _state_pronoun(ctx.doc, token.i):
            place = _state_before(ctx, chain.start)
            if place is not None:
                return place.country, place.span
        place = ctx.places.get(token.i)
        if place is None or place.country is None or token.i in ctx.orgs:
            continue
        if place.kind == "city" and lexicon.is_title_word(token):
            continue  # "Officer": a town's name too, but in a title a title word
        if token.i > 0 and ctx.doc[token.i - 1].lower_ == "to" and _is_state_title(chain):
            continue  # "Ambassador of Turkey to Azerbaijan": the state represented comes first
        return place.country, place.span
    return None, None


def _state_before(ctx: Context, start: int) -> Place | None:
    """The last state named before token `start`, in its sentence or the one before."""
    doc = ctx.doc
    sent = doc[start].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    for i in range(start - 1, floor - 1, -1):
        place = ctx.places.get(i)
        if place is not None and place.country and place.kind in {"country", "demonym"}:
            return place
    return None


def _is_state_title(chain: Span) -> bool:
    text = chain.text.lower()
    return any(
        lexicon.contains_phrase(text, (t,)) for t in patterns.phrases("people", "state_titles")
    )


def _role(ctx: Context, chain: Span, org: Org | None, cut: int | None = None) -> str | None:
    """The title as written: up to the institution, or the whole chain where there is none.
    Lower-case body nouns before the title stay in it ("committee representative"); a
    reference closing it does not ("senior adviser at the Azerbaijani committee")."""
    doc = ctx.doc
    first = next((t.i for t in chain if _title_start(t) and t.i not in ctx.orgs), None)
    if first is None:
        return None
    while first > chain.start and (
        _body_noun(doc[first - 1]) or _geo_noun(ctx.words[first - 1]) or _field_word(ctx, first - 1)
    ):
        first -= 1
    end = chain.end if cut is None else cut
    if org is not None:
        org_start = min((t.i for t in chain if ctx.orgs.get(t.i) is org), default=end)
        if org_start > first:
            end = min(end, _possessor_start(ctx, first, org_start, end))
    role = _trim(doc[first:end])
    if role is None:
        return None
    words = role.text.split()
    return " ".join(_singular(w) if i == 0 else w for i, w in enumerate(words))


def _possessor_start(ctx: Context, first: int, org_start: int, end: int) -> int:
    """Where the role ends before an institution at `org_start`: before "of Kazakhstan’s"
    in "Vice President of Kazakhstan’s Otandastar Foundation", the state being the body's."""
    k = org_start
    if k - 2 > first and ctx.words[k - 1].text in _POSSESSIVE:
        place = ctx.places.get(k - 2)
        if place is not None and place.country:
            k = place.span.start
    return min(end, k)


def plural(chain: Span) -> bool:
    """Whether the chain's title is a plural one ("officials of the Committee")."""
    return any(t.lower_ in patterns.words("people", "plural_titles") for t in chain)


def _body_noun(token: lexicon.TokenLike) -> bool:
    return lexicon.is_org_head(token) and not lexicon.is_cap(token)


def _title_start(token: lexicon.TokenLike) -> bool:
    """A word that begins a title, or its plural ("officials of the Committee")."""
    return (
        lexicon.is_title_start(token)
        or _singular(token.lower_) != token.lower_
        or occupation(token)
    )


def occupation(token: lexicon.TokenLike) -> bool:
    """ "writer" of "writer Akbar Mazhit": an occupation in lower case, or opening a sentence."""
    if lexicon.bare(token) not in patterns.words("people", "occupations"):
        return False
    return token.text == token.lower_ or bool(token.is_sent_start)


def _singular(word: str) -> str:
    """ "officials" -> "official" where the singular begins a title; else the word itself."""
    if word.lower() in patterns.words("people", "plural_titles"):
        return word[:-1]
    return word
