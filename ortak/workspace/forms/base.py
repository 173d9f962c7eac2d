"""What every workspace form shares: GOV.UK-style rendering, dates with precision, names.

Forms only parse and check input; the views hand the cleaned data to a service, and a
coded error the service raises is shown on the field it is about (`error_fields`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ortak.core.dates import PartialDate, Precision
from ortak.core.errors import OrtakError
from ortak.registry.models import Institution, State
from ortak.workspace.access import Access
from ortak.workspace.countries import country_choices
from ortak.workspace.errors import add_form_error

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The national languages a name may be given in beside the canonical (English) one.
NAME_LANGUAGES = ("ru", "tr", "az", "kk", "ky", "uz")
LANGUAGE_NAMES = {
    "ru": "Русский",
    "tr": "Türkçe",
    "az": "Azərbaycanca",
    "kk": "Қазақша",
    "ky": "Кыргызча",
    "uz": "Oʻzbekcha",
}


def _plain_errors() -> dict[type[forms.Field], dict[str, StrOrPromise]]:
    """Messages that say what to do, for the errors Django words technically (and which some
    of its catalogs, Kazakh among them, do not translate)."""
    too_long = _("Too long: at most %(limit_value)d characters, this has %(show_value)d.")
    choose = _("Choose one of the options in the list.")
    return {
        forms.CharField: {"max_length": too_long},
        forms.EmailField: {"invalid": _("Enter an e-mail address like name@example.org.")},
        forms.URLField: {"invalid": _("Enter a web address like https://example.org.")},
        forms.ChoiceField: {"invalid_choice": choose},
        forms.ModelChoiceField: {"invalid_choice": choose},
        forms.ModelMultipleChoiceField: {"invalid_choice": choose, "invalid_pk_value": choose},
    }


class WorkspaceForm(forms.Form):
    """A form rendered field by field with its hint and error beside it."""

    template_name = "workspace/forms/form.html"
    required_css_class = "required"
    # Which field a service's coded error is about, e.g. {"E201": "end"}.
    error_fields: dict[str, str] = {}

    def full_clean(self) -> None:
        # Here rather than in __init__: subclasses add fields after it (names, a value).
        self._plain_errors()
        super().full_clean()

    def _plain_errors(self) -> None:
        for field in self.fields.values():
            for kind, messages in _plain_errors().items():
                if isinstance(field, kind):
                    field.error_messages.update(messages)

    def clean(self) -> dict[str, Any]:
        # Django's Form.clean returns the cleaned data; its stubs allow None for a subclass
        # that returns nothing, which this one does not.
        super().clean()
        return self.cleaned_data

    def choose_from(self, name: str, queryset: QuerySet[Any]) -> forms.ModelChoiceField:
        """Let the choice field `name` offer `queryset`, read when the form is made."""
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField), f"{name} chooses among records"
        field.queryset = queryset
        return field

    def show_error(self, error: OrtakError) -> None:
        add_form_error(self, error, self.error_fields)


def max_length(model: type[models.Model], field: str) -> int:
    """The column's length, so the form refuses over-long input before the database does."""
    column = model._meta.get_field(field)
    assert isinstance(column, models.Field) and column.max_length, f"{field} has a length"
    return column.max_length


def text_field(model: type[models.Model], field: str, **kwargs: Any) -> forms.CharField:
    return forms.CharField(max_length=max_length(model, field), **kwargs)


class PartialDateField(forms.CharField):
    """A date as precise as known: `2024`, `2024-11` or `2024-11-18`."""

    default_error_messages = {
        "invalid": _(
            "Enter the date as a year, a month or a day, for example 2024, 2024-11 or 2024-11-18."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("For example 2024, 2024-11 or 2024-11-18."))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "class": "date"})

    def clean(self, value: Any) -> PartialDate | None:
        text = super().clean(value)  # the text first: required, length, no NUL characters
        if not text:
            return None
        try:
            return PartialDate.parse(text)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error

    def prepare_value(self, value: Any) -> Any:
        return value.isoformat() if isinstance(value, PartialDate) else value


def partial_date(value: Any, precision: str) -> str:
    """A model's date and its precision as the text the date field shows."""
    return PartialDate(value, cast(Precision, precision)).isoformat() if value else ""


class StateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: State) -> str:
        return obj.name_in(get_language() or "en")


class StateMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: State) -> str:
        return obj.name_in(get_language() or "en")


class InstitutionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Institution) -> str:
        return institution_label(obj)


class InstitutionMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Institution) -> str:
        return institution_label(obj)


def institution_label(institution: Institution) -> str:
    name = institution.name_in(get_language() or "en")
    return f"{name} ({institution.state.key})" if institution.state else name


def institutions() -> models.QuerySet[Institution]:
    return Institution.objects.select_related("state").order_by("name")


def states_for(access: Access) -> models.QuerySet[State]:
    """The states a user may file records under: all for the secretariat, else their own."""
    states = State.objects.order_by("name")
    return states if access.secretariat else states.filter(pk__in=access.state_ids)


def country_field(**kwargs: Any) -> forms.ChoiceField:
    kwargs.setdefault("required", False)
    return forms.ChoiceField(choices=lambda: [("", "—"), *country_choices()], **kwargs)


class NamesMixin(forms.Form):
    """Optional fields for the name in each national language (`names` of the record)."""

    names_legend = _("Name in other languages")

    def add_name_fields(self, names: dict[str, str] | None, length: int) -> None:
        for language in NAME_LANGUAGES:
            self.fields[f"name_{language}"] = forms.CharField(
                label=LANGUAGE_NAMES[language],
                max_length=length,
                required=False,
                initial=(names or {}).get(language, ""),
                widget=forms.TextInput(attrs={"lang": language}),
            )

    def name_fields(self) -> list[forms.BoundField]:
        return [self[f"name_{language}"] for language in NAME_LANGUAGES]

    def main_fields(self) -> list[forms.BoundField]:
        return [f for f in self.visible_fields() if not f.name.startswith("name_")]

    def cleaned_names(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            language: data[f"name_{language}"].strip()
            for language in NAME_LANGUAGES
            if data.get(f"name_{language}", "").strip()
        }
