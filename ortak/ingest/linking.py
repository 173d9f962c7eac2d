"""Link what an article names to the registry: states, institutions, people, series.

Matching goes through ortak.names, so "Чивилер", "Civiler" and "Çiviler" are one person
and "Turkic Council" is the Organization of Turkic States.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ortak.events.models import EventSeries
from ortak.ingest.extract.linking import INSTITUTION_MATCH, institution_key
from ortak.names import fold, similarity
from ortak.registry.models import Institution, InstitutionName, Person, State
from ortak.registry.services import state_for_code
from ortak.search.selectors import search

PERSON_MATCH = 0.9  # ortak.names.similarity at or above which two spellings are one person
# Institutions: the extractor's threshold (rapidfuzz token-sort ratio of folded names,
# filler words aside), so the record and the registry link a name alike.


def state_link(code: str) -> State:
    return state_for_code(code)


def institution_link(name: str) -> Institution | None:
    """The registry institution `name` names: an exact name first, then a close one."""
    exact = InstitutionName.objects.filter(folded=fold(name)).select_related("institution")
    if exact:
        return exact[0].institution
    key = institution_key(name)
    if len(key.split()) < 2:
        return None  # "Committee" alone names nothing in particular
    best, best_score = None, 0.0
    for institution in _candidates(name, "institution", Institution):
        for text in institution.name_history.values_list("text", flat=True):
            score = fuzz.token_sort_ratio(key, institution_key(text))
            if score > best_score:
                best, best_score = institution, score
    return best if best_score >= INSTITUTION_MATCH else None


def person_link(name: str) -> Person | None:
    """The registry person with a spelling close to `name`, in any script (ortak.search)."""
    best, best_score = None, 0.0
    for person in _candidates(name, "person", Person):
        for alias in person.aliases.values_list("text", flat=True):
            score = similarity(alias, name)
            if score > best_score:
                best, best_score = person, score
    return best if best_score >= PERSON_MATCH else None


def _candidates(name: str, kind: str, model):
    """The few records the search index finds for `name`, drafts included."""
    hits = search(name, kinds=[kind], published_only=False, limit=5)
    by_id = model.objects.in_bulk([hit.object_id for hit in hits])
    return [by_id[hit.object_id] for hit in hits if hit.object_id in by_id]


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ORDINAL = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(_ORDINALS) + r")|([IVX]{1,4}))\b",
    re.IGNORECASE,
)


def round_number(title: str) -> int | None:
    """The round a title names: "5th meeting", "Second Forum", "III Forum" -> 5, 2, 3."""
    match = _ORDINAL.search(title)
    if not match:
        return None
    digits, word, roman = match.groups()
    if digits:
        return int(digits)
    if word:
        return _ORDINALS[word.lower()]
    return _roman(roman) if roman.isupper() else None


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for current, following in zip(text, [*text[1:], ""], strict=True):
        value = values[current]
        total += -value if following and values[following] > value else value
    return total


def series_link(title: str, event_type: str) -> tuple[EventSeries | None, int | None]:
    """The recurring format a numbered event belongs to, and its round."""
    number = round_number(title)
    if number is None:
        return None, None
    folded = fold(title)
    for series in EventSeries.objects.filter(event_type=event_type):
        names = [series.name, *series.aliases]
        if any(fuzz.partial_ratio(fold(n), folded) >= 90 for n in names if len(n) > 8):
            return series, number
    return None, None
