"""Link what an article names to the registry: states, institutions, people, series.

Matching goes through ortak.names, so "Чивилер", "Civiler" and "Çiviler" are one person
and "Turkic Council" is the Organization of Turkic States.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ortak.events.matching import series_named
from ortak.events.models import EventSeries
from ortak.ingest.extract.linking import INSTITUTION_MATCH, institution_key
from ortak.names import MATCH_THRESHOLD, fold, similarity
from ortak.reference.ordinals import round_number
from ortak.registry.models import Institution, InstitutionName, Person, State
from ortak.registry.services import state_for_code
from ortak.search.selectors import search

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
    return best if best_score >= MATCH_THRESHOLD else None


def _candidates(name: str, kind: str, model):
    """The few records the search index finds for `name`, drafts included."""
    hits = search(name, kinds=[kind], published_only=False, limit=5)
    by_id = model.objects.in_bulk([hit.object_id for hit in hits])
    return [by_id[hit.object_id] for hit in hits if hit.object_id in by_id]


def series_link(title: str, event_type: str) -> tuple[EventSeries | None, int | None]:
    """The recurring format a numbered event belongs to, and its round, in any language."""
    number = round_number(title)
    if number is None:
        return None, None
    series = series_named(title, event_type)
    return (series, number) if series else (None, None)
