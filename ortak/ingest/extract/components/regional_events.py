"""ortak_regional_events_v1: the events of an article in one of the region's languages.

The main event is read from the first sentence that reports an event as held (a held cue of
the language: "gerçekleştirildi", "состоялся", "өтті", "keçirilib"); its type from the event
word the held verb goes with, else the first one not in an oblique case ("toplantısında" is a
circumstance, "Programı" a subject), else a "within the framework of" container ("Forumu
kapsamında"). Its date is the one nearest the held verb, its place the venue there (a city
with a locative ending, "в Ташкенте"); where its sentences give neither, the lead's full date
and venue; an event held online has no venue. The states listed as sending delegations are
its parties (regional_parties). Sentences with a planned cue give planned events
(regional_planned). The sentences' cues are read by regional_cues, the venues by
regional_venues, the titles by regional_titles, the choice of dates by regional_event_dates.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ortak.ingest.extract import languages
from ortak.ingest.extract.components.regional_cues import (
    Cue,
    cue_match,
    first_body,
    head_noun,
    sentence_cues,
    sentence_kinds,
    sentence_text,
    sentence_type,
)
from ortak.ingest.extract.components.regional_dates import TextDate
from ortak.ingest.extract.components.regional_entities import char_span
from ortak.ingest.extract.components.regional_event_dates import (
    article_dates,
    closest_date,
    lead_date,
    this_month_date,
    today_date,
    yesterday_date,
)
from ortak.ingest.extract.components.regional_planned import (
    distinct_planned,
    outcome_sentences,
    planned_events,
)
from ortak.ingest.extract.components.regional_titles import event_title
from ortak.ingest.extract.components.regional_venues import held_online, set_lead_venue, set_venue
from ortak.ingest.extract.findings import DateMention, Event, findings
from ortak.ingest.extract.regional_parties import parties
from ortak.ingest.extract.regional_text import Text, analyse
from ortak.names import morphology


@Language.factory(
    "ortak_regional_events_v1", default_config={"max_title_words": 20, "today_sentences": 8}
)
def make_regional_events(
    nlp: Language, name: str, *, max_title_words: int, today_sentences: int
) -> RegionalEvents:
    """Build the event reader for the region's languages."""
    return RegionalEvents(max_title_words=max_title_words, today_sentences=today_sentences)


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
        dates = article_dates(text, found.published)
        for date in dates:
            span = char_span(doc, text, date.start, date.end)
            found.dates.append(DateMention(span=span, start=date.value, end=date.until))
        held, planned = sentence_kinds(text)
        main = _main_event(doc, text, held, dates, self)
        if main is not None:
            found.events = [main, *_companions(doc, text, main)]
        found.planned = distinct_planned(
            [e for s in planned for e in planned_events(doc, text, s, dates, main)]
        )
        if main is None and not found.planned and (found.people or found.orgs):
            found.events = [_event(doc, text, [first_body(text)], None, "other", dates, self)]
        if found.events:
            found.events[0].outcomes = outcome_sentences(doc, text, planned)
        found.parties = [(p.code, char_span(doc, text, p.start, p.end)) for p in parties(text)
                         if p.code]  # fmt: skip
        return doc


# --- the main event --------------------------------------------------------------------------


def _main_event(
    doc: Doc, text: Text, held: list[int], dates: list[TextDate], options: RegionalEvents
) -> Event | None:
    with_cue = [s for s in held if sentence_cues(text, s)]
    if not with_cue:
        return None
    older = _older_sentences(dates)
    recalled = {s for s in range(len(text.sentences))
                if s in older or cue_match(text, s, "earlier") is not None}  # fmt: skip
    with_cue.sort(key=lambda s: s in recalled)
    others = [s for s in [0, *with_cue[1:2]] if s not in recalled]
    candidates = list(dict.fromkeys([with_cue[0], *others]))
    chosen, type_, cue = with_cue[0], None, None
    heads = _heads_meet(doc, text, chosen)
    for sent in candidates:
        found_type, found_cue = sentence_type(text, sent, heads)
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


def _by_verb(text: Text, sent: int, cue: Cue | None) -> bool:
    """Whether an event word stands by the sentence's held verb, as its subject or object."""
    verb = cue_match(text, sent, "held")
    return cue is not None and verb is not None and cue.end >= verb - 2 and cue.start <= verb + 3


def _companions(doc: Doc, text: Text, main: Event) -> list[Event]:
    """Other events the main event's sentence reports held with it, on its date and at its
    place: one joined to it by "and" ("Tecrübe Değişimi Programı ve ... Temas Grubu
    Toplantısı ... gerçekleştirilmiştir") or held within its framework ("Forumu kapsamında
    ... programı ... gerçekleşti")."""
    chosen, primary = text.cache.get(("main",), (None, None))
    if primary is None:
        return []
    verb = cue_match(text, chosen, "held")
    before_verb = not languages.head_first(text.lang) and verb is not None
    out: list[Event] = []
    seen = {primary.type}
    for cue in sentence_cues(text, chosen):
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


def _companion_title(text: Text, cue: Cue) -> str:
    """ "Türk Konseyi Beşinci Diaspora Temas Grubu Toplantısı"; in Russian the event word
    and the genitives after it ("форума диаспор"), not the rest of the sentence."""
    if not languages.head_first(text.lang):
        named = Cue(cue.start, head_noun(text, cue.end - 1) + 1, cue.type, cue.oblique)
        return event_title(text, named, 20)
    end, hi = cue.end, text.sentences[text.words[cue.start].sent][1]
    while end < hi and text.words[end].kind == "word" and _genitive(text.words[end].text):
        end += 1
    return text.span_text(cue.start, end)


def _genitive(word: str) -> bool:
    return not word[:1].isdigit() and "gent" in morphology.russian_tags(word)


def _paired(text: Text, sent: int, primary: Cue, cue: Cue) -> bool:
    """Whether a second event phrase goes with the main one: joined to it, after it or
    before it ("Forumu kapsamında ... Toplantısı"), or, in Russian, named right after
    "в рамках" ("в рамках форума ... состоялся круглый стол")."""
    if cue.start >= primary.end:
        return _joined(text, sent, primary.end, cue.start)
    if cue.end <= primary.start:
        if languages.head_first(text.lang):
            framework = cue_match(text, sent, "framework")
            return framework is not None and 0 < cue.start - framework <= 2
        return _joined(text, sent, cue.end, primary.start)
    return False


def _joined(text: Text, sent: int, start: int, end: int) -> bool:
    """Whether the words between two event phrases join them: the rest of the first name
    (capitalised), then "and" or "within the framework of", then only the start of the second
    name ("Programı ve Türk Konseyi Beşinci Diaspora Temas ...", "Forumu kapsamında 2. ...")."""
    ands = languages.words(text.lang, "language", "and_words")
    framework = cue_match(text, sent, "framework")
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
    cue: Cue | None,
    type_: str,
    dates: list[TextDate],
    options: RegionalEvents,
) -> Event:
    sent = sentences[0]
    lo, hi = text.sentences[sent]
    span = char_span(doc, text, lo, hi) if hi > lo else doc[0:1]
    title = event_title(text, cue, options.max_title_words) if cue else sentence_text(text, sent)
    event = Event(span=span, title=" ".join(title.split())[:200], type=type_, main=True)
    _date_event(doc, text, event, sentences, dates, options)
    if not held_online(text, sentences):
        # the venue is the main sentence's or the headline's; a recalled event's is not
        venue_sentences = [sent, *(s for s in sentences[1:] if s == 0)]
        set_venue(doc, text, event, venue_sentences, dates)
        if event.city is None and event.country is None:
            set_lead_venue(doc, text, event, dates, options.today_sentences)
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
        date = closest_date(dates, candidate, cue_match(text, candidate, "held"))
        if date is not None:
            break
    published = findings(doc).published
    if date is None:
        event.start = (
            yesterday_date(text, sentences, published)
            or today_date(text, published, options.today_sentences)
            or this_month_date(doc, text, options.today_sentences)
        )
        if event.start is None:
            date = lead_date(text, dates, published, options.today_sentences)
    if date is not None:
        event.start, event.end = date.value, date.until
        event.date_span = char_span(doc, text, date.start, date.end)
