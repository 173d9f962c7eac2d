"""Exports in the import's columns: what Ortak has, as the institutions' spreadsheets are.

Only what the public may see: published organizations, and experts whose consent lets them
be listed publicly, with their public fields.
"""

from __future__ import annotations

import csv
from typing import Any, Protocol

from ortak.core.models import Publication
from ortak.network.imports import organizations
from ortak.network.models import PROFILE_FIELDS
from ortak.network.selectors import PublicExpert, expert_list
from ortak.registry.models import DiasporaOrganization

EXPERT_COLUMNS = ["name", *PROFILE_FIELDS]


def _expert_row(expert: PublicExpert) -> dict[str, str]:
    """A publicly listed expert's public fields; the others stay empty."""
    row = {"name": expert.name}
    for name in PROFILE_FIELDS:
        value = expert.get(name)
        row[name] = "; ".join(value) if isinstance(value, list) else (value or "")
    return row


def export_rows(kind: str) -> tuple[list[str], list[dict[str, str]]]:
    """The columns and rows of an export of `kind` ("organizations" or "experts")."""
    if kind == "experts":
        return EXPERT_COLUMNS, [_expert_row(e) for e in expert_list(actor=None)]
    queryset = DiasporaOrganization.objects.filter(publication=Publication.PUBLISHED)
    rows = [organizations.export_row(o) for o in queryset.select_related("community_state")]
    return organizations.COLUMNS, rows


class Writable(Protocol):
    """Where a table is written: a text or binary file, or a command's output."""

    def write(self, data: Any, /) -> object: ...


def write_table(
    out: Writable, columns: list[str], rows: list[dict[str, str]], *, xlsx: bool = False
) -> None:
    """Write CSV text, or an XLSX workbook to a binary stream."""
    if not xlsx:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
        return
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(column, "") for column in columns])
    book.save(out)
