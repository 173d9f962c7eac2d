"""Each status rule, on hand-built evidence."""

import datetime as dt

import pytest

from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.events.tests.factories import EventFactory
from ortak.plans.due import DuePeriod
from ortak.plans.services import measure_decide
from ortak.plans.status import measure_status
from ortak.portal.tests.factories import MeasureFactory, SourceFactory
from ortak.registry.tests.factories import InstitutionFactory, StateFactory

DUE = DuePeriod.parse("2025-Q2")
JUNE = dt.date(2025, 6, 15)


class Decision:
    def __init__(self, kind, decided_on, pk=1):
        self.kind, self.decided_on, self.pk = kind, decided_on, pk


def _event(status="held", day=dt.date(2025, 5, 20), publication="published"):
    return EventFactory.build(status=status, start_date=day, publication=publication)


def _status(events=(), decisions=(), as_of=JUNE, due=DUE):
    for event in events:
        event.source_list = []
    return measure_status(due=due, events=events, decisions=decisions, as_of=as_of)


@pytest.mark.parametrize(
    ("events", "as_of", "expected"),
    [
        ([], JUNE, "not_started"),
        ([], dt.date(2025, 7, 1), "overdue"),
        ([_event()], JUNE, "held"),
        ([_event()], dt.date(2026, 1, 1), "held"),
        ([_event(status="planned", day=dt.date(2025, 6, 25))], JUNE, "scheduled"),
        ([_event(status="planned", day=dt.date(2025, 6, 25))], dt.date(2025, 7, 2), "overdue"),
        ([_event(day=dt.date(2025, 6, 20))], JUNE, "scheduled"),  # held later than the day
        ([_event(publication="draft")], JUNE, "not_started"),  # a draft is no evidence yet
        ([_event(status="cancelled")], JUNE, "not_started"),
    ],
)
def test_status_rules(events, as_of, expected):
    assert _status(events, as_of=as_of) == expected


def test_a_measure_without_a_due_period_is_never_overdue():
    assert _status(as_of=dt.date(2030, 1, 1), due=None) == "not_started"


@pytest.mark.parametrize(
    ("decisions", "expected"),
    [
        ([Decision("postponed", dt.date(2025, 5, 1))], "postponed"),
        ([Decision("postponed", dt.date(2025, 5, 1)),
          Decision("cancelled", dt.date(2025, 6, 1), 2)], "cancelled"),
        ([Decision("cancelled", dt.date(2025, 7, 1))], "not_started"),  # decided after the day
    ],
)  # fmt: skip
def test_postponed_and_cancelled_come_from_the_latest_decision(decisions, expected):
    assert _status(decisions=decisions) == expected


def test_an_event_held_wins_over_a_decision():
    assert _status([_event()], [Decision("cancelled", dt.date(2025, 5, 1))]) == "held"


def test_an_event_reported_after_the_day_was_not_known_on_it():
    event = _event(day=None)
    event.source_list = [SourceFactory.build(published=dt.date(2025, 6, 13))]
    assert measure_status(due=DUE, events=[event], decisions=[], as_of=JUNE) == "held"
    assert measure_status(due=DUE, events=[event], decisions=[], as_of=dt.date(2025, 6, 1)) == (
        "not_started"
    )


@pytest.mark.django_db
def test_a_decision_needs_a_reason_and_a_source():
    measure = MeasureFactory()
    with pytest.raises(ValidationError) as error:
        measure_decide(
            actor=secretariat_user(), measure=measure, kind="postponed", reason="Host asked",
            decided_on=JUNE,
        )  # fmt: skip
    assert error.value.code == "E251"
    decision = measure_decide(
        actor=secretariat_user(), measure=measure, kind="postponed", reason="Host asked",
        decided_on=JUNE, source_reference="Minutes of the 5th Contact Group meeting",
    )  # fmt: skip
    assert decision.history.first().history_user is not None


@pytest.mark.django_db
def test_only_editors_of_a_responsible_state_record_decisions():
    azerbaijan, kazakhstan = StateFactory(key="AZ"), StateFactory(key="KZ")
    measure = MeasureFactory(responsible=[InstitutionFactory(state=azerbaijan)])
    arguments = {"measure": measure, "kind": "cancelled", "reason": "r", "decided_on": JUNE,
                 "source_reference": "letter"}  # fmt: skip
    with pytest.raises(PermissionDenied):
        measure_decide(actor=editor_of(kazakhstan), **arguments)
    assert measure_decide(actor=editor_of(azerbaijan), **arguments).kind == "cancelled"


@pytest.mark.django_db
def test_the_weekly_digest_goes_only_to_those_who_asked(mailoutbox):
    from ortak.plans.services.digest import digest_send, digest_subscribe

    azerbaijan = StateFactory(key="AZ")
    MeasureFactory(
        title="Forum in Baku", responsible=[InstitutionFactory(state=azerbaijan)],
        due_date=dt.date(2025, 4, 1), due_until=dt.date(2025, 6, 30), due_precision="quarter",
    )  # fmt: skip
    asked, silent = editor_of(azerbaijan), editor_of(azerbaijan)
    asked.email, silent.email = "asked@example.org", "silent@example.org"
    asked.save(), silent.save()
    digest_subscribe(actor=asked, active=True)
    assert digest_send(today=JUNE + dt.timedelta(days=30)).sent == 1
    assert [m.to for m in mailoutbox] == [["asked@example.org"]]
    assert "Forum in Baku" in mailoutbox[0].body and "Overdue" in mailoutbox[0].body
    digest_subscribe(actor=asked, active=False)
    assert digest_send(today=JUNE).sent == 0


@pytest.mark.django_db
def test_the_digest_names_the_statuses_in_its_own_language_whatever_the_thread_was_left_in(
    mailoutbox,
):
    from django.utils import translation

    from ortak.plans.services.digest import digest_send, digest_subscribe

    azerbaijan = StateFactory(key="AZ")
    MeasureFactory(
        title="Forum in Baku", responsible=[InstitutionFactory(state=azerbaijan)],
        due_date=dt.date(2025, 4, 1), due_until=dt.date(2025, 6, 30), due_precision="quarter",
    )  # fmt: skip
    reader = editor_of(azerbaijan)
    reader.email = "reader@example.org"
    reader.save()
    digest_subscribe(actor=reader, active=True)
    with translation.override("ru"):  # another task's language, left active in the worker
        assert digest_send(today=JUNE + dt.timedelta(days=30), language="en").sent == 1
    assert "Overdue" in mailoutbox[0].body
