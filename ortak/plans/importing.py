"""Reading a plan's measures from a CSV or XLSX table and checking every value.

Columns are found by their header, in any order: `number`, `measure`, `program`,
`responsible`, `partners`, `host`, `due`. Institutions, programs and host states are
resolved against the registry in any spelling or script it knows (ortak.names through
the search index). Nothing here writes; ortak.plans.services.plan_import does.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils import translation
from rapidfuzz import fuzz

from ortak.core.errors import InputError
from ortak.events.models import EventSeries, EventType
from ortak.names import fold
from ortak.plans.due import DuePeriod
from ortak.registry.models import Institution, State

COLUMNS = ("number", "measure", "program", "responsible", "partners", "host", "due")
REQUIRED = ("measure", "responsible")
SERIES_MATCH = 90  # rapidfuzz ratio of folded names at which a program names a series
MAX_ROWS = 2000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the table: where (row 1 is the header), which column, what."""

    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column} “{self.value}”: {self.message}"


@dataclass
class MeasureRow:
    """One checked row: the measure as it will be created."""

    row: int
    number: str
    title: str
    series: EventSeries | None = None
    event_type: str = ""
    responsible: list[Institution] = field(default_factory=list)
    partners: list[Institution] = field(default_factory=list)
    host: State | None = None
    due: DuePeriod | None = None


def read_table(data: bytes, filename: str) -> list[dict[str, str]]:
    """The rows of a CSV or XLSX file as {column: text}, header names folded (E120)."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(io.BytesIO(data))
    elif suffix in (".csv", ".txt"):
        rows = _csv_rows(data)
    else:
        raise InputError(f"{filename!r} is neither a .csv nor an .xlsx file", code="E120")
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError("the table is empty; its first row names the columns", code="E120")
    if len(rows) > MAX_ROWS + 1:
        raise InputError(f"the table has over {MAX_ROWS} rows; split it", code="E120")
    header = [cell.strip().lower() for cell in rows[0]]
    width = len(header)
    return [dict(zip(header, (row + [""] * width)[:width], strict=True)) for row in rows[1:]]


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("the CSV file is not UTF-8; save it as UTF-8", code="E120") from error
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_rows(stream: IO[bytes]) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(stream, read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise InputError(f"the XLSX file cannot be read ({error})", code="E120") from error
    return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()  # a date cell: the day it names
    return str(value)


def header_problems(rows: list[dict[str, str]]) -> list[Problem]:
    if not rows:
        return [Problem(1, "measure", "", "the table has no measures under its header")]
    header = list(rows[0])
    problems = [
        Problem(1, name, name, f"unknown column; the columns are {', '.join(COLUMNS)}")
        for name in header
        if name and name not in COLUMNS
    ]
    problems += [
        Problem(1, name, "", "this column is needed") for name in REQUIRED if name not in header
    ]
    return problems


def check_rows(rows: list[dict[str, str]]) -> tuple[list[MeasureRow], list[Problem]]:
    """Every row resolved against the registry, and every problem found, by row."""
    problems = header_problems(rows)
    if problems:
        return [], problems
    resolver = _Resolver()
    checked = []
    for index, row in enumerate(rows, start=2):
        measure, found = resolver.row(index, row)
        checked.append(measure)
        problems += found
    return checked, problems


class _Resolver:
    """Looks names up once per table: the same institution is written on many rows."""

    def __init__(self) -> None:
        self.institutions: dict[str, Institution | None] = {}
        self.states = list(State.objects.all())
        self.series = list(EventSeries.objects.all())

    def row(self, index: int, row: dict[str, str]) -> tuple[MeasureRow, list[Problem]]:
        problems: list[Problem] = []
        measure = MeasureRow(index, row.get("number", "").strip(), row["measure"].strip())
        if not measure.title:
            problems.append(Problem(index, "measure", "", "say what the measure is"))
        measure.responsible = self._bodies(index, "responsible", row, problems)
        if not measure.responsible and not problems:
            problems.append(Problem(index, "responsible", "", "name a responsible institution"))
        measure.partners = self._bodies(index, "partners", row, problems)
        self._program(index, row.get("program", "").strip(), measure, problems)
        self._host(index, row.get("host", "").strip(), measure, problems)
        self._due(index, row.get("due", "").strip(), measure, problems)
        return measure, problems

    def _bodies(self, index, column, row, problems) -> list[Institution]:
        found = []
        for name in (part.strip() for part in row.get(column, "").split(";")):
            if not name:
                continue
            institution = self.institution(name)
            if institution is None:
                problems.append(
                    Problem(
                        index,
                        column,
                        name,
                        "no such institution in the registry; add it "
                        "first or write a name the registry knows",
                    )
                )
            else:
                found.append(institution)
        return found

    def institution(self, name: str) -> Institution | None:
        if name not in self.institutions:
            from ortak.ingest.linking import institution_link

            self.institutions[name] = institution_link(name)
        return self.institutions[name]

    def _program(self, index, text, measure, problems) -> None:
        if not text:
            return
        series = self.series_named(text)
        if series:
            measure.series, measure.event_type = series, series.event_type
            return
        event_type = event_type_named(text)
        if event_type:
            measure.event_type = event_type
            return
        problems.append(
            Problem(
                index,
                "program",
                text,
                "neither a series the registry knows nor an event "
                f"type ({', '.join(EventType.values)})",
            )
        )

    def series_named(self, text: str) -> EventSeries | None:
        folded = fold(text)
        for series in self.series:
            names = [series.name, *series.names.values(), *series.aliases]
            if any(fuzz.ratio(fold(name), folded) >= SERIES_MATCH for name in names):
                return series
        return None

    def _host(self, index, text, measure, problems) -> None:
        if not text:
            return
        measure.host = self.state_named(text)
        if measure.host is None:
            problems.append(
                Problem(index, "host", text, "not a state the registry knows (code or name)")
            )

    def state_named(self, text: str) -> State | None:
        folded = fold(text)
        for state in self.states:
            names = [state.name, *state.names.values(), *state.aliases]
            codes = {state.key.upper(), (state.iso_code or "").upper()} - {""}
            if text.upper() in codes or folded in {fold(name) for name in names}:
                return state
        return None

    def _due(self, index, text, measure, problems) -> None:
        if not text:
            return
        try:
            measure.due = DuePeriod.parse(text)
        except ValueError as error:
            problems.append(Problem(index, "due", text, str(error)))


def event_type_named(text: str) -> str:
    """The event type a program cell names, by its code, its English label or its label in
    the language the importer reads in (the English one whatever language is active)."""
    wanted = fold(text).replace(" ", "_")
    for value, label in EventType.choices:
        with translation.override("en"):
            english = str(label)
        if wanted in (value, *(fold(name).replace(" ", "_") for name in (english, str(label)))):
            return value
    return ""
