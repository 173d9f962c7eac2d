"""ortak.names.letters: each row of the tables explains the pair it carries, and holds only
where it says."""

from __future__ import annotations

import pytest

from ortak.names import MATCH_THRESHOLD, similarity
from ortak.names.letters import INITIAL_PAIRS, SILENT, SWAPS, silent, swappable

ROWS = [*SWAPS, *SILENT]


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.example[0]} ~ {row.example[1]}" for row in ROWS])
def test_each_spelling_difference_links_its_example(row) -> None:
    assert similarity(*row.example) >= 0.9


@pytest.mark.parametrize(
    ("voiced", "voiceless"),
    [("Muradov", "Muratov"), ("Akhmedov", "Akhmetov"), ("Yakubov", "Yakupov")],
)
def test_voicing_between_vowels_makes_another_surname(voiced: str, voiceless: str) -> None:
    assert similarity(voiced, voiceless) < MATCH_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b", "before", "after", "expected"),
    [
        ("d", "t", "a", "", True),  # Murad, Murat
        ("d", "t", "a", "b", True),  # Muradbek, Muratbek
        ("b", "p", "n", "o", True),  # Canbolat, Джанполат
        ("d", "t", "", "e", True),  # Demir, Temir
        ("d", "t", "a", "o", False),  # Muradov, Muratov
        ("j", "y", "", "u", True),  # Жусупов, Юсупов
        ("j", "y", "a", "u", False),
        ("k", "g", "a", "a", True),
        ("m", "b", "", "", False),
    ],
)
def test_swappable_holds_where_its_row_says(
    a: str, b: str, before: str, after: str, expected: bool
) -> None:
    assert swappable(a, b, before=before, after=after) is expected
    assert swappable(b, a, before=before, after=after) is expected


@pytest.mark.parametrize(
    ("letter", "before", "after", "expected"),
    [
        ("h", "a", "", True),  # Abdullah, Абдулла
        ("h", "a", "m", False),
        ("g", "n", "i", True),  # Жеңіс, Женис
        ("g", "a", "i", False),
        ("i", "y", "l", True),  # İsmayılov, Исмаилов
        ("r", "a", "e", False),  # Tokarev, Tokaev
    ],
)
def test_silent_holds_where_its_row_says(
    letter: str, before: str, after: str, expected: bool
) -> None:
    assert silent(letter, before=before, after=after) is expected


def test_initials_take_the_consonant_swaps_of_a_word_start() -> None:
    assert frozenset("gh") in INITIAL_PAIRS
    assert frozenset("dt") in INITIAL_PAIRS  # Т. for Demir
    assert frozenset("jy") not in INITIAL_PAIRS  # Ж. is not Yusup
    assert frozenset("ao") not in INITIAL_PAIRS  # A. is not O.
