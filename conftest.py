"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture
def reference(db):
    """The reference data loaded into the test database."""
    from ortak.registry.reference import reference_load

    return reference_load()
