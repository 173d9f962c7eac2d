"""How the spellings of one name differ letter by letter, after `fold`: the tables.

`fold` makes most spellings of a name one key. What it leaves are differences that only
some names, or only some places in a word, make: Uzbek o for Russian a, Russian г for h,
final devoicing, Kazakh ң written ng where Russian has н. `similarity` asks these tables
whether a difference between two folded words is one an orthography makes (cheap, the same
name) or one none makes (another name: Tokaev/Tokarev, Muradov/Muratov, Kurbanov/Kurmanov).

Each row names where in the word it holds and carries a pair it explains, which the tests
check, so a row cannot outlive its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Place(StrEnum):
    """Where in a word a spelling difference occurs."""

    ANYWHERE = "anywhere"
    START = "word start"
    END = "word end"
    # At a word's edge or beside a consonant, where the voicing of d/t and b/p differs
    # between the region's languages; between two vowels every language keeps it.
    NOT_BETWEEN_VOWELS = "not between vowels"


@dataclass(frozen=True, slots=True)
class Swap:
    """Two folded letters that spellings of one name write for one another, at `place`."""

    letters: str
    place: Place
    example: tuple[str, str]


@dataclass(frozen=True, slots=True)
class Silent:
    """A folded letter some spellings write and others leave out: after `follows` (any
    letter when empty), at `place`."""

    letter: str
    follows: str
    place: Place
    example: tuple[str, str]


# Vowels, and y, the glide that orthographies write as y, i or not at all (Aliyev/Aliev).
VOWELS = frozenset("aeiouy")
# Vowels proper: y beside one is a consonant that closes a syllable (Ay-demir).
_SYLLABIC = frozenset("aeiou")

SWAPS = (
    Swap("ao", Place.ANYWHERE, ("Tashkent", "Toshkent")),  # Uzbek o for Russian a
    Swap("ou", Place.ANYWHERE, ("Uzbekistan", "Oʻzbekiston")),  # Uzbek ў written o or u
    Swap("ae", Place.ANYWHERE, ("Omar Kojaman", "Ömer Kocaman")),  # Azerbaijani ə as a or e
    # Azerbaijani q is written g (Qismət, Gismat) and Russian writes Kazakh қ as к.
    Swap("kg", Place.ANYWHERE, ("Gismat Gozalov", "Qismət Qozalov")),
    Swap("gh", Place.ANYWHERE, ("Khazar Ibrahim", "Хазар Ибрагим")),  # Russian г for h
    Swap("kh", Place.ANYWHERE, ("Mukhtar", "Muktar")),  # х as kh, h or k
    Swap("fp", Place.ANYWHERE, ("Yusuf", "Yusup")),  # Kazakh and Kyrgyz have p for f
    # Voicing differs at a word's end (Turkish writes final devoicing: Murad/Murat,
    # Yakub/Yakup), at its start (Demir/Temir, Bolat/Polat) and so where the parts of a
    # compound name meet (Muradbek/Muratbek, Canbolat/Джанполат); between two vowels it is
    # the name's own: Muradov and Muratov, Akhmedov and Akhmetov are two surnames.
    Swap("dt", Place.NOT_BETWEEN_VOWELS, ("Murad", "Murat")),
    Swap("bp", Place.NOT_BETWEEN_VOWELS, ("Yakup Canbolat", "Якуп Джанполат")),
    # Kyrgyz and Kazakh write ж where Russian has й, ю, я at the start of a word.
    Swap("jy", Place.START, ("Yusupov", "Жусупов")),
)

SILENT = (
    Silent("h", "", Place.END, ("Abdullah", "Абдулла")),  # Russian drops a final h
    Silent("g", "n", Place.ANYWHERE, ("Жеңіс", "Женис")),  # Kazakh ң is ng, Russian н
    # Turkish and Azerbaijani ayı, Russian аи: İsmayılov/Исмаилов, Qayırat/Кайрат.
    Silent("i", "y", Place.ANYWHERE, ("İsmayılov", "Исмаилов")),
)

# Two-letter initials besides the swaps: "Y." for Yerlan (folded erlan) and "Z." for
# Zhanar (janar), when an English writer keeps one letter of Ye or Zh.
INITIAL_EXTRAS = ("ye", "zj")


def _holds(place: Place, before: str, after: str) -> bool:
    """Whether a difference between the letters `before` and `after` ("" at the word's
    edge) is at `place`."""
    if place is Place.START:
        return not before
    if place is Place.END:
        return not after
    if place is Place.NOT_BETWEEN_VOWELS:
        return not (before in _SYLLABIC and after in _SYLLABIC)
    return True


# The tables by letters, to look up: similarity asks them for every edit of every pair.
_SWAPS = {
    pair: tuple(swap.place for swap in SWAPS if frozenset(swap.letters) == pair)
    for pair in {frozenset(swap.letters) for swap in SWAPS}
}
_SILENT = {
    letter: tuple(row for row in SILENT if row.letter == letter)
    for letter in "".join(row.letter for row in SILENT)
}


def swappable(a: str, b: str, *, before: str = "", after: str = "") -> bool:
    """Whether folded letters `a` and `b`, between `before` and `after` ("" at the word's
    edge), are one sound as two orthographies write it."""
    places = _SWAPS.get(frozenset((a, b)), ())
    return any(_holds(place, before, after) for place in places)


def silent(letter: str, *, before: str = "", after: str = "") -> bool:
    """Whether `letter`, between `before` and `after` ("" at the word's edge), is one some
    spellings of a name leave out."""
    return any(
        row.follows in ("", before) and _holds(row.place, before, after)
        for row in _SILENT.get(letter, ())
    )


# Initials that may stand for a word whose fold starts with the other letter: the consonant
# swaps that hold at a word's start (Г. for Heydar, Т. for Demir) and the extras. Vowels
# are left out, as an initial is all there is of the name and A. is not E.; so is ж for й,
# which is how some languages write a whole name, or Ж. would agree with every Y.
INITIAL_PAIRS = frozenset(
    frozenset(swap.letters)
    for swap in SWAPS
    if swap.place in (Place.ANYWHERE, Place.NOT_BETWEEN_VOWELS)
    and not set(swap.letters) <= _SYLLABIC
) | {frozenset(pair) for pair in INITIAL_EXTRAS}
