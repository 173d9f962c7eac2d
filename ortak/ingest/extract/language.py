"""The language of an article, from its script, its letters and its commonest words.

Enough to choose a pipeline and the language's data: en, ru, tr, az, kk, ky, uz, else None.
Kazakh, Kyrgyz and Uzbek are known in both their scripts. The model is the data each language
ships in `patterns/<lang>/language.yaml`: its frequent short words and the letters only it
writes among its neighbours ("ə" Azerbaijani, "ǵ ń ý" Kazakh in Latin, "ұ қ ә" Kazakh,
"ң ө ү" Kyrgyz, "ў" and "ʻ" Uzbek). Scores are counts per word of text, so a short text and a
long one are judged alike.
"""

from __future__ import annotations

import re
from collections import Counter

from ortak.ingest.extract import languages

_WORD = re.compile(r"[^\W\d_][\w\u0300-\u036f\u02bb\u02bc]*(?:[ʻ'’‘][^\W\d_]+)?")
# English is the pipeline's first language and has no folder of regional data.
_ENGLISH = frozenset(
    {"the", "of", "and", "to", "in", "was", "with", "for", "on", "is", "by", "that"}
)
# A Turkic language must show at least this many marker points per 100 words to beat Russian.
_TURKIC_OVER_RUSSIAN = 1.0
_MIN_WORDS = 3


def detect(text: str, *, sample: int = 20000) -> str | None:
    """The ISO 639-1 code of the text's language, or None when no known language fits."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < _MIN_WORDS:
        return None
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff")
    if cyrillic > 0.5 * len(words):
        return _cyrillic_language(words)
    return _latin_language(words)


def _scores(words: list[str], candidates: list[str], cyrillic: bool) -> dict[str, float]:
    letters = Counter(ch for w in words for ch in w)
    scores = {}
    for code in candidates:
        marks = {
            ch
            for ch in str(languages.data(code, "language").get("letters") or "")
            if ("\u0400" <= ch <= "\u04ff") == cyrillic
        }
        stop = languages.words(code, "language", "stopwords")
        hits = sum(1 for w in words if w in stop)
        scores[code] = 100 * (sum(letters[ch] for ch in marks) + 3 * hits) / len(words)
    return scores


def _cyrillic_language(words: list[str]) -> str:
    turkic = [c for c in languages.known() if c != "ru" and _writes(c, "cyrillic")]
    scores = _scores(words, turkic, cyrillic=True)
    best = max(scores, key=scores.__getitem__)
    # Russian has none of the marker letters; a few stray ones come from quoted names.
    return best if scores[best] > _TURKIC_OVER_RUSSIAN + 2 * 100 / len(words) else "ru"


def _latin_language(words: list[str]) -> str | None:
    candidates = [c for c in languages.known() if _writes(c, "latin")]
    scores = _scores(words, candidates, cyrillic=False)
    scores["en"] = 100 * 3 * sum(1 for w in words if w in _ENGLISH) / len(words)
    best = max(scores, key=scores.__getitem__)
    floor = max(3 * 100 * 2 / len(words), 9.0)  # two stop words, or 3 in 100
    return best if scores[best] >= floor else None


def _writes(code: str, script: str) -> bool:
    written = languages.data(code, "language").get("script")
    return written in (script, "both")
