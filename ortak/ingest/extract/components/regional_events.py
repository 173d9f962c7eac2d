"""ortak_regional_events_v1: the events of an article in one of the region's languages.

The main event is read from the first sentence that reports an event as held (a held cue of
the language: "gerçekleştirildi", "состоялся", "өтті", "keçirilib"); its type from the event
word the held verb goes with, else the first one not in an oblique case ("toplantısında" is a
circumstance, "Programı" a subject), else a "within the framework of" container ("Forumu
kapsamında"). Its date is the one nearest the held verb, its place the venue there (a city
with a locative ending, "в Ташкенте"); where its sentences give neither, the lead's full date
and venue; an event held online has no venue. The states listed as sending delegations are
its parties (regional_parties). Sentences with a planned cue give planned events.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.core.dates import PartialDate
from ortak.ingest.extract import languages
from ortak.ingest.extract.components.regional_dates import TextDate, dates_in
from ortak.ingest.extract.components.regional_entities import char_span
from ortak.ingest.extract.findings import DateMention, Event, Place, findings
from ortak.ingest.extract.regional_kinds import for_anniversary, of_heads
from ortak.ingest.extract.regional_parties import parties
from ortak.ingest.extract.regional_text import PlaceName, Text, analyse
from ortak.names import morphology

_LOCATIVE = ("da", "de", "ta", "te", "də", "да", "де", "та", "те", "до", "дө", "то", "тө")
# The locative made an adjective ("Vashingtondagi elchixonasida": at the embassy in Washington).
_RELATIVE = ("dagi", "daki", "dakı", "dəki", "deki", "taki", "teki", "daǵy", "degi", "taǵy",
             "tegi", "дагы", "даги", "деги", "дагі", "дағы", "дегі", "тағы", "тегі", "тагы",
             "теги", "догу", "дөгү")  # fmt: skip


@Language.factory(
    "ortak_regional_events_v1", default_config={"max_title_words": 20, "today_sentences": 8}
)
def make_regional_events(
    nlp: Language, name: str, *, max_title_words: int, today_sentences: int
) -> RegionalEvents:
    """Build the event reader for the region's languages."""
    return RegionalEvents(max_title_words=max_title_words, today_sentences=today_sentences)


@dataclass
class _Cue:
    start: int  # word index
    end: int
    type: str
    oblique: bool


class RegionalEvents:
    """Adds the main event, other reported events and planned events to the findings."""

    def __init__(self, *, max_title_words: int, today_sentences: int) -> None:
        self.max_title_words = max_title_words
        self.today_sentences = today_sentences

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        if found.language not in languages.known():
            return doc
        text = analyse(doc, found.language)
        dates = _dates(text, found.published)
        for date in dates:
            span = char_span(doc, text, date.start, date.end)
            found.dates.append(DateMention(span=span, start=date.value, end=date.until))
        held, planned = _sentence_kinds(text)
        main = _main_event(doc, text, held, dates, self)
        if main is not None:
            found.events = [main, *_companions(doc, text, main)]
        found.planned = _distinct(
            [e for s in planned for e in _planned_events(doc, text, s, dates, main)]
        )
        if main is None and not found.planned and (found.people or found.orgs):
            found.events = [_event(doc, text, [_first_body(text)], None, "other", dates, self)]
        if found.events:
            found.events[0].outcomes = _outcomes(doc, text, planned)
        found.parties = [(p.code, char_span(doc, text, p.start, p.end)) for p in parties(text)
                         if p.code]  # fmt: skip
        return doc


# --- sentences -------------------------------------------------------------------------------


def _first_body(text: Text) -> int:
    """The first sentence of the body: a page's header and navigation ("Линктер", "ЧУКУЛ
    КАБАР!") are short lines, not the article's."""
    return next((s for s in range(len(text.sentences)) if not _short(text, s)), 0)


def _sentence_text(text: Text, sent: int) -> str:
    lo, hi = text.sentences[sent]
    return text.span_text(lo, hi)


def _cue_match(text: Text, sent: int, key: str) -> int | None:
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
    match = pattern.search(_lowered(text, sent))
    return _word_at(text, sent, base + match.start()) if match else None


def _lowered(text: Text, sent: int) -> str:
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


def _sentence_kinds(text: Text) -> tuple[list[int], list[int]]:
    held, planned = [], []
    for sent in range(len(text.sentences)):
        if _plans(text, sent):
            planned.append(sent)
        elif _cue_match(text, sent, "held") is not None or _arrived(text, sent):
            held.append(sent)
    return held, planned


def _arrived(text: Text, sent: int) -> bool:
    """ "ресми сапармен Бішкекке келді", "tashrif bilan Bokuga bordi": a visit word and a
    verb of going or coming in the past (`arrival_verbs`) report a visit made."""
    if _cue_match(text, sent, "arrival") is None:
        return False
    return any(c.type == "visit" for c in _cues(text, sent))


def _plans(text: Text, sent: int) -> bool:
    """Whether the sentence has a planned cue in a word that is not a potential form
    ("gerçekleştirilebilecek", "keçirilə biləcək": what could be done is no plan)."""
    if _cue_match(text, sent, "planned") is None:
        return False
    potential = languages.cue_pattern(text.lang, "events", "potential")
    if potential is None:
        return True
    pattern = languages.cue_pattern(text.lang, "events", "planned")
    lowered, base = _lowered(text, sent), text.words[text.sentences[sent][0]].start
    for match in pattern.finditer(lowered) if pattern else ():
        word = text.words[_word_at(text, sent, base + match.start())]
        if not potential.search(languages.lower(word.text)):
            return True
    return False


def _cues(text: Text, sent: int) -> list[_Cue]:
    key = ("cues", sent)
    if key not in text.cache:
        text.cache[key] = _find_cues(text, sent)
    cues: list[_Cue] = text.cache[key]  # the cache holds answers of several types
    return cues


def _find_cues(text: Text, sent: int) -> list[_Cue]:
    lo, hi = text.sentences[sent]
    if lo >= hi:
        return []
    base = text.words[lo].start
    lowered = _lowered(text, sent)
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
                    _Cue(first, last + 1, name, False)
                )
                continue
            cues.append(_Cue(first, last + 1, name, _oblique(text, _head_noun(text, last))))
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


def _head_noun(text: Text, k: int) -> int:
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


def _sentence_type(text: Text, sent: int, heads: bool = False) -> tuple[str | None, _Cue | None]:
    """The type of the event a sentence reports and its cue; `heads`: heads of institutions
    of two states meet, so a plain meeting is a ministerial one, whatever visit it is on."""
    cues = _cues(text, sent)
    if not cues:
        return None, None
    verb = _cue_match(text, sent, "held")
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


def _container(text: Text, sent: int, cues: list[_Cue]) -> _Cue | None:
    """ "X kapsamında Y", "в рамках X": X holds the sentence's other event."""
    k = _cue_match(text, sent, "framework")
    if k is None:
        return None
    if languages.head_first(text.lang):
        return next((c for c in cues if c.start > k), None)
    before = [c for c in cues if c.end <= k + 1]
    return before[-1] if before else None


# --- the main event --------------------------------------------------------------------------


def _main_event(
    doc: Doc, text: Text, held: list[int], dates: list[TextDate], options: RegionalEvents
) -> Event | None:
    with_cue = [s for s in held if _cues(text, s)]
    if not with_cue:
        return None
    older = _older_sentences(dates)
    recalled = {s for s in range(len(text.sentences))
                if s in older or _cue_match(text, s, "earlier") is not None}  # fmt: skip
    with_cue.sort(key=lambda s: s in recalled)
    others = [s for s in [0, *with_cue[1:2]] if s not in recalled]
    candidates = list(dict.fromkeys([with_cue[0], *others]))
    chosen, type_, cue = with_cue[0], None, None
    heads = _heads_meet(doc, text, chosen)
    for sent in candidates:
        found_type, found_cue = _sentence_type(text, sent, heads)
        if sent not in (with_cue[0], 0) and not _by_verb(text, sent, found_cue):
            continue  # "Состоялся обмен мнениями о ... форумов": a forum talked of, not held
        if found_type and found_type != "other":
            chosen, type_, cue = sent, found_type, found_cue
            break
        if found_type and type_ is None:
            chosen, type_, cue = sent, found_type, found_cue
    if type_ == "other" and heads:
        type_ = "ministerial_meeting"
    order = [chosen, *(s for s in candidates if s != chosen)]
    text.cache[("main",)] = (chosen, cue)
    return _event(doc, text, order, cue, type_ or "other", dates, options)


def _older_sentences(dates: list[TextDate]) -> set[int]:
    """Sentences whose dates are all of a year before the newest date written in full: they
    recall an earlier event ("the summit held in Istanbul on 12 November 2021")."""
    written = [d for d in dates if d.year_written and d.value.precision != "year"]
    if not written:
        return set()
    newest = max(d.value.date.year for d in written)
    by_sentence: dict[int, list[int]] = {}
    for date in written:
        by_sentence.setdefault(date.sent, []).append(date.value.date.year)
    return {s for s, years in by_sentence.items() if max(years) < newest}


def _by_verb(text: Text, sent: int, cue: _Cue | None) -> bool:
    """Whether an event word stands by the sentence's held verb, as its subject or object."""
    verb = _cue_match(text, sent, "held")
    return cue is not None and verb is not None and cue.end >= verb - 2 and cue.start <= verb + 3


def _companions(doc: Doc, text: Text, main: Event) -> list[Event]:
    """Other events the main event's sentence reports held with it, on its date and at its
    place: one joined to it by "and" ("Tecrübe Değişimi Programı ve ... Temas Grubu
    Toplantısı ... gerçekleştirilmiştir") or held within its framework ("Forumu kapsamında
    ... programı ... gerçekleşti")."""
    chosen, primary = text.cache.get(("main",), (None, None))
    if primary is None:
        return []
    verb = _cue_match(text, chosen, "held")
    before_verb = not languages.head_first(text.lang) and verb is not None
    out: list[Event] = []
    seen = {primary.type}
    for cue in _cues(text, chosen):
        if (
            cue.oblique
            or cue.type in seen
            or cue.type == "other"
            or (before_verb and verb is not None and cue.start > verb)
            or not _paired(text, chosen, primary, cue)
        ):
            continue
        seen.add(cue.type)
        lo, hi = text.sentences[chosen]
        title = " ".join(_companion_title(text, cue).split())[:200]
        event = Event(span=char_span(doc, text, lo, hi), title=title, type=cue.type)
        event.start, event.end, event.date_span = main.start, main.end, main.date_span
        event.city, event.country, event.country_span = main.city, main.country, main.country_span
        out.append(event)
    return out + _visit_of(doc, text, main, chosen, seen)


def _visit_of(doc: Doc, text: Text, main: Event, sent: int, seen: set[str]) -> list[Event]:
    """The visit a participant of the main event is on ("встретился с находящимся с визитом
    в Баку начальником"): an event of its own, on the main event's date and at its place."""
    on_visit = text.cache.get(("on_visit", sent), [])
    if not on_visit or "visit" in seen:
        return []
    cue = on_visit[0]
    lo, hi = text.sentences[sent]
    if languages.head_first(text.lang):
        end = cue.end  # "визитом в Баку": the word and its destination
        place = text.place_at(end + 1) if end + 1 < hi else None
        if place is not None and text.words[end].lower in ("в", "во"):
            end = place.end
        title = text.span_text(cue.start, end)
    else:
        title = _companion_title(text, cue)
    event = Event(span=char_span(doc, text, lo, hi), title=" ".join(title.split())[:200],
                  type="visit")  # fmt: skip
    event.start, event.end, event.date_span = main.start, main.end, main.date_span
    event.city, event.country, event.country_span = main.city, main.country, main.country_span
    return [event]


def _companion_title(text: Text, cue: _Cue) -> str:
    """ "Türk Konseyi Beşinci Diaspora Temas Grubu Toplantısı"; in Russian the event word
    and the genitives after it ("форума диаспор"), not the rest of the sentence."""
    if not languages.head_first(text.lang):
        named = _Cue(cue.start, _head_noun(text, cue.end - 1) + 1, cue.type, cue.oblique)
        return _title(text, named, 20)
    end, hi = cue.end, text.sentences[text.words[cue.start].sent][1]
    while end < hi and text.words[end].kind == "word" and _genitive(text.words[end].text):
        end += 1
    return text.span_text(cue.start, end)


def _genitive(word: str) -> bool:
    return not word[:1].isdigit() and "gent" in morphology.russian_tags(word)


def _paired(text: Text, sent: int, primary: _Cue, cue: _Cue) -> bool:
    """Whether a second event phrase goes with the main one: joined to it, after it or
    before it ("Forumu kapsamında ... Toplantısı"), or, in Russian, named right after
    "в рамках" ("в рамках форума ... состоялся круглый стол")."""
    if cue.start >= primary.end:
        return _joined(text, sent, primary.end, cue.start)
    if cue.end <= primary.start:
        if languages.head_first(text.lang):
            framework = _cue_match(text, sent, "framework")
            return framework is not None and 0 < cue.start - framework <= 2
        return _joined(text, sent, cue.end, primary.start)
    return False


def _joined(text: Text, sent: int, start: int, end: int) -> bool:
    """Whether the words between two event phrases join them: the rest of the first name
    (capitalised), then "and" or "within the framework of", then only the start of the second
    name ("Programı ve Türk Konseyi Beşinci Diaspora Temas ...", "Forumu kapsamında 2. ...")."""
    ands = languages.words(text.lang, "language", "and_words")
    framework = _cue_match(text, sent, "framework")
    k = start
    while k < end and _name_part(text, k):
        k += 1
    if k >= end or not (text.words[k].lower in ands or k == framework):
        return False
    k += 1
    while k < end and text.words[k].lower in languages.words(text.lang, "events", "framework"):
        k += 1  # the rest of a framework phrase of several words
    return all(_name_part(text, j) for j in range(k, end))


def _name_part(text: Text, k: int) -> bool:
    """A word that may stand inside an event's name: capitalised, a number, an ordinal's
    stop, a quotation mark or a bracket."""
    word = text.words[k]
    if word.kind == "punct":
        return word.text in '«»“”"()' or (word.text == "." and text.words[k - 1].text.isdigit())
    return word.cap or word.text[:1].isdigit()


def _heads_meet(doc: Doc, text: Text, sent: int) -> bool:
    """Two heads of institutions of different states meeting: a ministerial meeting."""
    chiefs = languages.stems(text.lang, "events", "chiefs")
    deputies = languages.stems(text.lang, "events", "deputies")
    states = set()
    for person in findings(doc).people:
        role = (person.role or "").lower()
        if not role or any(d in role for d in deputies):
            continue
        words = role.replace("-", " ").split()
        if any(w.startswith(chiefs) for w in words[-2:]) and person.country:
            states.add(person.country)
    return len(states) >= 2


def _event(
    doc: Doc,
    text: Text,
    sentences: list[int],
    cue: _Cue | None,
    type_: str,
    dates: list[TextDate],
    options: RegionalEvents,
) -> Event:
    sent = sentences[0]
    lo, hi = text.sentences[sent]
    span = char_span(doc, text, lo, hi) if hi > lo else doc[0:1]
    title = _title(text, cue, options.max_title_words) if cue else _sentence_text(text, sent)
    event = Event(span=span, title=" ".join(title.split())[:200], type=type_, main=True)
    _date_event(doc, text, event, sentences, dates, options)
    if not _online(text, sentences):
        # the venue is the main sentence's or the headline's; a recalled event's is not
        venue_sentences = [sent, *(s for s in sentences[1:] if s == 0)]
        _place(doc, text, event, venue_sentences, dates)
        if event.city is None and event.country is None:
            _lead_venue(doc, text, event, dates, options.today_sentences)
    return event


def _date_event(
    doc: Doc,
    text: Text,
    event: Event,
    sentences: list[int],
    dates: list[TextDate],
    options: RegionalEvents,
) -> None:
    """The date nearest the held verb of the event's sentences; else "yesterday", "today";
    else the lead's full date."""
    date = None
    dates = [d for d in dates if d.value.precision != "year"]  # "in 2017": a plan's, not news
    for candidate in [sentences[0], *(s for s in sentences[1:] if s == 0)]:  # not a recalled one
        date = _closest(dates, candidate, _cue_match(text, candidate, "held"))
        if date is not None:
            break
    published = findings(doc).published
    if date is None:
        event.start = (
            _yesterday(text, sentences, published)
            or _today(text, published, options.today_sentences)
            or _this_month(doc, text, options.today_sentences)
        )
        if event.start is None:
            date = _lead_date(text, dates, published, options.today_sentences)
    if date is not None:
        event.start, event.end = date.value, date.until
        event.date_span = char_span(doc, text, date.start, date.end)


def _closest(dates: list[TextDate], sent: int, verb: int | None) -> TextDate | None:
    inside = [d for d in dates if d.sent == sent and not _dateline_sentence(d)]
    if not inside:
        return None
    anchor = verb if verb is not None else inside[0].start
    return min(inside, key=lambda d: abs(d.start - anchor))


def _lead_date(
    text: Text, dates: list[TextDate], published: dt.date | None, limit: int
) -> TextDate | None:
    """A full date in the lead or a photo's caption ("Vashington, 6-dekabr, 2012-yil") dates
    an event whose own sentences give none: the first date of the body's first `limit`
    sentences with its day and year written, not after the publication."""
    body = {s for s in range(len(text.sentences)) if not _short(text, s)}
    lead = set(sorted(body)[:limit])
    for date in dates:
        if (
            (date.sent in lead or (date.sent - 1 in lead and not date.short_line))
            and date.year_written
            and date.value.precision == "day"
            and not date.short_line
            and (published is None or date.value.date <= published)
        ):
            return date
    return None


def _dateline_sentence(date: TextDate) -> bool:
    """A date on a short line of its own ("Қазақстан • 20 Қараша, 2021") dates the article;
    a short sentence that reports an event held ("12-майда жыйын өттү") dates the event."""
    return date.short_line


def _today(text: Text, published: dt.date | None, limit: int) -> PartialDate | None:
    """ "бүгүн", "bugün": an event of today is dated by the publication. The cue counts in the
    first `limit` sentences of the body: the short lines of a page's header (site name,
    headline, date, view count) are not sentences of the body."""
    if published is None:
        return None
    body = [s for s in range(len(text.sentences)) if not _short(text, s)]
    for sent in body[:limit]:
        if _cue_match(text, sent, "today") is not None:
            return PartialDate(published, "day")
    return None


def _this_month(doc: Doc, text: Text, limit: int) -> PartialDate | None:
    """ "Bu gün", "сегодня" in an article known to be published in March 2022 only: the
    event is of that month."""
    month = findings(doc).published_month
    if month is None or _today(text, month, limit) is None:
        return None
    return PartialDate(month, "month")


def _yesterday(text: Text, sentences: list[int], published: dt.date | None) -> PartialDate | None:
    """ "вчера", "dünən": the event's own sentence says it was held the day before."""
    cues = languages.words(text.lang, "dates", "yesterday")
    if published is None or not cues:
        return None
    for sent in dict.fromkeys(sentences):
        lo, hi = text.sentences[sent]
        if _cue_match(text, sent, "held") is not None and any(
            w.lower in cues for w in text.words[lo:hi]
        ):
            return PartialDate(published - dt.timedelta(days=1), "day")
    return None


_SHORT_LINE = 6  # words: a header, a dateline or a greeting, not a sentence of the body


def _short(text: Text, sent: int) -> bool:
    lo, hi = text.sentences[sent]
    return sum(w.kind == "word" for w in text.words[lo:hi]) <= _SHORT_LINE


def _title(text: Text, cue: _Cue, max_words: int) -> str:
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
    if place is not None and place.ending.endswith(_LOCATIVE):
        return False  # "Бишкекте": where, not whose
    if word.cap and not word.head and word.lower.endswith(_genitives(text.lang)):
        return False  # "директору Т.Т. Каймазаровдун Түрк ... уюмунун": a person's, before
    return word.kind == "word" and (word.cap or word.lower in inside or word.text.isdigit())


def _genitives(lang: str) -> tuple[str, ...]:
    return languages.stems(lang, "language", "genitive")


def _with_base_ending(text: Text, title: str, cue: _Cue) -> str:
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


# --- places ----------------------------------------------------------------------------------


def _place(doc: Doc, text: Text, event: Event, sentences: list[int], dates: list[TextDate]) -> None:
    """The venue the event's sentences name; else the one city the article names, unless a
    sentence of an earlier event names it."""
    verb = _cue_match(text, sentences[0], "held")
    for sent in dict.fromkeys(sentences):
        venues = _venues(text, sent)
        cities = [p for p in venues if p.kind == "city"]
        if cities:
            city = cities[0] if languages.head_first(text.lang) else _before(cities, verb)
            _set_city(doc, text, event, city)
            return
        states = [p for p in venues if p.kind == "country" and p.code]
        if states:
            event.country = states[0].code
            event.country_span = char_span(doc, text, states[0].start, states[0].end)
            return
    named = {p.name: p for p in text.places if p.kind == "city" and not _dateline(text, p)
             and not _of_participle(text, p)
             and not _recalled(text, text.words[p.start].sent, event, dates)}  # fmt: skip
    if len(named) == 1:
        _set_city(doc, text, event, next(iter(named.values())))


def _online(text: Text, sentences: list[int]) -> bool:
    """ "videokonferensiya shaklida", "в режиме онлайн": the event's sentences say it was held
    online, where it has no venue."""
    pattern = languages.cue_pattern(text.lang, "places", "online")
    return pattern is not None and any(
        pattern.search(_lowered(text, s)) for s in dict.fromkeys(sentences)
    )


def _lead_venue(doc: Doc, text: Text, event: Event, dates: list[TextDate], limit: int) -> None:
    """An event whose own sentences name no place is held where the lead says something
    happens: the first city named as a venue in the body's first `limit` sentences that
    recalls no earlier event."""
    body = [s for s in range(len(text.sentences)) if not _short(text, s)][:limit]
    for sent in body:
        if _recalled(text, sent, event, dates):
            continue
        cities = [p for p in _venues(text, sent) if p.kind == "city"]
        if cities:
            _set_city(doc, text, event, cities[0])
            return


def _recalled(text: Text, sent: int, event: Event, dates: list[TextDate]) -> bool:
    """A sentence of an earlier event: a word of one ("last year", "recall"), or a date of a
    year before the event's ("the summit held in Istanbul on 12 November 2021")."""
    if _cue_match(text, sent, "earlier") is not None:
        return True
    year = event.start.date.year if event.start else None
    return year is not None and any(d.sent == sent and d.value.date.year < year for d in dates)


def _before(cities: list[PlaceName], verb: int | None) -> PlaceName:
    if verb is None:
        return cities[-1]
    before = [c for c in cities if c.start < verb]
    return before[-1] if before else cities[-1]


def _set_city(doc: Doc, text: Text, event: Event, city: PlaceName) -> None:
    span = char_span(doc, text, city.start, city.end)
    event.city = Place(span=span, kind="city", name=city.name or "", country=city.code, venue=True)
    event.country, event.country_span = city.code, span


def _venues(text: Text, sent: int) -> list[PlaceName]:
    lo, hi = text.sentences[sent]
    city_words = languages.words(text.lang, "places", "city_words")
    found = []
    for place in text.places:
        if not lo <= place.start < hi:
            continue
        before = text.words[place.start - 1].lower if place.start > lo else ""
        after = text.words[place.end].lower if place.end < hi else ""
        if (
            place.ending.endswith(_LOCATIVE)
            or before in ("в", "во")
            or before in city_words
            or (after in city_words and after.endswith((*_LOCATIVE, "е")))
            or (place.ending.endswith(_RELATIVE) and after.endswith(_LOCATIVE))
            or _russian_apposition(text, place, lo)
        ) and not _of_participle(text, place):
            found.append(place)
    return found


def _of_participle(text: Text, place: PlaceName) -> bool:
    """ "проделанную в Москве работу": a place that a Russian participle before "в" governs
    is where that was done, not the venue; a participle of a held verb ("состоявшемся в
    Москве") names the venue."""
    lo = text.sentences[text.words[place.start].sent][0]
    if text.lang != "ru" or place.start - 2 < lo:
        return False
    if text.words[place.start - 1].lower not in ("в", "во"):
        return False
    word = text.words[place.start - 2]
    held = languages.cue_pattern(text.lang, "events", "held")
    if word.kind != "word" or (held is not None and held.match(word.lower)):
        return False
    return "PRTF" in morphology.russian_tags(word.text)


def _russian_apposition(text: Text, place: PlaceName, lo: int) -> bool:
    """ "В столице Венгрии, Будапеште, ...": a Russian place in the prepositional case that a
    "в" a few words before governs, through the noun it stands beside."""
    if text.lang != "ru" or "loct" not in morphology.russian_tags(text.words[place.start].text):
        return False
    for k in range(place.start - 1, max(lo, place.start - 5) - 1, -1):
        word = text.words[k]
        if word.lower in ("в", "во"):
            return True
        if word.kind == "punct" and word.text != ",":
            return False
        if "PREP" in morphology.russian_tags(word.text):
            return False
    return False


def _dateline(text: Text, place: PlaceName) -> bool:
    """ "Bakı. Trend:": an agency's place at the head of the text, not the event's."""
    lo, hi = text.sentences[text.words[place.start].sent]
    return hi - lo <= 3 and place.start == lo


# --- dates -----------------------------------------------------------------------------------


def _dates(text: Text, published: dt.date | None) -> list[TextDate]:
    found = dates_in(text, published)
    for date in found:
        header = _short(text, date.sent) or _stamp(text, date.sent)
        date.short_line = (
            header and _cue_match(text, date.sent, "held") is None and not _caption_date(text, date)
        )
    return found


def _caption_date(text: Text, date: TextDate) -> bool:
    """ "Forumda söz alan Ali Yılmaz. 13 Temmuz 2022.": a date alone after a sentence on the
    same line dates what that sentence (a photo's caption) shows; a dateline stands on a line
    of its own."""
    lo, hi = text.sentences[date.sent]
    if date.sent == 0 or date.start != lo or date.end < hi - 1:
        return False
    previous = text.sentences[date.sent - 1]
    if previous[1] <= previous[0] or _short(text, date.sent - 1):
        return False
    between = text.text[text.words[previous[1] - 1].end : text.words[lo].start]
    return "\n" not in between


_CLOCK = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")


def _stamp(text: Text, sent: int) -> bool:
    """ "23-Ноябрь, 2024-жыл, ишемби, Бишкек убактысы 18:43": a date with a time of day is
    the page's stamp, as a dateline is."""
    return _CLOCK.search(_sentence_text(text, sent)) is not None


# --- planned events and outcomes -------------------------------------------------------------


def _planned_events(
    doc: Doc, text: Text, sent: int, dates: list[TextDate], main: Event | None
) -> list[Event]:
    """The planned events of a sentence: one, or one for each event of a list that gives
    each its own date ("Yoshlar forumi (3-4-iyun, Buxoro), ... konferensiya (8-11-iyun,
    Qoʻqon)")."""
    listed = _listed(text, sent, dates)
    if len(listed) < 2:
        event = _planned_event(doc, text, sent, dates, main)
        return [event] if event is not None else []
    lo, hi = text.sentences[sent]
    out = []
    for cue, date, end in listed:
        title = " ".join(_title(text, cue, 20).split())[:200]
        event = Event(span=char_span(doc, text, lo, hi), title=title, type=cue.type,
                      status="planned")  # fmt: skip
        event.start, event.end = date.value, date.until
        event.date_span = char_span(doc, text, date.start, date.end)
        cities = [p for p in text.places if cue.start < p.start < end and p.kind == "city"]
        if cities:
            _set_city(doc, text, event, cities[0])
        out.append(event)
    return out


def _listed(text: Text, sent: int, dates: list[TextDate]) -> list[tuple[_Cue, TextDate, int]]:
    """The events of a specific type in the sentence that each have a date of their own
    between them and the next one: (cue, date, the word where its part ends)."""
    cues = [c for c in _cues(text, sent) if c.type != "other"]
    out = []
    for i, cue in enumerate(cues):
        end = cues[i + 1].start if i + 1 < len(cues) else text.sentences[sent][1]
        own = [d for d in dates if d.sent == sent and cue.end <= d.start < end]
        if own and own[0].value.precision == "day":
            out.append((cue, own[0], end))
    return out


def _planned_event(
    doc: Doc, text: Text, sent: int, dates: list[TextDate], main: Event | None
) -> Event | None:
    type_, cue = _sentence_type(text, sent)
    if type_ is None:
        return None
    lo, hi = text.sentences[sent]
    title = _title(text, cue, 20) if cue else _sentence_text(text, sent)
    event = Event(span=char_span(doc, text, lo, hi), title=" ".join(title.split())[:200],
                  type=type_, status="planned")  # fmt: skip
    date = _closest(dates, sent, cue.start if cue else None)
    if date is not None:
        event.start, event.end = date.value, date.until
        event.date_span = char_span(doc, text, date.start, date.end)
    elif _cue_match(text, sent, "today") is not None:
        found = findings(doc)
        if found.published is not None:
            event.start = PartialDate(found.published, "day")
        elif found.published_month is not None:
            event.start = PartialDate(found.published_month, "month")
    _place_planned(doc, text, event, sent)
    return event


def _distinct(events: list[Event]) -> list[Event]:
    """One planned event per type, date and place: an announcement repeats its event, and
    a mention with neither date nor place repeats an event of its type named before."""
    seen, types, out = set(), set(), []
    for event in events:
        key = (event.type, _iso(event.start), event.city.name if event.city else None)
        if key in seen or (event.type in types and key[1:] == (None, None)):
            continue
        seen.add(key)
        types.add(event.type)
        out.append(event)
    return out


def _iso(date: PartialDate | None) -> str | None:
    return date.isoformat() if date else None


def _place_planned(doc: Doc, text: Text, event: Event, sent: int) -> None:
    venues = _venues(text, sent)
    cities = [p for p in venues if p.kind == "city"]
    if cities:
        _set_city(doc, text, event, cities[0])
    elif venues and venues[0].code:
        event.country = venues[0].code


def _outcomes(doc: Doc, text: Text, planned: list[int]) -> list[Span]:
    """Sentences that report a decision, a document adopted or an agreement reached."""
    out = []
    for sent in range(len(text.sentences)):
        if sent not in planned and _cue_match(text, sent, "outcomes") is not None:
            lo, hi = text.sentences[sent]
            out.append(char_span(doc, text, lo, hi))
    return out
