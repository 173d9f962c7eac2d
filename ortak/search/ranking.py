"""Order the candidates a lookup found: exact names, then prefixes, then near spellings.

Every candidate falls in one band by its best name: EXACT when a name folds like the query;
PREFIX when every query word is a word of the name, the last one (still being typed) and
initials as prefixes of one; FUZZY otherwise. Bands come first, then published records
before drafts, then the score:

- EXACT scores 1.0;
- PREFIX scores by how much of the name is typed and how many words are whole, or by
  `ortak.names.similarity` when that is higher ("Nurlan Sabiro" for "Nurlan Sabirov");
- FUZZY scores by `ortak.names.similarity`; against a long name (an event title) the query
  is compared with the words of the name it matches best, so "diaspra affairs" scores on
  "diaspora affairs" and not on the whole title, weighed by how much of the title they are:
  one word of a long name is not that name, and scores well under MATCH_THRESHOLD.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from ortak.names.similarity import Prepared, score
from ortak.search.terms import QueryPlan

EXACT, PREFIX, FUZZY = 0, 1, 2
PREFIX_BASE, PREFIX_WHOLE, PREFIX_TYPED = 0.5, 0.25, 0.2  # a prefix scores 0.5 to 0.95
SIMILAR_FROM = 0.6  # a prefix this much of the name may be the name with a typo
# A query matching part of a long name scores by how much of the name that part is: from
# half its similarity (one word of a ministry's long name) to all of it.
PART_BASE = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    """One index entry a lookup found, as the backends return it."""

    id: int
    kind: str
    model: str
    object_id: int
    name: str
    folded: str
    state: str
    year: int | None
    year_to: int | None
    published: bool

    @property
    def names(self) -> list[tuple[str, ...]]:
        """The folded names of the record, each as its words."""
        return [tuple(line.split()) for line in self.folded.splitlines() if line]


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate with its band (EXACT, PREFIX, FUZZY) and its score in [0, 1]."""

    candidate: Candidate
    band: int
    score: float


def band(plan: QueryPlan, candidate: Candidate) -> int:
    """The best band any name of `candidate` reaches for the query; cheap, no similarity."""
    best = FUZZY
    for words in candidate.names:
        if words == plan.words:
            return EXACT
        if best == FUZZY and prefix_pairs(plan.words, words) is not None:
            best = PREFIX
    return best


def rank(plan: QueryPlan, candidates: Iterable[Candidate]) -> list[Ranked]:
    """Candidates best first.

    Weak fuzzy candidates are kept, last: `similarity` is strict with short first names
    ("Yerty" scores 0.17 against "Yertay"), and a list that ends on a near miss helps more
    than an empty one. Callers that link records compare the score with MATCH_THRESHOLD.
    """
    query = Prepared(plan.folded, plan.words)
    ranked = [_ranked(query, candidate) for candidate in candidates]
    ranked.sort(key=lambda r: _order(plan, r))
    return ranked


def _order(plan: QueryPlan, ranked: Ranked) -> tuple:
    candidate = ranked.candidate
    # Among equal scores (a typo in a short word scores 0 whatever the word), the name with
    # fewer edits from the query comes first.
    closeness = -fuzz.ratio(plan.folded, candidate.folded) if ranked.band == FUZZY else 0
    tie = (closeness, len(candidate.name), candidate.id)
    return (ranked.band, not candidate.published, -ranked.score, *tie)


def _ranked(query: Prepared, candidate: Candidate) -> Ranked:
    """The band and score of the candidate's best name."""
    best = Ranked(candidate, FUZZY, 0.0)
    for words in candidate.names:
        if words == query.words:
            return Ranked(candidate, EXACT, 1.0)
        pairs = prefix_pairs(query.words, words)
        if pairs is not None:
            value = _prefix_score(query, pairs, words)
            if (best.band, -best.score) > (PREFIX, -value):
                best = Ranked(candidate, PREFIX, value)
        elif best.band == FUZZY:
            best = Ranked(candidate, FUZZY, max(best.score, _fuzzy_score(query, words)))
    return best


def prefix_pairs(query: tuple[str, ...], name: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """(query word, name word) pairs when the name holds every query word, else None.

    Whole words must be equal; the last word and initials may be prefixes. Each name word
    is used once, whole words first, so "m mur" pairs "mur" with Muradov, "m" with Mustafa.
    """
    free = list(name)
    last = len(query) - 1
    pairs = []
    for i in sorted(range(len(query)), key=lambda i: (len(query[i]) == 1, i == last)):
        word = query[i]
        found = next((j for j, w in enumerate(free) if w == word), None)
        if found is None and (i == last or len(word) == 1):
            found = next((j for j, w in enumerate(free) if w.startswith(word)), None)
        if found is None:
            return None
        pairs.append((word, free.pop(found)))
    return pairs


def _prefix_score(query: Prepared, pairs: list[tuple[str, str]], name: tuple[str, ...]) -> float:
    whole = sum(typed == word for typed, word in pairs) / len(pairs)
    typed = sum(len(word) for word, _ in pairs) / sum(len(word) for word in name)
    value = PREFIX_BASE + PREFIX_WHOLE * whole + PREFIX_TYPED * typed
    if typed >= SIMILAR_FROM:
        value = max(value, score(query, Prepared(" ".join(name), name)))
    return value


def _fuzzy_score(query: Prepared, name: tuple[str, ...]) -> float:
    value = score(query, Prepared(" ".join(name), name))
    if len(name) > len(query.words) + 1:
        part = _best_part(query, name)
        share = sum(map(len, part.words)) / sum(map(len, name))
        value = max(value, score(query, part) * (PART_BASE + (1 - PART_BASE) * share))
    return value


def _best_part(query: Prepared, name: tuple[str, ...]) -> Prepared:
    """The words of a long name closest to the query's words, in the name's order."""
    chosen = set()
    for word in query.words:
        single = Prepared(word, (word,))
        chosen.add(
            max(range(len(name)), key=lambda j: score(single, Prepared(name[j], (name[j],))))
        )
    words = tuple(name[j] for j in sorted(chosen))
    return Prepared(" ".join(words), words)
