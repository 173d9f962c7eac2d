"""ortak_organizations_v1: institutions named in the text, in their fullest form.

A name grows around a head noun ("Committee", "Ministry", "Embassy") or a catalog name:
leftwards over capitalised modifiers ("Azerbaijan State"), rightwards over complements whose
words belong to institution names ("of Labor, Social Security and Migration of the Kyrgyz
Republic"). A capitalised word outside that vocabulary ends the name: in "Chairman of the
State Committee Fuad Muradov" it is the holder's name. A bare "the Committee" refers back
to the last committee named. News agencies cited as sources are left out.
"""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import affiliations, knowledge, lexicon, patterns
from ortak.ingest.extract.findings import Findings, Org, Place, findings
from ortak.ingest.extract.lexicon import Word
from ortak.ingest.extract.linking import DEFAULT_REGISTRY

_LEFT_TITLE_OK = frozenset({"state", "general", "special", "first", "executive", "permanent"})
_GENERIC = frozenset({"state", "the", "public", "national"})
_OPENERS = frozenset(
    {
        "during",
        "after",
        "before",
        "as",
        "at",
        "in",
        "on",
        "with",
        "by",
        "this",
        "these",
        "its",
        "his",
        "her",
        "their",
        "our",
        "then",
        "also",
        "both",
    }
)


@Language.factory("ortak_organizations_v1", default_config={"max_tokens": 30})
def make_organizations(nlp: Language, name: str, *, max_tokens: int) -> Organizations:
    """Build the organisation finder."""
    return Organizations(max_tokens=max_tokens)


class Organizations:
    """Finds institution names, links them to the catalog and merges repeated mentions."""

    def __init__(self, *, max_tokens: int) -> None:
        self.max_tokens = max_tokens
        self.news = patterns.phrases("organizations", "news_sources")
        self.international = patterns.phrases("organizations", "international_markers")

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        places = lexicon.places_by_token(doc)
        gaz = lexicon.gazetteer_by_token(doc)
        covered: set[int] = set()
        for seed in _seeds(doc, gaz):
            if seed in covered:
                continue
            span = self._grow(doc, seed, places, gaz, covered)
            covered.update(range(span.start, span.end))
            self._add(found, span, gaz, places)
        for span, inner in _quoted_after_descriptor(doc, covered, places):
            org = _make_org(span, gaz, places, found)
            org.name = _clean_name(inner)
            _merge_or_append(found.orgs, org)
        for span in _named_by_one_word(doc, places, covered):
            org = _make_org(span, gaz, places, found)
            org.name = span[0].text
            _merge_or_append(found.orgs, org)
        _merge_bracketed_acronyms(doc, found.orgs)
        _units_of_named_bodies(doc, found.orgs)
        _drop_title_case_headline_names(doc, found)
        affiliations.add_short_names(doc, found.orgs, covered)
        affiliations.add_acronyms(doc, found.orgs, covered)
        doc.spans["ortak_orgs"] = [m for org in found.orgs for m in org.mentions]
        return doc

    def _grow(
        self,
        doc: Doc,
        seed: int,
        places: dict[int, Place],
        gaz: dict[int, Span],
        covered: set[int],
    ) -> Span:
        """The fullest name around a head noun or a catalog name starting at `seed`."""
        start = gaz[seed].start if seed in gaz else seed
        end = gaz[seed].end if seed in gaz else seed + 1
        words = lexicon.words(doc)
        if not (lexicon.is_subunit_head(words[seed]) and seed - 1 in covered):
            # A unit after a body already named ("Otandastar Foundation Board") is no part
            # of that body's name.
            start = _grow_left(doc, start, places, gaz, covered)
        grown = _grow_right(doc, start, end, places, gaz, self.max_tokens)
        if _quoted_whole(words, start, grown):
            # 'the "Otandastar Qory" NJSC': the quotes belong to the name, and so does the
            # corporate form after them.
            start, grown = start - 1, grown + 1
            grown = _grow_right(doc, start, grown, places, gaz, self.max_tokens)
        nxt = words[grown] if grown < len(doc) and lexicon.is_cap(words[grown]) else None
        if not (_names_a_thing(words[grown - 1]) or (nxt is not None and _names_a_thing(nxt))):
            end = grown  # else "Turkic Council Diaspora Forum": an event named after the body
        return Span(doc, start, end, label="ORG")

    def _add(
        self, found: Findings, span: Span, gaz: dict[int, Span], places: dict[int, Place]
    ) -> None:
        if self._is_news_source(span) or not _named(span, places):
            return
        span = _body_of_unit(span, gaz)
        if _is_bare_reference(span) and (_refer_back(found.orgs, span) or len(span) < 2):
            return
        org = _make_org(span, gaz, places, found)
        org.international = org.international or self._is_international(span)
        if org.international:
            org.country = None
        _merge_or_append(found.orgs, org)

    def _is_news_source(self, span: Span) -> bool:
        return lexicon.contains_phrase(span.text, self.news) is not None

    def _is_international(self, span: Span) -> bool:
        return lexicon.contains_phrase(span.text, self.international) is not None


def _body_of_unit(span: Span, gaz: dict[int, Span]) -> Span:
    """ "Trustees Board of the Otandastar Foundation": a unit of a body named after it ("of
    the Foundation") stands for that body; a unit the catalog knows by itself stays whole."""
    words = lexicon.words(span.doc)
    head = next((i for i in range(span.start, span.end) if lexicon.is_org_head(words[i])), None)
    if head is None or not lexicon.is_subunit_head(words[head]) or span.start in gaz:
        return span
    ofs = [i for i in range(head + 1, span.end) if words[i].lower_ == "of"]
    for at, nxt in itertools.pairwise([*ofs, span.end]):
        # The body starts at the "of" whose own stretch holds a body's head noun.
        if any(_body_head(words[i]) for i in range(at, nxt)):
            if DEFAULT_REGISTRY.match_institution(_clean_name(span)):
                return span  # "Budapest Office of the Turkic Council": the catalog knows it
            k = at + 1
            while k < span.end and words[k].lower_ in lexicon.ARTICLES:
                k += 1
            return span.doc[k : span.end]
    return span


def _drop_title_case_headline_names(doc: Doc, found: Findings) -> None:
    """ "Kazakh Congress to Unite Ethnic Kazakhs Worldwide": in a headline whose every word
    is capitalised, a head noun ("Congress") names nothing by its capital; a name found only
    there, unknown to the catalog, is left out."""
    end = found.headline_end
    if not end or not _title_case(lexicon.doc_text(doc)[:end]):
        return
    found.orgs[:] = [o for o in found.orgs if o.key or any(m.start_char >= end for m in o.mentions)]


def _title_case(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _units_of_named_bodies(doc: Doc, orgs: list[Org]) -> None:
    """ "the Trustees Board of the Atameken Foundation": where the unit's name stops before
    "of (the) <body>", the body named right after stands for it."""
    words = lexicon.words(doc)
    starts = {m.start: o for o in orgs for m in o.mentions}
    for org in list(orgs):
        span = org.span
        if org.key or len(org.mentions) > 1:
            continue
        head = next((i for i in range(span.start, span.end) if lexicon.is_org_head(words[i])), None)
        if head is None or not lexicon.is_subunit_head(words[head]):
            continue
        k = span.end
        if k >= len(doc) or words[k].lower_ != "of":
            continue
        k += 1
        while k < len(doc) and words[k].lower_ in lexicon.ARTICLES:
            k += 1
        body = starts.get(k)
        if (
            body is not None
            and body is not org
            and not lexicon.is_subunit_head(words[body.span.end - 1])
        ):
            orgs.remove(org)


def _merge_bracketed_acronyms(doc: Doc, orgs: list[Org]) -> None:
    """ "General Directorate for Turks Living Abroad ... (YTB)": the acronym in brackets
    right after a name is that body's, not a second one; the catalog's state for the
    acronym is the body's too."""
    words = lexicon.words(doc)
    ends = {o.span.end: o for o in orgs}
    for org in list(orgs):
        span = org.span
        if len(span) != 1 or not lexicon.is_acronym(span[0]) or span.start < 2:
            continue
        if words[span.start - 1].text != "(" or span.end >= len(doc):
            continue
        if words[span.end].text != ")":
            continue
        named = ends.get(span.start - 1)
        if named is None or named is org or named.international != org.international:
            continue
        named.mentions.extend(org.mentions)
        named.country = named.country or org.country
        named.key = named.key or org.key
        orgs.remove(org)


def _body_head(token: Word) -> bool:
    return (
        lexicon.is_org_head(token) and not lexicon.is_subunit_head(token) and lexicon.is_cap(token)
    )


def _named_by_one_word(doc: Doc, places: dict[int, Place], covered: set[int]) -> list[Span]:
    """ "the Soliswiss organization": a body's own one-word name before a lower-case head."""
    heads = patterns.words("organizations", "lowercase_heads")
    words, spans = lexicon.words(doc), []
    for token in lexicon.tokens_of(doc, heads):
        k = token.i - 1
        if token.text != token.lower_ or k < 1 or k in covered or token.i in covered:
            continue
        name = words[k]
        if words[k - 1].lower_ in lexicon.ARTICLES and _one_word_name(name, places):
            spans.append(doc[k : token.i + 1])
            covered.update((k, token.i))
    return spans


def _quoted_after_descriptor(
    doc: Doc, covered: set[int], places: dict[int, Place]
) -> list[tuple[Span, Span]]:
    """'the regional public organization "National-Cultural Autonomy of Moscow Azerbaijanis"':
    a body named in quotes after a lower-case descriptor. The span runs from the descriptor
    (so that a title before it reads on to the holder's name), the name is the quoted part."""
    text = lexicon.doc_text(doc)
    heads = patterns.words("organizations", "heads")
    words, out = lexicon.words(doc), []
    for match in _WORD_BEFORE_QUOTE.finditer(text):
        if match.group(1) not in heads:
            continue
        token = doc.char_span(match.start(1), match.end(1))
        if token is None or len(token) != 1:
            continue
        k = token.start
        if k in covered or k + 2 >= len(doc):
            continue
        if words[k + 1].text not in _QUOTE_PAIRS:
            continue
        sent = doc[k].sent
        sent_end = sent.end
        length = _quoted_after(words, k + 1, sent_end) if k + 1 < sent_end else 0
        if not length or any(i in covered for i in range(k + 1, k + 1 + length)):
            continue
        start = k
        while start - 1 >= sent.start and k - start < 3 and _descriptor(words[start - 1]):
            start -= 1
        end = k + 1 + length
        named = doc[k + 2 : end - 1]
        if start - 1 >= sent.start and start - 1 in places:
            # 'the Kazakhstani club "Nomad"': a people's name makes the descriptor the name's.
            start -= 1
            named = doc[start:end]
        out.append((doc[start:end], named))
        covered.update(range(start, end))
    return out


def _descriptor(token: Word) -> bool:
    """ "regional", "public" before "organization": a lower-case word of a body's kind."""
    return (
        token.text.isalpha()
        and token.text == token.lower_
        and token.lower_ not in lexicon.ARTICLES | lexicon.CONNECTORS
        and not token.is_stop
        and not lexicon.is_title_word(token)
    )


def _one_word_name(token: Word, places: dict[int, Place]) -> bool:
    return (
        lexicon.is_cap(token)
        and token.text.isalpha()
        and token.i not in places
        and not token.is_sent_start
        and not lexicon.is_org_word(token)
        and not lexicon.is_title_word(token)
    )


def _names_a_thing(token: Word) -> bool:
    """ "Forum", "Park", "Award" closing a name: an event or a thing, not an institution."""
    return lexicon.bare(token) in patterns.words("organizations", "not_org_heads")


def _seeds(doc: Doc, gaz: dict[int, Span]) -> list[int]:
    """Token indexes where a name can start growing: catalog institutions, then head nouns."""
    seeds = {
        s.start
        for s in doc.spans.get("ortak_gazetteer", [])
        if s.label_ == "INSTITUTION" and not _is_title(s)
    }
    seeds |= {
        t.i
        for t in lexicon.words(doc)
        if lexicon.is_org_head(t) and lexicon.is_cap(t) and t.i not in gaz
    }
    return sorted(seeds)


def _is_title(span: Span) -> bool:
    """A catalog variant that is a title ("state secretary for Hungarian communities")."""
    for token in span:
        if lexicon.is_org_head(token):
            return False
        if lexicon.is_title_start(token) and lexicon.bare(token) not in _LEFT_TITLE_OK:
            return True
    return False


def _grow_left(
    doc: Doc, start: int, places: dict[int, Place], gaz: dict[int, Span], covered: set[int]
) -> int:
    words = lexicon.words(doc)
    sent_start = doc[start].sent.start
    i = start - 1
    while i >= sent_start:
        token = words[i]
        if (
            token.text == "-"
            and not token.whitespace_
            and i > sent_start
            and lexicon.is_cap(words[i - 1])
        ):
            i -= 1
            continue
        if (
            token.lower_ == "and"
            and i > sent_start
            and lexicon.is_cap(words[i - 1])
            and i + 1 < start
            and i - 1 not in covered  # "X Communities and Yunus Emre Fund": two bodies
        ):
            i -= 1
            continue
        if _initial_stop(words, i, sent_start):
            i -= 2  # "Ch. Valikhanov Institute": the initial of the person it is named after
            continue
        quoted = _quoted_before(words, i, sent_start) or _bracketed_before(words, i, sent_start)
        if quoted is not None:
            i = quoted - 1
            continue
        if not _left_modifier(token, places, gaz):
            break
        i -= 1
    return i + 1


def _quoted_whole(words: list[Word], start: int, end: int) -> bool:
    """Whether the name from `start` to `end` stands inside a pair of quotes of its own."""
    if start < 1 or end >= len(words):
        return False
    close = _QUOTE_PAIRS.get(words[start - 1].text)
    if close is None or words[end].text != close:
        return False
    return not words[start].is_sent_start  # the opening quote is in the name's sentence


def _bracketed_before(words: list[Word], i: int, floor: int) -> int | None:
    """ "Otandastar (compatriots) Foundation": the start of a lower-case gloss in brackets
    that closes at token `i` between two words of a name, else None."""
    if words[i].text != ")":
        return None
    k = i - 1
    while k > floor and i - k <= 4 and words[k].text.isalpha() and not lexicon.is_cap(words[k]):
        k -= 1
    if k == i - 1 or words[k].text != "(" or k - 1 < floor or not lexicon.is_cap(words[k - 1]):
        return None
    return k


def _initial_stop(words: list[Word], i: int, floor: int) -> bool:
    """The stop of an initial ("Ch.", "A.") just before a capitalised name word."""
    if words[i].text != "." or i - 1 < floor or i + 1 >= len(words):
        return False
    initial = words[i - 1].text
    return (
        0 < len(initial) <= 2
        and initial[:1].isupper()
        and not words[i - 1].whitespace_
        and lexicon.is_cap(words[i + 1])
    )


_CLOSING_QUOTES = frozenset({"”", '"', "»"})
_OPENING_QUOTES = frozenset({"“", '"', "«"})


def _quoted_before(words: list[Word], i: int, floor: int) -> int | None:
    """ "“Citizens” Public Foundation": the start of a quoted name of a few capitalised
    words that closes at token `i`, else None."""
    if words[i].text not in _CLOSING_QUOTES:
        return None
    k = i - 1
    while k > floor and i - k <= 4 and lexicon.is_cap(words[k]):
        k -= 1
    opens = k < i - 1 and words[k].text in _OPENING_QUOTES
    return k if opens else None


def _left_modifier(token: Word, places: dict[int, Place], gaz: dict[int, Span]) -> bool:
    """Whether a capitalised word before a head belongs to the name ("Azerbaijan State")."""
    if not lexicon.is_cap(token) or token.lower_ in lexicon.ARTICLES:
        return False
    if token.i in gaz and gaz[token.i].label_ == "PROGRAM":
        return False
    if lexicon.is_title_word(token) and lexicon.bare(token) not in _LEFT_TITLE_OK:
        return False
    place = places.get(token.i)
    if place is not None and place.kind == "city" and _prev_is(token, "in"):
        return False
    # A sentence's first word is capitalised whatever it is: "Speaking", "During".
    return not (token.is_sent_start and place is None and _sentence_opener(token))


def _sentence_opener(token: Word) -> bool:
    word = token.lower_
    return (
        word.endswith("ing")
        or word in _OPENERS
        or (not lexicon.is_org_word(token) and len(token.text) < 4)
    )


def _prev_is(token: Word, word: str) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ == word


def _grow_right(
    doc: Doc,
    start: int,
    end: int,
    places: dict[int, Place],
    gaz: dict[int, Span],
    max_tokens: int,
) -> int:
    words = lexicon.words(doc)
    sent_end = doc[start].sent.end
    head = lexicon.bare(words[end - 1])
    k = end
    while k < sent_end and k - start < max_tokens:
        step = _continuation(doc, k, head, places, gaz, sent_end)
        if step == 0:
            break
        k += step
        end = k
    return end


def _continuation(
    doc: Doc, k: int, head: str, places: dict[int, Place], gaz: dict[int, Span], sent_end: int
) -> int:
    """How many tokens from `k` continue the name (0: the name ends before `k`)."""
    words = lexicon.words(doc)
    token = words[k]
    if token.text == "-" and _joined(doc, k, sent_end):
        return 2  # "Consulate-General"
    named = _named_after(doc, k, sent_end) or _quoted_after(words, k, sent_end)
    if named:
        return named
    if token.lower_ in lexicon.CONNECTORS:
        j = k + 1
        # "of the Republic" reads on; ", the State Committee" is the next item of a list.
        while (
            j < sent_end and words[j].lower_ in lexicon.ARTICLES and token.text not in {",", "and"}
        ):
            j += 1
        if j >= sent_end or not _allowed_after(token.lower_, head, words[j], places, gaz):
            return 0
        return j - k + _word_length(doc, j, gaz, places)
    if lexicon.is_title_start(token) and k not in gaz and lexicon.is_org_head(words[k - 1]):
        return 0  # "Otandastar Foundation President X": the holder's title, not the name
    if _unit_after_body(words, k, gaz):
        return 0  # "Otandastar Foundation Board of Trustees": a unit of the foundation
    if lexicon.is_cap(token) and _name_word(token, places, gaz):
        return _word_length(doc, k, gaz)
    return 0


_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
_WORD_BEFORE_QUOTE = re.compile(r"\b([a-z]+) [\"“«]")
_MAX_QUOTED = 10


def _quoted_after(words: list[Word], k: int, sent_end: int) -> int:
    """'Regional Public Organization "Kazakhs of Omsk"': a body's proper name in quotes
    after its descriptor runs on to the closing quote (and a corporate suffix: '"Otandastar
    Qory" NJSC' is handled by the acronym after it). 0 where no quoted name opens at `k`."""
    close = _QUOTE_PAIRS.get(words[k].text)
    if close is None or k + 1 >= sent_end or not lexicon.is_cap(words[k + 1]):
        return 0
    for j in range(k + 2, min(k + 2 + _MAX_QUOTED, sent_end)):
        if words[j].text == close:
            inner = words[k + 1 : j]
            if _names_a_thing(inner[-1]) or any(t.text in {".", "!", "?", ";"} for t in inner):
                return 0  # 'Fund "Nauryz Festival"': an event the body holds
            return j - k + 1
    return 0


def _unit_after_body(words: list[Word], k: int, gaz: dict[int, Span]) -> bool:
    """A unit's head ("Board", "Department") right after a body's own head ("Foundation")."""
    before = words[k - 1]
    return (
        k not in gaz
        and lexicon.is_subunit_head(words[k])
        and lexicon.is_org_head(before)
        and not lexicon.is_subunit_head(before)
    )


def _joined(doc: Doc, k: int, sent_end: int) -> bool:
    """A hyphen with no space around it, between capitalised words."""
    words = lexicon.words(doc)
    if k + 1 >= sent_end or words[k - 1].whitespace_ or words[k].whitespace_:
        return False
    return lexicon.is_cap(words[k + 1])


def _named_after(doc: Doc, k: int, sent_end: int) -> int:
    """ "Cultural Center named after Heydar Aliyev": the name runs over the person's name."""
    words = lexicon.words(doc)
    if k + 2 >= sent_end or words[k].lower_ != "named" or words[k + 1].lower_ != "after":
        return 0
    end = k + 2
    while end < sent_end and end - k < 6 and (lexicon.is_cap(words[end]) or words[end].text == "-"):
        end += 1
    return end - k if end > k + 2 else 0


def _allowed_after(
    connector: str, head: str, token: Word, places: dict[int, Place], gaz: dict[int, Span]
) -> bool:
    place = places.get(token.i)
    if connector == "under" and _international(token, gaz):
        return False  # "Contact Group ... under the CCTS": the organisation it works under
    if connector == "to":
        return head in lexicon.ENVOY_HEADS and place is not None and place.kind == "country"
    if connector == "in":
        # "Center in Bishkek", "Embassy of Azerbaijan in Austria": where the body stands.
        if head in lexicon.ENVOY_HEADS:
            return place is not None and place.kind in {"city", "country"}
        return head in lexicon.SITE_HEADS and place is not None and place.kind == "city"
    if connector in {"and", "&", ","} and (place is not None and place.kind == "country"):
        return False  # "the Ministry of X, Turkey and Kazakhstan": a list, not a name
    if connector in {"and", "&", ","} and place is not None and _before_lower(token):
        return False  # "The State Committee and Turkish partners"
    if connector in {"and", "&", ","} and lexicon.is_acronym(token):
        return False  # "The Secretariat and YTB": a second body, by its short name
    if connector in {"and", "&", ","} and _opens_known_body(token, gaz):
        return False  # "... Related Communities and Yunus Emre Institute": the next body
    return lexicon.is_cap(token) and _name_word(token, places, gaz)


def _opens_known_body(token: Word, gaz: dict[int, Span]) -> bool:
    span = gaz.get(token.i)
    return span is not None and span.start == token.i and span.label_ == "INSTITUTION"


def _before_lower(token: Word) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].is_lower


def _international(token: Word, gaz: dict[int, Span]) -> bool:
    span = gaz.get(token.i)
    if span is None or span.label_ != "INSTITUTION":
        return False
    return any(e.key == span.kb_id_ and e.international for e in knowledge.entries())


def _name_word(token: Word, places: dict[int, Place], gaz: dict[int, Span]) -> bool:
    if token.i in gaz and gaz[token.i].label_ != "PROGRAM":
        return True
    place = places.get(token.i)
    if place is not None:
        return place.kind in {"country", "demonym"}
    return lexicon.is_org_word(token) or lexicon.is_acronym(token)


def _word_length(
    doc: Doc, k: int, gaz: dict[int, Span], places: dict[int, Place] | None = None
) -> int:
    """Tokens of the catalog name or place starting at `k` ("Los Angeles"), else 1."""
    if k in gaz:
        return gaz[k].end - k
    place = places.get(k) if places else None
    return place.span.end - k if place is not None and place.span.start == k else 1


def _named(span: Span, places: dict[int, Place]) -> bool:
    """A name needs more than a place: "Bishkek" alone is no institution."""
    return any(t.i not in places for t in span) and not all(
        t.lower_ in lexicon.ARTICLES for t in span
    )


def _is_bare_reference(span: Span) -> bool:
    """ "the Committee", "the State Committee": a reference back, not a new name."""
    return all(lexicon.bare(t) in _GENERIC or lexicon.is_org_head(t) for t in span)


def _refer_back(orgs: list[Org], span: Span) -> bool:
    """Attach "the Committee" to the last committee named; False when there is none."""
    head = lexicon.bare(span[-1])
    for org in reversed(orgs):
        if lexicon.bare(org.span[-1]) == head or head in org.name.lower().split():
            org.mentions.append(span)
            return True
    return False


def _make_org(span: Span, gaz: dict[int, Span], places: dict[int, Place], found: Findings) -> Org:
    name = _clean_name(span)
    key, _score = _link(span, name, gaz, found)
    country = knowledge.institution_country(key) if key else None
    named = _country_in_name(span, places)
    if key and country and named and named != country:
        # "Ministry of Culture of Azerbaijan" is not the catalog's Uzbek "Ministry of Culture":
        # the state a name carries outweighs a generic name the catalog shares.
        key, country = None, None
    international = key is not None and country is None and _catalog_international(key)
    org = Org(span=span, name=name, country=country, key=key, international=international)
    org.mentions.append(span)
    if org.country is None and not international:
        org.country = _country_in_name(span, places) or _country_before(span, places)
        org.located = org.country is not None and _only_a_city(span, places, org.country)
    return org


def _only_a_city(span: Span, places: dict[int, Place], country: str) -> bool:
    """Whether a name places the body only in a town ("Omsk Regional Public Organization",
    "National-Cultural Autonomy of Moscow Azerbaijanis", "New York University"): no state
    named, no people of the town's state. "Bursa Metropolitan Municipality" is a town's own."""
    found = [places[i] for i in range(span.start, span.end) if i in places and places[i].country]
    towns = [p for p in found if p.kind == "city" and p.country == country]
    if not towns or any(p.kind not in {"city", "demonym"} for p in found):
        return False
    if any(p.kind == "demonym" and p.country == towns[0].country for p in found):
        return False
    local = patterns.words("organizations", "local_government_heads")
    words = lexicon.words(span.doc)
    if any(lexicon.bare(words[i]) in local for i in range(span.start, span.end)):
        return False
    return _country_before(span, places) != country  # not "the Russian ... of Omsk"


def _link(span: Span, name: str, gaz: dict[int, Span], found: Findings) -> tuple[str | None, float]:
    inner = [
        gaz[i] for i in range(span.start, span.end) if i in gaz and gaz[i].label_ == "INSTITUTION"
    ]
    if inner and inner[0].start == span.start and inner[0].end >= span.end - 4:
        return knowledge.canonical_key(inner[0].kb_id_), 1.0
    registry = found.registry or DEFAULT_REGISTRY
    match = registry.match_institution(name)
    if not match:
        return None, 0.0
    return knowledge.canonical_key(match[0]), match[1]


def _catalog_international(key: str) -> bool:
    return any(e.key == key and e.international for e in knowledge.entries())


def _country_in_name(span: Span, places: dict[int, Place]) -> str | None:
    """The state a name itself gives: a modifier before the head, else "of <state>"."""
    head_seen = False
    after: str | None = None
    for token in span:
        place = places.get(token.i)
        if lexicon.is_org_head(token):
            head_seen = True
        if place is None or place.country is None or not lexicon.plain_place(place):
            continue
        prev = token.doc[token.i - 1].lower_ if token.i else ""
        if not head_seen:
            return place.country
        if prev not in {"to"} and after is None:
            after = place.country
    return after


def _country_before(span: Span, places: dict[int, Place]) -> str | None:
    """ "Uzbekistan's Committee", "the new Hungarian institution of the so-called X"."""
    doc = span.doc
    for i in range(span.start - 1, max(span.sent.start, span.start - 7) - 1, -1):
        place = places.get(i)
        if place is not None and place.kind in {"country", "demonym"}:
            return place.country
        if doc[i].text in {",", ";", "(", ")"} or doc[i].lower_ in {"and", "with", "by"}:
            return None
    return None


_GLOSS = re.compile(r"\s*\([^\W\d_A-Z]+(?:\s[^\W\d_A-Z]+)*\)")


def _clean_name(span: Span) -> str:
    """The name as written, less a lower-case gloss in brackets ("Otandastar (compatriots)
    Foundation" is the Otandastar Foundation)."""
    name = " ".join(span.text.split())
    return _GLOSS.sub("", name) if "(" in name else name


def _merge_or_append(orgs: list[Org], org: Org) -> None:
    for known in orgs:
        if _same(known, org):
            known.mentions.append(org.span)
            if len(org.name) > len(known.name) and not org.name.lower().startswith("secretariat"):
                known.span, known.name = org.span, org.name
            if known.country is None or (known.located and org.country and not org.located):
                known.country, known.located = org.country, org.located
            known.key = known.key or org.key
            return
    orgs.append(org)


def _same(a: Org, b: Org) -> bool:
    """One institution: the same catalog key, one name's words within the other's, or one
    state's embassy ("the Turkish Embassy", "the Embassy of Türkiye in Uzbekistan")."""
    if a.key and b.key:
        return a.key == b.key
    head = lexicon_head(a)
    if head in lexicon.ENVOY_HEADS and head == lexicon_head(b) and a.country:
        return a.country == b.country
    wa, wb = _content_words(a.name), _content_words(b.name)
    if not wa or not wb:
        return False
    short, long = sorted((wa, wb), key=len)
    return short <= long and lexicon_head(a) == lexicon_head(b)


def lexicon_head(org: Org) -> str:
    heads = [lexicon.bare(t) for t in org.span if lexicon.is_org_head(t)]
    return heads[0] if heads else ""


def _content_words(name: str) -> frozenset[str]:
    stop = lexicon.CONNECTORS | lexicon.ARTICLES
    return frozenset(w for w in name.lower().replace(",", " ").split() if w not in stop)
