"""What the full-text index stores for a record, and what a query asks of it (no Django).

Both sides are folded with `ortak.names.fold`, so the spellings of one name in any script
and orthography meet on the same terms. A record's document is one string of terms joined
by single spaces, of three shapes that cannot be mistaken for each other:

- words: each folded word of each name: "fuad", "muradov";
- names: each whole folded name, its words joined by "_" and closed by "_":
  "fuad_muradov_". An exact name is one term, "the name starts with" one prefix term.
  A name of several words also gives its initialled form, "f_muradov_", so that
  "F. Muradov" finds the Muradovs whose first name starts with F, not every Muradov;
- fuzzy keys: "_" and the skeleton of a word (`ortak.names.fold.skeleton`), and for words
  of four letters or more that skeleton with each one letter deleted: "_maratav",
  "_aratav", "_mratav", ... Two words about one edit apart share a key (SymSpell's idea),
  so typos and transliteration leftovers are found by looking terms up, never by scanning.

SQLite's FTS5 (with "_" as a token character) and PostgreSQL's array_to_tsvector read the
document as it is. When `fold` changes, stored terms are stale: run `ortak reindex`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ortak.names import fold
from ortak.names.fold import skeleton
from ortak.names.readings import readings

JOIN = "_"
MIN_DELETION_LENGTH = 4  # shorter skeletons would share a deleted form with too many words
MAX_NAME_TERM = 200  # longer names (event titles) are found through their words
MAX_QUERY_WORDS = 8  # a pasted paragraph is not a name; its first words are enough
FALLBACK_WORDS = 3  # words looked up one by one when the whole query finds too little


@dataclass(frozen=True, slots=True)
class Document:
    """A record's folded names (one per line) and the terms the full-text index reads."""

    folded: str
    terms: str


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a query; `prefix` matches every indexed term that starts with it."""

    text: str
    prefix: bool = False


# All of (any of): each inner tuple is a choice of terms, and every choice must match.
Clause = tuple[tuple[Term, ...], ...]


@dataclass(frozen=True, slots=True)
class Stage:
    """One lookup of a query plan; a `fallback` runs only when nothing was found before."""

    name: str
    clause: Clause
    fallback: bool = False


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """A query folded once, with the lookups that find its candidates, strictest first."""

    text: str
    folded: str
    words: tuple[str, ...]
    stages: tuple[Stage, ...]


def document(names: Iterable[str]) -> Document:
    """The document of a record with these names (any script, any spelling); a name read in
    more than one orthography (ortak.names.fold.readings) is found by each of its keys."""
    return document_from_folded(key for name in names for key in readings(name))


def document_from_folded(folded_names: Iterable[str]) -> Document:
    """The document of a record whose names are folded already (bulk loads cache folds)."""
    names = list(dict.fromkeys(name for name in folded_names if name))
    terms: dict[str, None] = {}
    for name in names:
        words = name.split()
        terms.update(dict.fromkeys(words))
        initialled = [words[0][:1], *words[1:]] if len(words) > 1 else []
        for whole in (name_term(words), name_term(initialled)):
            if whole:
                terms[whole] = None
    for word in [term for term in terms if JOIN not in term]:
        terms.update(dict.fromkeys(fuzzy_terms(word)))
    return Document("\n".join(names), " ".join(terms))


def name_term(words: Iterable[str]) -> str:
    """The one term of a whole folded name, or "" when the name is too long for one."""
    term = JOIN.join(words) + JOIN
    return term if 1 < len(term) <= MAX_NAME_TERM else ""


@lru_cache(maxsize=1 << 16)
def fuzzy_terms(word: str) -> tuple[str, ...]:
    """The fuzzy keys of one folded word; none for initials and numbers."""
    if len(word) < 2 or not word.isalpha():
        return ()
    base = skeleton(word)
    keys = {base}
    if len(base) >= MIN_DELETION_LENGTH:
        keys.update(_deleted(base, i) for i in range(len(base)))
    return tuple(sorted(JOIN + key for key in keys))


def _deleted(base: str, i: int) -> str:
    """`base` without its i-th letter, collapsed as skeletons are: a deletion may bring two
    like letters together (paiav -> paav -> pav), and nowhere else, as `base` has none."""
    if 0 < i < len(base) - 1 and base[i - 1] == base[i + 1]:
        return base[:i] + base[i + 2 :]
    return base[:i] + base[i + 1 :]


def plan(query: str) -> QueryPlan | None:
    """How to look `query` up, or None when it has no letters or digits to look for.

    Stages, strictest first: the exact name; names starting with the query; every word
    (the last one, and initials, as prefixes: the user may still be typing); every word
    within about one edit. Then, as fallbacks for when those found no good match, each of the
    longest words alone within one edit: a second typo, or a first name written
    differently, still leaves the surname to find the record by.
    """
    words = tuple(fold(query).split()[:MAX_QUERY_WORDS])
    if not words:
        return None
    stages = [Stage("exact", ((Term(name_term(words)),),))] if name_term(words) else []
    if len(words) > 1:
        stages.append(Stage("name prefix", ((Term(JOIN.join(words), prefix=True),),)))
    stages.append(Stage("prefix", tuple((_word_term(words, i),) for i in range(len(words)))))
    stages.append(Stage("fuzzy", tuple(_fuzzy_choice(words, i) for i in range(len(words)))))
    if len(words) > 1:
        longest = sorted(range(len(words)), key=lambda i: -len(words[i]))[:FALLBACK_WORDS]
        stages.extend(
            Stage(f"word {words[i]}", (_fuzzy_choice(words, i),), fallback=True)
            for i in longest
            if len(words[i]) > 1
        )
    return QueryPlan(query, " ".join(words), words, tuple(stages))


def _word_term(words: tuple[str, ...], index: int) -> Term:
    """A query word as a term: a prefix when it is the last one or an initial."""
    word = words[index]
    return Term(word, prefix=index == len(words) - 1 or len(word) == 1)


def _fuzzy_choice(words: tuple[str, ...], index: int) -> tuple[Term, ...]:
    """The terms a word may match within one edit: its fuzzy keys, or itself."""
    typed = _word_term(words, index)
    keys = tuple(Term(key) for key in fuzzy_terms(words[index]))
    # The last word may be unfinished: "fuadd mura" still finds Fuad Muradov.
    return (*keys, typed) if typed.prefix or not keys else keys
