"""A record's history: who changed what, when (django-simple-history), said plainly."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from ortak.events.models import Event, Participation
from ortak.plans.models import ActivityPlan, Measure
from ortak.registry.models import DiasporaOrganization, Institution, Person, Position

# The records with a history page, by the name used in its address.
KINDS: dict[str, type[models.Model]] = {
    "person": Person,
    "position": Position,
    "institution": Institution,
    "organization": DiasporaOrganization,
    "event": Event,
    "participation": Participation,
    "plan": ActivityPlan,
    "measure": Measure,
}
# Bookkeeping columns that change on every save and say nothing to a reader.
_QUIET = {"updated_at", "created_at", "start_precision", "end_precision"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    """One saved version: when, by whom, what kind of change, and the fields that changed."""

    when: Any
    who: str
    action: str
    changes: list[Change] = field(default_factory=list)
    reason: str = ""


def history_of(record: models.Model) -> list[Entry]:
    """The record's versions, newest first, each compared with the one before it."""
    # `history` is the manager simple_history's HistoricalRecords adds to each recorded model:
    # django-stubs cannot know it on a Model.
    history = record.history  # type: ignore[attr-defined]
    versions = list(history.select_related("history_user").order_by("-history_date"))
    entries = []
    for newer, older in zip(versions, [*versions[1:], None], strict=True):
        changes = _changes(record, newer, older) if older else []
        entry = Entry(newer.history_date, _who(newer), _action(newer), changes, _reason(newer))
        entries.append(entry)
    return entries


def _who(version: Any) -> str:
    user = version.history_user
    if user is None:
        return _("the system (an import or a command)")
    return user.get_full_name() or user.get_username()


def _action(version: Any) -> str:
    return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}[version.history_type]


# The reason a merge leaves in both histories (ortak.registry.services.merge.merge_save).
_MERGED = re.compile(r"^merged (?P<way>with|into) \w+ #(?P<pk>\d+) “(?P<name>.*)”$")


def _reason(version: Any) -> str:
    """Why the version was saved, when it says so to a reader: a merge, in their language."""
    found = _MERGED.match(getattr(version, "history_change_reason", None) or "")
    if not found:
        return ""
    values = {"name": found["name"], "pk": found["pk"]}
    if found["way"] == "with":
        return _("Merged with “%(name)s” (#%(pk)s), which was removed.") % values
    return _("Merged into “%(name)s” (#%(pk)s).") % values


def _changes(record: models.Model, newer: Any, older: Any) -> list[Change]:
    delta = newer.diff_against(older, foreign_keys_are_objs=True)
    changes = []
    for change in delta.changes:
        if change.field in _QUIET:
            continue
        field = record._meta.get_field(change.field)
        assert isinstance(field, models.Field), "a change is to a field of the record itself"
        label = str(field.verbose_name).capitalize()
        changes.append(Change(label, _text(change.old, field), _text(change.new, field)))
    return changes


def _text(value: Any, field: Any = None) -> str:
    """A value as a reader sees it: names, not ids or codes; an m2m as the list of its names."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if value in (None, "", [], {}):
        return "—"
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):
        return ", ".join(_m2m_name(row) for row in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _m2m_name(row: Any) -> str:
    """The far end of an m2m row ({"event": ..., "state": ...}): the last related object."""
    if isinstance(row, dict) and row:
        return str(list(row.values())[-1])
    return str(row)
