"""A spreadsheet as rows of text keyed by column name: CSV (any common delimiter) or XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from ortak.core.errors import InputError

MAX_ROWS = 20000


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its line in the file (the header is line 1) and its cells by column."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


def read_table(path: str | Path) -> list[Row]:
    """The rows of a CSV or XLSX file; ortak.E110 when it cannot be read as a table."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}", code="E106") from error
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _rows(_xlsx_lines(data, path))
    return _rows(_csv_lines(data, path))


def _csv_lines(data: bytes, path: Path) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path} is not UTF-8 text; save it as CSV UTF-8", code="E105") from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _xlsx_lines(data: bytes, path: Path) -> list[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"{path} is not a readable XLSX workbook", code="E110") from error
    sheet = book.worksheets[0]
    return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(lines: list[list[str]]) -> list[Row]:
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise InputError("the file has no header row; put the column names first", code="E110")
    if len(lines) > MAX_ROWS + 1:
        raise InputError(f"the file has over {MAX_ROWS} rows; split it", code="E103")
    header = [cell.strip().lower() for cell in lines[0]]
    rows = []
    for number, values in enumerate(lines[1:], start=2):
        if any(value.strip() for value in values):
            cells = {name: value for name, value in zip(header, values, strict=False) if name}
            rows.append(Row(number, cells))
    return rows
