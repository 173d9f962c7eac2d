"""The review of an ingested draft: accept, edit or reject each value, then publish.

A decision is kept per record path ("events[0].title", "events[0].participants[2]"), so the
reviewer's work survives a reload and the history shows what was changed by whom. Decisions
reach the events only through the events services, as the reviewer:

- an event the draft made is the reviewer's to correct and publish;
- an event another article had reported gets the values the reviewer accepted (a date it
  lacked, an outcome); when it is published and the reviewer may not edit it, they wait as
  proposals for an editor of that event, and an edit or a rejection of its values is
  refused (ortak.E308): it is another state's published record.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ortak.accounts.permissions import can_edit, require_edit, require_review
from ortak.core.actors import Actor
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.services import as_partial_date
from ortak.events.models import Event, EventStatus, EventType
from ortak.events.services import event_discard, event_fulfil, event_publish, source_publish
from ortak.ingest import queue
from ortak.ingest.apply import apply_decision, fill_from_report
from ortak.ingest.extract.schema import Record, RecordPath
from ortak.ingest.models import Review, ReviewStatus
from ortak.registry.services import state_for_code

DECISIONS = {"accept", "edit", "reject"}


def review_decide(
    *, actor: Actor, review: Review, path: str, decision: str, value: str | None = None
) -> Review:
    """Record the reviewer's decision on one value of the draft (E210 for a wrong path)."""
    require_review(actor)
    parsed = RecordPath.parse(path)
    if decision not in DECISIONS or parsed is None:
        raise ValidationError(f"cannot {decision!r} the value at {path!r}", code="E210")
    if decision == "edit" and not parsed.editable:
        raise ValidationError(f"{parsed.field} cannot be edited here; reject it", code="E211")
    if not Record.from_dict(review.record).has(parsed):
        raise ValidationError(f"the draft has no value at {path!r}", code="E210")
    if decision == "edit":
        value = _edited_value(parsed.field, value)
    return queue.review_decision_keep(review, path, {"decision": decision, "value": value})


def _edited_value(field: str, value: str | None) -> str | None:
    """A reviewer's new value, checked as the field needs it (E204, E205, E213)."""
    value = (value or "").strip() or None
    if value is None:
        return None
    if field in {"start_date", "end_date"}:
        date = as_partial_date(value)
        return date.isoformat() if date else None
    if field == "type" and value not in EventType.values:
        choices = ", ".join(EventType.values)
        raise ValidationError(f"{value!r} is not an event type; use one of {choices}", code="E213")
    if field == "country":
        return state_for_code(value).iso_code
    return value


@transaction.atomic
def review_publish(*, actor: Actor, review: Review) -> Review:
    """Apply the decisions through the events services and publish the draft's events with
    their source. Nothing changes when any decision is refused."""
    require_review(actor)
    if review.status != ReviewStatus.PENDING:
        raise ValidationError("this draft was reviewed already", code="E212")
    record = Record.from_dict(review.record)
    events = _events_by_key(review)
    _refuse_foreign_changes(actor, review, events)
    _fulfil_announced(actor, review, record, events)
    proposals: list[dict[str, Any]] = []
    for key, event in events.items():
        decisions = _decisions_of(review, key)
        if _made_by(review, event):
            for path, decision in decisions:
                apply_decision(actor, review, event, path, decision)
        elif event.is_published and not can_edit(actor, event):
            proposals += _proposals(review, event, decisions)
        else:
            fill_from_report(actor, review, record, event, decisions)
    for event in events.values():
        event_publish(actor=actor, event=event)
    source_publish(actor=actor, source=review.source)
    if proposals:
        queue.review_proposals_keep(review, proposals)
    return queue.review_close(review, actor=actor, status=ReviewStatus.PUBLISHED)


@transaction.atomic
def review_proposals_accept(*, actor: Actor, review: Review) -> Review:
    """An editor of the events takes the values a reviewer accepted for them (E301)."""
    record = Record.from_dict(review.record)
    events = Event.objects.in_bulk([p["event"] for p in review.proposals])
    for proposal in review.proposals:
        require_edit(actor, events[proposal["event"]])
    for proposal in review.proposals:
        event = events[proposal["event"]]
        decision = {"decision": proposal["decision"], "value": proposal["value"]}
        path = RecordPath.parse(proposal["path"])
        assert path is not None, "a proposal keeps the path of a decision, parsed when it was made"
        fill_from_report(actor, review, record, event, [(path, decision)])
    return queue.review_proposals_keep(review, [])


@transaction.atomic
def review_reject(*, actor: Actor, review: Review) -> Review:
    """Reject a whole draft: the article is kept; its events lose it as a source, and a new
    draft event no other source reports goes. Events other drafts or the public use stay."""
    require_review(actor)
    if review.status != ReviewStatus.PENDING:
        raise ValidationError("this draft was reviewed already", code="E212")
    for event in review.events.all():
        event_discard(actor=actor, event=event, source=review.source)
    return queue.review_close(review, actor=actor, status=ReviewStatus.REJECTED)


def _fulfil_announced(
    actor: Actor, review: Review, record: Record, events: dict[str, Event]
) -> None:
    """An event announced earlier and now reported held stays one record: it becomes held,
    with this report's dates and source, instead of a second event."""
    for key, event in events.items():
        if event.status != EventStatus.PLANNED or _made_by(review, event):
            continue
        reported = dict(record.keyed_events()).get(key)
        if not key.startswith("events[") or reported is None or not can_edit(actor, event):
            continue
        event_fulfil(
            actor=actor,
            event=event,
            source=review.source,
            start=reported.start_date,
            end=reported.end_date,
        )


def _events_by_key(review: Review) -> dict[str, Event]:
    """The events the draft's events became, by their key (`events[0]`)."""
    found = Event.objects.in_bulk([pk for pk in review.event_map.values() if pk])
    return {key: found[pk] for key, pk in review.event_map.items() if pk in found}


def _made_by(review: Review, event: Event) -> bool:
    """Whether the draft made the event (it did not exist before the article)."""
    return event.pk not in set(review.merged_event_ids)


def _decisions_of(review: Review, key: str) -> list[tuple[RecordPath, dict[str, Any]]]:
    found = []
    for text, decision in review.decisions.items():
        path = RecordPath.parse(text)
        if path is not None and path.event_key == key:
            found.append((path, decision))
    return found


def _refuse_foreign_changes(actor: Actor, review: Review, events: dict[str, Event]) -> None:
    """An edit or a rejection of a published event's values needs an editor of that event."""
    for key, event in events.items():
        if _made_by(review, event) or not event.is_published or can_edit(actor, event):
            continue
        changes = [str(p) for p, d in _decisions_of(review, key) if d["decision"] != "accept"]
        if changes:
            raise PermissionDenied(
                f"“{event}” is a published event of another state: you may not change "
                f"{', '.join(sorted(changes))}; accept those values or ask an editor of "
                "that event",
                code="E308",
            )


def _proposals(
    review: Review, event: Event, decisions: list[tuple[RecordPath, dict[str, Any]]]
) -> list[dict[str, Any]]:
    return [
        {"event": event.pk, "path": str(path), **decision}
        for path, decision in decisions
        if decision["decision"] == "accept"
    ]
