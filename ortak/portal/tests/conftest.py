import pytest
from django.core.cache import cache
from django.core.management import call_command

from ortak.portal.tests.seed import portal_seed


@pytest.fixture(scope="module")
def _seeded_module(django_db_setup, django_db_blocker):
    """The data set, made once per test module: loading the reference data and indexing it
    for search takes seconds, and every test of a module reads the same data. Each test
    still runs in a transaction that is rolled back; the module's end empties the database
    so that other apps' tests start from nothing, as they expect."""
    with django_db_blocker.unblock():
        data = portal_seed()
    yield data
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Counts and fragments are cached (ortak.portal.cache); each test reads anew."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded(_seeded_module, db):
    """The portal's data set (see seed.py): published records and one draft of each kind."""
    return _seeded_module
