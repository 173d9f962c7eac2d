"""Plans in the JSON API: activity plans and their measures, with progress."""

from typing import Any

from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from ortak.accounts.permissions import published_only
from ortak.core.api import (
    ERRORS,
    RECORD_ERRORS,
    FilterText,
    Pages,
    RecordId,
    Ref,
    Year,
    ref,
)
from ortak.plans import selectors
from ortak.plans.selectors import PlanFilters

router = Router(tags=["plans"])
PAGE_SIZE = 50


class PlanOut(Schema):
    id: int
    title: str
    year_from: int
    year_to: int
    measures: int
    measures_done: int

    @staticmethod
    def resolve_measures(plan) -> int:
        return plan.measure_count

    @staticmethod
    def resolve_measures_done(plan) -> int:
        return plan.done_count


class MeasureOut(Schema):
    id: int
    plan: Ref
    number: str
    title: str
    status: str
    due: str | None

    @staticmethod
    def resolve_plan(measure) -> dict:
        return {"id": measure.plan_id, "name": measure.plan.title}

    @staticmethod
    def resolve_due(measure) -> str | None:
        return str(measure.due) if measure.due else None


class MeasureInPlan(Schema):
    id: int
    number: str
    title: str
    status: str
    due: str | None
    responsible: list[Ref]
    partners: list[Ref]

    @staticmethod
    def resolve_due(measure) -> str | None:
        return str(measure.due) if measure.due else None

    @staticmethod
    def resolve_responsible(measure) -> list[dict]:
        return [ref(i) for i in measure.responsible_list]

    @staticmethod
    def resolve_partners(measure) -> list[dict]:
        return [ref(i) for i in measure.partner_list]


class PlanDetail(Schema):
    id: int
    title: str
    year_from: int
    year_to: int
    by_status: dict[str, int]
    measures: list[MeasureInPlan]

    @staticmethod
    def resolve_measures(plan) -> list:
        return plan.measure_list


class ProgressOut(Schema):
    date: str
    note: str
    event: Ref | None


class MeasureDetail(MeasureOut):
    description: str
    responsible: list[Ref]
    partners: list[Ref]
    progress: list[ProgressOut]

    @staticmethod
    def resolve_responsible(measure) -> list[dict]:
        return [ref(i) for i in measure.responsible_list]

    @staticmethod
    def resolve_partners(measure) -> list[dict]:
        return [ref(i) for i in measure.partner_list]

    @staticmethod
    def resolve_progress(measure) -> list[dict]:
        return [
            {
                "date": p.date.isoformat(),
                "note": p.note,
                # A note may point to a draft event: keep the note, not the link.
                "event": {"id": p.event.pk, "name": p.event.title}
                if p.event and (p.event.is_published or not measure.published_only)
                else None,
            }
            for p in measure.progress_list
        ]


class PlanQuery(Schema):
    year: Year | None = None


class MeasureQuery(Schema):
    plan: RecordId | None = None
    status: FilterText = ""


@router.get("/plans", response={200: list[PlanOut], **ERRORS})
@paginate(Pages, page_size=PAGE_SIZE)
def plans(request, query: Query[PlanQuery]):
    filters = PlanFilters(year=query.year)
    return selectors.plan_list(published_only=published_only(request), filters=filters)


@router.get("/plans/{pk}", response={200: PlanDetail, **RECORD_ERRORS})
def plan(request, pk: RecordId):
    drafts = published_only(request)
    found: Any = selectors.plan_get(pk=pk, published_only=drafts)
    found.by_status = selectors.plan_progress(plan=found, published_only=drafts).all_statuses()
    return found


@router.get("/measures", response={200: list[MeasureOut], **ERRORS})
@paginate(Pages, page_size=PAGE_SIZE)
def measures(request, query: Query[MeasureQuery]):
    return selectors.measure_list_with_status(
        published_only=published_only(request),
        plan=query.plan,
        status=query.status,
        as_of=timezone.localdate(),
    )


@router.get("/measures/{pk}", response={200: MeasureDetail, **RECORD_ERRORS})
def measure(request, pk: RecordId):
    only_published = published_only(request)
    found: Any = selectors.measure_get(pk=pk, published_only=only_published)
    found.published_only = only_published
    return found
