"""The workspace speaks each interface language: headings, hints and validation messages."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _ in settings.LANGUAGES if code != "en"]


def _in(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_is_in_the_chosen_language(language, editor, signed_in):
    client = signed_in(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("workspace:dashboard")).content.decode()
    assert f'<html lang="{language}">' in html
    assert _in(language, "Your workspace") != "Your workspace"
    assert _in(language, "Your workspace") in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_validation_messages_are_in_the_chosen_language(language, azerbaijan, editor, signed_in):
    client = signed_in(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.post(reverse("workspace:person_new"), {"state": azerbaijan.pk}).content.decode()
    assert _in(language, "There is a problem") in html
    message = _in(language, "Enter the person's name")
    assert message != "Enter the person's name"
    assert message.replace("'", "&#x27;") in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_coded_errors_are_said_in_the_chosen_language(language, kazakhstan, editor, signed_in):
    from ortak.registry.tests.factories import PersonFactory

    client = signed_in(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    person = PersonFactory(state=kazakhstan)
    response = client.get(reverse("workspace:person", args=[person.pk]))
    assert response.status_code == 403
    message = _in(language, "You cannot change this record. It belongs to another state, or only "
                  "the OTS secretariat can change it.")  # fmt: skip
    assert message in response.content.decode()
