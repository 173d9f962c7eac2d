"""Hostile input: markup is shown as text, over-long input refused, forged posts refused."""

import pytest
from django.test import Client
from django.urls import reverse

from ortak.accounts.tests.factories import sign_in_with_code
from ortak.registry.models import Person
from ortak.workspace.tests.drafts import TEXT, draft

pytestmark = pytest.mark.django_db
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markup_in_a_name_is_kept_as_text_and_shown_escaped(azerbaijan, editor, signed_in):
    client = signed_in(editor)
    client.post(reverse("workspace:person_new"), {"name": SCRIPT, "state": azerbaijan.pk})
    person = Person.objects.get()
    assert person.name == SCRIPT
    for url in (reverse("workspace:person", args=[person.pk]), reverse("workspace:person_list")):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_markup_in_an_article_is_escaped_on_the_review_screen(reference, reviewer, signed_in):
    review = draft(actor=reviewer, text=TEXT + "\n\n" + SCRIPT, title=SCRIPT)
    html = signed_in(reviewer).get(reverse("workspace:review", args=[review.pk])).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_over_long_name_is_refused_not_cut(azerbaijan, editor, signed_in):
    response = signed_in(editor).post(
        reverse("workspace:person_new"), {"name": "A" * 301, "state": azerbaijan.pk}
    )
    assert "Too long: at most 300 characters, this has 301." in response.content.decode()
    assert not Person.objects.exists()


def test_nul_character_is_refused(azerbaijan, editor, signed_in):
    response = signed_in(editor).post(
        reverse("workspace:person_new"), {"name": "Fuad\x00Muradov", "state": azerbaijan.pk}
    )
    assert response.status_code == 200
    assert not Person.objects.exists()


def test_post_without_the_csrf_token_is_refused_with_a_plain_page(azerbaijan, editor):
    client = Client(enforce_csrf_checks=True)
    sign_in_with_code(client, editor)
    response = client.post(
        reverse("workspace:person_new"), {"name": "Forged", "state": azerbaijan.pk}
    )
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()
    assert not Person.objects.exists()


def test_decision_on_a_made_up_path_is_not_found(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    response = signed_in(reviewer).post(
        reverse("workspace:review_decide", args=[review.pk]),
        {"path": "events[0].__class__", "decision": "accept"},
    )
    assert response.status_code == 404


def test_get_cannot_change_anything(reference, reviewer, signed_in):
    review = draft(actor=reviewer)
    client = signed_in(reviewer)
    assert client.get(reverse("workspace:review_publish", args=[review.pk])).status_code == 405
    assert client.get(reverse("workspace:review_decide", args=[review.pk])).status_code == 405
