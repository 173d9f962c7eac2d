"""Forms of the review screen: one decision on one value, and a changed value checked."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ortak.events.models import Event, EventType
from ortak.workspace.forms.base import PartialDateField, WorkspaceForm, country_field, max_length

DECISIONS = [("accept", _("Accept")), ("edit", _("Change")), ("reject", _("Reject"))]


def _value_field(name: str, label: str) -> forms.Field:
    """The input for a changed value of record field `name`, checked as the event stores it."""
    if name == "type":
        return forms.ChoiceField(choices=EventType.choices, label=label)
    if name in {"start_date", "end_date"}:
        return PartialDateField(label=label)
    if name == "country":
        return country_field(label=label)
    length = {"title": "title", "city": "city", "framework": "framework"}[name]
    return forms.CharField(
        label=label,
        max_length=max_length(Event, length),
        required=name == "title",
        error_messages={"required": _("Enter the title")},
    )


class DecisionForm(WorkspaceForm):
    """Accept, change or reject the value at `path`; `value` only for a change."""

    path = forms.CharField(max_length=120, widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=DECISIONS, widget=forms.HiddenInput)

    def __init__(self, *args: Any, field: str | None = None, label: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        if field:
            self.fields["value"] = _value_field(field, label)

    def decided_value(self) -> str | None:
        """The changed value as the review stores it: ISO text for dates, codes for types."""
        value = self.cleaned_data.get("value")
        if value is None or self.cleaned_data["decision"] != "edit":
            return None
        return value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
