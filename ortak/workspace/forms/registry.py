"""Forms for the registry: people, their spellings and positions, institutions, organizations."""

from __future__ import annotations

import re
from typing import Any

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _

from ortak.registry.models import (
    DiasporaOrganization,
    Institution,
    InstitutionKind,
    OrganizationKind,
    Person,
    PersonAlias,
    Position,
    State,
)
from ortak.workspace.access import Access
from ortak.workspace.forms.base import (
    InstitutionChoiceField,
    NamesMixin,
    PartialDateField,
    StateChoiceField,
    WorkspaceForm,
    country_field,
    institutions,
    max_length,
    states_for,
    text_field,
)


class PersonForm(NamesMixin, WorkspaceForm):
    names_legend = _("Name as written in other languages")

    name = text_field(
        Person,
        "name",
        label=_("Full name"),
        help_text=_("In Latin script, as it is usually written, for example Fuad Muradov."),
        error_messages={"required": _("Enter the person's name")},
    )
    state = StateChoiceField(
        queryset=State.objects.none(),
        label=_("State"),
        required=False,
        help_text=_("The state the person serves or belongs to."),
    )
    aliases = forms.CharField(
        label=_("Other spellings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One on each line, in any script, for example Фуад Мурадов."),
    )

    def __init__(self, *args: Any, access: Access, names: dict | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_from("state", states_for(access))
        self.fields["state"].required = not access.secretariat
        self.fields["state"].error_messages["required"] = _("Choose the person's state")
        self.add_name_fields(names, max_length(Person, "name"))

    def clean_aliases(self) -> list[str]:
        lines = (line.strip() for line in self.cleaned_data["aliases"].splitlines())
        aliases = [line for line in lines if line]
        limit = max_length(PersonAlias, "text")
        if any(len(alias) > limit for alias in aliases):
            raise forms.ValidationError(
                _("Each spelling must be %(limit)d characters or fewer.") % {"limit": limit}
            )
        return aliases


class AliasForm(WorkspaceForm):
    text = text_field(
        PersonAlias,
        "text",
        label=_("Spelling"),
        error_messages={"required": _("Enter the spelling to add")},
    )


class PositionForm(WorkspaceForm):
    error_fields = {"E201": "end", "E204": "start"}

    institution = InstitutionChoiceField(
        queryset=Institution.objects.none(),
        label=_("Institution"),
        error_messages={"required": _("Choose the institution")},
    )
    title = text_field(
        Position,
        "title",
        label=_("Title"),
        help_text=_("As written, for example Chairman or Deputy Secretary General."),
        error_messages={"required": _("Enter the title")},
    )
    start = PartialDateField(label=_("From"))
    end = PartialDateField(label=_("To"), help_text=_("Leave empty while the person holds it."))

    def __init__(self, *args: Any, with_institution: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if with_institution:
            self.choose_from("institution", institutions())
        else:  # an existing position keeps its institution; add a new one instead
            del self.fields["institution"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end.last_day() < start.date:
            self.add_error("end", _("The end date is before the start date. Check the two dates."))
        return data


class InstitutionForm(NamesMixin, WorkspaceForm):
    name = text_field(
        Institution,
        "name",
        label=_("Name"),
        help_text=_("The official name in English."),
        error_messages={"required": _("Enter the institution's name")},
    )
    kind = forms.ChoiceField(
        choices=[("", "—"), *InstitutionKind.choices],
        label=_("Kind"),
        error_messages={"required": _("Choose the kind of institution")},
    )
    state = StateChoiceField(
        queryset=State.objects.none(),
        label=_("State"),
        required=False,
        help_text=_("Leave empty for an international organization."),
    )
    parent = InstitutionChoiceField(
        queryset=Institution.objects.none(), label=_("Part of"), required=False
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=max_length(Institution, "website"),
        assume_scheme="https",
    )
    diaspora_body = forms.BooleanField(
        label=_("It is its state's diaspora institution"), required=False
    )

    def __init__(
        self,
        *args: Any,
        access: Access,
        names: dict | None = None,
        institution: Institution | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.choose_from("state", states_for(access))
        self.fields["state"].required = not access.secretariat
        self.fields["state"].error_messages["required"] = _("Choose the institution's state")
        # An institution is not part of itself.
        parents = institutions().exclude(pk=institution.pk) if institution else institutions()
        self.choose_from("parent", parents)
        self.add_name_fields(names, max_length(Institution, "name"))


class OrganizationForm(NamesMixin, WorkspaceForm):
    name = text_field(
        DiasporaOrganization,
        "name",
        label=_("Name"),
        error_messages={"required": _("Enter the organization's name")},
    )
    kind = forms.ChoiceField(
        choices=[("", "—"), *OrganizationKind.choices],
        label=_("Kind"),
        error_messages={"required": _("Choose the kind of organization")},
    )
    community_state = StateChoiceField(
        queryset=State.objects.none(),
        label=_("Community of"),
        required=False,
        help_text=_("The state whose diaspora the organization brings together."),
    )
    host_country = country_field(
        label=_("Country"),
        required=True,
        help_text=_("Where the organization works."),
        error_messages={"required": _("Choose the country where the organization works")},
    )
    city = text_field(DiasporaOrganization, "city", label=_("City"), required=False)
    activities = forms.CharField(
        label=_("Activities"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=max_length(DiasporaOrganization, "email"),
    )
    phone = text_field(DiasporaOrganization, "phone", label=_("Phone"), required=False)
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=max_length(DiasporaOrganization, "website"),
        assume_scheme="https",
    )
    founded = PartialDateField(label=_("Founded"))
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        max_length=200,
        help_text=_("The languages it works in, as ISO codes or names: az, ru, de."),
    )
    members_count = forms.IntegerField(label=_("Members"), required=False, min_value=0)
    links = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Other web pages and social media, one address per line."),
    )
    latitude = forms.FloatField(
        label=_("Latitude"),
        required=False,
        help_text=_("From -90 to 90, north positive. Leave both empty to use the city's."),
    )
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, help_text=_("From -180 to 180, east positive.")
    )
    error_fields = {"E214": "latitude", "E215": "links", "E216": "members_count"}

    def clean_languages(self) -> list[str]:
        return language_codes(self.cleaned_data["languages"])

    def clean_links(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]

    def __init__(
        self,
        *args: Any,
        access: Access,
        names: dict | None = None,
        lock_community: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        states = State.objects.order_by("name") if lock_community else states_for(access)
        field = self.choose_from("community_state", states)
        field.required = not access.secretariat and not lock_community
        field.error_messages["required"] = _("Choose the state whose community it is")
        if lock_community:  # representatives edit the profile, not whose community it is
            field.disabled = True
        self.add_name_fields(names, max_length(DiasporaOrganization, "name"))


def language_codes(text: str) -> list[str]:
    """ISO 639 codes of "az, ru" or "Azerbaijani; Russian", each once, in the order given."""
    codes: list[str] = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]+", text))):
        try:
            language = pycountry.languages.lookup(part)
        except LookupError:
            raise forms.ValidationError(
                _("“%(value)s” is no language Ortak knows; use ISO codes such as az, ru."),
                params={"value": part},
            ) from None
        code = getattr(language, "alpha_2", None) or language.alpha_3
        if code not in codes:
            codes.append(code)
    return codes
