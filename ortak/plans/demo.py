"""A living demo plan for `make run`: the OTS diaspora cooperation's yearly plan, with
measures held, announced, overdue and postponed, placed around today.

The facts (institutions, programs, hosts) are those of the reference data; the plan, its
dates and the demo events are written for Ortak and marked as demo (`pipeline_version`
DEMO), so `ortak demo --remove` takes every one of them away and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_secretariat
from ortak.core.models import Publication
from ortak.events.models import Event, EventStatus, EventType, Source
from ortak.events.services import event_create, source_create, source_events_add, source_publish
from ortak.plans.models import ActivityPlan
from ortak.plans.services import measure_create, measure_decide, measure_links_refresh, plan_create
from ortak.registry.models import Institution, State

DEMO = "ortak-demo"
# How the Bishkek roundtable's article names the plan it was part of (ingest sample 001).
KYRGYZ_CHAIRMANSHIP = "Action Plan marking the chairmanship of Kyrgyzstan in the OTS for 2025"


@dataclass(frozen=True)
class DemoMeasure:
    number: str
    title: str
    program: str  # an event type
    responsible: str  # institution keys, ";"-separated
    host: str
    due: str


def _month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _measures(today: dt.date) -> list[DemoMeasure]:
    """Measures due around `today`: some past (held or overdue), some ahead."""
    return [
        DemoMeasure("1", "Roundtable on labour migration and the friendship of peoples",
                    EventType.ROUNDTABLE, "kg-labor-ministry", "KG", "2025-04/2025-07"),
        DemoMeasure("2", "Exchange of experience among the diaspora institutions",
                    EventType.EXCHANGE_OF_EXPERIENCE, "az-diaspora-committee", "AZ",
                    f"{_month(today, -5)}/{_month(today, -2)}"),
        DemoMeasure("3", "Capacity Building Training Program for diaspora representatives",
                    EventType.TRAINING, "tr-ytb", "HU", f"{_month(today, 0)}/{_month(today, 2)}"),
        DemoMeasure("4", "Meeting of the Contact Group", EventType.CONTACT_GROUP_MEETING,
                    "ots-secretariat", "KZ", f"{_month(today, -4)}/{_month(today, -2)}"),
        DemoMeasure("5", "Internship Program for officials of the diaspora institutions",
                    EventType.TRAINING, "kz-otandastar", "KZ",
                    f"{_month(today, -8)}/{_month(today, -3)}"),
        DemoMeasure("6", "Diaspora Youth Forum", EventType.FORUM, "az-diaspora-committee", "AZ",
                    f"{_month(today, 3)}/{_month(today, 5)}"),
        DemoMeasure("7", "Turkic Diaspora Forum", EventType.FORUM, "uz-interethnic-committee-2025",
                    "UZ", f"{_month(today, -3)}/{_month(today, -1)}"),
    ]  # fmt: skip


@transaction.atomic
def demo_create(*, actor: Any, today: dt.date) -> ActivityPlan:
    """The demo plan and its evidence; an earlier demo is replaced."""
    require_secretariat(actor)
    demo_remove(actor=actor)
    # From the Bishkek roundtable's year (2025) to the last measure's due year.
    first = min((today - dt.timedelta(days=250)).year, 2025)
    last = (today + dt.timedelta(days=160)).year
    plan = plan_create(
        actor=actor,
        title=f"Diaspora Joint Activity Plan {first}–{last} (demo)",
        year_from=first,
        year_to=last,
        aliases=[KYRGYZ_CHAIRMANSHIP, "Diaspora Joint Activity Plan"],
        pipeline_version=DEMO,
    )
    measures = {row.number: _measure(actor, plan, row) for row in _measures(today)}
    _events(actor, today)
    measure_decide(
        actor=actor, measure=measures["7"], kind="postponed",
        decided_on=today - dt.timedelta(days=75),
        reason="The host asked to hold the forum together with the next summit.",
        source_reference="Ortak demo: decision of the Contact Group",
    )  # fmt: skip
    for event in Event.objects.filter(publication=Publication.PUBLISHED):
        measure_links_refresh(event=event, actor=actor)  # the articles ingested before, too
    return plan


def _measure(actor, plan, row: DemoMeasure):
    keys = row.responsible.split(";")
    return measure_create(
        actor=actor, plan=plan, number=row.number, title=row.title, event_type=row.program,
        responsible=list(Institution.objects.filter(key__in=keys)), due=row.due,
        host=State.objects.filter(key=row.host).first(), pipeline_version=DEMO,
    )  # fmt: skip


def _events(actor, today: dt.date) -> None:
    """One event held with its day, one announced, one whose report gives no day."""

    def body(key):
        return Institution.objects.get(key=key)

    held = event_create(
        actor=actor, title="Exchange of experience among the OTS diaspora institutions (demo)",
        event_type=EventType.EXCHANGE_OF_EXPERIENCE,
        start=(today - dt.timedelta(days=100)).isoformat(),
        city="Baku", country="AZ", state=State.objects.get(key="AZ"),
        organizers=[body("az-diaspora-committee")], pipeline_version=DEMO,
        countries=State.objects.filter(key__in=["AZ", "KZ", "KG", "TR", "UZ"]),
    )  # fmt: skip
    announced = event_create(
        actor=actor, title="Capacity Building Training for diaspora representatives (demo)",
        event_type=EventType.TRAINING, start=_month(today, 1), city="Budapest", country="HU",
        state=State.objects.get(key="HU"), organizers=[body("tr-ytb")],
        status=EventStatus.PLANNED, pipeline_version=DEMO,
    )  # fmt: skip
    undated = event_create(
        actor=actor, title="Internship of diaspora officials in Astana (demo)",
        event_type=EventType.TRAINING, city="Astana", country="KZ",
        state=State.objects.get(key="KZ"), organizers=[body("kz-otandastar")],
        pipeline_version=DEMO,
    )  # fmt: skip
    reported = today - dt.timedelta(days=150)
    for event, text in (
        (held, "Ortak demo note: the OTS states' diaspora institutions met in Baku."),
        (announced, "Ortak demo note: a capacity building training is announced in Budapest."),
        (undated, "Ortak demo note: diaspora officials completed an internship in Astana."),
    ):  # fmt: skip
        source = source_create(
            actor=actor, text=text, title=f"Ortak demo: {event.title}",
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            published=reported if event is undated else today - dt.timedelta(days=90),
            pipeline_version=DEMO,
        )  # fmt: skip
        source_events_add(actor=actor, source=source, events=[event])
        source_publish(actor=actor, source=source)
        measure_links_refresh(event=event, actor=actor)


@transaction.atomic
def demo_remove(*, actor: Any) -> int:
    """Remove every demo record (plans, their measures and links, events, sources)."""
    require_secretariat(actor)
    removed = 0
    for model in (ActivityPlan, Event, Source):
        count, _ = model.objects.filter(pipeline_version=DEMO).delete()
        removed += count
    return removed
