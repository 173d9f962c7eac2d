"""The database connection as the settings make it."""

import pytest
from django.db import connection

from config.settings.base import postgres_tuned


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit():
    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's; this run is on " + connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_tuning_keeps_options_given_in_the_address_and_leaves_sqlite_alone():
    postgres = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c x=1"}}
    assert postgres_tuned(postgres)["OPTIONS"]["options"] == "-c x=1 -c jit=off"
    sqlite = {"ENGINE": "django.db.backends.sqlite3"}
    assert postgres_tuned(sqlite) == {"ENGINE": "django.db.backends.sqlite3"}
