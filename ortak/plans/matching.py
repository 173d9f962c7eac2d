"""Which measure an event carries out, and which plan an article says it belongs to.

An event is compared with the measures of the plans covering its day: its program (the
measure's series, or its event type), the due window, the host state and the institutions
on both sides. One clear best match is linked; several close ones are proposals a reviewer
decides, with what matched kept as the evidence. Reads only; ortak.plans.services writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import cast

from ortak.core.dates import PartialDate, Precision
from ortak.events.models import Event
from ortak.names import fold
from ortak.plans.models import ActivityPlan, Measure
from ortak.plans.status import event_day, reported_on

# What each kind of agreement weighs; a link needs the window and LINK_AT in all.
WEIGHTS = {
    "series": 4,
    "type": 2,
    "window": 3,
    "plan_years": 1,
    "host": 2,
    "institutions": 2,
    "framework": 2,
}
LINK_AT = 7
MARGIN = 2  # the best match must lead the next one by this much to be linked unasked
PROPOSE_AT = 3
REPORTED_WITHIN = dt.timedelta(days=31)  # an undated event took place within this of its report
_PLAN_WORDS = ("plan", "план", "planı", "plani", "жоспар", "reja")
_STOP = {"the", "of", "in", "for", "and", "on", "a", "an", "to", "by", "as", "part", "marking"}


@dataclass(frozen=True)
class Candidate:
    measure: Measure
    score: int
    reasons: tuple[str, ...]


@dataclass
class Match:
    """What an event is evidence for: plans its article names, one measure, or proposals."""

    plans: list[ActivityPlan] = field(default_factory=list)
    link: Candidate | None = None
    proposals: list[Candidate] = field(default_factory=list)


def event_match(event: Event) -> Match:
    """The plans and measures a published event is evidence for."""
    named = framework_plans(event.framework, event_day(event))
    candidates = sorted(
        (c for c in _candidates(event, named) if c.score >= PROPOSE_AT),
        key=lambda c: (-c.score, c.measure.pk),
    )
    if not candidates:
        return Match(plans=named)
    best = candidates[0]
    runner_up = candidates[1].score if len(candidates) > 1 else 0
    clear = best.score >= LINK_AT and "window" in best.reasons and best.score - runner_up >= MARGIN
    if clear:
        return Match(plans=named, link=best)
    return Match(plans=named, proposals=candidates[:3])


def framework_plans(framework: str, day: dt.date | None) -> list[ActivityPlan]:
    """The plans an article's "as part of the … plan" names, by title or other name.

    A generic "joint action plan" names the plan covering the event's year.
    """
    words = _content_words(framework)
    if not words or not any(word.startswith(_PLAN_WORDS) for word in fold(framework).split()):
        return []
    plans = list(ActivityPlan.objects.all())
    named = [plan for plan in plans if _names_plan(words, plan)]
    if day is not None:
        covering = [plan for plan in named if plan.year_from <= day.year <= plan.year_to]
        named = covering or named
    return named


def _names_plan(words: set[str], plan: ActivityPlan) -> bool:
    for name in (plan.title, *plan.aliases):
        wanted = _content_words(name)
        if wanted and len(words & wanted) / len(wanted) >= 0.6:
            return True
    return False


def _content_words(text: str) -> set[str]:
    return {word for word in fold(text or "").split() if word not in _STOP and len(word) > 1}


def _candidates(event: Event, named: list[ActivityPlan]) -> list[Candidate]:
    window = event_window(event)
    measures = Measure.objects.select_related("plan", "series", "host").prefetch_related(
        "responsible", "partners"
    )
    if window is not None:
        years = (window[0].year, window[1].year)
        in_years = measures.filter(plan__year_from__lte=years[1], plan__year_to__gte=years[0])
        measures = in_years | measures.filter(plan__in=named)
    else:
        measures = measures.filter(plan__in=named)
    bodies = _event_institutions(event)
    return [c for m in measures.distinct() if (c := _compare(event, m, window, bodies, named))]


def _compare(event, measure, window, bodies, named) -> Candidate | None:
    reasons = []
    if measure.series_id and measure.series_id == event.series_id:
        reasons.append("series")
    elif _program_type(measure) == event.event_type:
        reasons.append("type")
    else:
        return None  # a measure of another program is never this event's
    due = measure.due
    if window is not None and due is not None and due.start <= window[1] and window[0] <= due.end:
        reasons.append("window")
    elif window is not None and measure.plan.year_from <= window[1].year <= measure.plan.year_to:
        reasons.append("plan_years")
    if measure.host_id and measure.host_id == event.state_id:
        reasons.append("host")
    ours = {i.pk for i in measure.responsible.all()} | {i.pk for i in measure.partners.all()}
    if ours & bodies:
        reasons.append("institutions")
    if measure.plan in named:
        reasons.append("framework")
    return Candidate(measure, sum(WEIGHTS[r] for r in reasons), tuple(reasons))


def _program_type(measure: Measure) -> str:
    if measure.event_type:
        return measure.event_type
    return measure.series.event_type if measure.series else ""


def event_window(event: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event may have taken place: its dates as precise as known, else the
    month before the article that reported it."""
    if event.start_date:
        start = PartialDate(event.start_date, cast(Precision, event.start_precision))
        end = (
            PartialDate(event.end_date, cast(Precision, event.end_precision))
            if event.end_date
            else start
        )
        return start.date, end.last_day()
    reported = reported_on(event)
    if reported is None:
        return None
    return reported - REPORTED_WITHIN, reported


def _event_institutions(event: Event) -> set[int]:
    bodies = set(event.organizers.values_list("pk", flat=True))
    bodies |= set(event.institutions.values_list("pk", flat=True))
    if event.host_id:
        bodies.add(event.host_id)
    return bodies
