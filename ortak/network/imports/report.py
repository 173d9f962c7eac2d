"""What an import does with each row, and the plan that decides it before anything is written.

A row is `new`, the `same` as a record Ortak has (which one, how alike), a `duplicate` of an
earlier row of the file (folded into it), or `invalid` (which column, why). Names are
compared across scripts and spellings (`ortak.names`), so "Қазақ үйі" is "Kazakh Uyi".
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass, field
from typing import Any, Generic, TypeVar, cast

from ortak.names import MATCH_THRESHOLD, Match, NameMatcher, similarity
from ortak.network.imports.fields import CellError
from ortak.network.imports.table import Row

NEW, SAME, DUPLICATE, INVALID = "new", "same", "duplicate", "invalid"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Problem:
    column: str
    reason: str


@dataclass(frozen=True, slots=True)
class Existing:
    """A record Ortak has that a row names."""

    id: int
    name: str
    score: float


@dataclass
class RowReport(Generic[T]):
    line: int
    name: str
    status: str
    existing: Existing | None = None
    duplicate_of: int | None = None
    problems: list[Problem] = field(default_factory=list)
    record: T | None = None  # the typed row, when valid
    written_id: int | None = None  # the record made from it, after a real import

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "name": self.name,
            "status": self.status,
            "existing": asdict(self.existing) if self.existing else None,
            "duplicate_of": self.duplicate_of,
            "problems": [asdict(p) for p in self.problems],
            "written_id": self.written_id,
        }


@dataclass
class ImportReport(Generic[T]):
    kind: str
    rows: list[RowReport[T]]
    dry_run: bool
    written: bool = False
    skipped_invalid: bool = False

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    @property
    def invalid(self) -> list[RowReport[T]]:
        return [row for row in self.rows if row.status == INVALID]

    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in (NEW, SAME, DUPLICATE, INVALID)}

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "dry_run": self.dry_run,
            "written": self.written,
            "counts": self.counts(),
            "rows": [row.as_dict() for row in self.rows],
        }


class RowInvalid(Exception):
    """Every problem of one row, so a person fixes them all in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.column}: {p.reason}" for p in problems))


def read_cells(row: Row, readers: dict[str, Callable[[str], Any]]) -> dict[str, Any]:
    """Each column's value through its reader; RowInvalid with every failing column."""
    values, problems = {}, []
    for column, reader in readers.items():
        try:
            values[column] = reader(row.get(column))
        except CellError as error:
            problems.append(Problem(column, str(error)))
    if problems:
        raise RowInvalid(problems)
    return values


@dataclass(frozen=True)
class Plan(Generic[T]):
    """How an import reads, groups and finds rows of one kind.

    `read` turns a row into a typed record (or RowInvalid); `name` and `group` give the name
    compared and what must be equal besides (organizations: the host country); `find` the
    record Ortak already has.
    """

    kind: str
    read: Callable[[Row], T]
    name: Callable[[T], str]
    group: Callable[[T], Hashable]
    find: Callable[[T], Existing | None]


def plan_rows(plan: Plan[T], rows: list[Row]) -> list[RowReport[T]]:
    """Every row's report: invalid ones first judged, then duplicates within the file, then
    the records Ortak has."""
    reports = [_read(plan, row) for row in rows]
    valid = [report for report in reports if report.status != INVALID]
    _mark_duplicates(plan, valid)
    for report in valid:
        if report.status == NEW and report.record is not None:
            report.existing = plan.find(report.record)
            report.status = SAME if report.existing else NEW
    return reports


def _read(plan: Plan[T], row: Row) -> RowReport[T]:
    try:
        record = plan.read(row)
    except RowInvalid as error:
        name = row.get("name")
        return RowReport(row.line, name, INVALID, problems=error.problems)
    return RowReport(row.line, plan.name(record), NEW, record=record)


def _mark_duplicates(plan: Plan[T], reports: list[RowReport[T]]) -> None:
    """A row whose name matches an earlier row's in the same group is a duplicate of it."""
    matcher = NameMatcher()
    by_line = {report.line: report for report in reports}
    for report in reports:
        matcher.add(report.line, report.name)
    for report in reports:
        group = _group(plan, report)
        earlier = [
            line
            for line in _lines(matcher.match(report.name, limit=10, min_score=MATCH_THRESHOLD))
            if line < report.line
            and by_line[line].status != DUPLICATE
            and _group(plan, by_line[line]) == group
        ]
        if earlier:
            report.status = DUPLICATE
            report.duplicate_of = min(earlier)


def _group(plan: Plan[T], report: RowReport[T]) -> Hashable:
    """The group of a valid row, one read into its record (the only rows compared)."""
    assert report.record is not None, "only valid rows are compared"
    return plan.group(report.record)


def _lines(matches: list[Match]) -> list[int]:
    """The line numbers of the rows matched: `_mark_duplicates` indexes rows by line."""
    return [cast(int, match.key) for match in matches]


def best_existing(name: str, candidates: list[tuple[int, str, list[str]]]) -> Existing | None:
    """The candidate (id, name, other spellings) any of whose spellings is most like `name`,
    when alike enough to be one record."""
    best: Existing | None = None
    for pk, shown, spellings in candidates:
        score = max(similarity(name, spelling) for spelling in [shown, *spellings])
        if score >= MATCH_THRESHOLD and (best is None or score > best.score):
            best = Existing(pk, shown, round(score, 4))
    return best
