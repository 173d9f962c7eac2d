"""Entity linking without a database: the `Registry` protocol and its catalog default.

`extract(article, registry=...)` accepts any object with `match_person` and
`match_institution`; the loader passes one backed by the database. The default links
institutions and states to the reference catalog through ortak.names folding.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

from rapidfuzz import fuzz

from ortak.ingest.extract import knowledge

# rapidfuzz token-sort ratio (0-100) of two folded names, filler words aside, at or above
# which they name one institution: "State Committee for Work with the Diaspora" ~
# "State Committee on Work with Diaspora", but "Ministry of Social Development" stays
# apart from "Public Consent Committee of the Ministry of Social Development".
INSTITUTION_MATCH = 90
# Words that tell nothing apart among institutions: a name with or without them is the same
# ("State Committee on Work with Diaspora of the Republic of Azerbaijan").
_FILLER_WORDS = (
    "the of on for with and in under to at republic azerbaijan azerbaijani azeri turkey "
    "turkiye turkish kazakhstan kazakh kyrgyz kyrgyzstan uzbekistan uzbek hungary hungarian "
    "turkmenistan turkmen"
)


@functools.cache
def _filler() -> re.Pattern[str]:
    """The filler words folded as names are ("with" folds to "vith"), so they match folds."""
    fold = knowledge.names_api()[0]
    return re.compile(r"\b(" + "|".join(sorted({fold(w) for w in _FILLER_WORDS.split()})) + r")\b")


class Registry(Protocol):
    """What the extractor asks of a registry: a key and a score in [0, 1], or None."""

    def match_person(self, name: str) -> tuple[str, float] | None: ...

    def match_institution(self, name: str) -> tuple[str, float] | None: ...


class CatalogRegistry:
    """Links institution names to the reference catalog; it knows no people."""

    def match_person(self, name: str) -> tuple[str, float] | None:
        """The catalog lists no people: always None."""
        return None

    def match_institution(self, name: str) -> tuple[str, float] | None:
        """The catalog institution `name` names, by exact folded name, else a close one."""
        return _match_institution(name)


@functools.lru_cache(maxsize=8192)
def _match_institution(name: str) -> tuple[str, float] | None:
    fold = knowledge.names_api()[0]
    exact = _folded_names().get(fold(name))
    if exact:
        return exact, 1.0
    key = institution_key(name)
    if len(key.split()) < 2:
        return None  # "Committee" alone names nothing in particular
    best, best_score = None, 0.0
    for candidate, inst_key in _keyed_names():
        score = fuzz.token_sort_ratio(key, candidate)
        if score > best_score:
            best, best_score = inst_key, score
    return (best, best_score / 100) if best and best_score >= INSTITUTION_MATCH else None


@functools.cache
def _folded_names() -> dict[str, str]:
    fold = knowledge.names_api()[0]
    return {fold(e.text): e.key for e in knowledge.entries() if e.label == "INSTITUTION"}


@functools.cache
def _keyed_names() -> tuple[tuple[str, str], ...]:
    names = {
        (institution_key(e.text), e.key) for e in knowledge.entries() if e.label == "INSTITUTION"
    }
    return tuple(sorted((k, key) for k, key in names if len(k.split()) >= 2))


def institution_key(name: str) -> str:
    """The folded words of an institution's name that tell it apart, filler words aside."""
    fold = knowledge.names_api()[0]
    return " ".join(_filler().sub(" ", fold(name)).split())


DEFAULT_REGISTRY = CatalogRegistry()
