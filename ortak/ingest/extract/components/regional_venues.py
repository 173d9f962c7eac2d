"""Where an event of an article in one of the region's languages is held.

A venue is a place in the locative ("Bakıda", "Астанада"), after "в" or a city word ("в
Ташкенте", "Ankara şehrinde"), or a locative made an adjective before a locative noun
("Vashingtondagi elchixonasida"); a place a Russian participle governs ("проделанную в Москве
работу"), an agency's dateline and a sentence that recalls an earlier event name no venue. An
event held online has none. The events reader (regional_events) and the planned events
(regional_planned) set their cities with these.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ortak.ingest.extract import languages
from ortak.ingest.extract.components.regional_cues import cue_match, lowered_sentence, short_line
from ortak.ingest.extract.components.regional_dates import TextDate
from ortak.ingest.extract.components.regional_entities import char_span
from ortak.ingest.extract.findings import Event, Place
from ortak.ingest.extract.regional_text import PlaceName, Text
from ortak.names import morphology

# The locative endings of the Turkic languages ("Bakıda", "Астанада").
LOCATIVE = ("da", "de", "ta", "te", "də", "да", "де", "та", "те", "до", "дө", "то", "тө")
# The locative made an adjective ("Vashingtondagi elchixonasida": at the embassy in Washington).
_RELATIVE = ("dagi", "daki", "dakı", "dəki", "deki", "taki", "teki", "daǵy", "degi", "taǵy",
             "tegi", "дагы", "даги", "деги", "дагі", "дағы", "дегі", "тағы", "тегі", "тагы",
             "теги", "догу", "дөгү")  # fmt: skip


def set_venue(
    doc: Doc, text: Text, event: Event, sentences: list[int], dates: list[TextDate]
) -> None:
    """The venue the event's sentences name; else the one city the article names, unless a
    sentence of an earlier event names it."""
    verb = cue_match(text, sentences[0], "held")
    for sent in dict.fromkeys(sentences):
        venues = venues_in(text, sent)
        cities = [p for p in venues if p.kind == "city"]
        if cities:
            city = cities[0] if languages.head_first(text.lang) else _before(cities, verb)
            set_city(doc, text, event, city)
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
        set_city(doc, text, event, next(iter(named.values())))


def held_online(text: Text, sentences: list[int]) -> bool:
    """ "videokonferensiya shaklida", "в режиме онлайн": the event's sentences say it was held
    online, where it has no venue."""
    pattern = languages.cue_pattern(text.lang, "places", "online")
    return pattern is not None and any(
        pattern.search(lowered_sentence(text, s)) for s in dict.fromkeys(sentences)
    )


def set_lead_venue(doc: Doc, text: Text, event: Event, dates: list[TextDate], limit: int) -> None:
    """An event whose own sentences name no place is held where the lead says something
    happens: the first city named as a venue in the body's first `limit` sentences that
    recalls no earlier event."""
    body = [s for s in range(len(text.sentences)) if not short_line(text, s)][:limit]
    for sent in body:
        if _recalled(text, sent, event, dates):
            continue
        cities = [p for p in venues_in(text, sent) if p.kind == "city"]
        if cities:
            set_city(doc, text, event, cities[0])
            return


def _recalled(text: Text, sent: int, event: Event, dates: list[TextDate]) -> bool:
    """A sentence of an earlier event: a word of one ("last year", "recall"), or a date of a
    year before the event's ("the summit held in Istanbul on 12 November 2021")."""
    if cue_match(text, sent, "earlier") is not None:
        return True
    year = event.start.date.year if event.start else None
    return year is not None and any(d.sent == sent and d.value.date.year < year for d in dates)


def _before(cities: list[PlaceName], verb: int | None) -> PlaceName:
    if verb is None:
        return cities[-1]
    before = [c for c in cities if c.start < verb]
    return before[-1] if before else cities[-1]


def set_city(doc: Doc, text: Text, event: Event, city: PlaceName) -> None:
    """Make the city the event's venue, and its state the event's country."""
    span = char_span(doc, text, city.start, city.end)
    event.city = Place(span=span, kind="city", name=city.name or "", country=city.code, venue=True)
    event.country, event.country_span = city.code, span


def venues_in(text: Text, sent: int) -> list[PlaceName]:
    """The places the sentence names as where something is: "в Ташкенте", "Bakıda"."""
    lo, hi = text.sentences[sent]
    city_words = languages.words(text.lang, "places", "city_words")
    found = []
    for place in text.places:
        if not lo <= place.start < hi:
            continue
        before = text.words[place.start - 1].lower if place.start > lo else ""
        after = text.words[place.end].lower if place.end < hi else ""
        if (
            place.ending.endswith(LOCATIVE)
            or before in ("в", "во")
            or before in city_words
            or (after in city_words and after.endswith((*LOCATIVE, "е")))
            or (place.ending.endswith(_RELATIVE) and after.endswith(LOCATIVE))
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
