"""Names read in another orthography than the Turkic ones `fold` collapses.

A Hungarian name is written by Hungarian rules (János, Szijjártó, Gyurcsány); a Russian
article writes it by sound (Янош, Сийярто, Дюрчань), and its transliteration is no Turkic
spelling of the Latin one. `readings` gives such a name a second key, the fold of the name
spelt as a Russian article would spell it, beside its ordinary `fold`. The Turkic key stays
first, so whatever matched before still matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ortak.names.fold import fold

# Hungarian letters and digraphs as Russian writes their sound, longest first: dzs дж, cs ч,
# cz (old) ц, gy дь, ly й, ny нь, ty ть, sz с, zs ж, s ш, c ц, j й; th (old: Tóth, Németh) т.
_HUNGARIAN = {
    "dzs": "dzh", "cs": "ch", "cz": "ts", "gy": "dy", "ly": "y", "ny": "ny", "ty": "ty",
    "sz": "s", "zs": "zh", "th": "t", "s": "sh", "c": "ts", "j": "y",
}  # fmt: skip
_HUNGARIAN_LETTERS = re.compile("|".join(sorted(_HUNGARIAN, key=len, reverse=True)))
# What tells a Hungarian name: acute and double-acute vowels (of the Turkic Latin alphabets
# only Kazakh 2021 has á ó ú, which this reading leaves alike) or a digraph no Turkic
# alphabet has ...
_HUNGARIAN_MARK = re.compile("[áéíóúőű]|cs|sz|zs|gy", re.IGNORECASE)
# ... or, in English news that drops the accents ("Arpad Janos Potapi"), a Hungarian given
# name that this reading spells otherwise. Names Turkic and Hungarian alike (Attila, Imre)
# need no second reading and are left out.
HUNGARIAN_GIVEN_NAMES = frozenset(
    fold(name)
    for name in (
        "János", "József", "Lajos", "Gyula", "Csaba", "Zsolt", "Zsófia", "Szabolcs", "Szilárd",
        "Ferenc", "Lőrinc", "Vince", "Bence", "Jenő", "Mihály", "Károly", "Gergely", "Győző",
        "Zsigmond", "Erzsébet", "Judit", "Kristóf", "Krisztina", "Szilvia", "Tamás", "András",
        "Balázs", "Miklós", "István", "Lukács", "Katalin", "Eszter", "Ágnes", "Zsuzsanna",
        "Orsolya", "Boglárka", "Levente", "Szabina", "Kinga", "Ágota",
    )
)  # fmt: skip
# "ny" and "ty" are soft consonants, нь and ть; a Russian spelling drops the soft sign at
# the end of a word and before i (Дюрчань, Сечени) and keeps it as a glide before a vowel.
_SOFT_END = re.compile("(?<=[nt])y(?![aeouáéóöőúüű])")


def hungarian_reading(text: str) -> str:
    """`text` spelt as a Russian article spells a Hungarian name: "Gyurcsány" -> "dyurchan"."""
    lowered = text.lower()
    spelled = _HUNGARIAN_LETTERS.sub(lambda m: _HUNGARIAN[m.group()], lowered)
    return _SOFT_END.sub("", spelled)


def looks_hungarian(text: str) -> bool:
    """Whether `text` may be a name in Hungarian spelling: its letters, or a given name."""
    if _HUNGARIAN_MARK.search(text):
        return True
    return any(word in HUNGARIAN_GIVEN_NAMES for word in fold(text).split())


@lru_cache(maxsize=1 << 16)
def readings(text: str) -> tuple[str, ...]:
    """The keys of `text` in each orthography it may be written in, its `fold` first.

    readings("János Áder") == ("janos ader", "yanos ader"): the second is the key of
    "Янош Адер". A name without Hungarian spelling has one reading.
    """
    folded = fold(text)
    if not looks_hungarian(text):
        return (folded,)
    other = fold(hungarian_reading(text))
    return (folded, other) if other != folded else (folded,)
