"""A plan's timeline as server-rendered SVG: one row per measure, its due window as a band,
the events linked to it as marks on the day they took place (or were reported), and today.

The geometry is computed here; portal/partials/timeline.html draws it, with a data table
as its text alternative. No JavaScript.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ortak.events.models import EventStatus
from ortak.plans.models import ActivityPlan
from ortak.plans.status import event_day

LEFT, RIGHT, ROW, TOP = 240, 960, 30, 34  # the plot's edges, a row's height, the axis' room


@dataclass(frozen=True)
class Band:
    x: float
    width: float
    y: float
    title: str


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    held: bool
    title: str
    url_pk: int


@dataclass(frozen=True)
class Row:
    y: float
    label: str
    status: str
    status_label: str
    measure_pk: int
    band: Band | None
    marks: list[Mark]


@dataclass(frozen=True)
class Tick:
    x: float
    text: str


@dataclass
class Timeline:
    width: int
    height: int
    rows: list[Row] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    today_x: float | None = None
    left: int = LEFT
    right: int = RIGHT
    top: int = TOP


def plan_timeline(plan: ActivityPlan, *, today: dt.date) -> Timeline:
    """The timeline of a plan from `plan_get` (its measures carry `linked_events`)."""
    first, last = _span(plan)
    scale = _Scale(first, last)
    measures = plan.measure_list
    timeline = Timeline(RIGHT + 20, TOP + ROW * len(measures) + 10)
    timeline.ticks = [Tick(scale.x(day), label) for day, label in _ticks(first, last)]
    if first <= today <= last:
        timeline.today_x = scale.x(today)
    for index, measure in enumerate(measures):
        timeline.rows.append(_row(measure, TOP + index * ROW, scale))
    return timeline


def _row(measure, y: float, scale: _Scale) -> Row:
    due = measure.due
    band = None
    if due is not None:
        start, end = scale.x(due.start), scale.x(due.end + dt.timedelta(days=1))
        band = Band(start, max(end - start, 3), y + 6, due.label())
    marks = []
    for event in measure.linked_events:
        day = event_day(event)
        if day is not None:
            held = event.status == EventStatus.HELD
            marks.append(Mark(scale.x(day), y + 14, held, f"{event.title} ({day})", event.pk))
    label = f"{measure.number}. {measure.title}" if measure.number else measure.title
    return Row(y, _short(label), measure.status, measure.status_label, measure.pk, band, marks)


def _span(plan: ActivityPlan) -> tuple[dt.date, dt.date]:
    """The plan's years, widened to any due window or event outside them."""
    first, last = dt.date(plan.year_from, 1, 1), dt.date(plan.year_to, 12, 31)
    for measure in plan.measure_list:
        days = [d for e in measure.linked_events if (d := event_day(e))]
        if measure.due:
            days += [measure.due.start, measure.due.end]
        if days:
            first, last = min(first, *days), max(last, *days)
    return dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)


class _Scale:
    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.days = first, max((last - first).days + 1, 1)

    def x(self, day: dt.date) -> float:
        return LEFT + (RIGHT - LEFT) * (day - self.first).days / self.days


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """A tick per quarter for a plan of a year or two, else a tick per year."""
    years = last.year - first.year + 1
    ticks = []
    for year in range(first.year, last.year + 1):
        if years > 2:
            ticks.append((dt.date(year, 1, 1), str(year)))
            continue
        for quarter in range(4):
            label = str(year) if quarter == 0 else f"Q{quarter + 1}"
            ticks.append((dt.date(year, 3 * quarter + 1, 1), label))
    return ticks


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
