"""Forms for the measures of activity plans and the progress made on them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ortak.events.models import Event, EventSeries, EventType
from ortak.plans.models import ActivityPlan, DecisionKind, Measure
from ortak.registry.models import Institution, State
from ortak.workspace.forms.base import (
    InstitutionMultipleChoiceField,
    WorkspaceForm,
    institutions,
    text_field,
)

DUE_HELP = _("For example 2022, 2022-Q4, 2022-03, 2022-10-15 or a range such as 2022-10/2022-11.")


class MeasureForm(WorkspaceForm):
    error_fields = {"E203": "responsible", "E204": "due", "E213": "event_type"}

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
    series = forms.ModelChoiceField(
        queryset=EventSeries.objects.none(),
        label=_("Program or series"),
        required=False,
        help_text=_("The events that carry the measure out belong to this series."),
    )
    event_type = forms.ChoiceField(
        choices=[("", "—"), *EventType.choices],
        label=_("Event type"),
        required=False,
        help_text=_("Or the type of event that carries the measure out."),
    )
    host = forms.ModelChoiceField(
        queryset=State.objects.none(), label=_("Host state"), required=False
    )
    due = forms.CharField(label=_("Due"), required=False, max_length=30, help_text=DUE_HELP)

    def __init__(self, *args: Any, with_plan: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if with_plan:
            self.choose_from("plan", ActivityPlan.objects.order_by("-year_from"))
        else:  # a measure stays in its plan
            del self.fields["plan"]
        self.choose_from("responsible", institutions())
        self.choose_from("partners", institutions())
        self.choose_from("series", EventSeries.objects.order_by("name"))
        self.choose_from("host", State.objects.order_by("name"))


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

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_from("event", Event.objects.order_by("-start_date", "title"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("note") and not data.get("event") and "note" not in self.errors:
            self.add_error("note", _("Say what was done, or choose the event that did it"))
        return data


class PlanForm(WorkspaceForm):
    error_fields = {"E250": "year_from"}

    title = text_field(
        ActivityPlan,
        "title",
        label=_("Title"),
        error_messages={"required": _("Enter the plan's title")},
    )
    year_from = forms.IntegerField(label=_("First year"), min_value=1990, max_value=2100)
    year_to = forms.IntegerField(
        label=_("Last year"),
        min_value=1990,
        max_value=2100,
        required=False,
        help_text=_("Leave empty for a plan of one year."),
    )
    adopted_at = forms.ModelChoiceField(
        queryset=Event.objects.none(),
        label=_("Adopted at"),
        required=False,
        help_text=_("The meeting that adopted the plan."),
    )
    aliases = forms.CharField(
        label=_("Other names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "How articles name the plan, one a line; "
            "an event said to be part of it is linked to it."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_from("adopted_at", Event.objects.order_by("-start_date", "title"))


class PlanImportForm(WorkspaceForm):
    title = text_field(
        ActivityPlan,
        "title",
        label=_("Title of the plan"),
        error_messages={"required": _("Enter the plan's title")},
    )
    years = forms.RegexField(
        regex=r"^\d{4}(-\d{4})?$",
        label=_("Years"),
        help_text=_("For example 2022 or 2022-2023."),
        error_messages={"invalid": _("Write the years as 2022 or 2022-2023.")},
    )
    table = forms.FileField(
        label=_("Table of measures"),
        help_text=_(
            "CSV or XLSX with the columns "
            "number, measure, program, responsible, partners, host, due."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Only check, create nothing"), required=False, initial=True
    )

    def year_span(self) -> tuple[int, int]:
        first, _sep, last = self.cleaned_data["years"].partition("-")
        return int(first), int(last or first)


class DecisionForm(WorkspaceForm):
    error_fields = {"E251": "reason"}

    kind = forms.ChoiceField(choices=DecisionKind.choices, label=_("Decision"))
    decided_on = forms.DateField(
        label=_("Decided on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    source_reference = forms.CharField(
        label=_("Source"),
        max_length=500,
        help_text=_("Where the decision is written: an address, the minutes or a document."),
    )
