"""The roster's forms: joining it, searching it, asking for expertise."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ortak.network.fields import field_choices
from ortak.network.models import PROFILE_FIELDS, ConsentScope
from ortak.registry.models import OrganizationKind, State
from ortak.workspace.countries import country_choices

FIELD_LABELS = {
    "other_names": _("Names in other scripts"),
    "fields_of_science": _("Fields of science"),
    "keywords": _("Keywords"),
    "affiliation": _("Affiliation abroad"),
    "residence_country": _("Country of residence"),
    "community_state": _("Community of"),
    "languages": _("Languages"),
    "orcid": _("ORCID iD"),
    "links": _("Links"),
}


def split(text: str, separators: str = ",;\n") -> list[str]:
    for separator in separators[1:]:
        text = text.replace(separator, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


class ExpertRegistrationForm(forms.Form):
    template_name = "workspace/forms/form.html"  # field by field, hint and error beside it
    name = forms.CharField(label=_("Your name"), max_length=200)
    other_names = forms.CharField(
        label=_("Your name in other scripts"), required=False, help_text=_("One per line.")
    )
    email = forms.EmailField(label=_("E-mail"), help_text=_("Never shown to anyone."))
    fields_of_science = forms.MultipleChoiceField(
        label=_("Fields of science (OECD)"), choices=field_choices
    )
    keywords = forms.CharField(label=_("Keywords"), required=False, help_text=_("Comma-separated."))
    affiliation = forms.CharField(label=_("Affiliation abroad"), required=False, max_length=300)
    residence_country = forms.ChoiceField(label=_("Country of residence"), required=False)
    community_state = forms.ModelChoiceField(
        label=_("Community of"),
        queryset=State.objects.filter(ots_status__in=["member", "observer"]),
    )
    languages = forms.CharField(
        label=_("Languages"), required=False, help_text=_("ISO codes, comma-separated: az, ru, en")
    )
    orcid = forms.CharField(label=_("ORCID iD"), required=False, max_length=40)
    links = forms.CharField(label=_("Links"), required=False, help_text=_("One per line."))
    public_fields = forms.MultipleChoiceField(
        label=_("Shown to everyone"),
        required=False,
        choices=[(name, FIELD_LABELS[name]) for name in PROFILE_FIELDS],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The other fields are seen by member institutions only."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("I agree that Ortak"),
        choices=ConsentScope.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    agree = forms.BooleanField(label=_("I have read the consent text above and agree to it."))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["residence_country"]).choices = [
            ("", "—"),
            *country_choices(),
        ]


class ExpertSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or keyword"), required=False)
    field = forms.ChoiceField(label=_("Field of science"), required=False)
    language = forms.CharField(label=_("Language (ISO code)"), required=False, max_length=3)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["field"]).choices = [("", _("Any")), *field_choices()]


class ExpertiseRequestForm(forms.Form):
    title = forms.CharField(label=_("What expertise is needed"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    fields_of_science = forms.MultipleChoiceField(
        label=_("Fields of science (OECD)"), choices=field_choices, required=False
    )
    keywords = forms.CharField(label=_("Keywords"), required=False)
    languages = forms.CharField(label=_("Languages"), required=False)


class OrganizationRegistrationForm(forms.Form):
    template_name = "workspace/forms/form.html"  # field by field, hint and error beside it
    name = forms.CharField(label=_("Name of the organization"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganizationKind.choices)
    host_country = forms.ChoiceField(label=_("Country where it works"))
    city = forms.CharField(label=_("City"), max_length=120)
    community_state = forms.ModelChoiceField(
        label=_("Community of"),
        queryset=State.objects.filter(ots_status__in=["member", "observer"]),
    )
    languages = forms.CharField(label=_("Languages"), required=False, help_text=_("ISO codes"))
    activities = forms.CharField(label=_("Activities"), required=False, widget=forms.Textarea)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["host_country"]).choices = country_choices()
