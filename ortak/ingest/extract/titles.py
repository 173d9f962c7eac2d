"""Titles beside a personal name, and what they say: role, organisation, country.

A title chain is a run of title words, institution names, places and the small words that
join them: "Deputy Chairman of the Presidency for Turks Abroad ... of Turkey" before a name,
", the Deputy Secretary General of the OTS" after one. `parse` reads a chain into a `Title`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ortak.ingest.extract import lexicon, patterns
from ortak.ingest.extract.findings import Org, Place, findings

_JOINERS = frozenset({"of", "the", "to", "for", "in", "on", "with", "-", "’s", "'s", "at"})
_POSSESSIVE = frozenset({"’s", "'s"})


@dataclass
class Context:
    """Per-document lookups the people component needs, built once per document."""

    doc: Doc
    places: dict[int, Place]
    orgs: dict[int, Org]
    gaz: dict[int, Span]

    @classmethod
    def of(cls, doc: Doc) -> Context:
        """Index the places, organisations and catalog names of `doc` by token."""
        orgs = {
            i: org
            for org in findings(doc).orgs
            for m in org.mentions
            for i in range(m.start, m.end)
        }
        return cls(doc, lexicon.places_by_token(doc), orgs, lexicon.gazetteer_by_token(doc))

    def chainable(self, i: int, *, lowercase_org: bool = False) -> bool:
        """Whether token `i` may sit inside a title chain."""
        token = self.doc[i]
        if lexicon.is_title_word(token) or i in self.orgs or i in self.places or i in self.gaz:
            return True
        if lexicon.is_acronym(token) or token.lower_ in _JOINERS:
            return True
        if lexicon.bare(token) in patterns.words("people", "geo_nouns"):
            return True
        if lexicon.is_org_word(token):
            return lexicon.is_cap(token) or lowercase_org
        return False


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
    sent_start = doc[start].sent.start
    end = start - 1 if start > sent_start and doc[start - 1].text == "," else start
    j = end - 1
    first_title = None
    while j >= sent_start and (ctx.chainable(j) or _inner_comma(ctx, j)):
        if lexicon.is_title_start(doc[j]):
            first_title = j
        j -= 1
    if first_title is None:
        return None
    begin = _modifiers_before(ctx, first_title, sent_start)
    return _trim(doc[begin:end])


def chain_after(ctx: Context, end: int) -> Span | None:
    """The title chain in apposition after a name ending at `end` (", the Chairman of ...")."""
    doc = ctx.doc
    sent_end = doc[end - 1].sent.end
    k = end + 1 if end < sent_end and doc[end].text == "," else end
    while k < sent_end and doc[k].lower_ in lexicon.ARTICLES:
        k += 1
    begin = k
    while k < sent_end and not lexicon.is_title_start(doc[k]) and _modifier(ctx, k):
        k += 1
    if k >= sent_end or not lexicon.is_title_start(doc[k]):
        return None
    while k < sent_end and ctx.chainable(k, lowercase_org=True):
        k += 1
    return _trim(doc[begin:k])


def _modifier(ctx: Context, i: int) -> bool:
    token = ctx.doc[i]
    return (
        i in ctx.places or lexicon.is_acronym(token) or i in ctx.orgs or token.text in _POSSESSIVE
    )


def _modifiers_before(ctx: Context, first_title: int, floor: int) -> int:
    """Start of "Kyrgyz", "OTS", "committee", "Azerbaijan’s" before the first title word."""
    doc = ctx.doc
    begin = first_title
    k = first_title - 1
    while k >= floor:
        token = doc[k]
        if _modifier(ctx, k) or (lexicon.is_org_head(token) and not lexicon.is_cap(token)):
            begin = k
            k -= 1
            continue
        break
    return begin


def _inner_comma(ctx: Context, j: int) -> bool:
    """A comma or "and" inside a name ("Ministry of Labor, Social Security and Migration")."""
    doc = ctx.doc
    if doc[j].text not in {",", "and"}:
        return False
    if j in ctx.orgs:
        return True
    # "Minister of Labor, Social Security and Migration": a comma between name words.
    around = (doc[j - 1], doc[j + 1]) if 0 < j < len(doc) - 1 else ()
    return bool(around) and all(lexicon.is_cap(t) and lexicon.is_org_word(t) for t in around)


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _JOINERS or doc[start].text == ","):
        start += 1
    while end > start and (doc[end - 1].lower_ in _JOINERS or doc[end - 1].text == ","):
        end -= 1
    return doc[start:end] if end > start else None


def parse(ctx: Context, chain: Span) -> Title:
    """Role, organisation and country a title chain gives."""
    org = _org_in(ctx, chain)
    if org is not None and chain.start <= org.span.start:
        org = _parent_of_unit(ctx, org)
    country, country_span = _country_in(ctx, chain, org)
    if _is_state_title(chain):
        org = None
    elif org is not None:
        country = None if org.international else (org.country or country)
    return Title(chain, _role(ctx, chain, org), org, country, country_span)


def _org_in(ctx: Context, chain: Span) -> Org | None:
    for token in chain:
        org = ctx.orgs.get(token.i)
        if org is not None:
            return org
    return _referred_org(ctx, chain) or _org_from_chain(ctx, chain)


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


def _referred_org(ctx: Context, chain: Span) -> Org | None:
    """ "committee representative": the last committee named before the chain."""
    heads = [lexicon.bare(t) for t in chain if lexicon.is_org_head(t) and not lexicon.is_cap(t)]
    if not heads:
        return None
    earlier = [o for o in findings(ctx.doc).orgs if o.span.start < chain.start]
    for org in reversed(earlier):
        if heads[0] in org.name.lower().split():
            return org
    return None


def _parent_of_unit(ctx: Context, org: Org) -> Org:
    """For "the Office of X of the Public Consent Committee ...", the Committee and on.

    In a title the unit belongs to the role; the body it sits in is the organisation. A unit
    the catalog knows by itself ("Budapest Office of the Turkic Council") stays whole.
    """
    span = org.span
    if org.key or not any(lexicon.is_subunit_head(t) for t in span[:3]):
        return org
    ofs = [t.i for t in span[1:] if t.lower_ == "of"] + [span.end]
    for at, nxt in itertools.pairwise(ofs):
        # The body starts at the "of" whose own stretch holds a body's head noun.
        if any(_body_head(t) for t in ctx.doc[at:nxt]):
            rest = _trim(ctx.doc[at : span.end])
            if rest is not None:
                return _unit_parent(ctx, org, rest)
    return org


def _body_head(token) -> bool:
    return (
        lexicon.is_org_head(token) and not lexicon.is_subunit_head(token) and lexicon.is_cap(token)
    )


def _unit_parent(ctx: Context, unit: Org, rest: Span) -> Org:
    found = findings(ctx.doc)
    unit.in_title = True
    name = " ".join(rest.text.split())
    parent = next((o for o in found.orgs if o.name == name), None)
    if parent is None:
        parent = Org(span=rest, name=name, country=unit.country, mentions=[rest])
        found.orgs.append(parent)
    for i in range(rest.start, rest.end):
        ctx.orgs[i] = parent
    return parent


def _country_in(ctx: Context, chain: Span, org: Org | None) -> tuple[str | None, Span | None]:
    """The state a chain names outside its institution: "Kyrgyz Minister", "of Turkey"."""
    for token in chain:
        place = ctx.places.get(token.i)
        if place is None or place.country is None or token.i in ctx.orgs:
            continue
        if token.i > 0 and ctx.doc[token.i - 1].lower_ == "to" and _is_state_title(chain):
            continue  # "Ambassador of Turkey to Azerbaijan": the state represented comes first
        return place.country, place.span
    return None, None


def _is_state_title(chain: Span) -> bool:
    text = chain.text.lower()
    return any(
        lexicon.contains_phrase(text, (t,)) for t in patterns.phrases("people", "state_titles")
    )


def _role(ctx: Context, chain: Span, org: Org | None) -> str | None:
    """The title as written: up to the institution, or the whole chain where there is none."""
    doc = ctx.doc
    first = next((t.i for t in chain if lexicon.is_title_start(t)), None)
    if first is None:
        return None
    end = chain.end
    if org is not None:
        org_start = min((t.i for t in chain if ctx.orgs.get(t.i) is org), default=end)
        if org_start > first:
            end = org_start
    role = _trim(doc[first:end])
    return " ".join(role.text.split()) if role is not None else None
