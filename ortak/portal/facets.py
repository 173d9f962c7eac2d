"""Facet descriptors for the list pages: the counts a selector returns, labelled in the
reader's language, with the chosen value marked. The template draws every facet the same
way (a labelled select in a GET form), so lists differ only in which facets they pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pycountry
from django.db.models import TextChoices
from django.utils.translation import get_language_info

from ortak.portal.naming import shown_name, state_row_name
from ortak.reference.countries import country_name


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    """One filter of a list: the query parameter `name`, its label and its options."""

    name: str
    label: str
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self) -> Option | None:
        return next((option for option in self.options if option.selected), None)


def _selected(value: object, chosen: object) -> bool:
    return chosen not in (None, "") and str(value).upper() == str(chosen).upper()


def choice_facet(
    name: str, label: str, rows: Iterable[dict], *, field: str, choices: type[TextChoices], chosen
) -> Facet:
    """A facet over a field with choices (type, status, kind); labels from the choices."""
    labels = dict(choices.choices)
    options = [
        Option(str(row[field]), str(labels.get(row[field], row[field])), row["count"])
        for row in rows
    ]
    return _facet(name, label, options, chosen)


def named_facet(
    name: str, label: str, rows: Iterable[dict], *, value: str, chosen, language: str
) -> Facet:
    """A facet over related records (`{value, name, names, count}` rows), named in `language`."""
    options = [
        Option(str(row[value]), shown_name(row["name"], row.get("names"), language), row["count"])
        for row in rows
    ]
    return _facet(name, label, options, chosen)


def state_facet(name: str, label: str, rows: Iterable[dict], *, chosen, language: str) -> Facet:
    """A facet over states (`{key, name, names, count}` rows), each named as its country."""
    options = [Option(str(row["key"]), state_row_name(row, language), row["count"]) for row in rows]
    return _facet(name, label, sorted(options, key=lambda o: o.label), chosen)


def year_facet(name: str, label: str, rows: Iterable[dict], *, chosen) -> Facet:
    options = [Option(str(row["year"]), str(row["year"]), row["count"]) for row in rows]
    return _facet(name, label, options, chosen)


def country_facet(
    name: str, label: str, rows: Iterable[dict], *, chosen, language: str = "en"
) -> Facet:
    """A facet over ISO country codes (`{code, count}` rows), named in `language`."""
    options = [
        Option(row["code"], country_name(row["code"], language), row["count"]) for row in rows
    ]
    return _facet(name, label, sorted(options, key=lambda o: o.label), chosen)


def language_facet(name: str, label: str, rows: Iterable[dict], *, chosen) -> Facet:
    """A facet over ISO 639 codes (`{code, count}` rows), named in the reader's language."""
    options = [Option(row["code"], language_label(row["code"]), row["count"]) for row in rows]
    return _facet(name, label, options, chosen)


def language_label(code: str) -> str:
    """`de` -> "German" in the reader's language where Django names it, else ISO 639's name."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
        return str(found.name) if found else code


def _facet(name: str, label: str, options: list[Option], chosen) -> Facet:
    marked = [Option(o.value, o.label, o.count, _selected(o.value, chosen)) for o in options]
    if chosen not in (None, "") and not any(o.selected for o in marked):
        # The filter is set but nothing matched: keep it visible so it can be removed.
        marked.insert(0, Option(str(chosen), str(chosen), 0, True))
    return Facet(name, label, marked)
