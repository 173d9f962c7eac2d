"""The language of an article, from its script, its letters and its commonest words.

Enough to choose a pipeline and dateparser's language: en, ru, tr, az, kk, ky, uz, else None.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+(?:[ʻ'’][^\W\d_]+)?")
# Letters only one language of the region writes (Cyrillic script).
_CYRILLIC_MARKERS = {"kk": set("әғқұһі"), "ky": set("ңөү"), "uz": set("ўқғҳ")}
# Frequent short words, enough to tell the Latin-script languages apart.
_STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "was", "with", "for", "on", "is", "by", "that"},
    "tr": {"ve", "bir", "bu", "ile", "için", "da", "de", "olarak", "ayrıca", "türk", "olan"},
    "az": {"və", "bir", "bu", "ilə", "üçün", "da", "də", "olaraq", "həmçinin", "edib", "olan"},
    "uz": {"va", "bilan", "uchun", "bu", "bo‘yicha", "boʻyicha", "ham", "qilindi", "o‘z"},
    "ru": {"и", "в", "на", "с", "по", "что", "для", "не", "из", "о", "от", "был", "была"},
    "kk": {"және", "мен", "бен", "үшін", "бойынша", "бұл", "осы", "деп"},
    "ky": {"жана", "менен", "үчүн", "боюнча", "бул", "деп", "болуп"},
}


def detect(text: str, *, sample: int = 20000) -> str | None:
    """The ISO 639-1 code of the text's language, or None when no known language fits."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < 3:
        return None
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff")
    if cyrillic > 0.5 * len(words):
        return _cyrillic_language(words)
    return _latin_language(words)


def _cyrillic_language(words: list[str]) -> str:
    letters = Counter(ch for w in words for ch in w)
    scores = {code: sum(letters[ch] for ch in marks) for code, marks in _CYRILLIC_MARKERS.items()}
    scores = {code: score + 3 * _stop_hits(words, code) for code, score in scores.items()}
    best = max(scores, key=scores.__getitem__)
    # Russian has none of the marker letters; a few stray ones come from quoted names.
    return best if scores[best] > 0.01 * len(words) + 2 else "ru"


def _latin_language(words: list[str]) -> str | None:
    scores = {code: _stop_hits(words, code) for code in ("en", "tr", "az", "uz")}
    scores["az"] += 3 * sum(w.count("ə") for w in words)
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= max(2, 0.03 * len(words)) else None


def _stop_hits(words: list[str], code: str) -> int:
    stop = _STOPWORDS[code]
    return sum(1 for w in words if w in stop)
