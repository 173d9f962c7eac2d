"""Token tests shared by the components: capitalisation, title words, name heads, places.

Each reads the pattern tables (`patterns/*.yaml`) through cached sets, so a test is a set
lookup on the token's lower-case text.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from ortak.ingest.extract import patterns
from ortak.ingest.extract.findings import Place, findings

CONNECTORS = frozenset({"of", "for", "on", "with", "under", "and", "&", ",", "to", "in", "at"})
ARTICLES = frozenset({"the", "a", "an"})
# Heads whose name may continue with "in <city>": "Azerbaijan Culture and Education Center
# in Bishkek", "Office in Budapest".
SITE_HEADS = frozenset({"center", "centre", "office", "embassy", "consulate", "house", "branch"})
ENVOY_HEADS = frozenset({"embassy", "consulate", "mission", "representation"})


def bare(token: Token) -> str:
    """Lower-case text without a leading hyphen ("-Speaking" -> "speaking")."""
    return token.lower_.lstrip("-")


def is_cap(token: Token) -> bool:
    """Capitalised word (first letter upper case), including "-Speaking" and "F.Muradov"."""
    text = token.text.lstrip("-")
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def is_acronym(token: Token) -> bool:
    """An abbreviation such as OTS, CCTS, YTB (two or more capitals, no lower case)."""
    text = token.text
    return len(text) >= 2 and text.isupper() and text.isalpha()


@functools.cache
def _set(topic: str, key: str) -> frozenset[str]:
    return patterns.words(topic, key)


def is_title_word(token: Token) -> bool:
    return bare(token) in _set("people", "title_words")


def is_title_start(token: Token) -> bool:
    return bare(token) in _set("people", "title_starts")


def is_org_head(token: Token) -> bool:
    return bare(token) in _set("organizations", "heads")


def is_subunit_head(token: Token) -> bool:
    return bare(token) in _set("organizations", "subunit_heads")


def is_org_word(token: Token) -> bool:
    """A word that continues an institution's name ("Affairs", "Migration", "Related")."""
    word = bare(token)
    return word in _set("organizations", "vocabulary") or word in _set("organizations", "heads")


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


_PUNCT = re.compile(r"[,;:!?()\"“”«»]|\.(?=\s|$)")


def contains_phrase(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first phrase (longest first) found in `text` as whole words, or None."""
    padded = " " + " ".join(_PUNCT.sub(" ", text.lower()).split()) + " "
    for phrase in phrases:
        if f" {phrase} " in padded:
            return phrase
    return None


def words_before(doc: Doc, i: int, n: int) -> str:
    """The lower-case text of up to `n` tokens before token `i`, within its sentence."""
    start = max(doc[i].sent.start, i - n)
    return doc[start:i].text.lower()
