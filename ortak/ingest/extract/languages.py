"""What each language of the region needs, read from `patterns/<lang>/*.yaml`.

The components are the same for every language; a language is a folder of data files:
`language.yaml` (identification, case endings), `people.yaml` (titles and roles),
`institutions.yaml` (head nouns of institution names), `events.yaml` (event-type, held and
planned cues), `dates.yaml` (months) and `places.yaml` (cities and states as the language
writes them). A language written in two alphabets may keep its words in one and give in
`alphabet.yaml` the rules that spell them in the other (`alphabets`). Adding a language is
adding its folder and a table of its sentences to the tests.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

from ortak.ingest.extract import alphabets
from ortak.names import morphology

_DIR = Path(__file__).with_name("patterns")
TOPICS = ("language", "people", "institutions", "events", "dates", "places")


@functools.cache
def known() -> tuple[str, ...]:
    """The languages that have a folder of patterns ("az", "kk", ...)."""
    return tuple(sorted(p.name for p in _DIR.iterdir() if (p / "language.yaml").is_file()))


@functools.cache
def data(lang: str, topic: str) -> dict[str, Any]:
    """One topic's data for one language; {} where the language has no such file."""
    table = _read(_DIR / lang / f"{topic}.yaml")
    rules = alphabet(lang)
    return alphabets.extend(rules, table) if rules else table


@functools.cache
def alphabet(lang: str) -> alphabets.Alphabet | None:
    """The rules that spell the language's words in its other alphabet, if it has them."""
    rules = _read(_DIR / lang / "alphabet.yaml")
    return alphabets.Alphabet.of(rules) if rules else None


def _read(path: Path) -> dict[str, Any]:
    """A YAML file's table; {} where there is no such file."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        table: dict[str, Any] = yaml.safe_load(handle) or {}
    return table


@functools.cache
def words(lang: str, topic: str, key: str) -> frozenset[str]:
    """A word list of a topic, lower case, as a set."""
    return frozenset(str(w).lower() for w in data(lang, topic).get(key) or ())


@functools.cache
def stems(lang: str, topic: str, key: str) -> tuple[str, ...]:
    """A list of stems or phrases, lower case, longest first (a longer cue wins)."""
    values = {str(w).lower() for w in data(lang, topic).get(key) or ()}
    return tuple(sorted(values, key=len, reverse=True))


@functools.cache
def mapping(lang: str, topic: str, key: str) -> dict[str, Any]:
    """A word-to-value table of a topic, keys in lower case."""
    return {str(k).lower(): v for k, v in (data(lang, topic).get(key) or {}).items()}


@functools.cache
def suffixes(lang: str) -> tuple[str, ...]:
    """The language's case endings, longest first."""
    return stems(lang, "language", "case_suffixes")


def head_first(lang: str) -> bool:
    """True where an institution's head noun opens its name (Russian), not ends it."""
    return data(lang, "institutions").get("order") == "head_first"


def lower(text: str) -> str:
    """Lower case as the Turkic alphabets want it: "İ" is "i" (not "i" and a dot above)."""
    return text.replace("İ", "i").lower()


@functools.lru_cache(maxsize=65536)
def base_forms(lang: str, word: str) -> tuple[str, ...]:
    """The forms a word may have before its ending, lower case, most likely first."""
    if lang == "ru":
        return tuple(dict.fromkeys([lower(word), morphology.russian_normal(word)]))
    return tuple(lower(s) for s in morphology.turkic_stems(word, suffixes(lang)))


def starts_with_any(text: str, options: tuple[str, ...]) -> str | None:
    """The first of `options` that `text` starts with, else None."""
    return next((o for o in options if text.startswith(o)), None)


@functools.cache
def cue_pattern(lang: str, topic: str, key: str) -> re.Pattern[str] | None:
    """A regex finding any cue of the list at the start of a word (a cue written with a
    leading "-" is an ending, found anywhere inside a word), and any verb of the table
    `<key>_verbs` in any of its endings."""
    cues = stems(lang, topic, key)
    parts = [re.escape(c[1:]) if c.startswith("-") else _at_word_start(c) for c in cues]
    verbs = _verb_forms(lang, topic, key)
    if verbs:
        parts.append(verbs)
    return re.compile("|".join(parts)) if parts else None


def _verb_forms(lang: str, topic: str, key: str) -> str | None:
    """ "görüş" with "müş" is "görüşmüştür", "ót" with "ip jatyr" is "ótip jatyr": a table of
    verb stems and of the endings of the tenses they are read in, as one regex of a stem at
    the start of a word followed by one of the endings (whatever follows the ending: person,
    number, the copula; nothing where the table says `whole_words`)."""
    table = data(lang, topic).get(f"{key}_verbs") or {}
    verbs = _longest_first(table.get("stems"))
    endings = _longest_first(table.get("endings"))
    if not verbs or not endings:
        return None
    stem = "|".join(_at_word_start(v) for v in verbs)
    ending = "|".join(re.escape(e) for e in endings)
    after = r"(?!\w)" if table.get("whole_words") else ""
    return f"(?:{stem})(?:{ending}){after}"


def _longest_first(values: list[Any] | None) -> list[str]:
    return sorted({str(v).lower() for v in values or ()}, key=len, reverse=True)


def _at_word_start(word: str) -> str:
    r"""`word` where no letter precedes it: the same matches as "(?<!\w)word", but with a
    letter first, so that the engine skips ahead to the places where one of the words'
    first letters stands instead of trying every word at every character."""
    if not word:
        return r"(?<!\w)"
    return re.escape(word[:1]) + r"(?<!\w.)" + re.escape(word[1:])


@functools.cache
def types(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(type, cue regex) in the order of precedence the language's events file gives."""
    table = data(lang, "events").get("types") or {}
    out = []
    for name, cues in table.items():
        ordered = sorted((str(c).lower() for c in cues), key=len, reverse=True)
        out.append((name, re.compile("|".join(_at_word_start(c) for c in ordered))))
    return tuple(out)


@functools.cache
def any_type(lang: str) -> re.Pattern[str]:
    """One regex for every event word of the language, to tell a word is one."""
    cues = sorted({str(c).lower() for cs in (data(lang, "events").get("types") or {}).values()
                   for c in cs}, key=len, reverse=True)  # fmt: skip
    return re.compile("(?:" + ("|".join(_at_word_start(c) for c in cues) or r"(?!)") + ")")


@functools.cache
def months(lang: str) -> tuple[tuple[str, int], ...]:
    """(form, month number) pairs of the language, longest form first."""
    table = data(lang, "dates").get("months") or []
    pairs = [(str(f).lower(), n) for n, forms in enumerate(table, 1) for f in forms]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


_DAY_FIRST = re.compile(r"^\d{1,2}(?:[-–]\d{1,2})?-(?=[^\W\d_])")
# The possessive of the third person a month takes before a case ending ("майы-нда").
_POSSESSIVE = ("ы", "и", "у", "ү", "ı", "i", "u", "ü")


def month_of(lang: str, word: str) -> int | None:
    """The month a word names ("Kasım'da" -> 11, "мая" -> 5, "майында" -> 5, "mayın" -> 5),
    also where the day is written before it with a hyphen ("12-may", "28-мартта"); else None.
    A form of four letters or more matches as a word's start; a shorter one ("май", "may")
    only with the language's case endings after it, so that "mayor" names no month."""
    word = _DAY_FIRST.sub("", word)
    low = lower(word)
    if lang == "ru":
        low = morphology.russian_normal(word)  # "феврале", "мае" -> "февраль", "май"
    for form, number in months(lang):
        if low == form or (len(form) >= 4 and low.startswith(form)):
            return number
        if len(form) >= 5 and form.endswith("ь") and low.startswith(form[:-1]):
            return number  # a Russian month loses its soft sign before an ending: "декабрында"
    short = dict(months(lang))
    if not any(low.startswith(f) for f in short if len(f) < 4):
        return None
    for stem in morphology.turkic_stems(word, suffixes(lang))[1:]:
        stem = lower(stem)
        if stem in short or (stem.endswith(_POSSESSIVE) and stem[:-1] in short):
            return short.get(stem) or short[stem[:-1]]
    return None
