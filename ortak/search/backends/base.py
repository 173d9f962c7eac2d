"""What every search backend does: find the entries a clause matches, load in bulk."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

from ortak.search.ranking import Candidate
from ortak.search.terms import Clause, QueryPlan

TABLE = "search_searchentry"
COLUMNS = ("id", "kind", "model", "object_id", "name", "folded", "state", "year", "year_to")
SELECT = ", ".join(f"e.{column}" for column in (*COLUMNS, "published"))


@dataclass(frozen=True, slots=True)
class Filters:
    """What a search keeps: kinds, a state's key, a year the record spans, publication.

    `published` True keeps published entries only, False drafts only, None both.
    """

    kinds: tuple[str, ...] = ()
    state: str | None = None
    year: int | None = None
    published: bool | None = True

    def where(self) -> tuple[list[str], list[Any]]:
        """SQL conditions on the entry table (aliased `e`) and their parameters."""
        conditions: list[str] = []
        params: list[Any] = []
        if self.kinds:
            conditions.append(f"e.kind IN ({', '.join(['%s'] * len(self.kinds))})")
            params.extend(self.kinds)
        if self.state:
            conditions.append("e.state = %s")
            params.append(self.state)
        if self.year is not None:
            conditions.append("e.year <= %s AND (e.year_to >= %s OR e.year_to IS NULL)")
            params.extend([self.year, self.year])
        if self.published is not None:
            conditions.append("e.published = %s")
            params.append(self.published)
        return conditions, params


class SearchBackend(ABC):
    """Full-text structures over the entry table on one database vendor."""

    vendor: ClassVar[str]
    # The FROM clause of a lookup; the entry table is always aliased `e`.
    source: ClassVar[str] = f"{TABLE} e"

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    @abstractmethod
    def match(self, clause: Clause) -> tuple[str, list[Any]]:
        """The SQL condition that an entry's terms satisfy `clause`, with its parameters."""

    def candidates(self, clause: Clause, filters: Filters, limit: int) -> list[Candidate]:
        """Up to `limit` entries matching `clause` and `filters`, in no particular order.

        No ORDER BY on purpose: the database stops at `limit` instead of ranking every
        match; the few candidates are ranked in Python (`ranking.rank`).
        """
        match, params = self.match(clause)
        conditions, filter_params = filters.where()
        where = " AND ".join([match, *conditions])
        sql = f"SELECT {SELECT} FROM {self.source} WHERE {where} LIMIT %s"
        return self.fetch(sql, [*params, *filter_params, limit])

    def fallback(self, plan: QueryPlan, filters: Filters, limit: int) -> list[Candidate]:
        """Candidates for a query no stage found anything for; none by default."""
        return []

    @contextmanager
    def bulk_load(self, *, exclusive: bool = False) -> Iterator[None]:
        """Around writing many entries at once; `exclusive` when no one else searches."""
        yield

    def fetch(self, sql: str, params: Sequence[Any]) -> list[Candidate]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [_candidate(row) for row in cursor.fetchall()]

    def execute(self, *statements: str) -> None:
        with self.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _candidate(row: Sequence[Any]) -> Candidate:
    """A row of the candidate columns, in Candidate's order, the last one read as a flag."""
    id_, kind, model, object_id, name, folded, state, year, year_to, published = row
    return Candidate(
        id_, kind, model, object_id, name, folded, state, year, year_to, bool(published)
    )
