"""Forms for events and what hangs on them: participants, outcomes, site visits."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ortak.events.models import (
    Event,
    EventStatus,
    EventType,
    OutcomeKind,
    Participation,
    SiteVisit,
)
from ortak.registry.models import Institution, OtsStatus, Person, State
from ortak.workspace.access import Access
from ortak.workspace.forms.base import (
    InstitutionChoiceField,
    InstitutionMultipleChoiceField,
    PartialDateField,
    StateChoiceField,
    StateMultipleChoiceField,
    WorkspaceForm,
    country_field,
    institutions,
    states_for,
    text_field,
)


class EventForm(WorkspaceForm):
    error_fields = {"E201": "end", "E204": "start"}

    title = text_field(
        Event,
        "title",
        label=_("Title"),
        error_messages={"required": _("Enter the event's title")},
    )
    event_type = forms.ChoiceField(
        choices=[("", "—"), *EventType.choices],
        label=_("Type"),
        error_messages={"required": _("Choose the type of event")},
    )
    status = forms.ChoiceField(choices=EventStatus.choices, label=_("Status"))
    start = PartialDateField(label=_("Start date"))
    end = PartialDateField(label=_("End date"), help_text=_("Leave empty for a one-day event."))
    city = text_field(Event, "city", label=_("City"), required=False)
    country = country_field(label=_("Country"))
    state = StateChoiceField(
        queryset=State.objects.none(),
        label=_("Responsible state"),
        required=False,
        help_text=_("The state whose editors look after this record; usually the host."),
    )
    framework = text_field(
        Event,
        "framework",
        label=_("Framework"),
        required=False,
        help_text=_("The plan or program the event was part of."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    organizers = InstitutionMultipleChoiceField(
        queryset=Institution.objects.none(),
        label=_("Organizers"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    countries = StateMultipleChoiceField(
        queryset=State.objects.none(),
        label=_("States that took part"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, access: Access, event: Event | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_from("state", states_for(access))
        self.fields["state"].required = not access.secretariat
        self.fields["state"].error_messages["required"] = _("Choose the responsible state")
        self.choose_from("organizers", institutions())
        taking_part = Q(pk__in=event.countries.all()) if event and event.pk else Q(pk__in=[])
        # Member and observer states first; others only where the event already names them.
        countries = State.objects.filter(~Q(ots_status=OtsStatus.NONE) | taking_part)
        self.choose_from("countries", countries.order_by("name"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end.last_day() < start.date:
            self.add_error("end", _("The end date is before the start date. Check the two dates."))
        return data


class ParticipationForm(WorkspaceForm):
    error_fields = {"E202": "person"}

    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        label=_("Person"),
        help_text=_("Not in the list? Add the person to the registry first."),
        error_messages={"required": _("Choose the person")},
    )
    role = text_field(
        Participation,
        "role",
        label=_("Role"),
        required=False,
        help_text=_("As written, for example Chairman."),
    )
    state = StateChoiceField(
        queryset=State.objects.none(), label=_("Representing the state"), required=False
    )
    institution = InstitutionChoiceField(
        queryset=Institution.objects.none(), label=_("Institution"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_from("person", Person.objects.order_by("name"))
        self.choose_from("state", State.objects.order_by("name"))
        self.choose_from("institution", institutions())


class OutcomeForm(WorkspaceForm):
    kind = forms.ChoiceField(choices=OutcomeKind.choices, label=_("Kind"))
    text = forms.CharField(
        label=_("Outcome"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The decision taken, or the document adopted or signed."),
        error_messages={"required": _("Describe the outcome")},
    )


class SiteVisitForm(WorkspaceForm):
    name = text_field(
        SiteVisit,
        "name",
        label=_("Place visited"),
        error_messages={"required": _("Enter the place visited")},
    )
