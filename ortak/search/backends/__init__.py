"""The full-text structures of the search index, one backend per database vendor."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connection as default_connection

from ortak.search.backends.base import Filters, SearchBackend
from ortak.search.backends.postgres import PostgresBackend
from ortak.search.backends.sqlite import SqliteBackend

BACKENDS: dict[str, type[SearchBackend]] = {
    SqliteBackend.vendor: SqliteBackend,
    PostgresBackend.vendor: PostgresBackend,
}

__all__ = ["BACKENDS", "Filters", "SearchBackend", "backend_for"]


def backend_for(connection: Any = None) -> SearchBackend:
    """The backend of `connection` (the default database when not given)."""
    connection = connection or default_connection
    backend = BACKENDS.get(connection.vendor)
    if backend is None:
        raise ImproperlyConfigured(
            f"ortak.E403: search needs SQLite or PostgreSQL, not {connection.vendor}; "
            "set DATABASE_URL to one of them"
        )
    return backend(connection)
