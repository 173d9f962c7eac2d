"""The review screen's view of a draft: each value of each event as a row with its evidence.

A row is addressed by its record path ("events[0].title", "events[0].participants[2]"), the
same path `ortak.ingest.review.review_decide` keeps the decision under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from ortak.events.models import Event, EventType
from ortak.ingest.extract.schema import (
    EDITABLE,
    LISTS,
    SCALARS,
    Organization,
    Participant,
    PlannedEvent,
    Record,
    RecordPath,
)
from ortak.ingest.models import Review
from ortak.workspace.countries import country_name
from ortak.workspace.evidence import Quote, quotes_by_path


def field_label(name: str) -> str:
    """The label of a record field, in the active language."""
    return {
        "title": _("Title"),
        "type": _("Type"),
        "start_date": _("Start date"),
        "end_date": _("End date"),
        "city": _("City"),
        "country": _("Country"),
        "framework": _("Framework"),
        "participants": _("Participants"),
        "organizers": _("Organizers"),
        "organizations": _("Organizations named"),
        "countries": _("States that took part"),
        "outcomes": _("Outcomes"),
        "site_visits": _("Site visits"),
    }[name]


@dataclass
class Row:
    """One value of the draft, what it was read from, and the reviewer's decision on it."""

    path: str
    field: str
    label: str
    value: str
    raw: str
    quotes: list[Quote]
    decision: str | None = None
    decided_value: str | None = None
    decided_raw: str | None = None

    @property
    def anchor(self) -> str:
        return "v-" + re.sub(r"[^a-z0-9]+", "-", self.path.lower()).strip("-")

    @property
    def empty(self) -> bool:
        """The article gave no value here: nothing to accept or reject, only to add."""
        return not self.value and self.decision is None

    @property
    def in_list(self) -> bool:
        """A participant, an organization, a country...: one item of a list of values."""
        return "[" in self.path.split(".", 1)[1]

    @property
    def editable(self) -> bool:
        return self.field in EDITABLE and not self.in_list

    @property
    def edit_value(self) -> str:
        """What the change form starts from: the reviewer's change, else the draft's value."""
        return self.decided_raw if self.decided_raw is not None else self.raw


@dataclass
class Group:
    field: str
    label: str
    rows: list[Row]


@dataclass
class DraftEvent:
    """One event of the draft: its values, and the event Ortak keeps for it."""

    key: str
    planned: bool
    rows: list[Row]
    groups: list[Group]
    event: Event | None = None
    merged: bool = False

    @property
    def title(self) -> str:
        """The title as it will be published: the reviewer's change, else the draft's."""
        if not self.rows:
            return ""
        title = self.rows[0]
        return (title.decided_value or "") if title.decision == "edit" else title.value


@dataclass
class Draft:
    review: Review
    events: list[DraftEvent] = field(default_factory=list)

    @property
    def all_rows(self) -> list[Row]:
        rows = [row for event in self.events for row in event.rows]
        return rows + [row for e in self.events for g in e.groups for row in g.rows]

    @property
    def undecided(self) -> int:
        return sum(1 for row in self.all_rows if row.decision is None and not row.empty)


def draft_of(review: Review) -> Draft:
    """Every event of the draft (held first, then planned) as rows with their evidence."""
    quotes = quotes_by_path(review.evidence or [], review.source.text)
    events = Event.objects.in_bulk([pk for pk in review.event_map.values() if pk])
    draft = Draft(review=review)
    for key, data in Record.from_dict(review.record).keyed_events():
        item = _draft_event(review, key, data, quotes)
        item.event = events.get(review.event_map.get(key))
        item.merged = review.event_map.get(key) in set(review.merged_event_ids)
        draft.events.append(item)
    return draft


def row_at(review: Review, path: str) -> Row | None:
    """The row at one record path, or None when the draft has no such value."""
    parsed = RecordPath.parse(path)
    if parsed is None or parsed.field not in (*SCALARS, *LISTS):
        return None
    record = Record.from_dict(review.record)
    if not record.has(parsed) or (parsed.item is None and parsed.field not in SCALARS):
        return None
    quotes = quotes_by_path(review.evidence or [], review.source.text)
    return _row(review, path, parsed.field, record.value_at(parsed), quotes)


def _draft_event(review: Review, key: str, data: PlannedEvent, quotes: dict) -> DraftEvent:
    rows = [_row(review, f"{key}.{name}", name, data.value(name), quotes) for name in SCALARS]
    groups = []
    for name in LISTS:
        values = data.value(name) or []
        items = [
            _row(review, f"{key}.{name}[{i}]", name, value, quotes)
            for i, value in enumerate(values)
        ]
        groups.append(Group(field=name, label=field_label(name), rows=items))
    return DraftEvent(key=key, planned=key.startswith("planned"), rows=rows, groups=groups)


def _row(review: Review, path: str, name: str, value: Any, quotes: dict) -> Row:
    decision = review.decisions.get(path) or {}
    decided = decision.get("value")
    return Row(
        path=path,
        field=name,
        label=field_label(name),
        value=display(name, value),
        raw=_raw(value),
        quotes=quotes.get(path, []),
        decision=decision.get("decision"),
        decided_value=display(name, decided) if decision.get("decision") == "edit" else None,
        decided_raw=decided if decision.get("decision") == "edit" else None,
    )


def _raw(value: Any) -> str:
    if isinstance(value, Participant | Organization):
        return value.name or ""
    return "" if value is None else str(value)


def display(name: str, value: Any) -> str:
    """A value as the reviewer reads it: type and country names, a participant in full."""
    if value in (None, "", []):
        return ""
    if name == "type":
        return str(EventType(value).label) if value in EventType.values else str(value)
    if name in {"country", "countries"}:
        return f"{country_name(str(value))} ({value})"
    if isinstance(value, Participant):
        return _participant(value)
    if isinstance(value, Organization):
        return f"{value.name} ({value.country})" if value.country else value.name
    return str(value)


def _participant(value: Participant) -> str:
    name, latin = value.name, value.name_latin
    head = f"{name} ({latin})" if latin and latin != name else name
    details = [value.role, value.organization]
    if value.country:
        details.append(country_name(value.country))
    rest = ", ".join(str(d) for d in details if d)
    return f"{head} — {rest}" if rest else head
