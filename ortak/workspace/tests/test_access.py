"""Sign-in, the home page by role, and refusals as plain 403 pages."""

import pytest
from django.urls import reverse

from ortak.workspace.tests.drafts import draft

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    ["workspace:dashboard", "workspace:queue", "workspace:article_new", "workspace:event_list"],
)
def test_workspace_pages_ask_to_sign_in_first(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/workspace/")


def test_sign_in_page_shows_an_error_summary_for_wrong_details(client, editor):
    response = client.post("/accounts/login/", {"username": editor.username, "password": "wrong"})
    html = response.content.decode()
    assert "There is a problem" in html
    assert "<title>Error: Sign in · Ortak</title>" in html


def test_sign_in_goes_to_the_workspace(client, editor):
    editor.set_password("a long pass phrase")
    editor.save()
    response = client.post(
        "/accounts/login/", {"username": editor.username, "password": "a long pass phrase"}
    )
    assert response.url == "/workspace/"


def test_reviewer_home_shows_the_drafts_waiting(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    html = signed_in(reviewer).get(reverse("workspace:dashboard")).content.decode()
    assert "Drafts to review" in html
    assert reverse("workspace:review", args=[review.pk]) in html
    assert "You edit the records of Azerbaijan." in html


def test_home_of_an_account_without_a_role_says_whom_to_ask(nobody, signed_in):
    html = signed_in(nobody).get(reverse("workspace:dashboard")).content.decode()
    assert "Your account has no role yet." in html
    assert "Add an article" not in html


def test_account_without_a_role_gets_a_plain_403(nobody, signed_in):
    response = signed_in(nobody).get(reverse("workspace:queue"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "You cannot do this" in html and "ortak.E300" in html


def test_ended_session_under_htmx_sends_the_whole_page_to_sign_in(client):
    response = client.post(
        "/workspace/reviews/1/decide/",
        {"path": "events[0].city", "decision": "accept"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/workspace/reviews/1/",
    )
    assert response.headers["HX-Redirect"] == "/accounts/login/?next=%2Fworkspace%2Freviews%2F1%2F"
