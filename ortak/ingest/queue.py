"""The review queue's own records: the only writer of `Review`.

A review is the ingest app's record of one article's draft: what the pipeline read, the
evidence, the reviewer's decisions and what became of them. The records it points to change
only through the registry and events services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.utils import timezone

from ortak.core.actors import Actor, acting_user
from ortak.events.models import Event, Source
from ortak.ingest.models import Review

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def review_create(
    *,
    source: Source,
    record: dict[str, Any],
    evidence: list[dict[str, Any]],
    pipeline_version: str,
    created_by: Any,
) -> Review:
    return Review.objects.create(
        source=source,
        record=record,
        evidence=evidence,
        pipeline_version=pipeline_version,
        created_by=created_by,
    )


def review_events_record(
    review: Review,
    *,
    events: list[Event],
    event_map: dict[str, int],
    merged: list[Event],
    links: dict[str, int],
) -> Review:
    """Which event each of the record's events became, which existed already, and which
    registry record each name was linked to."""
    review.events.add(*events)
    review.event_map = event_map
    review.merged_event_ids = [event.pk for event in merged]
    review.links = links
    review.save(update_fields=["event_map", "merged_event_ids", "links", "updated_at"])
    return review


def review_decision_keep(review: Review, path: str, decision: dict[str, Any]) -> Review:
    review.decisions[path] = decision
    review.save(update_fields=["decisions", "updated_at"])
    return review


def review_proposals_keep(review: Review, proposals: list[dict[str, Any]]) -> Review:
    review.proposals = proposals
    review.save(update_fields=["proposals", "updated_at"])
    return review


def review_close(review: Review, *, actor: Actor, status: str) -> Review:
    # Ortak's user model is Django's own User; `acting_user` gives it as any user model.
    review.status, review.reviewer = status, cast("User | None", acting_user(actor))
    review.reviewed_at = timezone.now()
    review.save(update_fields=["status", "reviewer", "reviewed_at", "updated_at"])
    return review
