"""Every read of plans: activity plans, their measures, progress and the figures for charts.

The public sees published plans and measures only; every selector takes `published_only`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from ortak.core.models import Publication
from ortak.plans.models import ActivityPlan, Measure, MeasureStatus, Progress

PUBLISHED = Q(publication=Publication.PUBLISHED)


@dataclass(frozen=True)
class PlanFilters:
    """The facets of the plans list."""

    year: int | None = None  # plans that cover this year


@dataclass(frozen=True)
class PlanProgress:
    """How far a plan has come: measures by status, and the share done."""

    total: int
    by_status: dict[str, int]

    @property
    def done(self) -> int:
        return self.by_status.get(MeasureStatus.DONE, 0)

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def all_statuses(self) -> dict[str, int]:
        """Every status in its order, zero where no measure has it."""
        return {status: self.by_status.get(status, 0) for status in MeasureStatus.values}


def _published(queryset: QuerySet, published_only: bool) -> QuerySet:
    return queryset.filter(PUBLISHED) if published_only else queryset


def _measures(published_only: bool) -> QuerySet[Measure]:
    return _published(Measure.objects.all(), published_only)


def _institution_prefetches(published_only: bool) -> list[Prefetch]:
    """A measure's responsible and partner institutions, as `responsible_list`, `partner_list`."""
    from ortak.registry.models import Institution

    institutions = _published(Institution.objects.order_by("name"), published_only)
    return [
        Prefetch("responsible", institutions, to_attr="responsible_list"),
        Prefetch("partners", institutions, to_attr="partner_list"),
    ]


def plan_list(
    *, published_only: bool = True, filters: PlanFilters | None = None
) -> QuerySet[ActivityPlan]:
    """Plans, latest first, each with `measure_count` and `done_count`."""
    plans = _published(ActivityPlan.objects.select_related("strategy"), published_only)
    if filters and filters.year:
        plans = plans.filter(year_from__lte=filters.year, year_to__gte=filters.year)
    measures = Q(measures__publication=Publication.PUBLISHED) if published_only else Q()
    return plans.annotate(
        measure_count=Count("measures", filter=measures),
        done_count=Count("measures", filter=measures & Q(measures__status=MeasureStatus.DONE)),
    ).order_by("-year_from", "-year_to", "title")


def plan_facets(plans: QuerySet[ActivityPlan]) -> dict[str, list[dict]]:
    """The years the listed plans cover, with the number of plans covering each."""
    spans = plans.order_by().values_list("year_from", "year_to")
    years: dict[int, int] = {}
    for first, last in spans:
        for year in range(first, last + 1):
            years[year] = years.get(year, 0) + 1
    return {"year": [{"year": y, "count": n} for y, n in sorted(years.items(), reverse=True)]}


def plan_get(*, pk: int, published_only: bool = True) -> ActivityPlan:
    """One plan with its measures (responsible and partner institutions prefetched)."""
    measures = (
        _measures(published_only)
        .select_related("series")
        .prefetch_related(*_institution_prefetches(published_only))
        .order_by("number", "id")
    )
    plans = _published(
        ActivityPlan.objects.select_related("strategy", "adopted_at"), published_only
    ).prefetch_related(Prefetch("measures", measures, to_attr="measure_list"))
    plan = plans.filter(pk=pk).first()
    if plan is None:
        raise Http404("no such plan")
    return plan


def plan_current(*, today: dt.date, published_only: bool = True) -> ActivityPlan | None:
    """The plan covering this year, else the latest one."""
    plans = _published(ActivityPlan.objects.all(), published_only).order_by("-year_from")
    covering = plans.filter(year_from__lte=today.year, year_to__gte=today.year).first()
    return covering or plans.first()


def plan_progress(*, plan: ActivityPlan, published_only: bool = True) -> PlanProgress:
    rows = (
        _measures(published_only)
        .filter(plan=plan)
        .order_by()
        .values("status")
        .annotate(count=Count("id"))
    )
    by_status = {row["status"]: row["count"] for row in rows}
    return PlanProgress(total=sum(by_status.values()), by_status=by_status)


def measure_list(
    *, published_only: bool = True, plan: int | None = None, status: str = ""
) -> QuerySet[Measure]:
    measures = _measures(published_only).select_related("plan")
    if published_only:
        measures = measures.filter(plan__publication=Publication.PUBLISHED)
    if plan:
        measures = measures.filter(plan_id=plan)
    if status:
        measures = measures.filter(status=status)
    return measures.order_by("plan", "number", "id")


def measure_get(*, pk: int, published_only: bool = True) -> Measure:
    """One measure with its institutions, its progress notes and the events that serve it."""
    from ortak.events.models import Event

    progress = Progress.objects.select_related("event").order_by("-date", "-id")
    events = Event.objects.order_by("-start_date")
    if published_only:
        # A note that points to a draft event is kept; the page links published events only.
        events = events.filter(PUBLISHED)
    measures = (
        measure_list(published_only=published_only)
        .select_related("series")
        .prefetch_related(
            *_institution_prefetches(published_only),
            Prefetch("progress", progress, to_attr="progress_list"),
            Prefetch("events", events, to_attr="event_list"),
        )
    )
    measure = measures.filter(pk=pk).first()
    if measure is None:
        raise Http404("no such measure")
    return measure


def measures_by_status(*, published_only: bool = True, plan: int | None = None) -> dict[str, int]:
    """Number of measures in each status, every status present (zero where none)."""
    rows = (
        measure_list(published_only=published_only, plan=plan)
        .order_by()
        .values("status")
        .annotate(count=Count("id"))
    )
    counts = {row["status"]: row["count"] for row in rows}
    return {status: counts.get(status, 0) for status in MeasureStatus.values}
