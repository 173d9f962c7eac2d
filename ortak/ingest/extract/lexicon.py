"""Token tests shared by the components: capitalisation, title words, name heads, places.

Each reads the pattern tables (`patterns/*.yaml`) through cached sets, so a test is a set
lookup on the token's lower-case text.
"""

from __future__ import annotations

import difflib
import functools
import re
import weakref
from typing import NamedTuple

from spacy.attrs import (
    IDX,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    LENGTH,
    LOWER,
    SENT_START,
    SPACY,
)
from spacy.tokens import Doc, Span, SpanGroup, Token

from ortak.ingest.extract import patterns
from ortak.ingest.extract.findings import Place, findings

CONNECTORS = frozenset({"of", "for", "on", "with", "under", "and", "&", ",", "to", "in", "at"})
ARTICLES = frozenset({"the", "a", "an"})
# Heads whose name may continue with "in <city>": "Azerbaijan Culture and Education Center
# in Bishkek", "Office in Budapest".
SITE_HEADS = frozenset({"center", "centre", "office", "embassy", "consulate", "house", "branch"})
ENVOY_HEADS = frozenset({"embassy", "consulate", "mission", "representation"})


def bare(token: TokenLike) -> str:
    """Lower-case text without a leading hyphen ("-Speaking" -> "speaking")."""
    return token.lower_.lstrip("-")


def is_cap(token: TokenLike) -> bool:
    """Capitalised word (first letter upper case), including "-Speaking" and "F.Muradov"."""
    text = token.text.lstrip("-")
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def is_acronym(token: TokenLike) -> bool:
    """An abbreviation such as OTS, CCTS, YTB (two or more capitals, no lower case)."""
    text = token.text
    return len(text) >= 2 and text.isupper() and text.isalpha()


@functools.cache
def _set(topic: str, key: str) -> frozenset[str]:
    return patterns.words(topic, key)


def is_title_word(token: TokenLike) -> bool:
    return bare(token) in _set("people", "title_words")


def is_title_start(token: TokenLike) -> bool:
    return bare(token) in _set("people", "title_starts")


def is_org_head(token: TokenLike) -> bool:
    return bare(token) in _set("organizations", "heads")


def is_subunit_head(token: TokenLike) -> bool:
    return bare(token) in _set("organizations", "subunit_heads")


def is_org_word(token: TokenLike) -> bool:
    """A word that continues an institution's name ("Affairs", "Migration", "Related")."""
    word = bare(token)
    if word in _set("organizations", "vocabulary") or word in _set("organizations", "heads"):
        return True
    # Plurals of name words: "Academy of Sciences", "diaspora organizations department".
    return len(word) > 4 and word.endswith("s") and is_org_stem(word[:-1])


@functools.cache
def is_org_stem(word: str) -> bool:
    return word in _set("organizations", "vocabulary") or word in _set("organizations", "heads")


@functools.cache
def _calendar_words() -> frozenset[str]:
    table = patterns.load("dates")
    names = [n for key in ("months", "weekdays") for ns in table[key].values() for n in ns]
    return frozenset(str(n).lower() for n in names if len(str(n)) > 3)


def is_calendar_word(token: TokenLike) -> bool:
    """A month or weekday name ("Tuesday", "November"), never part of a personal name."""
    return token.lower_ in _calendar_words()


def plain_place(place: Place) -> bool:
    """Whether a place is named by its own name, not a city's rare alternate spelling that is
    also a personal name ("Yunus" in "Yunus Emre Institute" is no Khan Yunis)."""
    if place.kind != "city":
        return True
    from ortak.ingest.extract.knowledge import names_api

    fold = names_api()[0]
    written, name = fold(place.span.text), fold(place.name)
    if written == name or not written.isascii():
        return True
    return difflib.SequenceMatcher(None, written, name).ratio() >= 0.6


def tokens_of(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens whose lower-case text is one of `words`, found in the text first: walking
    every token of a document costs more than a regular expression over its text."""
    found = []
    for match in _word_regex(words).finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            found.append(span[0])
    return found


@functools.lru_cache(maxsize=64)
def _word_regex(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


class Word(NamedTuple):
    """One token's strings and flags as plain attributes, under the names spaCy's Token gives
    them, so a rule reads either. A tuple: thousands are made per article."""

    doc_ref: weakref.ref[Doc]  # weak: the doc keeps its words, a word must not keep its doc
    i: int
    idx: int
    text: str
    text_with_ws: str
    whitespace_: str
    lower_: str
    is_stop: bool
    is_punct: bool
    is_space: bool
    is_title: bool
    is_lower: bool

    @property
    def doc(self) -> Doc:
        doc = self.doc_ref()
        assert doc is not None, "a word outlived its doc"
        return doc

    @property
    def is_sent_start(self) -> bool:
        return sent_starts(self.doc)[self.i]


class Tokens:
    """The doc's tokens as plain lists of strings and offsets, built once from the doc's
    arrays and shared by the components: a spaCy Token object made for each look-up costs
    more than the rules that read it. Lower-case forms and `Word`s are made on first use."""

    __slots__ = ("_doc", "_lower", "_with_ws", "_words", "end", "spaced", "start", "text")

    def __init__(self, doc: Doc) -> None:
        text = doc_text(doc)
        columns = doc.to_array([IDX, LENGTH, SPACY])
        self._doc = weakref.ref(doc)  # weak: the doc keeps this view in its user data
        self._lower: list[str] | None = None
        self._with_ws: list[str] | None = None
        self._words: list[Word] | None = None
        self.start: list[int] = columns[:, 0].tolist()
        self.end: list[int] = (columns[:, 0] + columns[:, 1]).tolist()
        self.spaced: list[int] = columns[:, 2].tolist()  # 1 where a space follows the token
        self.text: list[str] = [text[a:b] for a, b in zip(self.start, self.end, strict=True)]

    def _document(self) -> Doc:
        doc = self._doc()
        assert doc is not None, "a token view outlived its doc"
        return doc

    @property
    def with_ws(self) -> list[str]:
        if self._with_ws is None:
            text = doc_text(self._document())
            ends = zip(self.start, self.end, self.spaced, strict=True)
            self._with_ws = [text[a : b + space] for a, b, space in ends]
        return self._with_ws

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            doc = self._document()
            strings = doc.vocab.strings
            self._lower = [strings[h] for h in doc.to_array(LOWER).tolist()]
        return self._lower

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            doc, texts, with_ws = self._document(), self.text, self.with_ws
            flags = doc.to_array([IS_STOP, IS_PUNCT, IS_SPACE, IS_TITLE, IS_LOWER]).astype(bool)
            columns = (
                [self._doc] * len(texts),
                range(len(texts)),
                self.start,
                texts,
                with_ws,
                [ws[len(text) :] for text, ws in zip(texts, with_ws, strict=True)],
                self.lower,
                *(flags[:, k].tolist() for k in range(5)),
            )
            self._words = list(map(Word._make, zip(*columns, strict=True)))
        return self._words


# What the token tests read: a spaCy Token, or the `Word` standing for one.
TokenLike = Token | Word


def tokens(doc: Doc) -> Tokens:
    """The doc's `Tokens`, built on first use."""
    cached = doc.user_data.get("ortak_tokens")
    if cached is None:
        cached = doc.user_data["ortak_tokens"] = Tokens(doc)
    return cached


def words(doc: Doc) -> list[Word]:
    """The doc's tokens as `Word`s: `words(doc)[i]` reads like `doc[i]`, for less."""
    return tokens(doc).words


def sent_starts(doc: Doc) -> list[bool]:
    """Whether each token starts a sentence, read once after the sentences are set."""
    cached = doc.user_data.get("ortak_sent_starts")
    if cached is None:
        column = doc.to_array([SENT_START]).tolist()
        cached = doc.user_data["ortak_sent_starts"] = [value == 1 for value in column]
    return cached


def text_between(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` read from the doc's text, with no Span or Token made."""
    # The bounds as spaCy reads a slice: negative ones count from the end.
    length = len(doc)
    start = min(length, max(0, start + length if start < 0 else start))
    end = min(length, max(start, end + length if end < 0 else end))
    if end == start:
        return ""
    words = tokens(doc)
    return doc_text(doc)[words.start[start] : words.end[end - 1]]


def span_bounds(doc: Doc, key: str) -> list[tuple[int, int]]:
    """(start, end) of each span in the doc's span group `key`, read once per state of the
    group: each Span taken from a group is a new object."""
    if key not in doc.spans:
        return []
    group = doc.spans[key]
    assert isinstance(group, SpanGroup)
    cache: dict[str, tuple[object, int, list[tuple[int, int]]]]
    cache = doc.user_data.setdefault("ortak_span_bounds", {})
    cached = cache.get(key)
    if cached is not None and cached[0] is group and cached[1] == len(group):
        return cached[2]
    bounds = [(span.start, span.end) for span in group]
    cache[key] = (group, len(group), bounds)
    return bounds


def span_text(span: Span) -> str:
    """`span.text`, cut from the doc's text."""
    return text_between(span.doc, span.start, span.end)


def lower_text(span: Span) -> str:
    """The lower-case text of a span, kept per doc: each sentence is read by several rules."""
    cache: dict[tuple[int, int], str] = span.doc.user_data.setdefault("ortak_lower", {})
    key = (span.start, span.end)
    text = cache.get(key)
    if text is None:
        text = cache[key] = span_text(span).lower()
    return text


def doc_text(doc: Doc) -> str:
    """The document's text, built once: `Doc.text` joins every token on each call."""
    text = doc.user_data.get("ortak_text")
    if text is None:
        text = doc.user_data["ortak_text"] = doc.text
    return text


def places_by_token(doc: Doc) -> dict[int, Place]:
    """Each token index covered by a place mention, mapped to that place."""
    index: dict[int, Place] = {}
    for place in findings(doc).places:
        for i in range(place.span.start, place.span.end):
            index[i] = place
    return index


def gazetteer_by_token(doc: Doc) -> dict[int, Span]:
    """Each token index covered by a catalog name, mapped to that gazetteer span."""
    index: dict[int, Span] = {}
    for span in doc.spans.get("ortak_gazetteer", []):
        for i in range(span.start, span.end):
            if i not in index or index[i].label_ == "PROGRAM":
                index[i] = span  # an institution's name wins over a program holding it
    return index


# Punctuation read as a space; a slash too, which joins words ("Ministers/Heads").
_PUNCT = re.compile(r"[,;:!?()\"“”«»/]|\.(?=\s|$)")


def contains_phrase(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first phrase (longest first) found in `text` as whole words, or None."""
    padded = _padded(text)
    for phrase, spaced in _spaced(phrases):
        if spaced in padded:
            return phrase
    return None


@functools.lru_cache(maxsize=4096)
def _padded(text: str) -> str:
    """The text in lower case, punctuation as spaces, single spaces, one at each end: the
    rules ask about the same sentence again and again."""
    return " " + " ".join(_PUNCT.sub(" ", text.lower()).split()) + " "


@functools.lru_cache(maxsize=256)
def _spaced(phrases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((phrase, f" {phrase} ") for phrase in phrases)


def words_before(doc: Doc, i: int, n: int) -> str:
    """The lower-case text of up to `n` tokens before token `i`, within its sentence."""
    start = max(doc[i].sent.start, i - n)
    return text_between(doc, start, i).lower()
