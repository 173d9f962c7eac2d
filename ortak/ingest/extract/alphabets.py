"""A language written in two alphabets: the Cyrillic spelling of the words its data writes
in Latin.

A language folder may hold `alphabet.yaml`, the rules that spell a Latin word of the
language in its other alphabet (Uzbek: oʻ ў, gʻ ғ, sh ш, q қ, h ҳ, x х, j ж, e at a word's
start э). `languages.data` adds those spellings to every word list and table it reads, so
the components meet an article as it is written, in either alphabet, and the offsets of
what they find are the article's own: nothing in the text is rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Alphabet:
    """The rules of `alphabet.yaml`: Latin letter groups and their Cyrillic spelling."""

    letters: dict[str, str]
    words: dict[str, str]
    e_start: str
    vowels: str
    word_values: frozenset[str]

    @classmethod
    def of(cls, table: dict[str, Any]) -> Alphabet:
        return cls(
            letters={str(k): str(v) for k, v in (table.get("letters") or {}).items()},
            words={str(k): str(v) for k, v in (table.get("words") or {}).items()},
            e_start=str(table.get("e_start") or "е"),
            vowels=str(table.get("vowels") or ""),
            word_values=frozenset(str(k) for k in table.get("word_values") or ()),
        )


_LATIN = re.compile("[a-z]")


def spell(alphabet: Alphabet, text: str) -> str:
    """`text` (lower case) in the other alphabet, word by word: "boʻlib oʻtdi" -> "бўлиб
    ўтди", "elchi" -> "элчи"; a word without Latin letters is kept."""
    return " ".join(_spell_word(alphabet, w) for w in text.split(" "))


def _spell_word(alphabet: Alphabet, word: str) -> str:
    if word in alphabet.words or not _LATIN.search(word):
        return alphabet.words.get(word, word)
    groups = sorted(alphabet.letters, key=len, reverse=True)
    out: list[str] = []
    index = 0
    while index < len(word):
        if word[index] == "e" and (index == 0 or word[index - 1] in alphabet.vowels):
            out.append(alphabet.e_start)
            index += 1
            continue
        group = next((g for g in groups if word.startswith(g, index)), word[index])
        out.append(alphabet.letters.get(group, group))
        index += len(group)
    return "".join(out)


def extend(alphabet: Alphabet, topic: dict[str, Any]) -> dict[str, Any]:
    """A topic's data with the other alphabet's spelling beside each Latin word: lists get
    the spelling after the word, word tables (`cities: {toshkent: Tashkent}`) the spelled key
    with the same value (spelled too for the keys whose values are words). The topic's own
    keys and the names of its tables' entries (event types) are kept."""
    return {k: _extend(alphabet, v, k) for k, v in topic.items()}


def _extend(alphabet: Alphabet, value: Any, key: str) -> Any:
    if isinstance(value, list):
        items = [_extend(alphabet, v, key) for v in value]
        others = [spell(alphabet, str(v).lower()) for v in value if isinstance(v, str)]
        return items + [s for s in dict.fromkeys(others) if s not in items]
    if isinstance(value, dict):
        table = {k: _extend(alphabet, v, key) for k, v in value.items()}
        for k, v in value.items():
            if isinstance(v, list | dict):
                continue
            other = spell(alphabet, str(k).lower())
            if other not in table and other != str(k).lower():
                words = key in alphabet.word_values and isinstance(v, str)
                table[other] = spell(alphabet, v.lower()) if words else table[k]
        return table
    return value
