"""The review of an ingested draft: accept, edit or reject each value, then publish.

A decision is kept per record path ("events[0].title", "events[0].participants[2]"), so the
reviewer's work survives a reload and the history shows what was changed by whom.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils import timezone

from ortak.accounts.permissions import require_review
from ortak.core.dates import PartialDate
from ortak.core.errors import ValidationError
from ortak.core.models import Publication
from ortak.core.services import as_partial_date, with_actor
from ortak.events.models import Event, EventType
from ortak.events.services import event_publish
from ortak.ingest.models import Review, ReviewStatus
from ortak.names import similarity
from ortak.registry.services import state_for_code

DECISIONS = {"accept", "edit", "reject"}
EDITABLE = {"title", "type", "start_date", "end_date", "city", "country", "framework"}
_PATH = re.compile(r"^(events|planned)\[(\d+)\]\.(\w+)(?:\[(\d+)\])?$")


def review_decide(
    *, actor: Any, review: Review, path: str, decision: str, value: str | None = None
) -> Review:
    """Record the reviewer's decision on one value of the draft (E210 for a wrong path)."""
    require_review(actor)
    match = _PATH.match(path)
    if decision not in DECISIONS or not match:
        raise ValidationError(f"cannot {decision!r} the value at {path!r}", code="E210")
    if decision == "edit" and match.group(3) not in EDITABLE:
        raise ValidationError(f"{match.group(3)} cannot be edited here; reject it", code="E211")
    if decision == "edit":
        value = _edited_value(match.group(3), value)
    review.decisions[path] = {"decision": decision, "value": value}
    review.save(update_fields=["decisions", "updated_at"])
    return review


def _edited_value(field: str, value: str | None) -> str | None:
    """A reviewer's new value, checked as the field needs it (E204, E205, E213)."""
    value = (value or "").strip() or None
    if value is None:
        return None
    if field in {"start_date", "end_date"}:
        return as_partial_date(value).isoformat()
    if field == "type" and value not in EventType.values:
        choices = ", ".join(EventType.values)
        raise ValidationError(f"{value!r} is not an event type; use one of {choices}", code="E213")
    if field == "country":
        return state_for_code(value).iso_code
    return value


@transaction.atomic
def review_publish(*, actor: Any, review: Review) -> Review:
    """Apply the decisions to the draft events and publish them with their source."""
    require_review(actor)
    if review.status != ReviewStatus.PENDING:
        raise ValidationError("this draft was reviewed already", code="E212")
    for path, decision in review.decisions.items():
        _apply(review, path, decision, actor)
    for event in review.events.all():
        event_publish(actor=actor, event=event)
    review.source.publication = Publication.PUBLISHED
    review.source.save(update_fields=["publication"])
    return _close(review, actor, ReviewStatus.PUBLISHED)


@transaction.atomic
def review_reject(*, actor: Any, review: Review) -> Review:
    """Reject a whole draft: its new events go, the article itself is kept."""
    require_review(actor)
    merged = set(review.merged_event_ids)
    review.events.filter(publication=Publication.DRAFT).exclude(pk__in=merged).delete()
    return _close(review, actor, ReviewStatus.REJECTED)


def _close(review: Review, actor: Any, status: str) -> Review:
    review.status, review.reviewer, review.reviewed_at = status, actor, timezone.now()
    review.save(update_fields=["status", "reviewer", "reviewed_at", "updated_at"])
    return review


def _apply(review: Review, path: str, decision: dict, actor: Any) -> None:
    part, index, field, item = _PATH.match(path).groups()
    event_id = review.event_map.get(f"{part}[{index}]")
    event = Event.objects.filter(pk=event_id).first()
    if event is None or decision["decision"] == "accept":
        return
    if item is None:
        _apply_field(event, field, decision, actor)
        return
    value = review.record[part][int(index)][field][int(item)]
    _reject_item(event, field, value)


def _apply_field(event: Event, field: str, decision: dict, actor: Any) -> None:
    value = decision["value"] if decision["decision"] == "edit" else None
    if field in {"start_date", "end_date"}:
        prefix = field.removesuffix("_date")
        date = PartialDate.parse(value) if value else None
        setattr(event, field, date.date if date else None)
        if date:
            setattr(event, f"{prefix}_precision", date.precision)
    else:
        attribute = "event_type" if field == "type" else field
        setattr(event, attribute, value or ("other" if field == "type" else ""))
    with_actor(event, actor).save()


def _reject_item(event: Event, field: str, value: Any) -> None:
    name = value.get("name_latin") or value.get("name") if isinstance(value, dict) else value
    if field == "participants":
        for participation in event.participations.select_related("person"):
            if similarity(participation.person.name, name) >= 0.9:
                participation.delete()
    elif field == "organizations":
        event.institutions.remove(*event.institutions.filter(name=name))
    elif field == "organizers":
        event.organizers.remove(*event.organizers.filter(name=name))
    elif field == "countries":
        event.countries.remove(*event.countries.filter(iso_code=name))
    elif field == "outcomes":
        event.outcomes.filter(text=name).delete()
    elif field == "site_visits":
        event.site_visits.filter(name=name).delete()
