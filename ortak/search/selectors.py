"""Every read of the search index: `search` for the portal's box and the ingest linker,
`duplicates` for the registry's clean-up.

`search` folds the query as the index folds names, so "Чивилер", "civiler" and "Çiviler"
find the same person, "Turkic Council" the OTS and "Qazaqstan" Kazakhstan. Lookups run in
stages (`terms.plan`), each one only while the stricter ones left room, and the few
candidates are ranked with `ortak.names.similarity` (`ranking.rank`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ortak.core.errors import ValidationError
from ortak.names import MATCH_THRESHOLD
from ortak.search.backends import Filters, SearchBackend, backend_for
from ortak.search.documents import url_for
from ortak.search.duplicates import (
    DuplicateCandidate,
    DuplicatePair,
    duplicates,
    duplicates_to_merge,
)
from ortak.search.models import Kind
from ortak.search.ranking import FUZZY, Candidate, Ranked, band, rank
from ortak.search.terms import Clause, QueryPlan, Stage, plan

KINDS: tuple[str, ...] = tuple(Kind.values)
CANDIDATES = 50  # entries a lookup stage fetches; similarity re-ranks no more than these

__all__ = [
    "KINDS",
    "DuplicateCandidate",
    "DuplicatePair",
    "SearchHit",
    "duplicates",
    "duplicates_to_merge",
    "search",
]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record found. `state` is the state's key, `year` the first year it spans.

    `model` tells the two kinds of plan apart ("plans.strategy", "plans.activityplan").
    """

    kind: str
    object_id: int
    name: str
    score: float
    url: str
    state: str | None
    year: int | None
    published: bool
    model: str = ""


def search(
    query: str,
    *,
    kinds: Sequence[str] | None = None,
    state: str | None = None,
    year: int | None = None,
    published_only: bool = True,
    limit: int = 20,
) -> list[SearchHit]:
    """The records `query` names, best first: exact names, then prefixes, then near ones.

    `kinds` (None or empty: every kind) are among KINDS, else ortak.E401. `state` is a
    state's key (AZ); `year` keeps records spanning that year. Published records come
    before drafts, and the public (`published_only`, the default) sees no drafts.
    """
    query_plan = plan(query or "")
    if query_plan is None or limit <= 0:
        return []
    filters = Filters(
        kinds=_kinds(kinds),
        state=state.upper() if state else None,
        year=year,
        published=True if published_only else None,
    )
    ranked = _ranked(backend_for(), query_plan, filters, limit)
    return [_hit(hit) for hit in ranked[:limit]]


def _ranked(
    backend: SearchBackend, query_plan: QueryPlan, filters: Filters, limit: int
) -> list[Ranked]:
    """The plan's stages, its fallbacks when they found no good match, and the backend's
    last resort (pg_trgm) when no term matched at all; ranked."""
    stages = [stage for stage in query_plan.stages if not stage.fallback]
    found = _gather(backend, query_plan, stages, filters, limit, {})
    ranked = rank(query_plan, found.values())
    fallbacks = [stage for stage in query_plan.stages if stage.fallback]
    if fallbacks and not _good(ranked):
        found = _gather(backend, query_plan, fallbacks, filters, len(found) + limit, found)
        ranked = rank(query_plan, found.values())
    if not ranked:
        ranked = rank(query_plan, backend.fallback(query_plan, filters, CANDIDATES))
    return ranked


def _good(ranked: list[Ranked]) -> bool:
    """Whether an exact or prefix match, or a spelling of the same name, was found."""
    return any(r.band < FUZZY or r.score >= MATCH_THRESHOLD for r in ranked)


def _kinds(kinds: Sequence[str] | None) -> tuple[str, ...]:
    if not kinds:
        return ()
    if isinstance(kinds, str):
        kinds = [kinds]
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ValidationError(
            f"search knows no kind {', '.join(map(repr, unknown))}; use {', '.join(KINDS)}",
            code="E401",
        )
    return tuple(dict.fromkeys(kinds))


def _gather(
    backend: SearchBackend,
    query_plan: QueryPlan,
    stages: list[Stage],
    filters: Filters,
    enough: int,
    found: dict[int, Candidate],
) -> dict[int, Candidate]:
    """Add the candidates of each stage to `found`, while fewer than `enough` of them are
    exact or prefix matches (for the fallbacks: fewer than `enough` at all)."""
    size = max(CANDIDATES, enough)
    strong = sum(band(query_plan, candidate) < FUZZY for candidate in found.values())
    for stage in stages:
        if (len(found) if stage.fallback else strong) >= enough:
            break
        for candidate in _lookup(backend, stage.clause, filters, size):
            if candidate.id not in found:
                found[candidate.id] = candidate
                strong += band(query_plan, candidate) < FUZZY
    return found


def _lookup(backend: SearchBackend, clause: Clause, filters: Filters, size: int) -> list[Candidate]:
    """Published entries first when drafts are wanted too, so a draft never crowds one out."""
    if filters.published is not None:
        return backend.candidates(clause, filters, size)
    published = backend.candidates(clause, replace(filters, published=True), size)
    if len(published) >= size:
        return published
    drafts = backend.candidates(clause, replace(filters, published=False), size - len(published))
    return published + drafts


def _hit(ranked: Ranked) -> SearchHit:
    found = ranked.candidate
    return SearchHit(
        kind=found.kind,
        object_id=found.object_id,
        name=found.name,
        score=round(ranked.score, 4),
        url=url_for(found.model, found.object_id, found.state),
        state=found.state or None,
        year=found.year,
        published=found.published,
        model=found.model,
    )
