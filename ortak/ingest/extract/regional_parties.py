"""The states that take part in an event, as an article in one of the region's languages
lists them by their delegations: "делегации Азербайджана, Узбекистана и Турции",
"представители из Казахстана", "Azerbaycan, Kazakistan ve Türkiye heyetleri",
"Qazaqstan men Ózbekstannan kelgen ókilder".

A word for the people who come for a state, or for taking part ("при участии", "katılımıyla",
"қатысты"; patterns/<lang>/places.yaml `party_words`, stems), stands next to a list of states
in whatever case the language puts them: after it in Russian (the genitive, or "из" and the
genitive), before it in the Turkic languages. Words allowed between the two ("из", "gelen",
"ölkələrinin") are `party_links`. Plain Python over the analysed text.
"""

from __future__ import annotations

from ortak.ingest.extract import languages
from ortak.ingest.extract.regional_text import PlaceName, Text


def parties(text: Text) -> list[PlaceName]:
    """The states the text lists as sending delegations, representatives or participants."""
    found: list[PlaceName] = []
    words = languages.stems(text.lang, "places", "party_words")
    if not words:
        return found
    for k, word in enumerate(text.words):
        if word.kind == "word" and languages.starts_with_any(word.lower, words):
            listed = _after(text, k) if languages.head_first(text.lang) else _before(text, k)
            found += [p for p in listed if p not in found]
    return found


def _after(text: Text, k: int) -> list[PlaceName]:
    """ "делегации Азербайджана, Узбекистана и Турции", "участники из Казахстана"."""
    links = languages.words(text.lang, "places", "party_links")
    start = k + 1
    while start < len(text.words) and text.words[start].lower in links:
        start += 1
    return _listed(text, start, 1)


def _before(text: Text, k: int) -> list[PlaceName]:
    """ "Azerbaycan, Kazakistan ve Türkiye heyetleri", "Türkiye'den gelen temsilciler"."""
    links = languages.words(text.lang, "places", "party_links")
    end = k - 1
    while end >= 0 and text.words[end].lower in links:
        end -= 1
    return _listed(text, end, -1)


def _listed(text: Text, k: int, step: int) -> list[PlaceName]:
    """The states of a list of names joined by commas and "and", read from word `k` on in
    the direction `step`; none where no state stands at `k`."""
    ands = languages.words(text.lang, "language", "and_words")
    sent = text.words[k].sent if 0 <= k < len(text.words) else -1
    found: list[PlaceName] = []
    while 0 <= k < len(text.words) and text.words[k].sent == sent:
        place = text.place_at(k)
        if place is None or place.kind != "country":
            break
        if place.code:
            found.append(place)
        k = place.end if step > 0 else place.start - 1
        if 0 <= k < len(text.words) and (text.words[k].text == "," or text.words[k].lower in ands):
            k += step
            continue
        break
    return found
