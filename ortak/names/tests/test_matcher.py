"""NameMatcher: the record a spelling names, among many, exact folds first."""

from __future__ import annotations

import random

import pytest

from ortak.names import MATCH_THRESHOLD, Match, NameMatcher
from ortak.names.tests.name_pairs import LOOKUPS, REGISTRY

SYLLABLES = ["nur", "ay", "zhan", "kay", "er", "bol", "dau", "gul", "mar", "tal", "bek", "sul"]
ENDINGS = ["lan", "bek", "gul", "at", "ar", "dos", "khan", "jon", "nar", "ira", "tay"]
ROOTS = ["sabir", "kurban", "murad", "sattar", "tokay", "kasym", "sadyk", "rasul", "karim"]


@pytest.fixture(scope="module")
def registry() -> NameMatcher:
    matcher = NameMatcher()
    for key, names in REGISTRY.items():
        for name in names:
            matcher.add(key, name)
    return matcher


def _best(matcher: NameMatcher, query: str) -> Match | None:
    matches = matcher.match(query, limit=1, min_score=MATCH_THRESHOLD)
    return matches[0] if matches else None


@pytest.mark.parametrize(
    ("query", "key"),
    [(query, key) for query, key, _ in LOOKUPS],
    ids=[f"{query} ({kind})" for query, _, kind in LOOKUPS],
)
def test_matcher_links_a_spelling_to_its_record(
    registry: NameMatcher, query: str, key: str | None
) -> None:
    best = _best(registry, query)
    assert (best.key if best else None) == key


def test_matcher_puts_the_exact_fold_first() -> None:
    matcher = NameMatcher()
    matcher.add("near", "Ali Civilar")
    matcher.add("exact", "Ali Çiviler")
    assert matcher.match("ALİ CİVİLER")[0] == Match("exact", "Ali Çiviler", 1.0)


def test_matcher_returns_each_record_once_with_its_best_name(registry: NameMatcher) -> None:
    keys = [match.key for match in registry.match("Kazakhstan", limit=10)]
    assert keys.count("state:kz") == 1


def test_matcher_sorts_best_first_and_keeps_to_the_limit(registry: NameMatcher) -> None:
    scores = [match.score for match in registry.match("Rustambek Kurbanov", limit=2)]
    assert len(scores) == 2 and scores == sorted(scores, reverse=True)


def test_matcher_ranks_a_surname_alone_first(registry: NameMatcher) -> None:
    assert registry.match("Чивилер")[0].key == "person:ali-civiler"


def test_matcher_leaves_out_scores_under_min_score(registry: NameMatcher) -> None:
    assert registry.match("Merey Mukanov", min_score=MATCH_THRESHOLD) == []


@pytest.mark.parametrize("query", ["", "  ", "—"])
def test_matcher_finds_nothing_for_an_empty_query(registry: NameMatcher, query: str) -> None:
    assert registry.match(query) == []


def test_matcher_skips_names_that_fold_to_nothing() -> None:
    matcher = NameMatcher()
    matcher.add("dash", "—")
    assert len(matcher) == 0


def _crowd(size: int, seed: int) -> list[str]:
    """`size` plausible Kazakh and Kyrgyz names, the same for one seed."""
    rng = random.Random(seed)
    return [
        f"{rng.choice(SYLLABLES)}{rng.choice(ENDINGS)} {rng.choice(ROOTS)}ov".title()
        for _ in range(size)
    ]


def test_matcher_finds_a_typo_among_twenty_thousand_names() -> None:
    matcher = NameMatcher()
    for index, name in enumerate(_crowd(20_000, seed=7)):
        matcher.add(index, name)
    matcher.add("target", "Kubanychbek Omuraliev")
    assert matcher.match("Kubanychbek Omuarliev")[0].key == "target"
