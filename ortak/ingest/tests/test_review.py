import pytest

from ortak.accounts.models import Role
from ortak.accounts.services import operator_user
from ortak.accounts.tests.factories import editor_of, user_with_role
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.models import Publication
from ortak.events.models import Event
from ortak.ingest.load import ArticleData, record_load
from ortak.ingest.models import ReviewStatus
from ortak.ingest.review import review_decide, review_publish, review_reject
from ortak.ingest.tests.records import article_record, event_record
from ortak.registry.models import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(reference):
    return record_load(
        article=ArticleData(text="A meeting was held in Bishkek."),
        record=article_record(event_record()),
        evidence=[],
        pipeline_version="test",
        actor=operator_user(),
    ).review


@pytest.fixture
def reviewer():
    return user_with_role(Role.REVIEWER)


def test_nothing_is_public_before_review(draft):
    assert not Event.objects.filter(publication=Publication.PUBLISHED).exists()
    assert draft.source.publication == Publication.DRAFT


def test_reviewer_edits_rejects_and_publishes_field_by_field(draft, reviewer):
    review_decide(
        actor=reviewer, review=draft, path="events[0].city", decision="edit", value="Cholpon-Ata"
    )
    review_decide(actor=reviewer, review=draft, path="events[0].participants[1]", decision="reject")
    review_decide(actor=reviewer, review=draft, path="events[0].site_visits[0]", decision="reject")
    review_decide(actor=reviewer, review=draft, path="events[0].title", decision="accept")
    review_publish(actor=reviewer, review=draft)

    event = draft.events.get()
    assert (event.publication, event.city) == (Publication.PUBLISHED, "Cholpon-Ata")
    assert [p.person.name for p in event.participations.all()] == ["Fuad Muradov"]
    assert event.participations.get().person.publication == Publication.PUBLISHED
    assert not event.site_visits.exists()
    assert draft.status == ReviewStatus.PUBLISHED and draft.reviewer == reviewer
    assert event.history.first().history_user == reviewer


def test_rejecting_an_organizer_or_an_organization_takes_off_that_link_only(draft, reviewer):
    # The ministry is both the organizer and one of the organizations named.
    ministry = "Ministry of Labor, Social Security and Migration of the Kyrgyz Republic"
    review_decide(actor=reviewer, review=draft, path="events[0].organizers[0]", decision="reject")
    review_decide(
        actor=reviewer, review=draft, path="events[0].organizations[0]", decision="reject"
    )
    review_publish(actor=reviewer, review=draft)

    event = draft.events.get()
    assert not event.organizers.exists()
    assert sorted(i.name for i in event.institutions.all()) == [
        ministry,
        "Organization of Turkic States",
    ]


def test_reviewer_corrects_a_date_with_its_precision(draft, reviewer):
    review_decide(
        actor=reviewer, review=draft, path="events[0].start_date", decision="edit", value="2023-10"
    )
    review_publish(actor=reviewer, review=draft)
    event = draft.events.get()
    assert (event.start_date.isoformat(), event.start_precision) == ("2023-10-01", "month")


@pytest.mark.parametrize(
    ("path", "decision", "code"),
    [
        ("events[0].nonsense", "edit", "E211"),
        ("events[0].participants[0]", "edit", "E211"),
        ("somewhere", "accept", "E210"),
        ("events[0].title", "shred", "E210"),
    ],
)
def test_wrong_decisions_are_refused_with_a_code(draft, reviewer, path, decision, code):
    with pytest.raises(ValidationError) as error:
        review_decide(actor=reviewer, review=draft, path=path, decision=decision, value="x")
    assert error.value.code == code


def test_editor_without_review_role_cannot_publish(draft):
    editor = editor_of(State.objects.get(key="KG"))
    with pytest.raises(PermissionDenied) as error:
        review_publish(actor=editor, review=draft)
    assert error.value.code == "E302"
    assert draft.events.get().publication == Publication.DRAFT


def test_rejecting_a_draft_removes_its_new_events_and_keeps_the_article(draft, reviewer):
    source = draft.source
    review_reject(actor=reviewer, review=draft)
    assert not Event.objects.exists()
    source.refresh_from_db()
    assert source.text == "A meeting was held in Bishkek."
    assert draft.status == ReviewStatus.REJECTED


def test_a_draft_is_published_once(draft, reviewer):
    review_publish(actor=reviewer, review=draft)
    with pytest.raises(ValidationError) as error:
        review_publish(actor=reviewer, review=draft)
    assert error.value.code == "E212"


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [
        ("events[0].start_date", "18.11.2024", "E204"),
        ("events[0].end_date", "2024-13", "E204"),
        ("events[0].type", "party", "E213"),
        ("events[0].country", "XX", "E205"),
    ],
)
def test_edited_values_are_checked_before_they_are_kept(draft, reviewer, path, value, code):
    with pytest.raises(ValidationError) as error:
        review_decide(actor=reviewer, review=draft, path=path, decision="edit", value=value)
    assert error.value.code == code
    draft.refresh_from_db()
    assert path not in draft.decisions


def test_edited_values_are_kept_in_their_canonical_form(draft, reviewer):
    review_decide(
        actor=reviewer, review=draft, path="events[0].country", decision="edit", value="kz"
    )
    assert draft.decisions["events[0].country"]["value"] == "KZ"
