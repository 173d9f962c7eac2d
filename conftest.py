"""Fixtures shared by every app's tests, and what the PostgreSQL pass runs."""

import os

import pytest

# A test that asks for any of these reaches the database; the others never do.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


@pytest.fixture
def reference(db):
    """The reference data loaded into the test database."""
    from ortak.registry.reference import reference_load

    return reference_load()


def _uses_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    # The production stack makes its own PostgreSQL database beside the test one.
    marked = any(item.get_closest_marker(name) for name in ("django_db", "stack"))
    return marked or bool(fixtures & DATABASE_FIXTURES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`make test` runs the suite on SQLite, then again on PostgreSQL: the second pass runs
    the tests that reach the database. A test that never does (name folding, the extractor,
    the corpus gate) gives the same answer on both, and has just run on SQLite."""
    url = os.environ.get("ORTAK_TEST_DATABASE_URL", "")
    if not url.startswith("postgres") or os.environ.get("ORTAK_TEST_EVERYTHING"):
        return
    kept = [item for item in items if _uses_database(item)]
    skipped = [item for item in items if not _uses_database(item)]
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = kept
