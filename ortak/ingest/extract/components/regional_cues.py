"""The sentences of an article in one of the region's languages and the events they name.

A sentence reports an event held (a held cue of the language: "gerçekleştirildi", "состоялся")
or a visit made (a visit word and a verb of arrival), or plans one (a planned cue not in a
potential form); its event words ("toplantısında", "форума", "tashrif") are the cues of the
event types, read from patterns/<lang>/events.yaml. The events reader (regional_events) and the
planned events (regional_planned) choose among them; a sentence is asked for its cues several
times, so the answers are kept in the text's cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortak.ingest.extract import languages
from ortak.ingest.extract.regional_kinds import for_anniversary, of_heads
from ortak.ingest.extract.regional_text import Text


@dataclass
class Cue:
    """An event word at words[start:end], the type it cues, and whether it is oblique."""

    start: int  # word index
    end: int
    type: str
    oblique: bool


def first_body(text: Text) -> int:
    """The first sentence of the body: a page's header and navigation ("Линктер", "ЧУКУЛ
    КАБАР!") are short lines, not the article's."""
    return next((s for s in range(len(text.sentences)) if not short_line(text, s)), 0)


def sentence_text(text: Text, sent: int) -> str:
    """The sentence's words as written."""
    lo, hi = text.sentences[sent]
    return text.span_text(lo, hi)


def cue_match(text: Text, sent: int, key: str) -> int | None:
    """Word index where the sentence's first cue of `key` (events.yaml) is, else None; each
    sentence is asked for its cues several times, so the answers are kept."""
    cache_key = ("cue", sent, key)
    if cache_key not in text.cache:
        text.cache[cache_key] = _find_cue(text, sent, key)
    found: int | None = text.cache[cache_key]  # the cache holds answers of several types
    return found


def _find_cue(text: Text, sent: int, key: str) -> int | None:
    pattern = languages.cue_pattern(text.lang, "events", key)
    lo, hi = text.sentences[sent]
    if pattern is None or lo >= hi:
        return None
    base = text.words[lo].start
    match = pattern.search(lowered_sentence(text, sent))
    return _word_at(text, sent, base + match.start()) if match else None


def lowered_sentence(text: Text, sent: int) -> str:
    """The sentence in lower case, made once per sentence."""
    key = ("lowered", sent)
    if key not in text.cache:
        lo, hi = text.sentences[sent]
        text.cache[key] = languages.lower(text.text[text.words[lo].start : text.words[hi - 1].end])
    lowered: str = text.cache[key]  # the cache holds answers of several types
    return lowered


def _word_at(text: Text, sent: int, offset: int) -> int:
    lo, hi = text.sentences[sent]
    return next((k for k in range(lo, hi) if text.words[k].end > offset), hi - 1)


def sentence_kinds(text: Text) -> tuple[list[int], list[int]]:
    """The sentences that report an event held, and those that plan one."""
    held, planned = [], []
    for sent in range(len(text.sentences)):
        if _plans(text, sent):
            planned.append(sent)
        elif cue_match(text, sent, "held") is not None or _arrived(text, sent):
            held.append(sent)
    return held, planned


def _arrived(text: Text, sent: int) -> bool:
    """ "ресми сапармен Бішкекке келді", "tashrif bilan Bokuga bordi": a visit word and a
    verb of going or coming in the past (`arrival_verbs`) report a visit made."""
    if cue_match(text, sent, "arrival") is None:
        return False
    return any(c.type == "visit" for c in sentence_cues(text, sent))


def _plans(text: Text, sent: int) -> bool:
    """Whether the sentence has a planned cue in a word that is not a potential form
    ("gerçekleştirilebilecek", "keçirilə biləcək": what could be done is no plan)."""
    if cue_match(text, sent, "planned") is None:
        return False
    potential = languages.cue_pattern(text.lang, "events", "potential")
    if potential is None:
        return True
    pattern = languages.cue_pattern(text.lang, "events", "planned")
    lowered, base = lowered_sentence(text, sent), text.words[text.sentences[sent][0]].start
    for match in pattern.finditer(lowered) if pattern else ():
        word = text.words[_word_at(text, sent, base + match.start())]
        if not potential.search(languages.lower(word.text)):
            return True
    return False


def sentence_cues(text: Text, sent: int) -> list[Cue]:
    """The event words of the sentence with their types, in order; kept once found."""
    key = ("cues", sent)
    if key not in text.cache:
        text.cache[key] = _find_cues(text, sent)
    cues: list[Cue] = text.cache[key]  # the cache holds answers of several types
    return cues


def _find_cues(text: Text, sent: int) -> list[Cue]:
    lo, hi = text.sentences[sent]
    if lo >= hi:
        return []
    base = text.words[lo].start
    lowered = lowered_sentence(text, sent)
    if not any(text.words[k].cue for k in range(lo, hi)):
        return []  # no event word: the sentence names no event
    cues = []
    for name, pattern in languages.types(text.lang):
        for match in pattern.finditer(lowered):
            first = _word_at(text, sent, base + match.start())
            last = _word_at(text, sent, base + match.end() - 1)
            if name == "other":
                name = _plain_kind(text, first, last + 1)
            elif name == "visit" and _on_visit(text, first, last + 1):
                # "находящимся с визитом": a person on a visit, not the sentence's event
                text.cache.setdefault(("on_visit", sent), []).append(
                    Cue(first, last + 1, name, False)
                )
                continue
            cues.append(Cue(first, last + 1, name, _oblique(text, head_noun(text, last))))
    return sorted(cues, key=lambda c: (c.start, _priority(text.lang, c.type)))


_ON_VISIT_REACH = 3  # words between a visit word and the participle describing its person


def _on_visit(text: Text, start: int, end: int) -> bool:
    """Whether the visit word at words[start:end] describes a person on a visit: a participle
    of the language's `on_visit` list within a few words of it, in the clause, before it in
    Russian ("прибывшим с визитом"), after it in the Turkic languages ("tashrif bilan
    kelgan")."""
    participles = languages.stems(text.lang, "events", "on_visit")
    if not participles:
        return False
    lo, hi = text.sentences[text.words[start].sent]
    if languages.head_first(text.lang):
        around = range(start - 1, max(lo, start - _ON_VISIT_REACH) - 1, -1)
    else:
        around = range(end, min(hi, end + _ON_VISIT_REACH))
    for k in around:
        word = text.words[k]
        if word.kind == "punct":
            return False
        if word.lower.startswith(participles):
            # a Turkic participle describes the noun after it; at the clause's end it is
            # the finite verb ("rasmiy tashrif bilan kelgan.": came on a visit)
            return languages.head_first(text.lang) or (
                k + 1 < hi and text.words[k + 1].kind == "word"
            )
    return False


def _plain_kind(text: Text, start: int, end: int) -> str:
    """The type a plain event word ("встреча", "іс-шара") takes from its clause."""
    if of_heads(text, start, end):
        return "ministerial_meeting"
    if for_anniversary(text, start, end):
        return "cultural_event"
    return "other"


def head_noun(text: Text, k: int) -> int:
    """The event noun a cue's phrase ends with: "Bakanlar ve Kurum Başkanları 3. toplantısında"
    ends with "toplantısında", a few words after the cue."""
    hi = text.sentences[text.words[k].sent][1]
    last = k
    for j in range(k + 1, min(k + 4, hi)):
        word = text.words[j]
        if word.kind == "word" and word.cue:
            last = j
        elif word.kind == "word" and not (word.text[:1].isdigit() or word.cap):
            break
    return last


def _oblique(text: Text, k: int) -> bool:
    """A Turkic event word in a case other than the nominative ("toplantısında")."""
    word = text.words[k].lower
    return any(word.endswith(s) and len(word) - len(s) >= 3 for s in languages.suffixes(text.lang)
               if len(s) >= 2)  # fmt: skip


def _priority(lang: str, type_: str) -> int:
    order = [name for name, _ in languages.types(lang)]
    return order.index(type_) if type_ in order else len(order)


def sentence_type(text: Text, sent: int, heads: bool = False) -> tuple[str | None, Cue | None]:
    """The type of the event a sentence reports and its cue; `heads`: heads of institutions
    of two states meet, so a plain meeting is a ministerial one, whatever visit it is on."""
    cues = sentence_cues(text, sent)
    if not cues:
        return None, None
    verb = cue_match(text, sent, "held")
    primary = None
    if verb is not None:
        near = [c for c in cues if c.end >= verb - 2 and c.start <= verb + 3]
        primary = min(near, key=lambda c: abs(c.start - verb), default=None)
    primary = primary or _container(text, sent, cues)
    primary = primary or next((c for c in cues if not c.oblique), cues[0])
    close = [c for c in cues if primary.start <= c.start <= primary.end + 2]
    best = min(close, key=lambda c: _priority(text.lang, c.type))
    if best.type == "other":
        specific = [c for c in cues if c.type != "other"]
        specific.sort(key=lambda c: (c.oblique, c.start))
        if heads and (not specific or specific[0].type == "visit"):
            return "ministerial_meeting", best
        best = specific[0] if specific else best
    return best.type, best


def _container(text: Text, sent: int, cues: list[Cue]) -> Cue | None:
    """ "X kapsamında Y", "в рамках X": X holds the sentence's other event."""
    k = cue_match(text, sent, "framework")
    if k is None:
        return None
    if languages.head_first(text.lang):
        return next((c for c in cues if c.start > k), None)
    before = [c for c in cues if c.end <= k + 1]
    return before[-1] if before else None


_SHORT_LINE = 6  # words: a header, a dateline or a greeting, not a sentence of the body


def short_line(text: Text, sent: int) -> bool:
    """Whether the sentence is a short line (a header, a dateline), not one of the body."""
    lo, hi = text.sentences[sent]
    return sum(w.kind == "word" for w in text.words[lo:hi]) <= _SHORT_LINE
