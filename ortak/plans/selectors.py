"""Every read of plans: activity plans, their measures with the status their evidence gives,
progress by status, state, institution and program, the links awaiting review.

The public sees published plans, measures and events only; every selector takes
`published_only`. Statuses are derived as of a day (ortak.plans.status).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ortak.core.models import Publication
from ortak.events.models import Event, EventStatus, Source
from ortak.plans.models import (
    ActivityPlan,
    LinkState,
    Measure,
    MeasureDecision,
    MeasureLink,
    MeasureStatus,
    Progress,
    ReportJob,
)
from ortak.plans.status import event_day, measure_status

PUBLISHED = Q(publication=Publication.PUBLISHED)
DUE_SOON = dt.timedelta(days=60)


@dataclass(frozen=True)
class PlanFilters:
    """The facets of the plans list."""

    year: int | None = None  # plans that cover this year


@dataclass(frozen=True)
class PlanProgress:
    """How far a plan has come: measures by status, and the share held."""

    total: int
    by_status: dict[str, int]

    @property
    def done(self) -> int:
        return self.by_status.get(MeasureStatus.HELD, 0)

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def all_statuses(self) -> dict[str, int]:
        """Every status in its order, zero where no measure has it."""
        return {status: self.by_status.get(status, 0) for status in MeasureStatus.values}


@dataclass
class MeasureState:
    """A measure's status on a day and the published events linked to it, in time order."""

    status: str
    events: list[Event] = field(default_factory=list)
    decisions: list[MeasureDecision] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(MeasureStatus(self.status).label)


def _published(queryset: QuerySet, published_only: bool) -> QuerySet:
    return queryset.filter(PUBLISHED) if published_only else queryset


def _measures(published_only: bool) -> QuerySet[Measure]:
    return _published(Measure.objects.all(), published_only)


def _institution_prefetches(published_only: bool) -> list[Prefetch]:
    """A measure's responsible and partner institutions, as `responsible_list`, `partner_list`."""
    from ortak.registry.models import Institution

    institutions = _published(
        Institution.objects.select_related("state").order_by("name"), published_only
    )
    return [
        Prefetch("responsible", institutions, to_attr="responsible_list"),
        Prefetch("partners", institutions, to_attr="partner_list"),
    ]


def measure_statuses(measures: Iterable[Measure], *, as_of: dt.date) -> dict[int, MeasureState]:
    """Each measure's status on `as_of`, from its linked published events and decisions.

    Also sets `status`, `status_label` and `linked_events` on each measure, for templates.
    """
    measures = list(measures)
    ids = [measure.pk for measure in measures]
    sources = Source.objects.filter(PUBLISHED).only("id", "published", "url", "title")
    links = (
        MeasureLink.objects.filter(measure_id__in=ids, state=LinkState.LINKED)
        .filter(event__publication=Publication.PUBLISHED)
        .select_related("event", "event__state")
        .prefetch_related(Prefetch("event__sources", sources, to_attr="source_list"))
    )
    events: dict[int | None, list[Event]] = defaultdict(list)  # links of the plan: None
    for link in links:
        events[link.measure_id].append(link.event)
    decisions: dict[int, list[MeasureDecision]] = defaultdict(list)
    for decision in MeasureDecision.objects.filter(measure_id__in=ids).select_related("source"):
        decisions[decision.measure_id].append(decision)
    states = {}
    for measure in measures:
        linked = sorted(events[measure.pk], key=lambda e: (event_day(e) or dt.date.max, e.pk))
        status = measure_status(
            due=measure.due, events=linked, decisions=decisions[measure.pk], as_of=as_of
        )
        state = MeasureState(status, linked, decisions[measure.pk])
        measure.status, measure.status_label, measure.linked_events = status, state.label, linked
        measure.decision_list = decisions[measure.pk]
        states[measure.pk] = state
    return states


def plan_list(
    *, published_only: bool = True, filters: PlanFilters | None = None
) -> QuerySet[ActivityPlan]:
    """Plans, latest first, each with `measure_count` and `done_count` (measures held)."""
    plans = _published(ActivityPlan.objects.select_related("strategy"), published_only)
    if filters and filters.year:
        plans = plans.filter(year_from__lte=filters.year, year_to__gte=filters.year)
    measures = Q(measures__publication=Publication.PUBLISHED) if published_only else Q()
    held = Q(
        measures__links__state=LinkState.LINKED,
        measures__links__event__status=EventStatus.HELD,
        measures__links__event__publication=Publication.PUBLISHED,
    )
    return plans.annotate(
        measure_count=Count("measures", filter=measures, distinct=True),
        done_count=Count("measures", filter=measures & held, distinct=True),
    ).order_by("-year_from", "-year_to", "title")


def plan_facets(plans: QuerySet[ActivityPlan]) -> dict[str, list[dict]]:
    """The years the listed plans cover, with the number of plans covering each."""
    spans = plans.order_by().values_list("year_from", "year_to")
    years: dict[int, int] = {}
    for first, last in spans:
        for year in range(first, last + 1):
            years[year] = years.get(year, 0) + 1
    return {"year": [{"year": y, "count": n} for y, n in sorted(years.items(), reverse=True)]}


def plan_get(*, pk: int, published_only: bool = True, as_of: dt.date | None = None) -> ActivityPlan:
    """One plan with its measures (`measure_list`, institutions prefetched, each with its
    status on `as_of`, today by default)."""
    measures = (
        _measures(published_only)
        .select_related("series", "host")
        .prefetch_related(*_institution_prefetches(published_only))
        .order_by("number", "id")
    )
    plans = _published(
        ActivityPlan.objects.select_related("strategy", "adopted_at"), published_only
    ).prefetch_related(Prefetch("measures", measures, to_attr="measure_list"))
    plan = plans.filter(pk=pk).first()
    if plan is None:
        raise Http404("no such plan")
    measure_statuses(plan.measure_list, as_of=as_of or timezone.localdate())
    return plan


def plan_find(*, key: str | None, as_of: dt.date, published_only: bool = False) -> ActivityPlan:
    """A plan by id or title; without a key, the one covering `as_of`, else the latest (E253)."""
    plans = _published(ActivityPlan.objects.all(), published_only)
    if key:
        found = plans.filter(pk=int(key)) if key.isdigit() else plans.filter(title__iexact=key)
        found = found or plans.filter(title__icontains=key)
    else:
        found = plans.filter(year_from__lte=as_of.year, year_to__gte=as_of.year)
        found = found or plans
    plan = found.order_by("-year_from", "-pk").first()
    if plan is None:
        from ortak.core.errors import ValidationError

        what = f"no plan is called or numbered {key!r}" if key else "there is no plan yet"
        raise ValidationError(
            f"{what}; `ortak plan-status` without a plan lists the latest", code="E253"
        )
    return plan_get(pk=plan.pk, published_only=published_only, as_of=as_of)


def plan_current(*, today: dt.date, published_only: bool = True) -> ActivityPlan | None:
    """The plan covering this year, else the latest one."""
    plans = _published(ActivityPlan.objects.all(), published_only).order_by("-year_from")
    covering = plans.filter(year_from__lte=today.year, year_to__gte=today.year).first()
    return covering or plans.first()


def plan_progress(
    *, plan: ActivityPlan, published_only: bool = True, as_of: dt.date | None = None
) -> PlanProgress:
    """Measures by status; uses the statuses `plan_get` set when they are there."""
    measures = getattr(plan, "measure_list", None)
    if measures is None:
        measures = list(_measures(published_only).filter(plan=plan))
        measure_statuses(measures, as_of=as_of or timezone.localdate())
    counts = Counter(measure.status for measure in measures)
    return PlanProgress(total=len(measures), by_status=dict(counts))


def progress_by(plan: ActivityPlan, dimension: str) -> list[tuple[str, dict[str, int]]]:
    """Measures of a plan (from `plan_get`) by status, per host state, responsible
    institution or program: [(label, {status: count})], largest first."""
    rows: dict[str, Counter] = defaultdict(Counter)
    for measure in plan.measure_list:
        for label in _labels(measure, dimension):
            rows[label][measure.status] += 1
    ordered = sorted(rows.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return [
        (label, {s: counts.get(s, 0) for s in MeasureStatus.values}) for label, counts in ordered
    ]


def _labels(measure: Measure, dimension: str) -> list[str]:
    from django.utils.translation import get_language

    language = (get_language() or "en").split("-")[0]
    if dimension == "state":
        states = {i.state.name_in(language) for i in measure.responsible_list if i.state}
        return sorted(states) or ["—"]
    if dimension == "institution":
        return [i.name_in(language) for i in measure.responsible_list] or ["—"]
    if measure.series:
        return [measure.series.name_in(language)]
    return [_type_label(measure.event_type)]


def _type_label(event_type: str) -> str:
    from ortak.events.models import EventType

    return str(EventType(event_type).label) if event_type in EventType.values else "—"


def measures_overdue(plan: ActivityPlan) -> list[Measure]:
    return [m for m in plan.measure_list if m.status == MeasureStatus.OVERDUE]


def measure_list(
    *, published_only: bool = True, plan: int | None = None, status: str = ""
) -> QuerySet[Measure]:
    measures = _measures(published_only).select_related("plan")
    if published_only:
        measures = measures.filter(plan__publication=Publication.PUBLISHED)
    if plan:
        measures = measures.filter(plan_id=plan)
    return measures.order_by("plan", "number", "id")


def measure_list_with_status(
    *, published_only: bool = True, plan: int | None = None, status: str = "", as_of: dt.date
) -> list[Measure]:
    """Measures with their status on `as_of`, only those in `status` when given."""
    measures = list(measure_list(published_only=published_only, plan=plan))
    measure_statuses(measures, as_of=as_of)
    return [m for m in measures if not status or m.status == status]


def measure_get(*, pk: int, published_only: bool = True, as_of: dt.date | None = None) -> Measure:
    """One measure with its institutions, progress notes, decisions and linked events."""
    progress = Progress.objects.select_related("event").order_by("-date", "-id")
    measures = (
        measure_list(published_only=published_only)
        .select_related("series", "host")
        .prefetch_related(
            *_institution_prefetches(published_only),
            Prefetch("progress", progress, to_attr="progress_list"),
        )
    )
    measure = measures.filter(pk=pk).first()
    if measure is None:
        raise Http404("no such measure")
    measure_statuses([measure], as_of=as_of or timezone.localdate())
    return measure


def measures_by_status(
    *, published_only: bool = True, plan: int | None = None, as_of: dt.date | None = None
) -> dict[str, int]:
    """Number of measures in each status, every status present (zero where none)."""
    measures = measure_list_with_status(
        published_only=published_only, plan=plan, as_of=as_of or timezone.localdate()
    )
    counts = Counter(measure.status for measure in measures)
    return {status: counts.get(status, 0) for status in MeasureStatus.values}


def measures_due_for(
    *, institution_ids: Sequence[int], state_ids: Sequence[int], as_of: dt.date
) -> list[Measure]:
    """Measures an editor's institutions or states are responsible for, overdue or due within
    two months and not yet held, the most pressing first."""
    measures = list(
        Measure.objects.filter(
            Q(responsible__in=institution_ids) | Q(responsible__state__in=state_ids)
        )
        .filter(due_date__lte=as_of + DUE_SOON)
        .select_related("plan")
        .distinct()
    )
    measure_statuses(measures, as_of=as_of)
    waiting = (MeasureStatus.OVERDUE, MeasureStatus.NOT_STARTED, MeasureStatus.SCHEDULED)
    due = [m for m in measures if m.status in waiting]
    return sorted(due, key=lambda m: (m.status != MeasureStatus.OVERDUE, m.due_until or as_of))


def link_proposals(*, plan: int | None = None) -> QuerySet[MeasureLink]:
    """Links waiting for a reviewer, with their event, measure and its sources."""
    links = MeasureLink.objects.filter(state=LinkState.PROPOSED).select_related(
        "event", "measure", "plan"
    )
    if plan:
        links = links.filter(plan_id=plan)
    return links.prefetch_related("event__sources").order_by("event_id", "-score", "pk")


def plan_links(*, plan: ActivityPlan) -> list[MeasureLink]:
    """Events whose articles name the plan as their framework (not tied to one measure)."""
    links = MeasureLink.objects.filter(plan=plan, measure=None, state=LinkState.LINKED)
    return list(links.filter(event__publication=Publication.PUBLISHED).select_related("event"))


def event_sentences(events: Iterable[Event]) -> dict[int, str]:
    """For each event, the article's sentence that ties it to a plan (its framework), else the
    one that reports it: the evidence a reader checks."""
    from ortak.ingest.models import Review

    ids = {event.pk for event in events}
    found: dict[int, str] = {}
    for review in Review.objects.filter(events__in=ids).distinct().only("evidence", "event_map"):
        by_path = {item.get("path"): item.get("sentence") for item in review.evidence}
        for key, pk in review.event_map.items():
            if pk in ids and pk not in found:
                sentence = by_path.get(f"{key}.framework") or by_path.get(f"{key}.title")
                if sentence:
                    found[pk] = sentence
    return found


def plan_changed_at(*, plan_id: int) -> dt.datetime | None:
    """The latest recorded change to what a plan's report shows: the plan, its measures
    (deleted ones too), their decisions, its links to events and the linked events."""
    linked = MeasureLink.objects.filter(plan_id=plan_id).values("event_id")
    histories = [
        ActivityPlan.history.filter(id=plan_id),
        Measure.history.filter(plan_id=plan_id),
        MeasureDecision.history.filter(measure__plan_id=plan_id),
        MeasureLink.history.filter(plan_id=plan_id),
        Event.history.filter(id__in=linked),
    ]
    dates = [history.aggregate(latest=Max("history_date"))["latest"] for history in histories]
    return max((date for date in dates if date is not None), default=None)


def report_job_get(*, pk: int) -> ReportJob | None:
    """A report being made, for whoever may read its plan (a published one: the report is
    public as the plan's page is); None otherwise."""
    job = ReportJob.objects.select_related("plan").filter(pk=pk).first()
    if job is None or not job.plan.is_published:
        return None
    return job
