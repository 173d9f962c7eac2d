"""Forms for the measures of activity plans and the progress made on them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ortak.events.models import Event
from ortak.plans.models import ActivityPlan, Measure, MeasureStatus
from ortak.registry.models import Institution
from ortak.workspace.forms.base import (
    InstitutionMultipleChoiceField,
    PartialDateField,
    WorkspaceForm,
    institutions,
    text_field,
)


class MeasureForm(WorkspaceForm):
    error_fields = {"E203": "responsible", "E204": "due"}

    plan = forms.ModelChoiceField(
        queryset=ActivityPlan.objects.none(),
        label=_("Activity plan"),
        error_messages={"required": _("Choose the activity plan")},
    )
    number = text_field(Measure, "number", label=_("Number"), required=False)
    title = text_field(
        Measure,
        "title",
        label=_("What"),
        error_messages={"required": _("Enter what the measure is")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    responsible = InstitutionMultipleChoiceField(
        queryset=Institution.objects.none(),
        label=_("Responsible institutions"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        error_messages={"required": _("Choose at least one responsible institution")},
    )
    partners = InstitutionMultipleChoiceField(
        queryset=Institution.objects.none(),
        label=_("Partner institutions"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    due = PartialDateField(label=_("Due"))
    status = forms.ChoiceField(choices=MeasureStatus.choices, label=_("Status"))

    def __init__(self, *args: Any, with_plan: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if with_plan:
            self.fields["plan"].queryset = ActivityPlan.objects.order_by("-year_from")
        else:  # a measure stays in its plan
            del self.fields["plan"]
        self.fields["responsible"].queryset = institutions()
        self.fields["partners"].queryset = institutions()


class ProgressForm(WorkspaceForm):
    date = forms.DateField(
        label=_("Date"),
        help_text=_("For example 2024-11-18."),
        error_messages={
            "required": _("Enter the date of the progress"),
            "invalid": _("Enter a real date, for example 2024-11-18."),
        },
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=_("What was done"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    event = forms.ModelChoiceField(
        queryset=Event.objects.none(),
        label=_("Event"),
        required=False,
        help_text=_("The event that advanced the measure, if there was one."),
    )
    status = forms.ChoiceField(
        choices=[("", _("Unchanged")), *MeasureStatus.choices],
        label=_("New status of the measure"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.order_by("-start_date", "title")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("note") and not data.get("event") and "note" not in self.errors:
            self.add_error("note", _("Say what was done, or choose the event that did it"))
        return data
