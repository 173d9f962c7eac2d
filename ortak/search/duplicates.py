"""Likely duplicate people, institutions and diaspora organizations, for editors to merge.

The names come from the index (every alias of a person, every translation of an
organization's name); `ortak.names.NameMatcher` blocks them on word skeletons, so each
name is compared with the few that share a close word, never with every other name.
Organizations in different host countries are never duplicates: the Kazakh cultural
centres of Berlin and of Paris are two. Institutions of two different states are never
duplicates either; the ingest pipeline makes new institutions from the names it reads, and
those are what this finds twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ortak.core.errors import ValidationError
from ortak.names import MATCH_THRESHOLD, NameMatcher
from ortak.registry.models import DiasporaOrganization, Institution
from ortak.search.models import Kind, SearchEntry

MODELS = {
    Kind.PERSON: "registry.person",
    Kind.INSTITUTION: "registry.institution",
    Kind.ORGANIZATION: "registry.diasporaorganization",
}
PARTNERS = 5  # closest other records each name is paired with


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two records that may be one, `first_id` < `second_id`, and how alike their names are."""

    kind: str
    first_id: int
    first_name: str
    second_id: int
    second_name: str
    score: float


# Finders of duplicates among records the index does not hold (experts, for their privacy),
# registered by their apps in AppConfig.ready(): kind -> finder(kind=, min_score=).
FINDERS: dict[str, Callable[..., list[DuplicatePair]]] = {}


def duplicates(
    *, kind: str = Kind.PERSON, min_score: float = MATCH_THRESHOLD
) -> list[DuplicatePair]:
    """Pairs of `kind` ("person", "institution" or "organization") whose names score
    `min_score` or more, most alike first; drafts included, as editors clean them up."""
    if kind not in MODELS:
        raise ValidationError(
            f"duplicates are looked for among {' and '.join(MODELS)}, not {kind!r}", code="E401"
        )
    entries = list(
        SearchEntry.objects.filter(model=MODELS[kind]).values_list("object_id", "name", "folded")
    )
    matcher = NameMatcher()
    for object_id, _, folded in entries:
        for name in folded.splitlines():
            matcher.add(object_id, name)
    scores = _pair_scores(matcher, entries, min_score)
    if kind == Kind.ORGANIZATION:
        scores = _same_host_country(scores)
    if kind == Kind.INSTITUTION:
        scores = _same_state(scores)
    names = {object_id: name for object_id, name, _ in entries}
    pairs = [
        DuplicatePair(kind, a, names[a], b, names[b], round(value, 4))
        for (a, b), value in scores.items()
    ]
    return sorted(pairs, key=lambda p: (-p.score, p.first_id, p.second_id))


def _pair_scores(
    matcher: NameMatcher, entries: list[tuple[int, str, str]], min_score: float
) -> dict[tuple[int, int], float]:
    """The best score of each pair of records any of whose names match."""
    scores: dict[tuple[int, int], float] = {}
    for object_id, _, folded in entries:
        for name in folded.splitlines():
            for match in matcher.match(name, limit=PARTNERS + 1, min_score=min_score):
                if match.key != object_id:
                    pair = (min(object_id, match.key), max(object_id, match.key))
                    scores[pair] = max(scores.get(pair, 0.0), match.score)
    return scores


def _same_host_country(scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    ids = {pk for pair in scores for pk in pair}
    country = dict(
        DiasporaOrganization.objects.filter(pk__in=ids).values_list("pk", "host_country")
    )
    return {pair: v for pair, v in scores.items() if country.get(pair[0]) == country.get(pair[1])}


def _same_state(scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Institutions of one state, or one of them of no state yet (a fresh ingest draft)."""
    ids = {pk for pair in scores for pk in pair}
    state = dict(Institution.objects.filter(pk__in=ids).values_list("pk", "state_id"))
    return {
        pair: value
        for pair, value in scores.items()
        if None in (state.get(pair[0]), state.get(pair[1]))
        or state.get(pair[0]) == state.get(pair[1])
    }
