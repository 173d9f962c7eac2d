"""Plans to test against: a plan of 2019 with a measure per program, in the registry's
reference data (institutions, states, series)."""

from __future__ import annotations

import pytest

from ortak.accounts.tests.factories import secretariat_user
from ortak.plans.importing import read_table
from ortak.plans.services import plan_import

# The Baku exchange of experience of 2019 (ortak/ingest/samples/002.txt) and the trainings
# it announced, as a plan's measures; names in several scripts and spellings, columns in
# an order of their own.
PLAN_2019 = "\n".join(
    [
        "due,number,measure,program,responsible,partners,host",
        "2019-Q1,1,Exchange of experience among diaspora institutions,"
        "Diaspora Exchange of Experience Program,Diasporla İş üzrə Dövlət Komitəsi,YTB,Azerbaijan",
        "2019-03,2,Training of diaspora activists in Europe,training,"
        "Yurtdışı Türkler ve Akraba Topluluklar Başkanlığı,,",
        "2019-05/2019-06,3,Training of diaspora members in the USA,"
        "Capacity Building Training Program,Госкомитет по работе с диаспорой,,",
        "2019-01,4,Meeting of the Contact Group,contact_group_meeting,Secretariat of the OTS,"
        "Otandastar Foundation,KZ",
        "2019-Q4,5,Diaspora Youth Forum,Diaspora Youth Forum,"
        "State Committee for Diaspora Affairs,,AZ",
    ]
)


@pytest.fixture
def plan_2019(reference):
    result = plan_import(
        actor=secretariat_user(),
        rows=read_table(PLAN_2019.encode(), "plan.csv"),
        title="Diaspora Joint Activity Plan 2019",
        year_from=2019,
    )
    assert result.ok, result.problems
    return result.plan
