"""Plans from a table: names in any spelling, every problem by row, nothing written on error."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.core.errors import InputError, PermissionDenied
from ortak.plans.importing import event_type_named, read_table
from ortak.plans.models import ActivityPlan, Measure
from ortak.plans.services import plan_import
from ortak.plans.tests.conftest import PLAN_2019
from ortak.registry.models import State

pytestmark = pytest.mark.django_db

BAD = """\
number,measure,program,responsible,partners,host,due
1,Forum,Turkic Diaspora Forum,Комитет которого нет,,AZ,2022-Q4
2,Training,basket weaving,YTB,,Atlantis,2022-14
3,,training,YTB,,,2022
"""


def _import(text, name="plan.csv", **options):
    return plan_import(
        actor=secretariat_user(), rows=read_table(text, name), title="Plan",
        year_from=2022, **options,
    )  # fmt: skip


def test_an_import_resolves_names_in_any_script_and_creates_every_measure(plan_2019):
    measures = {m.number: m for m in plan_2019.measures.all()}
    assert len(measures) == 5
    assert measures["1"].responsible.get().key == "az-diaspora-committee"  # Azerbaijani
    assert measures["2"].responsible.get().key == "tr-ytb"  # Turkish
    assert measures["3"].responsible.get().key == "az-diaspora-committee"  # Russian
    assert measures["1"].partners.get().key == "tr-ytb"  # an abbreviation
    assert (measures["1"].series.key, measures["1"].host.key) == ("exchange-of-experience", "AZ")
    assert (measures["3"].event_type, str(measures["3"].due)) == ("training", "2019-05/2019-06")
    assert (measures["4"].event_type, measures["4"].host.key) == ("contact_group_meeting", "KZ")


def test_a_bad_import_names_each_row_and_value_and_writes_nothing(reference):
    result = _import(BAD.encode())
    problems = {(p.row, p.column, p.value) for p in result.problems}
    assert problems == {
        (2, "responsible", "Комитет которого нет"),
        (3, "program", "basket weaving"),
        (3, "host", "Atlantis"),
        (3, "due", "2022-14"),
        (4, "measure", ""),
    }
    assert not ActivityPlan.objects.exists() and not Measure.objects.exists()


def test_a_dry_run_shows_the_measures_and_writes_nothing(reference):
    result = _import(PLAN_2019.encode(), dry_run=True)
    assert result.ok and len(result.rows) == 5 and result.plan is None
    assert not ActivityPlan.objects.exists()


def test_an_xlsx_table_with_its_columns_in_another_order(reference):
    book = Workbook()
    sheet = book.active
    sheet.append(["Due", "Responsible", "Measure", "Number"])
    sheet.append(["2023-Q2", "Otandastar Foundation", "Forum of compatriots", 1])
    data = io.BytesIO()
    book.save(data)
    result = _import(data.getvalue(), "plan.xlsx")
    measure = result.plan.measures.get()
    assert (measure.number, str(measure.due), measure.responsible.get().key) == (
        "1", "2023-Q2", "kz-otandastar",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"", "plan.csv"), (b"measure\n", "plan.pdf"), (b"not a workbook", "plan.xlsx")],
)
def test_an_unreadable_table_is_a_coded_error(reference, data, name):
    with pytest.raises(InputError) as error:
        read_table(data, name)
    assert error.value.code == "E120"


def test_a_table_without_the_needed_columns(reference):
    result = _import(b"what,who\nForum,YTB\n")
    assert {(p.row, p.column) for p in result.problems} == {
        (1, "what"), (1, "who"), (1, "measure"), (1, "responsible"),
    }  # fmt: skip


def test_only_the_secretariat_imports_plans(reference):
    with pytest.raises(PermissionDenied):
        plan_import(
            actor=editor_of(State.objects.get(key="AZ")), rows=read_table(PLAN_2019.encode(),
            "plan.csv"), title="Plan", year_from=2019,
        )  # fmt: skip


def test_the_import_command_dry_run_and_errors(reference, tmp_path, capsys):
    good, bad = tmp_path / "plan.csv", tmp_path / "bad.csv"
    good.write_text(PLAN_2019, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    call_command("plan_import", str(good), "--title", "Plan 2019", "--years", "2019", "--dry-run",
                 "--json")  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert (data["ok"], len(data["measures"]), data["plan"]) == (True, 5, None)
    with pytest.raises(CommandError, match="5 problems; nothing was written"):
        call_command("plan_import", str(bad), "--title", "Plan", "--years", "2022-2023")
    assert "row 3, due “2022-14”" in capsys.readouterr().err
    call_command("plan_import", str(good), "--title", "Plan 2019", "--years", "2019-2020")
    plan = ActivityPlan.objects.get()
    assert (plan.year_from, plan.year_to, plan.measures.count()) == (2019, 2020, 5)


@pytest.mark.parametrize("active", ["en", "ru", "kk"])
def test_an_event_type_is_read_by_its_english_name_whatever_language_is_active(active):
    """A command or worker that last served a Russian reader still reads "training"."""
    with translation.override(active):
        assert event_type_named("training") == "training"
        assert event_type_named("Exchange of experience") == "exchange_of_experience"
