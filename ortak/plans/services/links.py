"""Events as the evidence of plans: linked when they are published, or proposed for review.

`measure_links_refresh` runs when an event is published (ingested and reviewed, or typed in):
an unambiguous match is linked, ambiguous ones wait as proposals with what matched, and an
article that names the plan as its framework links the event to the plan. A reviewer's
decision on a link is never undone by a later refresh.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_review
from ortak.core.errors import ValidationError
from ortak.core.services import with_actor
from ortak.events.models import Event
from ortak.plans.matching import Candidate, event_match
from ortak.plans.models import LinkMethod, LinkState, Measure, MeasureLink


@transaction.atomic
def measure_links_refresh(*, event: Event, actor: Any = None) -> list[MeasureLink]:
    """Link a published event to the plans and measures it is evidence for.

    Part of publishing the event, by whoever publishes it: it has no right of its own to
    check. A draft event is left alone; automatic links of an event no longer published go.
    """
    automatic = MeasureLink.objects.filter(event=event, decided_by__isnull=True)
    automatic = automatic.exclude(method=LinkMethod.REVIEWER)
    if not event.is_published:
        automatic.delete()
        return []
    decided = set(
        MeasureLink.objects.filter(event=event)
        .exclude(pk__in=automatic.values("pk"))
        .values_list("measure_id", flat=True)
    )
    automatic.delete()
    match = event_match(event)
    links = [_plan_link(event, plan, actor) for plan in match.plans]
    if match.link and match.link.measure.pk not in decided:
        links.append(_measure_link(event, match.link, LinkState.LINKED, actor))
    for candidate in match.proposals:
        if candidate.measure.pk not in decided:
            links.append(_measure_link(event, candidate, LinkState.PROPOSED, actor))
    return links


def _plan_link(event: Event, plan: Any, actor: Any) -> MeasureLink:
    link, _ = MeasureLink.objects.get_or_create(
        plan=plan,
        measure=None,
        event=event,
        defaults={
            "state": LinkState.LINKED,
            "method": LinkMethod.FRAMEWORK,
            "reasons": ["framework"],
        },
    )
    return link


def _measure_link(event: Event, candidate: Candidate, state: str, actor: Any) -> MeasureLink:
    method = LinkMethod.FRAMEWORK if "framework" in candidate.reasons else LinkMethod.MATCH
    link = MeasureLink(
        plan=candidate.measure.plan,
        measure=candidate.measure,
        event=event,
        state=state,
        method=method,
        score=candidate.score,
        reasons=list(candidate.reasons),
    )
    with_actor(link, actor).save()
    return link


@transaction.atomic
def measure_link_confirm(*, actor: Any, link: MeasureLink) -> MeasureLink:
    """A reviewer takes a proposal: the event carries out this measure; the event's other
    proposals are dismissed."""
    require_review(actor)
    if link.measure_id is None:
        raise ValidationError("a link to a whole plan needs no confirming", code="E252")
    _decide(link, LinkState.LINKED, actor)
    others = MeasureLink.objects.filter(event=link.event_id, state=LinkState.PROPOSED)
    for other in others.exclude(pk=link.pk):
        _decide(other, LinkState.DISMISSED, actor)
    return link


@transaction.atomic
def measure_link_dismiss(*, actor: Any, link: MeasureLink) -> MeasureLink:
    """A reviewer says the event does not carry out this measure; it is not proposed again."""
    require_review(actor)
    _decide(link, LinkState.DISMISSED, actor)
    return link


@transaction.atomic
def measure_link_add(*, actor: Any, measure: Measure, event: Event) -> MeasureLink:
    """A reviewer links an event to a measure the matching did not find."""
    require_review(actor)
    link = MeasureLink.objects.filter(measure=measure, event=event).first()
    if link is None:
        link = MeasureLink(plan=measure.plan, measure=measure, event=event, reasons=[])
    link.method = LinkMethod.REVIEWER
    _decide(link, LinkState.LINKED, actor)
    return link


def _decide(link: MeasureLink, state: str, actor: Any) -> None:
    link.state, link.decided_by = state, actor
    with_actor(link, actor).save()
