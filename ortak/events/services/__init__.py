"""Every write to events: create, change, publish; participants, outcomes, site visits;
sources. One module per topic; import from here (`from ortak.events.services import
event_update`)."""

from ortak.events.services.events import (
    event_change,
    event_create,
    event_discard,
    event_publish,
    event_update,
)
from ortak.events.services.participants import (
    event_links_add,
    event_links_remove,
    outcome_add,
    outcome_remove,
    participation_add,
    participation_remove,
    site_visit_add,
    site_visit_remove,
)
from ortak.events.services.sources import source_create, source_events_add, source_publish

__all__ = [
    "event_change",
    "event_create",
    "event_discard",
    "event_links_add",
    "event_links_remove",
    "event_publish",
    "event_update",
    "outcome_add",
    "outcome_remove",
    "participation_add",
    "participation_remove",
    "site_visit_add",
    "site_visit_remove",
    "source_create",
    "source_events_add",
    "source_publish",
]
