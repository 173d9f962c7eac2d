"""A plan imported, articles ingested: each measure's status follows the evidence."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from ortak.accounts.tests.factories import secretariat_user
from ortak.events.models import Event, EventStatus
from ortak.ingest.extract.reader import read_path, read_text
from ortak.ingest.review import review_publish
from ortak.ingest.services import article_ingest
from ortak.plans.models import LinkState, MeasureLink
from ortak.plans.report import plan_status_data

pytestmark = pytest.mark.django_db

SAMPLES = "ortak/ingest/samples"
# A later report of the training the Baku article announced for Europe in March 2019.
TRAINING_HELD = (
    "A training for representatives of Turkic-speaking diasporas and civil societies was held "
    "in Budapest on 20 March 2019. The training was organized by the Presidency for Turks "
    "Abroad and Related Communities."
)


def _statuses(plan, day):
    data = plan_status_data(key=str(plan.pk), as_of=day)
    return {m["number"]: m["status"] for m in data["measures"]}


@pytest.fixture
def baku_published(plan_2019):
    article = read_path(f"{SAMPLES}/002.txt", published=dt.date(2019, 2, 12))
    article_ingest(actor=secretariat_user(), article=article, publish=True)
    return plan_2019


def test_statuses_follow_the_published_evidence(baku_published):
    statuses = _statuses(baku_published, dt.date(2019, 3, 1))
    assert statuses == {
        "1": "held",  # the Baku exchange of experience, reported 12 February 2019
        "2": "scheduled",  # the training in Europe it announced for March
        "3": "scheduled",  # the training in the USA, end of May and beginning of June
        "4": "overdue",  # the Contact Group meeting was due in January: nothing held
        "5": "not_started",
    }


def test_a_plan_status_before_the_article_knows_nothing_held(baku_published):
    assert _statuses(baku_published, dt.date(2019, 1, 10))["1"] == "not_started"


def test_the_report_of_an_announced_event_fulfils_it_instead_of_a_second_event(baku_published):
    events_before = Event.objects.count()
    actor = secretariat_user()
    result = article_ingest(
        actor=actor, article=read_text(TRAINING_HELD, published=dt.date(2019, 3, 21))
    )
    assert result.merged and not result.created
    planned = result.merged[0]
    assert planned.status == EventStatus.PLANNED
    review_publish(actor=actor, review=result.review)
    planned.refresh_from_db()
    assert Event.objects.count() == events_before
    assert (planned.status, planned.start_date) == (EventStatus.HELD, dt.date(2019, 3, 20))
    assert planned.sources.count() == 2
    assert _statuses(baku_published, dt.date(2019, 4, 1))["2"] == "held"


def test_the_article_naming_the_joint_action_plan_links_its_event_to_the_plan(baku_published):
    plan_link = MeasureLink.objects.get(plan=baku_published, measure=None)
    assert plan_link.state == LinkState.LINKED
    assert plan_link.event.event_type == "exchange_of_experience"


def test_plan_status_command_prints_measures_and_counts(baku_published, capsys):
    call_command("plan_status", "--as-of", "2019-03-01", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["plan"]["title"] == "Diaspora Joint Activity Plan 2019"
    assert data["counts"]["held"] == 1 and data["counts"]["overdue"] == 1
    held = next(m for m in data["measures"] if m["number"] == "1")
    assert held["events"][0]["day"] == "2019-02-12"
    call_command("plan_status", "Diaspora Joint Activity Plan 2019", "--as-of", "2019-03-01")
    out = capsys.readouterr().out
    assert "overdue" in out and "counts: not_started 1, scheduled 2, held 1, overdue 1" in out


def test_the_measure_page_shows_the_articles_sentence_as_evidence(baku_published, client):
    measure = baku_published.measures.get(number="1")
    html = client.get(f"/measures/{measure.pk}/").content.decode()
    assert "a part of the joint action plan of the member states" in html
