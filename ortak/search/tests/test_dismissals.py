"""A pair an editor says is two records is not proposed again, by the page or the command."""

import io

import pytest
from django.core.management import call_command

from ortak.accounts.tests.factories import editor_of
from ortak.core.errors import PermissionDenied
from ortak.registry.tests.factories import StateFactory
from ortak.search.models import DuplicateDismissal
from ortak.search.selectors import duplicates_to_merge
from ortak.search.services import duplicate_dismiss

pytestmark = pytest.mark.django_db


def test_a_dismissed_pair_is_proposed_no_more(make_person, secretariat):
    first, second = make_person("Fuad Muradov"), make_person("Фуад Мурадов")
    assert [c.why for c in duplicates_to_merge(actor=secretariat, kind="person")] == [
        ("Fuad Muradov", "Фуад Мурадов")
    ]
    duplicate_dismiss(actor=secretariat, kind="person", first_id=second.pk, second_id=first.pk)
    duplicate_dismiss(actor=secretariat, kind="person", first_id=first.pk, second_id=second.pk)
    assert DuplicateDismissal.objects.get().dismissed_by == secretariat  # once, either order
    assert duplicates_to_merge(actor=secretariat, kind="person") == []
    out = io.StringIO()
    call_command("duplicates", "--kind", "person", stdout=out, stderr=io.StringIO())
    assert out.getvalue() == ""


def test_an_editor_sees_and_dismisses_only_pairs_of_their_state(make_person):
    make_person("Fuad Muradov", state="AZ"), make_person("Фуад Мурадов", state="AZ")
    kazakh = make_person("Meiram Imanbayev", state="KZ")
    other = make_person("Imanbaev Meyram", state="AZ")
    az_editor = editor_of(StateFactory(key="AZ"))
    pairs = duplicates_to_merge(actor=az_editor, kind="person")
    assert [(c.first.name, c.second.name) for c in pairs] == [("Fuad Muradov", "Фуад Мурадов")]
    with pytest.raises(PermissionDenied) as error:
        duplicate_dismiss(actor=az_editor, kind="person", first_id=kazakh.pk, second_id=other.pk)
    assert error.value.code == "E309"
    assert not DuplicateDismissal.objects.exists()
