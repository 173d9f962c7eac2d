"""A reviewer's decisions turned into calls of the events services.

`apply_decision` corrects an event the draft made: an edit sets the value, a rejection takes
it off. `fill_from_report` brings what a second article reported into an event that existed
before it: the values the reviewer accepted or edited, where the event lacks them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypedDict

from ortak.core.actors import Actor
from ortak.core.dates import PartialDate
from ortak.events.models import Event, Participation
from ortak.events.services import (
    event_change,
    event_links_add,
    event_links_remove,
    outcome_add,
    outcome_remove,
    participation_add,
    participation_remove,
    site_visit_add,
    site_visit_remove,
)
from ortak.ingest.extract.schema import Participant, Record, RecordPath
from ortak.ingest.load import outcome_kind
from ortak.ingest.models import Review
from ortak.registry.models import Institution, Person
from ortak.registry.services import state_for_code

# The event's attribute, or date, each scalar value of the record sets.
_ATTRIBUTE = {"type": "event_type", "start_date": "start", "end_date": "end"}


def apply_decision(
    actor: Actor, review: Review, event: Event, path: RecordPath, decision: dict[str, Any]
) -> None:
    """Apply one edit or rejection to an event the draft made (accepting changes nothing)."""
    if decision["decision"] == "accept":
        return
    if path.item is None:
        value = decision["value"] if decision["decision"] == "edit" else None
        _set(actor, event, path.field, value)
    elif decision["decision"] == "reject":
        _take_off(actor, review, event, path)


def fill_from_report(
    actor: Actor,
    review: Review,
    record: Record,
    event: Event,
    decisions: list[tuple[RecordPath, dict[str, Any]]],
) -> None:
    """Give an event reported before the values this report's reviewer accepted or edited:
    a value it lacks, an edited one, one more outcome, site visit, state or participant."""
    for path, decision in decisions:
        if decision["decision"] == "reject":
            continue
        if path.item is None:
            value = decision["value"] if decision["decision"] == "edit" else None
            if decision["decision"] == "accept":
                value = record.value_at(path)
                if value in (None, "") or _has(event, path.field):
                    continue
            if value not in (None, ""):
                _set(actor, event, path.field, value)
        else:
            _add(actor, review, event, path, record.value_at(path))


def _set(actor: Actor, event: Event, field: str, value: Any) -> None:
    attribute = _ATTRIBUTE.get(field, field)
    if field == "type":
        value = value or "other"
    elif field in {"start_date", "end_date"}:
        value = PartialDate.parse(value) if value else None
    elif field == "title" and not value:
        return  # an event keeps its title; a wrong one is edited
    else:
        value = value or ""
    event_change(actor=actor, event=event, **{attribute: value})


def _has(event: Event, field: str) -> bool:
    attribute = _ATTRIBUTE.get(field, field)
    if attribute in {"start", "end"}:
        return getattr(event, f"{attribute}_date") is not None
    return getattr(event, attribute) not in (None, "")


def _take_off(actor: Actor, review: Review, event: Event, path: RecordPath) -> None:
    value = Record.from_dict(review.record).value_at(path)
    linked = review.links.get(str(path))
    if path.field == "participants":
        participation = _participation(event, linked)
        if participation is None and linked is None and value is not None:
            # a draft loaded before links were kept: its person was made under this name
            participation = event.participations.filter(person__name=value.latin_name).first()
        if participation is not None:
            participation_remove(actor=actor, participation=participation)
    elif path.field in {"organizations", "organizers"}:
        institutions = Institution.objects.filter(pk=linked)
        event_links_remove(actor=actor, event=event, **_institution_links(path, institutions))
    elif path.field == "countries":
        states = [state_for_code(value)] if value else []
        event_links_remove(actor=actor, event=event, countries=states)
    elif path.field == "outcomes":
        for outcome in event.outcomes.filter(text=value):
            outcome_remove(actor=actor, outcome=outcome)
    elif path.field == "site_visits":
        for site_visit in event.site_visits.filter(name=value):
            site_visit_remove(actor=actor, site_visit=site_visit)


class _InstitutionLinks(TypedDict, total=False):
    institutions: Iterable[Institution]
    organizers: Iterable[Institution]


def _institution_links(path: RecordPath, institutions: Iterable[Institution]) -> _InstitutionLinks:
    """The institutions of a record's "organizations" or "organizers" list, under the keyword
    the event's link services take them by."""
    if path.field == "organizations":
        return {"institutions": institutions}
    return {"organizers": institutions}


def _participation(event: Event, person_id: int | None) -> Participation | None:
    if person_id is None:
        return None
    return event.participations.filter(person_id=person_id).first()


def _add(actor: Actor, review: Review, event: Event, path: RecordPath, value: Any) -> None:
    """One more item of a list an earlier report did not have."""
    if value in (None, ""):
        return
    linked = review.links.get(str(path))
    if path.field == "outcomes" and not event.outcomes.filter(text=value).exists():
        outcome_add(actor=actor, event=event, kind=outcome_kind(value), text=value)
    elif path.field == "site_visits" and not event.site_visits.filter(name=value).exists():
        site_visit_add(actor=actor, event=event, name=value)
    elif path.field == "countries":
        event_links_add(actor=actor, event=event, countries=[state_for_code(value)])
    elif path.field in {"organizations", "organizers"} and linked:
        institutions = Institution.objects.filter(pk=linked)
        event_links_add(actor=actor, event=event, **_institution_links(path, institutions))
    elif path.field == "participants" and linked:
        _participant_add(actor, event, Person.objects.get(pk=linked), value)


def _participant_add(actor: Actor, event: Event, person: Person, value: Participant) -> None:
    if _participation(event, person.pk) is None:
        state = state_for_code(value.country) if value.country else None
        participation_add(
            actor=actor, event=event, person=person, role=(value.role or "")[:300], state=state
        )
