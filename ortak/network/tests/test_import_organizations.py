"""Importing diaspora organizations from the institutions' spreadsheets, with a dedup report."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.core.errors import ValidationError
from ortak.network.imports.table import read_table
from ortak.network.services import ImportRefused, importer_for, organizations_import
from ortak.registry.models import DiasporaOrganization
from ortak.registry.services import organization_create
from ortak.registry.tests.factories import StateFactory

HEADER = "name,kind,country,city,community,languages,website,email,phone,founded\n"
EXISTING = "Qazaq Uyi,culture_center,DE,Berlin,KZ,kk,,,,2004\n"
CYRILLIC = "Қазақ Үйі,culture_center,Германия,Berlin,Kazakhstan,kk,,,,\n"
TWICE_A = (
    "Birlik Derneği,association,DE,Köln,AZ,az; ru,birlik.de,info@birlik.de,+49 221 123456,1999\n"
)
TWICE_B = "Бирлик Дернеги,association,Germany,Cologne,AZ,az,,,,\n"
UNKNOWN_COUNTRY = "Ata Yurt,school,Atlantis,Nowhere,KG,ky,,,,\n"
FIXED_COUNTRY = "Ata Yurt,school,FR,Paris,KG,ky,,,,\n"


@pytest.fixture
def secretariat(db):
    return secretariat_user()


@pytest.fixture
def existing(secretariat):
    return organization_create(
        actor=secretariat,
        name="Qazaq Uyi",
        kind="culture_center",
        host_country="DE",
        city="Berlin",
        community_state=StateFactory(key="KZ"),
    )


@pytest.fixture
def spreadsheet(tmp_path, existing):
    StateFactory(key="AZ"), StateFactory(key="KG")

    def write(*lines: str, name: str = "organizations.csv"):
        path = tmp_path / name
        path.write_text(HEADER + "".join(lines), encoding="utf-8")
        return path

    return write


def _by_line(report):
    return {row.line: row for row in report.rows}


def test_dry_run_reports_each_row_and_writes_nothing(spreadsheet, secretariat, existing):
    path = spreadsheet(CYRILLIC, TWICE_A, TWICE_B, UNKNOWN_COUNTRY)
    report = organizations_import(actor=secretariat, rows=read_table(path), dry_run=True)
    rows = _by_line(report)
    assert rows[2].status == "same"
    assert rows[2].existing.id == existing.pk and rows[2].existing.score >= 0.9
    assert rows[3].status == "new"
    assert (rows[4].status, rows[4].duplicate_of) == ("duplicate", 3)
    assert rows[5].status == "invalid"
    assert [p.column for p in rows[5].problems] == ["country"]
    assert "Atlantis" in rows[5].problems[0].reason
    assert DiasporaOrganization.objects.count() == 1
    assert not report.written


def test_real_import_refuses_a_file_with_an_invalid_row(spreadsheet, secretariat):
    path = spreadsheet(CYRILLIC, TWICE_A, TWICE_B, UNKNOWN_COUNTRY)
    with pytest.raises(ImportRefused) as refused:
        organizations_import(actor=secretariat, rows=read_table(path))
    assert refused.value.code == "E228"
    assert [row.line for row in refused.value.report.invalid] == [5]
    assert DiasporaOrganization.objects.count() == 1


def test_fixed_file_imports_once_and_a_second_import_changes_nothing(spreadsheet, secretariat):
    path = spreadsheet(CYRILLIC, TWICE_A, TWICE_B, FIXED_COUNTRY)
    first = organizations_import(actor=secretariat, rows=read_table(path))
    assert first.counts() == {"new": 2, "same": 1, "duplicate": 1, "invalid": 0}
    names = set(DiasporaOrganization.objects.values_list("name", flat=True))
    assert names == {"Qazaq Uyi", "Birlik Derneği", "Ata Yurt"}
    birlik = DiasporaOrganization.objects.get(name="Birlik Derneği")
    assert (birlik.languages, birlik.website, str(birlik.founded)) == (
        ["az", "ru"],
        "https://birlik.de",
        "1999-01-01",
    )
    assert birlik.founded_precision == "year"
    assert _by_line(first)[4].written_id == birlik.pk

    second = organizations_import(actor=secretariat, rows=read_table(path))
    assert second.counts() == {"new": 0, "same": 3, "duplicate": 1, "invalid": 0}
    assert DiasporaOrganization.objects.count() == 3


def test_skipping_invalid_rows_imports_the_rest(spreadsheet, secretariat):
    path = spreadsheet(TWICE_A, UNKNOWN_COUNTRY)
    report = organizations_import(actor=secretariat, rows=read_table(path), skip_invalid=True)
    assert report.written and report.counts()["invalid"] == 1
    assert not DiasporaOrganization.objects.filter(name="Ata Yurt").exists()
    assert DiasporaOrganization.objects.filter(name="Birlik Derneği").exists()


def test_imported_records_name_the_import_and_the_user_in_their_history(spreadsheet, secretariat):
    organizations_import(actor=secretariat, rows=read_table(spreadsheet(TWICE_A)))
    record = DiasporaOrganization.objects.get(name="Birlik Derneği").history.first()
    assert record.history_user == secretariat
    assert record.history_change_reason.startswith("import, on behalf of")


def test_coordinates_come_from_the_city(spreadsheet, secretariat):
    organizations_import(actor=secretariat, rows=read_table(spreadsheet(FIXED_COUNTRY)))
    school = DiasporaOrganization.objects.get(name="Ata Yurt")
    assert school.latitude == pytest.approx(48.85, abs=0.1)
    assert school.longitude == pytest.approx(2.35, abs=0.1)


def test_an_editor_may_import_only_their_own_communitys_organizations(spreadsheet):
    editor = editor_of(StateFactory(key="AZ"))
    path = spreadsheet(TWICE_A, FIXED_COUNTRY)
    report = organizations_import(actor=editor, rows=read_table(path), dry_run=True)
    rows = _by_line(report)
    assert rows[2].status == "new"
    assert (rows[3].status, rows[3].problems[0].column) == ("invalid", "community")


@pytest.mark.parametrize(
    ("cell", "column"),
    [
        ("Birlik,club,DE,Köln,AZ,,,,,", "kind"),
        ("Birlik,association,DE,Köln,Narnia,,,,,", "community"),
        ("Birlik,association,DE,Köln,AZ,klingonish,,,,", "languages"),
        ("Birlik,association,DE,Köln,AZ,,not a site,,,", "website"),
        ("Birlik,association,DE,Köln,AZ,,,not-an-email,,", "email"),
        ("Birlik,association,DE,Köln,AZ,,,,call me,", "phone"),
        ("Birlik,association,DE,Köln,AZ,,,,,last spring", "founded"),
        (",association,DE,Köln,AZ,,,,,", "name"),
    ],
)
def test_each_bad_column_is_named(spreadsheet, secretariat, cell, column):
    report = organizations_import(
        actor=secretariat, rows=read_table(spreadsheet(cell + "\n")), dry_run=True
    )
    assert [p.column for p in report.rows[0].problems] == [column]


def test_xlsx_reads_like_csv(tmp_path, spreadsheet, secretariat):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["Ata Yurt", "school", "France", "Paris", "KG", "ky", None, None, None, 2001])
    path = tmp_path / "organizations.xlsx"
    book.save(path)
    report = organizations_import(actor=secretariat, rows=read_table(path), dry_run=True)
    row = report.rows[0]
    assert (row.status, row.record.host_country, str(row.record.founded)) == ("new", "FR", "2001")


def test_command_dry_run_json_then_refusal_then_import(spreadsheet, capsys):
    path = spreadsheet(CYRILLIC, TWICE_A, TWICE_B, UNKNOWN_COUNTRY)
    call_command("import", "organizations", str(path), "--dry-run", "--json")
    report = json.loads(capsys.readouterr().out)
    assert [row["status"] for row in report["rows"]] == ["same", "new", "duplicate", "invalid"]
    assert report["rows"][3]["problems"][0]["column"] == "country"

    with pytest.raises(CommandError, match="E228"):
        call_command("import", "organizations", str(path))
    assert DiasporaOrganization.objects.count() == 1

    call_command("import", "organizations", str(path), "--skip-invalid")
    assert DiasporaOrganization.objects.count() == 2


def test_export_imports_back_unchanged(spreadsheet, secretariat, tmp_path, capsys):
    organizations_import(actor=secretariat, rows=read_table(spreadsheet(TWICE_A, FIXED_COUNTRY)))
    out = tmp_path / "export.csv"
    call_command("export", "organizations", str(out))
    assert out.read_text(encoding="utf-8").splitlines()[0] == HEADER.strip()
    report = organizations_import(actor=secretariat, rows=read_table(out))
    assert report.counts() == {"new": 0, "same": 3, "duplicate": 0, "invalid": 0}


def test_only_organizations_and_experts_are_imported():
    with pytest.raises(ValidationError) as refused:
        importer_for("people")
    assert refused.value.code == "E229"
