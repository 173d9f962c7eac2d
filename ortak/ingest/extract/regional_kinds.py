"""What the clause of a plain event word makes of it, however an article words it.

A meeting of the heads of the bodies for the diaspora ("заседание руководителей
диаспоральных институтов", "встреча руководителей офисов по вопросам диаспор",
"diaspor məsələlərinə məsul dövlət qurumlarının və təşkilat rəhbərlərinin 3-cü iclası"): a
meeting word, the heads beside it, and a state body and a diaspora word on their other side,
in one clause, make the series of meetings of the ministers and heads of the diaspora
institutions. Russian puts the heads after the meeting word and the rest after the heads, the
Turkic languages the other way round.

An event held for an anniversary ("30 жылдыгына арналган иш-чаралар", "мероприятия к
30-летию"): the language's word for "an event" and an anniversary in one clause make a
cultural event.

The word classes are data of each language (`events.yaml`: meeting, heads, bodies,
diaspora, with_words, occasions, anniversary).
"""

from __future__ import annotations

from ortak.ingest.extract import languages
from ortak.ingest.extract.regional_text import Text

# Words (not punctuation) that may stand between the meeting word and the heads word: an
# ordinal ("3-cü iclası", "седьмое заседание") or the other heads ("министров и руководителей").
_HEADS_REACH = 3
# Punctuation that ends a clause; a slash, a bracket or a quotation mark does not.
_CLAUSE_ENDS = frozenset(",;:—–!?")
_NUMBER = "0123456789-"


def of_heads(text: Text, start: int, end: int) -> bool:
    """Whether the meeting word at words[start:end] is a meeting of the heads of the bodies
    for the diaspora."""
    lang = text.lang
    if not text.words[start].lower.startswith(languages.stems(lang, "events", "meeting")):
        return False
    step = 1 if languages.head_first(lang) else -1
    origin = end - 1 if step == 1 else start
    heads = _heads_word(text, origin, step)
    if heads is None:
        return False
    beyond = [heads, *_clause_words(text, heads, step)]
    return _any_starts(text, beyond, "bodies") and _any_starts(text, beyond[1:], "diaspora")


def for_anniversary(text: Text, start: int, end: int) -> bool:
    """Whether the word for "an event" at words[start:end] is an event held for an
    anniversary."""
    lang = text.lang
    if not text.words[start].lower.startswith(languages.stems(lang, "events", "occasions")):
        return False
    anniversary = languages.stems(lang, "events", "anniversary")
    around = _clause_words(text, start, -1) + _clause_words(text, end - 1, 1)
    # "30-летию", "30-yilligi": the number written before the word with a hyphen
    return any(text.words[k].lower.lstrip(_NUMBER).startswith(anniversary) for k in around)


def _clause_words(text: Text, origin: int, step: int) -> list[int]:
    """Indices of the words from `origin` (not included) in one direction, up to the end of
    the clause."""
    lo, hi = text.sentences[text.words[origin].sent]
    out, k = [], origin + step
    while lo <= k < hi:
        word = text.words[k]
        if word.kind == "punct" and word.text in _CLAUSE_ENDS:
            break
        if word.kind != "punct":
            out.append(k)
        k += step
    return out


def _heads_word(text: Text, origin: int, step: int) -> int | None:
    heads = languages.words(text.lang, "events", "heads")
    with_words = languages.words(text.lang, "events", "with_words")
    for k in _clause_words(text, origin, step)[:_HEADS_REACH]:
        if text.words[k].lower in heads:
            after = k + 1
            if after < len(text.words) and text.words[after].lower in with_words:
                return None  # "rəhbərləri ilə görüş": a meeting with them, not of them
            return k
    return None


def _any_starts(text: Text, indices: list[int], key: str) -> bool:
    """Whether a word at one of `indices` starts with a stem of the list `key`."""
    stems = languages.stems(text.lang, "events", key)
    return any(text.words[k].lower.startswith(stems) for k in indices)
