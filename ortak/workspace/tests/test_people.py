import pytest
from django.urls import reverse

from ortak.registry.models import Person, PersonAlias, Position
from ortak.registry.services import person_create
from ortak.registry.tests.factories import InstitutionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_editor_adds_a_person_with_spellings_and_names(azerbaijan, editor, signed_in):
    response = signed_in(editor).post(
        reverse("workspace:person_new"),
        {
            "name": "Fuad Muradov",
            "state": azerbaijan.pk,
            "aliases": "Фуад Мурадов\nF. Muradov\n",
            "name_ru": "Фуад Мурадов",
        },
    )
    person = Person.objects.get(name="Fuad Muradov")
    assert response.status_code == 302
    assert response.url == reverse("workspace:person", args=[person.pk])
    assert person.names == {"ru": "Фуад Мурадов"}
    spellings = set(person.aliases.values_list("text", flat=True))
    assert spellings == {"Fuad Muradov", "Фуад Мурадов", "F. Muradov"}
    assert person.history.first().history_user == editor


def test_missing_name_gives_an_error_summary_linking_to_the_field(azerbaijan, editor, signed_in):
    response = signed_in(editor).post(reverse("workspace:person_new"), {"state": azerbaijan.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Add a person · Ortak</title>" in html
    assert 'class="error-summary"' in html
    assert '<a href="#id_name">Enter the person&#x27;s name</a>' in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html


def test_editor_may_only_choose_their_own_states(azerbaijan, kazakhstan, editor, signed_in):
    response = signed_in(editor).post(
        reverse("workspace:person_new"), {"name": "Meiram Imanbayev", "state": kazakhstan.pk}
    )
    assert "Choose one of the options in the list." in response.content.decode()
    assert not Person.objects.filter(name="Meiram Imanbayev").exists()


def test_editor_cannot_open_another_states_person(kazakhstan, editor, signed_in):
    person = PersonFactory(state=kazakhstan)
    response = signed_in(editor).get(reverse("workspace:person", args=[person.pk]))
    assert response.status_code == 403
    assert "It belongs to another state" in response.content.decode()


def test_editor_renames_a_person_and_the_old_name_stays_a_spelling(azerbaijan, editor, signed_in):
    person = person_create(actor=editor, name="Fuad Muradov", state=azerbaijan)
    signed_in(editor).post(
        reverse("workspace:person", args=[person.pk]),
        {"name": "Fuad Muradov Ismayil oglu", "state": azerbaijan.pk, "aliases": "Фуад Мурадов"},
    )
    person.refresh_from_db()
    assert person.name == "Fuad Muradov Ismayil oglu"
    assert {"Fuad Muradov", "Fuad Muradov Ismayil oglu", "Фуад Мурадов"} <= set(
        person.aliases.values_list("text", flat=True)
    )


def test_spelling_added_and_removed_but_the_name_stays(azerbaijan, editor, signed_in):
    person = person_create(actor=editor, name="Fuad Muradov", state=azerbaijan)
    client = signed_in(editor)
    client.post(reverse("workspace:alias_add", args=[person.pk]), {"text": "Фуад Мурадов"})
    alias = PersonAlias.objects.get(person=person, text="Фуад Мурадов")
    client.post(reverse("workspace:alias_remove", args=[alias.pk]))
    own = PersonAlias.objects.get(person=person, text="Fuad Muradov")
    response = client.post(reverse("workspace:alias_remove", args=[own.pk]), follow=True)
    assert list(person.aliases.values_list("text", flat=True)) == ["Fuad Muradov"]
    assert "stays among the spellings" in response.content.decode()


def test_position_dates_out_of_order_are_shown_on_the_end_date(azerbaijan, editor, signed_in):
    person = PersonFactory(state=azerbaijan)
    institution = InstitutionFactory(state=azerbaijan)
    response = signed_in(editor).post(
        reverse("workspace:position_new", args=[person.pk]),
        {"institution": institution.pk, "title": "Chairman", "start": "2021", "end": "2020"},
    )
    html = response.content.decode()
    assert '<a href="#id_end">The end date is before the start date.' in html
    assert not Position.objects.exists()


def test_position_added_then_ended(azerbaijan, editor, signed_in):
    person = PersonFactory(state=azerbaijan)
    institution = InstitutionFactory(state=azerbaijan)
    client = signed_in(editor)
    client.post(
        reverse("workspace:position_new", args=[person.pk]),
        {"institution": institution.pk, "title": "Chairman", "start": "2018-03"},
    )
    position = Position.objects.get()
    client.post(
        reverse("workspace:position", args=[position.pk]),
        {"title": "Chairman", "start": "2018-03", "end": "2024-02-07"},
    )
    position.refresh_from_db()
    assert (position.start_precision, position.end_date.isoformat()) == ("month", "2024-02-07")
    form = client.get(reverse("workspace:position", args=[position.pk])).content.decode()
    assert 'value="2018-03"' in form


def test_person_list_searches_spellings(azerbaijan, editor, signed_in):
    person_create(actor=editor, name="Fuad Muradov", state=azerbaijan, aliases=["Фуад Мурадов"])
    page = signed_in(editor).get(reverse("workspace:person_list"), {"q": "Фуад"})
    assert "Fuad Muradov" in page.content.decode()
