"""The institution a title refers to without naming it in full.

News names an institution once and then refers back to it: "committee representative X",
"a senior adviser at the Azerbaijani committee", "chief expert at Otandastar", "State
Secretary X" after "the State Secretariat for National Policy ...". Each rule here finds the
institution named elsewhere in the article that such a title means.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from ortak.ingest.extract import lexicon, patterns
from ortak.ingest.extract.findings import Org, Person, Place, findings


def referred_org(places: dict[int, Place], chain: Span) -> tuple[Org | None, int | None]:
    """ "committee representative", "adviser at the Azerbaijani committee": the body named
    elsewhere with that head noun (and that state, where a demonym stands before the head),
    and the token index where the reference begins when it closes the chain, else None."""
    doc = chain.doc
    heads = [t for t in chain if lexicon.is_org_head(t) and not lexicon.is_cap(t)]
    for head in reversed(heads):  # the outermost body is named last
        state = places.get(head.i - 1)
        country = state.country if state is not None else None
        org = _named_with(findings(doc).orgs, lexicon.bare(head), country, chain.start)
        if org is None:
            continue
        closes = head.i == chain.end - 1 and head.i > chain.start
        return org, (_reference_start(chain, head.i) if closes else None)
    return None, None


def possessed_org(chain: Span) -> Org | None:
    """ "led by its president X": the institution named last before "its"."""
    doc = chain.doc
    if chain.start == 0 or doc[chain.start - 1].lower_ != "its":
        return None
    sent = doc[chain.start].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    earlier = [
        (m.start, o)
        for o in findings(doc).orgs
        for m in o.mentions
        if floor <= m.start < chain.start and not o.in_title
    ]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


def named_before(span: Span) -> Org | None:
    """ "the Foundation": the foundation the article named before."""
    head = lexicon.bare(span[-1])
    orgs = [o for o in findings(span.doc).orgs if len(o.span) > len(span)]
    return _named_with(orgs, head, None, span.start)


def _named_with(orgs: list[Org], head: str, country: str | None, before: int) -> Org | None:
    """The last body named before token `before` whose name holds `head`, of `country`."""
    fitting = [
        o
        for o in orgs
        if head in o.name.lower().replace(",", " ").split()
        and (country is None or o.country == country)
        and not o.in_title
    ]
    earlier = [o for o in fitting if o.span.start < before]
    if earlier:
        return max(earlier, key=lambda o: max(m.start for m in o.mentions if m.start < before))
    return fitting[0] if len(fitting) == 1 else None


def _reference_start(chain: Span, head: int) -> int:
    """Start of "at the Azerbaijani committee" / "of the Kyrgyz ministry" before its head."""
    doc = chain.doc
    k = head
    while k - 1 > chain.start and (
        doc[k - 1].lower_ in lexicon.ARTICLES
        or lexicon.is_cap(doc[k - 1])
        or doc[k - 1].lower_ in {"of", "at", "in", "with", "from"}
    ):
        k -= 1
        if doc[k].lower_ in {"of", "at", "in", "with", "from"}:
            break
    return k


def implied_org(role: str, country: str | None, sent: Span) -> Org | None:
    """ "State Secretary X" -> the State Secretariat the article names; "Deputy Minister X"
    -> the Ministry named in the same sentence, or the only one of X's state."""
    body = _body_word(role)
    if body is None:
        return None
    orgs = [o for o in findings(sent.doc).orgs if _head_word(o) == body and not o.international]
    near = [o for o in orgs if any(sent.start <= m.start < sent.end for m in o.mentions)]
    if len(near) == 1 and (country is None or near[0].country in (None, country)):
        return near[0]
    same = [o for o in orgs if country is not None and o.country == country]
    if len(same) == 1:
        return same[0]
    return orgs[0] if country is None and len(orgs) == 1 else None


def body_of_title(chain: Span, country: str | None) -> Org | None:
    """ "Minister of Labor, Social Protection, and Migration of the Kyrgyz Republic" with no
    ministry named: the holder belongs to the "Ministry of Labor, ..." the title spells out."""
    table = patterns.load("people")["derived_bodies"]
    words = list(chain)
    prefixed = _prefixed_body(chain, table, country)
    if prefixed is not None:
        return prefixed
    at = next(
        (k for k, t in enumerate(words[:-2]) if t.lower_ in table and words[k + 1].lower_ == "of"),
        None,
    )
    if at is None or (at and words[at - 1].lower_ == "prime"):
        return None
    rest = chain.doc[words[at + 1].i : chain.end]
    first = next((t for t in rest[1:] if t.lower_ not in lexicon.ARTICLES), None)
    if first is None or not lexicon.is_cap(first) or not lexicon.is_org_word(first):
        return None  # "Minister of Turkey": a state, not a ministry's field
    name = " ".join([table[words[at].lower_].capitalize(), *rest.text.split()])
    org = Org(span=rest, name=name, country=country, mentions=[rest])
    findings(chain.doc).orgs.append(org)
    return org


def _prefixed_body(chain: Span, table: dict[str, str], country: str | None) -> Org | None:
    """ "Social Development Minister of Kazakhstan", "Culture Minister": the field before the
    title names the body ("Ministry of Social Development"; "Foreign" is "Foreign Affairs")."""
    words = list(chain)
    at = next((k for k, t in enumerate(words) if t.lower_ in table and k > 0), None)
    if at is None or words[at - 1].lower_ == "prime":
        return None
    k = at
    while k > 0 and lexicon.is_cap(words[k - 1]) and lexicon.is_org_word(words[k - 1]):
        k -= 1
    if k == at or lexicon.is_org_head(words[k]):
        return None
    fields = patterns.load("people")["field_names"]
    field = " ".join(t.text for t in words[k:at])
    field = fields.get(field.lower(), field)
    name = f"{table[words[at].lower_].capitalize()} of {field}"
    span = chain.doc[words[k].i : words[at].i + 1]
    org = Org(span=span, name=name, country=country, mentions=[span])
    org.in_title = True  # named by the title alone: the holder's, not a body of the article
    findings(chain.doc).orgs.append(org)
    return org


def _body_word(role: str) -> str | None:
    words = role.lower().split()
    if "prime" in words or not words:
        return None
    table = patterns.load("people")["title_bodies"]
    return next((table[w] for w in reversed(words) if w in table), None)


def _head_word(org: Org) -> str:
    heads = [lexicon.bare(t) for t in org.span if lexicon.is_org_head(t)]
    return heads[0] if heads else ""


def add_short_names(doc: Doc, orgs: list[Org], covered: set[int]) -> None:
    """ "chief expert at Otandastar": a distinctive first word of a name stands for it."""
    places = lexicon.places_by_token(doc)
    short: dict[str, Org] = {}
    for org in orgs:
        first = org.span[0]
        if len(org.span) > 1 and _distinctive(first, places):
            short.setdefault(first.text, org)
    if not short:
        return
    for token in lexicon.tokens_of(doc, frozenset(w.lower() for w in short)):
        named = short.get(token.text)
        if named is None or token.i in covered:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and lexicon.is_cap(nxt) and nxt.text not in {"’s", "'s"}:
            continue  # "Heydar Aliyev": a longer name, not the institution's short one
        mention = doc[token.i : token.i + 1]
        named.mentions.append(mention)
        covered.add(token.i)


def add_acronyms(doc: Doc, orgs: list[Org], covered: set[int]) -> None:
    """ "the Federation of Turkish Azerbaijani Associations (TADEF)": "TADEF" alone later in
    the text is a mention of the federation."""
    words = lexicon.words(doc)
    short: dict[str, Org] = {}
    for org in orgs:
        k = org.span.end
        bracketed = k + 2 < len(doc) and words[k].text == "(" and words[k + 2].text == ")"
        if bracketed and lexicon.is_acronym(words[k + 1]):
            short.setdefault(words[k + 1].text, org)
    if not short:
        return
    for token in lexicon.tokens_of(doc, frozenset(w.lower() for w in short)):
        named = short.get(token.text)
        if named is None or token.i in covered:
            continue
        named.mentions.append(doc[token.i : token.i + 1])
        covered.add(token.i)


def _distinctive(token: lexicon.TokenLike, places: dict[int, Place]) -> bool:
    return (
        lexicon.is_cap(token)
        and token.i not in places
        and len(token.text) >= 4
        and not lexicon.is_org_word(token)
        and not lexicon.is_title_word(token)
        and not lexicon.is_acronym(token)
        and token.text.isalpha()
    )


def national_state(person: Person, state: str | None) -> None:
    """ "Vice Chairman of the Senate X", "Secretary of State Y", nothing saying whose: a
    state's own organ or title with no state named is the article's `state`'s."""
    if state is None or person.country is not None:
        return
    org = person.organization
    if org is not None and (org.international or org.country is not None):
        return
    if org is not None and _names_a_state(org.name):
        return  # "... of the Turkish Republic of Northern Cyprus": a state, if an unknown one
    bodies = patterns.phrases("people", "national_bodies")
    titles = patterns.phrases("people", "national_titles")
    by_body = org is not None and lexicon.contains_phrase(org.name.lower(), bodies) is not None
    role = (person.role or "").lower()
    by_title = bool(role) and lexicon.contains_phrase(role, titles) is not None
    if not (by_body or by_title):
        return
    person.country = state
    if org is not None and by_body:
        org.country = state


_STATE_WORDS = frozenset({"republic", "kingdom", "emirates", "federation", "principality"})


def _names_a_state(name: str) -> bool:
    return any(w in _STATE_WORDS for w in name.lower().split())


def article_state(doc: Doc, dateline: Place | None) -> str | None:
    """The state an article is written in or about: its dateline's, else the state its
    places name at least twice as often as any other."""
    if dateline is not None and dateline.country:
        return dateline.country
    counts = Counter(
        p.country for p in findings(doc).places if p.country and p.kind in {"country", "demonym"}
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
