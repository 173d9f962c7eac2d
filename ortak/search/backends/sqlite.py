"""SQLite: an FTS5 table over the entries' terms, kept current by triggers.

The FTS5 table is external-content (it stores no text, only the index) and `detail=none`
(no positions: lookups are single terms, never phrases), which keeps it small. "_" is a
token character so whole-name terms and fuzzy keys stay one token (see `terms.py`); the
prefix indexes make the short prefixes of as-you-type queries cheap.

The migration creates the same table and triggers; it keeps its own copy of this SQL, as a
migration must not change when the code does. A later migration that alters the entry
table on SQLite rebuilds it and drops the triggers: it must run TRIGGERS again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ortak.search.backends.base import TABLE, SearchBackend
from ortak.search.terms import Clause, Term

FTS = "search_fts"
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(terms, content='{TABLE}', "
    "content_rowid='id', tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\", "
    "prefix='1 2 3', detail=none, columnsize=0)"
)
TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}(rowid, terms) VALUES (new.id, new.terms); END",
    f"CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, terms) VALUES ('delete', old.id, old.terms); END",
    f"CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE OF terms ON {TABLE} "
    "WHEN old.terms IS NOT new.terms BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, terms) VALUES ('delete', old.id, old.terms); "
    f"INSERT INTO {FTS}(rowid, terms) VALUES (new.id, new.terms); END",
)
DROP_TRIGGERS = tuple(
    f"DROP TRIGGER IF EXISTS search_fts_{event}" for event in ("insert", "delete", "update")
)


class SqliteBackend(SearchBackend):
    vendor = "sqlite"
    # CROSS JOIN keeps FTS5 the outer loop: with a plain JOIN and a filter on the entries
    # (kind, state) SQLite may scan the entries and run the full-text match once per row.
    source = f"{FTS} CROSS JOIN {TABLE} e ON e.id = {FTS}.rowid"

    def match(self, clause: Clause) -> tuple[str, list[Any]]:
        query = " AND ".join(f"({' OR '.join(_term(t) for t in choice)})" for choice in clause)
        return f"{FTS} MATCH %s", [query]

    @contextmanager
    def bulk_load(self, *, exclusive: bool = False) -> Iterator[None]:
        """Index once after the load instead of row by row; one merged index after it."""
        self.execute(*DROP_TRIGGERS)
        yield
        self.execute(
            f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
            f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')",
            *TRIGGERS,
        )


def _term(term: Term) -> str:
    """An FTS5 term, quoted so that no word is read as an operator (AND, OR, NOT)."""
    return f'"{term.text}"' + ("*" if term.prefix else "")
