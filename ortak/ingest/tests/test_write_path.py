"""Ingest writes only through the domain services, as the pipeline acting for a user, and
a review changes another state's published event only through someone allowed to edit it."""

from __future__ import annotations

import pytest

from ortak.accounts.models import Membership, Role
from ortak.accounts.tests.factories import editor_of, user_with_role
from ortak.core.errors import PermissionDenied
from ortak.core.models import Publication
from ortak.events.models import Event
from ortak.events.services import event_create, participation_add, site_visit_add
from ortak.ingest.load import ArticleData, record_load
from ortak.ingest.models import ReviewStatus
from ortak.ingest.review import (
    review_decide,
    review_proposals_accept,
    review_publish,
    review_reject,
)
from ortak.ingest.tests.records import article_record, event_record
from ortak.registry.models import Institution, Person, State
from ortak.registry.services import person_create

pytestmark = pytest.mark.django_db


def _load(actor, text: str, **event_fields):
    return record_load(
        article=ArticleData(text=text),
        record=article_record(event_record(**event_fields)),
        evidence=[],
        pipeline_version="ortak-extract test",
        actor=actor,
    ).review


def _editor_and_reviewer(state: State):
    user = editor_of(state)
    Membership.objects.create(user=user, role=Role.REVIEWER)
    return user


@pytest.fixture
def azerbaijani(reference):
    """The demo account's roles: editor for Azerbaijan, reviewer."""
    return _editor_and_reviewer(State.objects.get(key="AZ"))


@pytest.fixture
def kyrgyz(reference):
    return _editor_and_reviewer(State.objects.get(key="KG"))


@pytest.fixture
def roundtable(kyrgyz):
    """Kyrgyzstan's published roundtable in Bishkek, with a participant and a site visit."""
    kg = State.objects.get(key="KG")
    event = event_create(
        actor=kyrgyz,
        title="Peace, Labor and Friendship of Peoples",
        event_type="roundtable",
        state=kg,
        city="Bishkek",
        country="KG",
        start="2025-06-12",
    )
    person = person_create(actor=kyrgyz, name="Ravshanbek Sabirov", state=kg)
    participation_add(actor=kyrgyz, event=event, person=person, role="Minister")
    site_visit_add(actor=kyrgyz, event=event, name="Azerbaijan Culture Center in Bishkek")
    return event


def _report_of(roundtable, actor, text="Bishkek hosted a roundtable on 12 June 2025."):
    """A second article about the roundtable, as the loader merges it."""
    return _load(
        actor,
        text,
        title="Roundtable on friendship",
        type="roundtable",
        start_date="2025-06-12",
        end_date="2025-06-13",
        city="Bishkek",
        participants=[{"name": "Ravshanbek Sabirov", "role": "Minister",
                       "organization": None, "country": "KG"}],
        outcomes=["signed a memorandum on diaspora youth exchanges"],
        site_visits=["Azerbaijan Culture Center in Bishkek"],
    )  # fmt: skip


def test_ingest_history_names_the_pipeline_and_the_user_it_acts_for(azerbaijani):
    review = _load(azerbaijani, "A meeting was held in Bishkek.")
    event = review.events.get()
    entry = event.history.earliest()
    assert entry.history_user == azerbaijani
    assert entry.history_change_reason == f"ingest, on behalf of {azerbaijani}"
    person = Person.objects.get(name="Fuad Muradov")
    assert person.history.earliest().history_change_reason == f"ingest, on behalf of {azerbaijani}"


def test_other_states_editor_cannot_change_its_published_event_through_a_review(
    roundtable, azerbaijani
):
    """The case found: an Azerbaijani editor and reviewer's article merged into Kyrgyzstan's
    published roundtable; renaming it, moving it to "Nowhere" and deleting a participant and
    a site visit in the review must change nothing."""
    review = _report_of(roundtable, azerbaijani)
    assert review.merged_event_ids == [roundtable.pk]
    for path, decision, value in [
        ("events[0].title", "edit", "Renamed"),
        ("events[0].city", "edit", "Nowhere"),
        ("events[0].participants[0]", "reject", None),
        ("events[0].site_visits[0]", "reject", None),
    ]:
        review_decide(actor=azerbaijani, review=review, path=path, decision=decision, value=value)

    with pytest.raises(PermissionDenied) as error:
        review_publish(actor=azerbaijani, review=review)

    assert error.value.code == "E308"
    roundtable.refresh_from_db()
    assert (roundtable.title, roundtable.city) == (
        "Peace, Labor and Friendship of Peoples",
        "Bishkek",
    )
    assert roundtable.participations.count() == 1 and roundtable.site_visits.count() == 1
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING
    assert review.source.publication == Publication.DRAFT


def test_an_editor_of_the_event_may_correct_it_through_a_review(roundtable, kyrgyz):
    review = _report_of(roundtable, kyrgyz)
    review_decide(actor=kyrgyz, review=review, path="events[0].city", decision="edit",
                  value="Cholpon-Ata")  # fmt: skip
    review_decide(actor=kyrgyz, review=review, path="events[0].site_visits[0]", decision="reject")
    review_publish(actor=kyrgyz, review=review)
    roundtable.refresh_from_db()
    assert roundtable.city == "Cholpon-Ata"
    assert roundtable.history.first().history_user == kyrgyz


def test_accepted_values_of_a_second_report_reach_the_event(roundtable, kyrgyz):
    review = _report_of(roundtable, kyrgyz)
    for path in ("events[0].outcomes[0]", "events[0].end_date", "events[0].title"):
        review_decide(actor=kyrgyz, review=review, path=path, decision="accept")
    review_publish(actor=kyrgyz, review=review)
    roundtable.refresh_from_db()
    outcome = roundtable.outcomes.get()
    assert outcome.text == "signed a memorandum on diaspora youth exchanges"
    assert outcome.kind == "agreement_signed"
    assert roundtable.end_date.isoformat() == "2025-06-13"  # a date it lacked
    assert roundtable.title == "Peace, Labor and Friendship of Peoples"  # it kept its own
    assert review.source in roundtable.sources.all()


def test_accepted_values_for_another_states_event_wait_for_its_editor(
    roundtable, azerbaijani, kyrgyz
):
    review = _report_of(roundtable, azerbaijani)
    review_decide(actor=azerbaijani, review=review, path="events[0].outcomes[0]", decision="accept")
    review_publish(actor=azerbaijani, review=review)
    assert not roundtable.outcomes.exists()
    review.refresh_from_db()
    assert [p["path"] for p in review.proposals] == ["events[0].outcomes[0]"]

    with pytest.raises(PermissionDenied):
        review_proposals_accept(actor=azerbaijani, review=review)
    review_proposals_accept(actor=kyrgyz, review=review)
    assert roundtable.outcomes.get().text.startswith("signed a memorandum")
    review.refresh_from_db()
    assert review.proposals == []


def test_rejecting_one_of_three_reports_keeps_the_event_the_others_point_to(reference):
    reviewer = user_with_role(Role.REVIEWER)
    first, second, third = (
        _load(reviewer, f"Report number {n} of the Bishkek ministerial meeting.") for n in (1, 2, 3)
    )
    event = first.events.get()
    assert second.event_map == third.event_map == {"events[0]": event.pk}

    review_reject(actor=reviewer, review=first)

    assert Event.objects.filter(pk=event.pk).exists()
    assert set(event.sources.all()) == {second.source, third.source}
    review_publish(actor=reviewer, review=second)
    event.refresh_from_db()
    assert event.publication == Publication.PUBLISHED
    assert second.events.get() == event


def test_rejecting_the_only_report_of_a_new_event_removes_it(reference):
    reviewer = user_with_role(Role.REVIEWER)
    review = _load(reviewer, "The one report of the Bishkek ministerial meeting.")
    event_id = review.events.get().pk
    review_reject(actor=reviewer, review=review)
    assert not Event.objects.filter(pk=event_id).exists()


def test_publishing_a_draft_publishes_the_institutions_it_made(reference):
    reviewer = user_with_role(Role.REVIEWER)
    review = _load(
        reviewer,
        "A meeting of a new body was held in Bishkek.",
        organizations=[{"name": "Kyrgyz Diaspora Youth Council of Bishkek", "country": "KG"}],
    )
    made = Institution.objects.get(name="Kyrgyz Diaspora Youth Council of Bishkek")
    assert made.publication == Publication.DRAFT
    review_publish(actor=reviewer, review=review)
    made.refresh_from_db()
    assert made.publication == Publication.PUBLISHED
    assert not Institution.objects.filter(
        publication=Publication.DRAFT, events__publication=Publication.PUBLISHED
    ).exists()


def test_a_reviewer_of_one_state_publishes_only_that_states_drafts(reference):
    azerbaijan_reviewer = user_with_role(Role.REVIEWER, state=State.objects.get(key="AZ"))
    review = _load(azerbaijan_reviewer, "A meeting was held in Bishkek.")  # Kyrgyzstan's
    with pytest.raises(PermissionDenied) as error:
        review_publish(actor=azerbaijan_reviewer, review=review)
    assert error.value.code == "E307"
    assert review.events.get().publication == Publication.DRAFT
    kyrgyz_reviewer = user_with_role(Role.REVIEWER, state=State.objects.get(key="KG"))
    review_publish(actor=kyrgyz_reviewer, review=review)
    assert review.events.get().publication == Publication.PUBLISHED


def test_a_reviewer_cannot_edit_a_draft_of_a_state_they_do_not_review(reference):
    azerbaijan_reviewer = user_with_role(Role.REVIEWER, state=State.objects.get(key="AZ"))
    review = _load(azerbaijan_reviewer, "A meeting was held in Bishkek.")
    review_decide(actor=azerbaijan_reviewer, review=review, path="events[0].city",
                  decision="edit", value="Osh")  # fmt: skip
    with pytest.raises(PermissionDenied):
        review_publish(actor=azerbaijan_reviewer, review=review)
    assert review.events.get().city == "Bishkek"
