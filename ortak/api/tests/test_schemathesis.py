"""The served OpenAPI schema holds: schemathesis, every check, against the API in process.

Each operation gets generated requests, valid and invalid (bounded and derandomized, so a
run is repeatable and short); every answer must be declared (status code, content type,
body schema) and none may be a server error.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks

from ortak.portal.tests.seed import portal_seed

load_all_checks()
ALL_CHECKS = CHECKS.get_all()
EXAMPLES = 15  # per operation and phase: the whole run stays well under two minutes


# The schema as the API serves it (no database needed to serve it).
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(scope="module")
def _seeded_module(django_db_setup, django_db_blocker):
    """Published records and drafts to answer with, made once; emptied at the module's end."""
    with django_db_blocker.unblock():
        portal_seed()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _seeded(_seeded_module, db):
    """Each request runs inside the test's transaction: as Django's test client does, the
    handler must not close the connection at the request's end (it would on PostgreSQL)."""
    cache.clear()
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_as_its_schema_says(case):
    case.call_and_validate(checks=ALL_CHECKS)
