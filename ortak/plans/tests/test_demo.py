"""The living demo: measures held, announced, overdue and postponed around today, and
removable with one command without touching anything else."""

import datetime as dt

import pytest
from django.core.management import call_command

from ortak.events.models import Event
from ortak.plans.models import ActivityPlan
from ortak.plans.report import plan_status_data
from ortak.registry.models import DiasporaOrganization, State

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("today", [dt.date(2026, 1, 5), dt.date(2026, 6, 15), dt.date(2026, 12, 6)])
def test_the_demo_plan_has_every_kind_of_status_whatever_the_day(reference, today):
    from ortak.accounts.services import operator_user
    from ortak.plans.demo import demo_create

    plan = demo_create(actor=operator_user(), today=today)
    statuses = {
        m["number"]: m["status"]
        for m in plan_status_data(key=str(plan.pk), as_of=today)["measures"]
    }
    assert {"held", "scheduled", "overdue", "postponed", "not_started"} <= set(statuses.values())
    undated = next(e for m in plan_status_data(key=str(plan.pk), as_of=today)["measures"]
                   for e in m["events"] if e["date"] is None)  # fmt: skip
    assert undated["reported"] == (today - dt.timedelta(days=150)).isoformat()


def test_demo_remove_takes_only_the_demo_records(reference, capsys):
    kept = Event.objects.create(title="A real event", event_type="forum")
    real = DiasporaOrganization.objects.create(
        name="A real association", kind="association", host_country="DE",
        community_state=State.objects.get(key="AZ"),
    )  # fmt: skip
    call_command("demo")
    assert ActivityPlan.objects.filter(title__endswith="(demo)").count() == 1
    call_command("demo")  # run twice: still one demo plan, one set of organizations
    assert ActivityPlan.objects.count() == 1
    demo = DiasporaOrganization.objects.exclude(pk=real.pk)
    assert demo.count() == 9 and all(o.name.endswith("(demo)") for o in demo)
    # Published and placed at their cities, so the portal's map shows them.
    assert all(o.is_published and o.latitude is not None for o in demo)
    call_command("demo", "--remove")
    assert not ActivityPlan.objects.exists()
    assert list(Event.objects.all()) == [kept]
    assert list(DiasporaOrganization.objects.all()) == [real]
