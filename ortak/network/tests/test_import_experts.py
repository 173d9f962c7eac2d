"""Importing experts: consent is a column, and a row without it is invalid."""

from __future__ import annotations

import pytest

from ortak.network.imports.table import read_table
from ortak.network.models import Expert
from ortak.network.services import ImportRefused
from ortak.network.services.imports import experts_import

HEADER = "name,other_names,fields,keywords,country,community,languages,orcid,email,public,consent\n"
LEYLA = (
    "Leyla Aliyeva,Лейла Алиева,1.2,NLP,AT,AZ,az,0000-0002-1825-0097,l@example.org,"
    "keywords,public;institutions\n"
)
LEYLA_CYRILLIC = "Лейла Алиева,,1.2,,AT,AZ,,,,,institutions\n"
NO_CONSENT = "Kamran Mammadov,,5.5,,DE,AZ,,,,,\n"
BAD_ORCID = "Aysel Guliyeva,,5.5,,DE,AZ,,0000-0002-1825-0098,,,public\n"


@pytest.fixture
def sheet(tmp_path, azerbaijan):
    def write(*lines):
        path = tmp_path / "experts.csv"
        path.write_text(HEADER + "".join(lines), encoding="utf-8")
        return read_table(path)

    return write


def test_rows_without_consent_or_with_a_wrong_orcid_are_invalid(sheet, az_editor):
    report = experts_import(actor=az_editor, rows=sheet(LEYLA, NO_CONSENT, BAD_ORCID), dry_run=True)
    assert [row.status for row in report.rows] == ["new", "invalid", "invalid"]
    assert [p.column for p in report.rows[1].problems] == ["consent"]
    assert [p.column for p in report.rows[2].problems] == ["orcid"]
    with pytest.raises(ImportRefused):
        experts_import(actor=az_editor, rows=sheet(LEYLA, NO_CONSENT))
    assert not Expert.objects.exists()


def test_import_lists_the_expert_with_the_recorded_consent_once(sheet, az_editor):
    first = experts_import(actor=az_editor, rows=sheet(LEYLA, LEYLA_CYRILLIC))
    assert [row.status for row in first.rows] == ["new", "duplicate"]
    expert = Expert.objects.get()
    consent = expert.active_consent()
    assert (consent.scopes, consent.source, consent.recorded_by) == (
        ["public", "institutions"],
        "import",
        az_editor,
    )
    second = experts_import(actor=az_editor, rows=sheet(LEYLA_CYRILLIC))
    assert second.rows[0].status == "same" and second.rows[0].existing.id == expert.pk
    assert Expert.objects.count() == 1
