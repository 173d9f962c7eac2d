"""The title of an event named in an article in one of the region's languages.

In Russian the title starts at the event word and runs on to the end of its words ("форум
диаспор тюркских государств"); in the Turkic languages it ends at the event word and starts at
the name before it: the owner in the genitive ("Түрк мамлекеттер уюмунун III жаштар форуму") or
the capitalised words and numbers ("Türk Konseyi Beşinci Diaspora Temas Grubu Toplantısı"), the
last word without its case ending ("форумунда" -> "форуму").
"""

from __future__ import annotations

from ortak.ingest.extract import languages
from ortak.ingest.extract.components.regional_cues import Cue
from ortak.ingest.extract.components.regional_venues import LOCATIVE
from ortak.ingest.extract.regional_text import Text
from ortak.names import morphology


def event_title(text: Text, cue: Cue, max_words: int) -> str:
    """The event's name: the words its cue starts (Russian) or ends (the Turkic languages)."""
    words = text.words
    lo, hi = text.sentences[words[cue.start].sent]
    if languages.head_first(text.lang):
        end = cue.end
        while end < hi and end - cue.start < max_words and words[end].kind == "word":
            end += 1
        return text.span_text(cue.start, end)
    start = _owner_start(text, cue.start, lo) or _name_start(text, cue.start, lo, max_words)
    while start < cue.start and words[start].kind == "punct":
        start += 1
    return _with_base_ending(text, text.span_text(start, cue.end), cue)


def _name_start(text: Text, k: int, lo: int, max_words: int) -> int:
    """Start of the capitalised words and numbers before word `k` ("Türk Konseyi Beşinci")."""
    start = k
    while start > lo and k - start < max_words:
        prev = text.words[start - 1]
        if prev.kind == "punct" and prev.text not in '().“”«»"':
            break
        if prev.kind == "word" and not (prev.cap or prev.text[:1].isdigit()):
            break
        start -= 1
    return start


def _owner_start(text: Text, k: int, lo: int) -> int | None:
    """ "Түрк мамлекеттер уюмунун III жаштар форуму": where an event word follows, within
    three words, a name in the genitive (an institution or a capitalised name), the title
    starts with that name; None where there is none."""
    genitive = _genitives(text.lang)
    inside = languages.words(text.lang, "institutions", "inside")
    for owner in range(k - 1, max(lo - 1, k - 5), -1):
        word = text.words[owner]
        if word.kind == "punct" and word.text == "." and text.words[owner - 1].text.isdigit():
            continue  # "3. gençlik forumu"
        if word.kind != "word":
            return None
        if (word.cap or word.head) and word.lower.endswith(genitive):
            start = owner
            while start > lo and _in_owner_name(text, start - 1, inside):
                start -= 1
            return start
    return None


def _in_owner_name(text: Text, k: int, inside: frozenset[str]) -> bool:
    word = text.words[k]
    place = text.place_at(k)
    if place is not None and place.ending.endswith(LOCATIVE):
        return False  # "Бишкекте": where, not whose
    if word.cap and not word.head and word.lower.endswith(_genitives(text.lang)):
        return False  # "директору Т.Т. Каймазаровдун Түрк ... уюмунун": a person's, before
    return word.kind == "word" and (word.cap or word.lower in inside or word.text.isdigit())


def _genitives(lang: str) -> tuple[str, ...]:
    return languages.stems(lang, "language", "genitive")


def _with_base_ending(text: Text, title: str, cue: Cue) -> str:
    """The title's last word without a case ending ("форумунда" -> "форуму"); a genitive
    stays ("Temas Grubu’nun": the title goes on after it)."""
    last = text.words[cue.end - 1]
    if (
        not cue.oblique
        or not title.endswith(last.text)
        or last.lower.endswith(_genitives(text.lang))
    ):
        return title
    stems = morphology.turkic_stems(last.text, languages.suffixes(text.lang))
    return title[: len(title) - len(last.text)] + stems[1] if len(stems) > 1 else title
