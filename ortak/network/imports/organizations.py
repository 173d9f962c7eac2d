"""Diaspora organizations from a spreadsheet: columns, the typed row, the records it names.

Columns by header name: name, kind, country (where it is: ISO code or name), city,
community (the state whose diaspora it serves), languages, website, email, phone, founded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from ortak.core.dates import PartialDate, Precision
from ortak.network.imports import fields
from ortak.network.imports.fields import CellError
from ortak.network.imports.report import (
    Existing,
    Plan,
    Problem,
    RowInvalid,
    best_existing,
    read_cells,
)
from ortak.network.imports.table import Row
from ortak.registry.models import DiasporaOrganization, OrganizationKind, State
from ortak.search.selectors import search

COLUMNS = [
    "name",
    "kind",
    "country",
    "city",
    "community",
    "languages",
    "website",
    "email",
    "phone",
    "founded",
]


@dataclass(frozen=True)
class OrganizationRow:
    """One valid row: what `organization_create` is given."""

    name: str
    kind: str
    host_country: str
    city: str
    community_state: State | None
    languages: list[str]
    website: str
    email: str
    phone: str
    founded: PartialDate | None

    def model_fields(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "host_country": self.host_country,
            "city": self.city,
            "community_state": self.community_state,
            "languages": self.languages,
            "website": self.website,
            "email": self.email,
            "phone": self.phone,
        }
        if self.founded:
            values.update(founded=self.founded.date, founded_precision=self.founded.precision)
        return values


def _name(text: str) -> str:
    if not text:
        raise CellError("is empty; every organization needs its name")
    if len(text) > 300:
        raise CellError("is longer than 300 characters")
    return " ".join(text.split())


def _kind(text: str) -> str:
    if not text:
        return OrganizationKind.OTHER
    return fields.choice(text, OrganizationKind.choices, "kind of organization")


READERS: dict[str, Callable[[str], Any]] = {
    "name": _name,
    "kind": _kind,
    "country": fields.country_code,
    "city": lambda text: " ".join(text.split())[:120],
    "community": fields.community_state,
    "languages": fields.languages,
    "website": fields.website,
    "email": fields.email,
    "phone": fields.phone,
    "founded": fields.founded,
}


def read_organization(row: Row) -> OrganizationRow:
    """The typed row, or RowInvalid naming every bad column."""
    if "name" not in row.cells:
        raise RowInvalid([Problem("name", "the file has no “name” column")])
    values = read_cells(row, READERS)
    return OrganizationRow(
        name=values["name"],
        kind=values["kind"],
        host_country=values["country"],
        city=values["city"],
        community_state=values["community"],
        languages=values["languages"],
        website=values["website"],
        email=values["email"],
        phone=values["phone"],
        founded=values["founded"],
    )


def find_organization(row: OrganizationRow) -> Existing | None:
    """The organization Ortak has in the same host country under any spelling of the name."""
    hits = search(row.name, kinds=["organization"], published_only=False, limit=10)
    candidates = DiasporaOrganization.objects.filter(
        pk__in=[hit.object_id for hit in hits], host_country=row.host_country
    )
    return best_existing(
        row.name, [(o.pk, o.name, [str(v) for v in o.names.values()]) for o in candidates]
    )


PLAN: Plan[OrganizationRow] = Plan(
    kind="organizations",
    read=read_organization,
    name=lambda record: record.name,
    group=lambda record: record.host_country,
    find=find_organization,
)


def export_row(organization: DiasporaOrganization) -> dict[str, str]:
    """An organization in the import's columns, so an export imports back unchanged."""
    precision = cast(Precision, organization.founded_precision)  # one of DatePrecision
    founded = (
        PartialDate(organization.founded, precision).isoformat() if organization.founded else ""
    )
    return {
        "name": organization.name,
        "kind": organization.kind,
        "country": organization.host_country,
        "city": organization.city,
        "community": organization.community_state.key if organization.community_state else "",
        "languages": ", ".join(organization.languages),
        "website": organization.website,
        "email": organization.email,
        "phone": organization.phone,
        "founded": founded,
    }
