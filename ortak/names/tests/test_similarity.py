"""similarity: spellings of one name score high, near misses low, MATCH_THRESHOLD between."""

from __future__ import annotations

import pytest

from ortak.names import MATCH_THRESHOLD, similarity
from ortak.names.tests.name_pairs import NOT_SAME_NAME, SAME_NAME


def _ids(rows: list[tuple[str, str, str]]) -> list[str]:
    return [f"{a} ~ {b} ({kind})" for a, b, kind in rows]


@pytest.mark.parametrize(("a", "b", "kind"), SAME_NAME, ids=_ids(SAME_NAME))
def test_similarity_is_high_for_spellings_of_one_name(a: str, b: str, kind: str) -> None:
    assert similarity(a, b) >= 0.9


@pytest.mark.parametrize(("a", "b", "kind"), NOT_SAME_NAME, ids=_ids(NOT_SAME_NAME))
def test_similarity_is_low_for_near_misses(a: str, b: str, kind: str) -> None:
    assert similarity(a, b) < 0.8


@pytest.mark.parametrize(
    ("a", "b", "kind"), SAME_NAME + NOT_SAME_NAME, ids=_ids(SAME_NAME + NOT_SAME_NAME)
)
def test_similarity_is_symmetric(a: str, b: str, kind: str) -> None:
    assert similarity(a, b) == pytest.approx(similarity(b, a))


def test_match_threshold_separates_the_tables() -> None:
    lowest_same = min(similarity(a, b) for a, b, _ in SAME_NAME)
    highest_near_miss = max(similarity(a, b) for a, b, _ in NOT_SAME_NAME)
    assert highest_near_miss < MATCH_THRESHOLD <= lowest_same


@pytest.mark.parametrize(
    ("a", "b"), [("Çiviler", "CHIVILER"), ("Elşad Əliyev", "Эльшад Алиев"), ("Şuşa", "Shusha")]
)
def test_similarity_is_one_for_equal_folds(a: str, b: str) -> None:
    assert similarity(a, b) == 1.0


@pytest.mark.parametrize(("a", "b"), [("", ""), ("", "Fuad Muradov"), ("—", "Fuad Muradov")])
def test_similarity_of_an_empty_name_is_zero(a: str, b: str) -> None:
    assert similarity(a, b) == 0.0


def test_similarity_ranks_the_written_order_above_a_swap() -> None:
    assert similarity("Fuad Muradov", "Fuad Muradov") > similarity("Fuad Muradov", "Muradov Fuad")


def test_similarity_ranks_an_agreeing_initial_above_a_disagreeing_one() -> None:
    agreeing = similarity("F. Muradov", "Fuad Muradov")
    assert agreeing > similarity("K. Muradov", "Fuad Muradov")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ali Çiviler", "Ali Rıza Çiviler"), ("Fuad Muradov", "Muradov"), ("Bishkek", "Tashkent")],
)
def test_similarity_stays_between_zero_and_one(a: str, b: str) -> None:
    assert 0.0 <= similarity(a, b) <= 1.0
