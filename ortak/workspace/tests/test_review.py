import pytest
from django.urls import reverse

from ortak.core.models import Publication
from ortak.events.models import Event
from ortak.ingest.models import ReviewStatus
from ortak.workspace.tests.drafts import draft

pytestmark = pytest.mark.django_db


def _decide(client, review, path, decision, value=None, htmx=False):
    data = {"path": path, "decision": decision}
    if value is not None:
        data["value"] = value
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(reverse("workspace:review_decide", args=[review.pk]), data, **headers)


def test_review_screen_shows_each_value_beside_the_sentence_it_came_from(
    reference, reviewer, signed_in
):
    review = draft(actor=reviewer)
    page = signed_in(reviewer).get(reverse("workspace:review", args=[review.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Baku hosted the <mark>5th meeting of the Contact Group</mark> on 5 October" in html
    # one sentence, two marks: the participant's name and role
    assert "<mark>Chairman Fuad Muradov</mark>" in html
    assert "Contact Group meeting" in html  # the type by its label, not its code
    assert "Publish the draft" in html


def test_reviewer_accepts_a_value_with_htmx_and_gets_the_row_back(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    response = _decide(signed_in(reviewer), review, "events[0].city", "accept", htmx=True)
    review.refresh_from_db()
    assert review.decisions["events[0].city"] == {"decision": "accept", "value": None}
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="review-row decision--accept" id="v-events-0-city"')
    assert "<html" not in html


def test_without_javascript_a_decision_redirects_back_to_its_row(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    response = _decide(signed_in(reviewer), review, "events[0].site_visits[0]", "reject")
    assert response.status_code == 302
    assert response.url.endswith(f"/workspace/reviews/{review.pk}/#v-events-0-site-visits-0")
    review.refresh_from_db()
    assert review.decisions["events[0].site_visits[0]"]["decision"] == "reject"


@pytest.mark.parametrize(
    ("path", "value", "stored"),
    [
        ("events[0].title", "  Fifth Contact Group meeting ", "Fifth Contact Group meeting"),
        ("events[0].start_date", "2023-10", "2023-10"),
        ("events[0].type", "forum", "forum"),
        ("events[0].country", "KZ", "KZ"),
    ],
)
def test_reviewer_changes_a_value(reference, reviewer, signed_in, path, value, stored):
    review = draft(actor=reviewer)
    _decide(signed_in(reviewer), review, path, "edit", value)
    review.refresh_from_db()
    assert review.decisions[path] == {"decision": "edit", "value": stored}


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("events[0].start_date", "5.10.2023", "for example 2024, 2024-11 or 2024-11-18"),
        ("events[0].type", "party", "Choose one of the options in the list."),
        ("events[0].title", "", "Enter the title"),
        ("events[0].city", "B" * 121, "Too long: at most 120 characters, this has 121."),
    ],
)
def test_a_wrong_changed_value_is_refused_with_a_message(
    reference, reviewer, signed_in, path, value, message
):
    review = draft(actor=reviewer)
    response = _decide(signed_in(reviewer), review, path, "edit", value)
    assert response.status_code == 200
    assert message in response.content.decode()
    review.refresh_from_db()
    assert path not in review.decisions


def test_change_form_is_a_row_with_htmx_and_a_page_without(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    client = signed_in(reviewer)
    url = reverse("workspace:review_edit", args=[review.pk]) + "?path=events[0].city"
    row = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    page = client.get(url).content.decode()
    assert 'class="review-row editing"' in row and "<html" not in row
    assert "<html" in page and 'value="Baku"' in page


def test_publish_applies_the_decisions_and_puts_the_event_on_the_portal(
    reference, reviewer, signed_in, client
):
    review = draft(actor=reviewer)
    reviewer_client = signed_in(reviewer)
    _decide(reviewer_client, review, "events[0].title", "edit", "Fifth Contact Group meeting")
    _decide(reviewer_client, review, "events[0].site_visits[0]", "reject")
    response = reviewer_client.post(reverse("workspace:review_publish", args=[review.pk]))
    assert response.status_code == 302
    event = Event.objects.get(pk=review.event_map["events[0]"])
    assert (event.title, event.publication) == ("Fifth Contact Group meeting", "published")
    assert not event.site_visits.exists()
    assert "Fifth Contact Group meeting" in client.get("/").content.decode()


def test_editor_without_reviewer_role_sees_the_draft_but_cannot_publish(
    reference, editor, signed_in
):
    review = draft(actor=editor)
    client = signed_in(editor)
    page = client.get(reverse("workspace:review", args=[review.pk])).content.decode()
    assert "Publish the draft" not in page
    assert "Only reviewers decide on the values and publish" in page
    response = client.post(reverse("workspace:review_publish", args=[review.pk]))
    assert response.status_code == 403
    assert "Only reviewers can decide on and publish drafts." in response.content.decode()
    assert _decide(client, review, "events[0].city", "accept").status_code == 403
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING and review.decisions == {}


def test_editor_of_another_state_cannot_open_someone_elses_draft(
    reference, reviewer, kazakhstan, signed_in
):
    from ortak.accounts.tests.factories import editor_of

    review = draft(actor=reviewer)
    response = signed_in(editor_of(kazakhstan)).get(reverse("workspace:review", args=[review.pk]))
    assert response.status_code == 403


def test_reject_asks_first_then_removes_the_new_events(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    client = signed_in(reviewer)
    url = reverse("workspace:review_reject", args=[review.pk])
    assert "Reject the whole draft?" in client.get(url).content.decode()
    client.post(url)
    review.refresh_from_db()
    assert review.status == ReviewStatus.REJECTED
    assert not Event.objects.filter(pk=review.event_map["events[0]"]).exists()


def test_a_reviewed_draft_takes_no_more_decisions(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    client = signed_in(reviewer)
    client.post(reverse("workspace:review_publish", args=[review.pk]))
    response = _decide(client, review, "events[0].city", "reject", htmx=False)
    assert response.status_code == 302
    review.refresh_from_db()
    assert "events[0].city" not in review.decisions
    page = client.get(response.url).content.decode()
    assert "This draft was reviewed already." in page


def test_draft_merged_into_a_known_event_says_so(reference, reviewer, signed_in):
    first = draft(actor=reviewer)
    second = draft(actor=reviewer, text="Another agency: the Contact Group met in Baku.")
    assert second.merged_event_ids == [first.event_map["events[0]"]]
    page = signed_in(reviewer).get(reverse("workspace:review", args=[second.pk]))
    assert "Another article already reported this event" in page.content.decode()


def test_unknown_path_is_not_found(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    response = _decide(signed_in(reviewer), review, "events[7].title", "accept")
    assert response.status_code == 404


def test_queue_lists_pending_drafts_for_reviewers(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    page = signed_in(reviewer).get(reverse("workspace:queue")).content.decode()
    assert reverse("workspace:review", args=[review.pk]) in page
    assert "Contact Group met in Baku" in page


def test_published_draft_records_who_reviewed_it(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    signed_in(reviewer).post(reverse("workspace:review_publish", args=[review.pk]))
    review.refresh_from_db()
    assert review.reviewer == reviewer
    event = review.events.get()
    assert event.publication == Publication.PUBLISHED
    assert event.history.first().history_user == reviewer


def test_a_refused_decision_says_why_inside_the_row_with_htmx(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    client = signed_in(reviewer)
    client.post(reverse("workspace:review_publish", args=[review.pk]))
    html = _decide(client, review, "events[0].city", "accept", htmx=True).content.decode()
    assert '<p class="error-message" role="alert">This draft was reviewed already.</p>' in html


def test_a_made_up_decision_is_refused_in_plain_words(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    response = _decide(signed_in(reviewer), review, "events[0].city", "approve", htmx=True)
    assert "That value cannot be decided here." in response.content.decode()
