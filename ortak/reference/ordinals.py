"""The round a numbered event's title names, in any language of the region.

"5th meeting", "V заседание", "пятого заседания", "5-ci iclas", "5-inci toplantı",
"TDT 2. Diaspora Forumu", "бесінші отырысы", "II диаспорлык форуму" all name a round. The
ordinal words are data (data/ordinals.yaml); figures and Roman numerals are read as such.
Plain Python, without Django.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from ortak.names import fold
from ortak.names.morphology import is_cyrillic, russian_normal

DATA = Path(__file__).parent / "data" / "ordinals.yaml"
LANGUAGES = ("en", "ru", "tr", "az", "kk", "ky", "uz")
MAX_ROUND = 30  # a figure above this is no round of a series of the region

# A figure with an ordinal ending: 5th, 5-е, 5-го, 5-ci, 5-inci, 5'inci, 5’inci, 5-ші, and the
# Turkish and Azerbaijani "5." when a word follows ("2. Diaspora Forumu").
_FIGURE = re.compile(
    r"(?<![\w.])(\d{1,2})(?:st|nd|rd|th|[-‐‑–'’ʼ][^\W\d_]{1,5}|\.(?=\s+[^\W\d_]))(?![\w-])",
    re.IGNORECASE,
)
# Roman numerals, in capitals; Cyrillic І and Х stand in for I and X in Cyrillic text.
_ROMAN = re.compile(r"(?<![\w.])([IVXІХ]{1,5})(?![\w.])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "І": 1, "Х": 10}
_WORD = re.compile(r"[^\W\d_]+(?:['’ʻ][^\W\d_]+)?")


@functools.cache
def _words() -> dict[tuple[str, ...], int]:
    """Folded ordinal words (one or two words) -> their number."""
    entries = yaml.safe_load(DATA.read_text(encoding="utf-8"))["ordinals"]
    table: dict[tuple[str, ...], int] = {}
    for entry in entries:
        for language in LANGUAGES:
            table.setdefault(tuple(fold(entry[language]).split()), int(entry["number"]))
    return table


def round_number(title: str) -> int | None:
    """The round `title` names: "5th meeting", "Пятое заседание", "II Forum" -> 5, 5, 2."""
    rounds = _rounds(title)
    return rounds[0][2] if rounds else None


def without_round(title: str) -> str:
    """`title` with the words naming its round taken out, so that a series' name is found
    in it whole: "Altıncı Diaspora Temas Grubu" -> "Diaspora Temas Grubu"."""
    for start, end, _ in reversed(_rounds(title)):
        title = title[:start] + title[end:]
    return " ".join(title.split())


def _rounds(title: str) -> list[tuple[int, int, int]]:
    """(start, end, number) of every ordinal in `title`, in order."""
    found = [
        *((m.start(), m.end(), int(m.group(1))) for m in _FIGURE.finditer(title)),
        *((m.start(), m.end(), _roman(m.group(1))) for m in _ROMAN.finditer(title)),
        *_ordinal_words(title),
    ]
    return sorted((s, e, n) for s, e, n in found if n and n <= MAX_ROUND)


def _ordinal_words(title: str) -> list[tuple[int, int, int | None]]:
    """(start, end, number) of the ordinal words of `title`; two-word ones ("on birinci")
    whole."""
    words = list(_WORD.finditer(title))
    table = _words()
    found: list[tuple[int, int, int | None]] = []
    for i, match in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        pair = table.get((fold(match.group()), fold(following.group()))) if following else None
        if pair and following:
            found.append((match.start(), following.end(), pair))
        elif not found or match.start() >= found[-1][1]:
            found.append((match.start(), match.end(), _ordinal(match.group())))
    return found


@functools.lru_cache(maxsize=8192)
def _ordinal(word: str) -> int | None:
    """The number an ordinal word names, a Russian one in any case ("пятого" -> 5)."""
    table = _words()
    number = table.get((fold(word),))
    if number is None and is_cyrillic(word):
        number = table.get((fold(russian_normal(word)),))
    return number


def _roman(text: str) -> int | None:
    values = [_ROMAN_VALUES[letter] for letter in text]
    total = sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
    return total if total > 0 else None
