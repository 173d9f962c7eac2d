"""Events linked to measures when published: the clear match, the ambiguous one, the framework."""

import pytest

from ortak.accounts.tests.factories import secretariat_user
from ortak.core.errors import PermissionDenied
from ortak.core.models import Publication
from ortak.events.services import event_create, event_publish
from ortak.plans.models import LinkState, MeasureLink
from ortak.plans.selectors import link_proposals
from ortak.plans.services import (
    measure_create,
    measure_link_confirm,
    measure_link_dismiss,
    measure_links_refresh,
    plan_create,
)
from ortak.registry.models import Institution, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(reference):
    actor = secretariat_user()
    plan = plan_create(
        actor=actor,
        title="Diaspora Joint Activity Plan 2025",
        year_from=2025,
        aliases=["Action Plan of the Kyrgyz chairmanship in the OTS for 2025"],
    )
    committee = Institution.objects.get(key="az-diaspora-committee")
    ytb = Institution.objects.get(key="tr-ytb")
    labor = Institution.objects.get(key="kg-labor-ministry")

    def measure(number, event_type, due, responsible, host=None):
        return measure_create(
            actor=actor, plan=plan, number=number, title=f"Measure {number}",
            event_type=event_type, due=due, responsible=[responsible],
            host=State.objects.get(key=host) if host else None,
        )  # fmt: skip

    return {
        "actor": actor,
        "plan": plan,
        "forum": measure("1", "forum", "2025-Q2", committee, "AZ"),
        "training_tr": measure("2", "training", "2025-09/2025-10", ytb, "TR"),
        "training_az": measure("3", "training", "2025-09/2025-10", committee, "AZ"),
        "roundtable": measure("4", "roundtable", "2025-06", labor, "KG"),
        "committee": committee,
        "ytb": ytb,
    }


def _event(actor, event_type, start, state, organizers=(), **fields):
    return event_create(
        actor=actor, title=f"A {event_type}", event_type=event_type, start=start,
        state=State.objects.get(key=state), organizers=organizers, **fields,
    )  # fmt: skip


def _links(event, state=None):
    links = MeasureLink.objects.filter(event=event).exclude(measure=None)
    return {link.measure.number: link.state for link in links if not state or link.state == state}


def test_an_event_typed_in_as_published_is_linked_to_the_one_measure_it_matches(setting):
    event = _event(setting["actor"], "forum", "2025-05-14", "AZ", [setting["committee"]])
    assert _links(event) == {"1": LinkState.LINKED}
    link = MeasureLink.objects.get(event=event)
    assert set(link.reasons) == {"type", "window", "host", "institutions"}


def test_an_ambiguous_event_is_proposed_for_every_close_measure_and_linked_to_none(setting):
    # A training in Hungary, organized by both responsible institutions: measure 2 or 3?
    organizers = [setting["ytb"], setting["committee"]]
    event = _event(setting["actor"], "training", "2025-09", "HU", organizers)
    assert _links(event) == {"2": LinkState.PROPOSED, "3": LinkState.PROPOSED}
    proposals = list(link_proposals())
    assert {p.measure.number for p in proposals} == {"2", "3"}
    assert all("window" in p.reasons for p in proposals)


def test_a_reviewer_confirms_one_proposal_and_the_others_are_dismissed(setting):
    organizers = [setting["ytb"], setting["committee"]]
    event = _event(setting["actor"], "training", "2025-09", "HU", organizers)
    chosen = MeasureLink.objects.get(event=event, measure=setting["training_az"])
    measure_link_confirm(actor=setting["actor"], link=chosen)
    assert _links(event) == {"2": LinkState.DISMISSED, "3": LinkState.LINKED}
    measure_links_refresh(event=event, actor=setting["actor"])  # e.g. published again
    assert _links(event) == {"2": LinkState.DISMISSED, "3": LinkState.LINKED}


def test_only_a_reviewer_decides_a_proposal(setting):
    from ortak.accounts.tests.factories import editor_of

    event = _event(
        setting["actor"], "training", "2025-09", "HU", [setting["ytb"], setting["committee"]]
    )
    link = MeasureLink.objects.filter(event=event).first()
    with pytest.raises(PermissionDenied):
        measure_link_dismiss(actor=editor_of(State.objects.get(key="AZ")), link=link)


def test_an_event_of_another_program_or_outside_the_plan_years_is_not_linked(setting):
    assert _links(_event(setting["actor"], "conference", "2025-05-14", "AZ")) == {}
    assert _links(_event(setting["actor"], "forum", "2027-05-14", "AZ")) == {}


def test_a_draft_is_linked_only_when_published(setting):
    event = _event(
        setting["actor"], "forum", "2025-05-14", "AZ", [setting["committee"]],
        publication=Publication.DRAFT,
    )  # fmt: skip
    assert _links(event) == {}
    event_publish(actor=setting["actor"], event=event)
    assert _links(event) == {"1": LinkState.LINKED}


def test_the_framework_an_article_names_links_the_event_to_the_plan(setting):
    framework = "Action Plan marking the chairmanship of Kyrgyz President in the OTS for 2025"
    event = _event(setting["actor"], "roundtable", "2025-06-12", "KG", framework=framework)
    assert MeasureLink.objects.get(event=event, measure=None).plan == setting["plan"]
    link = MeasureLink.objects.get(event=event, measure=setting["roundtable"])
    assert (link.state, "framework" in link.reasons) == (LinkState.LINKED, True)


def test_a_framework_that_names_no_plan_links_nothing(setting):
    event = _event(setting["actor"], "conference", "2025-06-12", "KG", framework="UNESCO program")
    assert not MeasureLink.objects.filter(event=event).exists()
