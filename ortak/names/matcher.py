"""An in-memory index of names: which registry record does this spelling name?

Each entry is (key, name): a person's aliases or an institution's names in every language
share one key. A query is folded once; entries whose fold is equal come first with 1.0,
then a blocking step picks candidates cheaply and `similarity.score` ranks them.

Blocking works on word skeletons (see `fold.skeleton`) with their one-letter deletions,
as SymSpell does: two words within one edit of each other share a key, so a typo or a
transliteration difference in a surname still finds the record, without comparing the
query with every name. Candidates are ranked by the rarity of the words they share, so a
rare surname outweighs a common first name, and only the best few are scored in full.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from ortak.names.fold import skeleton
from ortak.names.similarity import Prepared, prepare, score

CANDIDATES = 40  # entries scored in full per query, beyond exact hits
MIN_DELETION_LENGTH = 4  # shorter words would share one-letter deletions with too many


@dataclass(frozen=True, slots=True)
class Match:
    """A registry record `key` found through its name `name`, with `similarity` `score`."""

    key: Hashable
    name: str
    score: float


def _block_keys(word: str) -> set[str]:
    """The word's skeleton and, for longer words, the skeleton with one letter deleted."""
    base = skeleton(word)
    keys = {base}
    if len(base) >= MIN_DELETION_LENGTH:
        keys.update(base[:i] + base[i + 1 :] for i in range(len(base)))
    return keys


class NameMatcher:
    """Names indexed for `match`: add (key, name) entries, then ask for a spelling.

    >>> matcher = NameMatcher()
    >>> matcher.add("p1", "Ali Çiviler")
    >>> matcher.match("Чивилер Али")[0].key
    'p1'
    """

    def __init__(self) -> None:
        self._entries: list[tuple[Hashable, str, Prepared]] = []
        self._initials: list[frozenset[str]] = []  # entry -> first letters of its words
        self._initial_counts: dict[str, int] = defaultdict(int)
        self._by_fold: dict[str, list[int]] = defaultdict(list)
        self._words: dict[str, int] = {}  # folded word -> word id
        self._word_shapes: list[tuple[str, str]] = []  # word id -> (word, skeleton)
        self._word_entries: list[list[int]] = []  # word id -> entries that contain it
        self._blocks: dict[str, set[int]] = defaultdict(set)  # block key -> word ids

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, key: Hashable, name: str) -> None:
        """Index `name` as a name of record `key`; names that fold to nothing are skipped."""
        prepared = prepare(name)
        if not prepared.words:
            return
        index = len(self._entries)
        self._entries.append((key, name, prepared))
        initials = frozenset(word[0] for word in prepared.words)
        self._initials.append(initials)
        for letter in initials:
            self._initial_counts[letter] += 1
        self._by_fold[prepared.fold].append(index)
        for word in set(prepared.words):
            self._word_entries[self._word_id(word)].append(index)

    def _word_id(self, word: str) -> int:
        """The id of a folded word, indexing its block keys the first time it is seen."""
        word_id = self._words.get(word)
        if word_id is None:
            word_id = self._words[word] = len(self._word_entries)
            self._word_entries.append([])
            self._word_shapes.append((word, skeleton(word)))
            for block in _block_keys(word):
                self._blocks[block].add(word_id)
        return word_id

    def match(self, query: str, limit: int = 5, *, min_score: float = 0.0) -> list[Match]:
        """The records `query` may name, best first, one `Match` per key (its best name).

        Entries that fold exactly like the query come first with score 1.0, then the
        fuzzy candidates by `similarity`. Scores under `min_score` are left out.
        """
        prepared = prepare(query)
        if not prepared.words or limit <= 0:
            return []
        exact = self._by_fold.get(prepared.fold, [])
        scored = [(1.0, index) for index in exact]
        for index in self._candidates(prepared, skip=set(exact)):
            scored.append((score(prepared, self._entries[index][2]), index))
        return self._best_per_key(scored, limit, min_score)

    def _candidates(self, query: Prepared, *, skip: set[int]) -> list[int]:
        """Entries sharing close words with the query, rare and exact words counting most."""
        weights: dict[int, float] = defaultdict(float)
        for word in set(query.words):
            if len(word) > 1:  # an initial alone would block a fifteenth of the registry
                for index, weight in self._word_weights(word).items():
                    weights[index] += weight
        for letter in {word for word in query.words if len(word) == 1}:
            self._favour_initial(weights, letter)
        for index in skip:
            weights.pop(index, None)
        return heapq.nlargest(CANDIDATES, weights, key=weights.__getitem__)

    def _word_weights(self, word: str) -> dict[int, float]:
        """Entries with a word close to `word`: the word's rarity times its closeness."""
        shape = skeleton(word)
        best: dict[int, float] = {}
        for word_id in self._close_words(word):
            text, text_shape = self._word_shapes[word_id]
            closeness = 1.0 if text == word else 0.8 if text_shape == shape else 0.6
            entries = self._word_entries[word_id]
            weight = closeness * math.log(1 + len(self._entries) / len(entries))
            for index in entries:
                if best.get(index, 0.0) < weight:
                    best[index] = weight
        return best

    def _favour_initial(self, weights: dict[int, float], letter: str) -> None:
        """Raise the candidates with a word starting with `letter` ("F." for Fuad)."""
        rarity = math.log(1 + len(self._entries) / max(1, self._initial_counts[letter]))
        for index in weights:
            if letter in self._initials[index]:
                weights[index] += rarity

    def _close_words(self, word: str) -> set[int]:
        """Ids of indexed words within about one edit of `word` on skeletons."""
        found: set[int] = set()
        for block in _block_keys(word):
            found.update(self._blocks.get(block, ()))
        return found

    def _best_per_key(
        self, scored: list[tuple[float, int]], limit: int, min_score: float
    ) -> list[Match]:
        """The best-scoring name of each key, best keys first, at most `limit`."""
        scored.sort(key=lambda item: (-item[0], item[1]))
        matches: list[Match] = []
        seen: set[Hashable] = set()
        for value, index in scored:
            key, name, _ = self._entries[index]
            if value < min_score or key in seen:
                continue
            seen.add(key)
            matches.append(Match(key, name, value))
            if len(matches) == limit:
                break
        return matches
