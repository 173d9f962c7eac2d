"""Word forms of the region's languages: Turkic case endings and Russian cases, to base forms.

Turkic languages add case and possessive endings to a name, after an apostrophe in Turkish
("İstanbul’da", "Türk Konseyi’nin") or straight onto it elsewhere ("Bakıda", "Астанада",
"Muradovun"), with vowels that follow the stem's (vowel harmony). `turkic_stems` lists the
stems a word may have, most likely first; the caller keeps the first one it knows (a city, an
institution's head noun, a surname). Russian declines names and nouns; `russian_normal` and
`russian_nominative` bring them to the nominative with pymorphy3's dictionary. Plain
Python: no Django, no spaCy.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

APOSTROPHES = "'’`ʼ´"
_BACK = frozenset("aıouаыоуұя")
_FRONT = frozenset("eiöüəäеіөүәэи")
# Transliteration of Cyrillic names to Latin, letter by letter (the table of the shared
# extraction scorer, so that a name's `name_latin` folds to the same letters).
_LATIN = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y", "і": "i", "к": "k", "қ": "k",
    "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ў": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "җ": "j", "ҳ": "h", "ӯ": "u",
}  # fmt: skip


def is_cyrillic(text: str) -> bool:
    """True when most letters of `text` are Cyrillic."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum("\u0400" <= ch <= "\u04ff" for ch in letters) * 2 > len(letters)


def transliterate(text: str) -> str:
    """A plain Latin spelling of a Cyrillic name, keeping capitals ("Якуп" -> "Yakup")."""
    out = []
    for ch in text:
        latin = _LATIN.get(ch.lower())
        if latin is None:
            out.append(ch)
        elif ch.isupper():
            out.append(latin[:1].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


def _harmony(text: str) -> str | None:
    """ "back" or "front": the class of the last vowel of `text`, None without vowels."""
    for ch in reversed(text.lower()):
        if ch in _BACK:
            return "back"
        if ch in _FRONT:
            return "front"
    return None


def split_apostrophe(word: str) -> tuple[str, str]:
    """ "Bakü’de" -> ("Bakü", "de"); a word with no apostrophe -> (word, "")."""
    for i, ch in enumerate(word):
        if ch in APOSTROPHES and 0 < i < len(word) - 1:
            return word[:i], word[i + 1 :]
    return word, ""


def turkic_stems(word: str, suffixes: Iterable[str], *, min_stem: int = 2) -> list[str]:
    """Stems `word` may have once a case ending is removed, most likely first (see
    `_turkic_stems`)."""
    return list(_turkic_stems(word, tuple(suffixes), min_stem))


@functools.lru_cache(maxsize=65536)
def _turkic_stems(word: str, suffixes: tuple[str, ...], min_stem: int) -> tuple[str, ...]:
    """Stems `word` may have once a case ending is removed, most likely first.

    The word itself comes first, then the part before an apostrophe or a hyphen ("QeAQ-nyń"),
    then the word without each ending of `suffixes` that leaves at least `min_stem` letters,
    those whose vowels agree with the stem's before those that do not ("Бакуде" is kept).
    """
    stems = [word]
    for mark in APOSTROPHES + "-":
        head, sep, tail = word.partition(mark)
        if sep and head and tail.lower() in _suffix_set(tuple(suffixes)):
            stems.append(head)
    lower = word.lower()
    agreeing: list[str] = []
    other: list[str] = []
    for suffix in sorted(set(suffixes), key=len, reverse=True):
        if lower.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            stem = word[: len(word) - len(suffix)]
            if stem[-1:] in APOSTROPHES + "-":
                stem = stem[:-1]
            harmony = _harmony(suffix)
            (agreeing if harmony in (None, _harmony(stem)) else other).append(stem)
    return tuple(dict.fromkeys(stems + agreeing + other))


@functools.cache
def _suffix_set(suffixes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s.lower() for s in suffixes)


def turkic_base(word: str, suffixes: Iterable[str], known: Callable[[str], bool]) -> str | None:
    """The first stem of `word` that `known` accepts (tested in lower case), else None."""
    for stem in turkic_stems(word, suffixes):
        if known(stem.lower()):
            return stem
    return None


@functools.cache
def _analyzer() -> MorphAnalyzer:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=65536)
def russian_normal(word: str) -> str:
    """The dictionary form of a Russian word, lower case ("Ташкенте" -> "ташкент")."""
    parses = _analyzer().parse(word.lower())
    return parses[0].normal_form if parses else word.lower()


@functools.lru_cache(maxsize=65536)
def russian_tags(word: str) -> frozenset[str]:
    """The grammemes of the likeliest reading of a Russian word ({"NOUN", "gent", ...})."""
    parses = _analyzer().parse(word.lower())
    return frozenset(parses[0].tag.grammemes) if parses else frozenset()


def russian_readings(word: str) -> tuple[frozenset[str], ...]:
    """The grammemes of every reading of a Russian word, likeliest first ("главного": the
    noun "главное" and the adjective "главный")."""
    return tuple(frozenset(p.tag.grammemes) for p in _analyzer().parse(word.lower()))


def russian_known(word: str) -> bool:
    """Whether the Russian dictionary knows the word (else its readings are guesses)."""
    return bool(_analyzer().word_is_known(word.lower()))


def russian_nominative(words: list[str]) -> list[str]:
    """An adjective-and-noun group brought to the nominative, capitals kept:
    ["Государственного", "комитета"] -> ["Государственный", "комитет"]."""
    if not words:
        return words
    head = _best(words[-1], "NOUN")
    if head is None:
        return words
    gender = next((g for g in ("masc", "femn", "neut") if g in head.tag.grammemes), None)
    number = "plur" if "plur" in head.tag.grammemes else "sing"
    out = []
    for word in words[:-1]:
        parse = _best(word, "ADJF")
        wanted = {"nomn", number} | ({gender} if gender and number == "sing" else set())
        inflected = parse.inflect(wanted) if parse is not None else None
        out.append(_cased(inflected.word if inflected else word, word))
    inflected = head.inflect({"nomn", number})
    out.append(_cased(inflected.word if inflected else words[-1], words[-1]))
    return out


# Surname endings only a nominative has ("Сабиров"; "Сабирова" may be a genitive).
_NOMINATIVE = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")
# Names Russian never declines: Turkic patronymic surnames ("Сапарбекулы", "Алиев оглы",
# "Гасанзаде"), Ukrainian ones in "-енко" and Russian ones in "-ых".
_INDECLINABLE = ("улы", "ұлы", "уулу", "оглы", "оглу", "кызы", "қызы", "гызы", "заде", "енко", "ых")
_KEPT = _NOMINATIVE + _INDECLINABLE


def russian_name(words: list[str]) -> list[str]:
    """A personal name brought to the nominative ("Рамилем Гасановым" -> "Рамиль Гасанов").

    A word that may already be a nominative stays as written: foreign names the dictionary
    does not know ("Алинур Акташ") are nominatives far more often than not. So do all words
    of a name whose name words (those the dictionary reads as a first name, surname or
    patronymic) agree on the nominative: the words of a name share one case, so "Мерей" beside
    the nominative "Мукажан" is a nominative too, whatever common noun it also spells; and
    where they agree on another case, a word that is a nominative only as a common noun is
    brought to the nominative with them ("Мереем Мукажаном" -> "Мерей Мукажан")."""
    parsed = [_name_parses(word) for word in words]
    cases = _agreed_cases(parsed)
    if "nomn" in cases:
        return list(words)
    out = []
    for word, parses in zip(words, parsed, strict=True):
        if not parses or _may_be_nominative(parses, cases) or word.lower().endswith(_KEPT):
            out.append(word)
            continue
        out.append(_nominative(word, parses, cases))
    return out


def _may_be_nominative(parses: list[Parse], cases: set[str]) -> bool:
    """Whether a word may be a nominative as written: a reading as a name in the nominative,
    or any nominative reading where the name's other words say nothing of its case."""
    return any("nomn" in p.tag and (not cases or _NAME_TAGS & set(p.tag.grammemes)) for p in parses)


def _nominative(word: str, parses: list[Parse], cases: set[str]) -> str:
    """One word of a name in the nominative: its reading as a name first, then a noun's
    reading in the case the name's other words are in ("Мереем" beside "Мукажаном")."""
    ranked = sorted(
        (p for p in parses if p.tag.POS == "NOUN" or _NAME_TAGS & set(p.tag.grammemes)),
        key=lambda p: (not _NAME_TAGS & set(p.tag.grammemes), p.tag.case not in cases),
    )
    for parse in ranked or parses[:1]:
        inflected = parse.inflect({"nomn", "sing"})
        if inflected is not None:
            return _cased(inflected.word, word)
    return word


_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


def _name_parses(word: str) -> list[Parse]:
    """The readings of one word of a name; none for an initial or a word of two letters.
    A person's name is singular and not a vocative: the dictionary's guesses for a name it
    does not know ("Кемаль" as a vocative, or a plural of "Кемаля") are no readings."""
    if len(word) <= 2 or "." in word:
        return []
    parses: list[Parse] = _analyzer().parse(word.lower())
    return [p for p in parses if not {"voct", "plur"} & set(p.tag.grammemes)]


def _agreed_cases(parsed: list[list[Parse]]) -> set[str]:
    """The cases every name word of a name can be in (empty where no word reads as a name)."""
    agreed: set[str] | None = None
    for parses in parsed:
        cases = {p.tag.case for p in parses if _NAME_TAGS & set(p.tag.grammemes) and p.tag.case}
        if cases:
            agreed = cases if agreed is None else agreed & cases
    return agreed or set()


def _best(word: str, pos: str) -> Parse | None:
    return next((p for p in _analyzer().parse(word.lower()) if pos == p.tag.POS), None)


def _cased(new: str, old: str) -> str:
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new
