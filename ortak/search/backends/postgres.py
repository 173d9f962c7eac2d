"""PostgreSQL: a GIN index on the entries' terms as a tsvector, and pg_trgm on folded names.

The terms are taken as lexemes verbatim (array_to_tsvector), with no parser or dictionary
between: they are folded already, and "_" must stay inside a term (see `terms.py`). Lookups
are tsqueries built from the same terms, the prefix ones with ":*".

When no stage finds anything (two typos, the middle of a word) the trigram index answers:
`<%` (word similarity) finds folded names with a stretch like the query, whatever the
words. The migration creates the extension and both indexes with its own copy of the SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ortak.search.backends.base import SELECT, TABLE, Filters, SearchBackend
from ortak.search.ranking import Candidate
from ortak.search.terms import Clause, QueryPlan, Term

TSVECTOR = "array_to_tsvector(string_to_array(e.terms, ' '))"
CREATE_INDEXES = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS search_entry_terms ON {TABLE} "
    "USING gin (array_to_tsvector(string_to_array(terms, ' ')))",
    f"CREATE INDEX IF NOT EXISTS search_entry_folded_trgm ON {TABLE} "
    "USING gin (folded gin_trgm_ops)",
)
DROP_INDEXES = (
    "DROP INDEX IF EXISTS search_entry_terms",
    "DROP INDEX IF EXISTS search_entry_folded_trgm",
)


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def match(self, clause: Clause) -> tuple[str, list[Any]]:
        query = " & ".join(f"({' | '.join(_term(t) for t in choice)})" for choice in clause)
        return f"{TSVECTOR} @@ %s::tsquery", [query]

    def candidates(self, clause: Clause, filters: Filters, limit: int) -> list[Candidate]:
        """As the base, with the lookup in a MATERIALIZED CTE: planned for LIMIT alone,
        PostgreSQL guesses that a sequential scan meets enough matches soon and may read
        the whole table (seconds at a million rows); planned for every match it scans the
        GIN index, and the CTE is still read lazily, only as far as LIMIT asks."""
        match, params = self.match(clause)
        conditions, filter_params = filters.where()
        where = " AND ".join([match, *conditions])
        sql = (
            f"WITH found AS MATERIALIZED (SELECT {SELECT} FROM {self.source} WHERE {where}) "
            "SELECT * FROM found LIMIT %s"
        )
        return self.fetch(sql, [*params, *filter_params, limit])

    def fallback(self, plan: QueryPlan, filters: Filters, limit: int) -> list[Candidate]:
        """Entries with a stretch of folded name like the query (pg_trgm word similarity)."""
        conditions, params = filters.where()
        where = " AND ".join(["%s <%% e.folded", *conditions])
        sql = f"SELECT {SELECT} FROM {self.source} WHERE {where} ORDER BY %s <<-> e.folded LIMIT %s"
        return self.fetch(sql, [plan.folded, *params, plan.folded, limit])

    @contextmanager
    def bulk_load(self, *, exclusive: bool = False) -> Iterator[None]:
        """Build the GIN indexes once after an exclusive load (faster than row by row)."""
        if exclusive:
            self.execute(*DROP_INDEXES)
        yield
        if exclusive:  # GIN builds much faster with room to sort in memory
            self.execute("SET LOCAL maintenance_work_mem = '512MB'", *CREATE_INDEXES)
        self.execute(f"ANALYZE {TABLE}")


def _term(term: Term) -> str:
    """A tsquery lexeme, quoted as is; terms are folded, so quoting is all they need."""
    text = term.text.replace("\\", "\\\\").replace("'", "''")
    return f"'{text}'" + (":*" if term.prefix else "")
