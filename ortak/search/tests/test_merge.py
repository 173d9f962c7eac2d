"""Likely duplicates, and merging two records of one person or one organization."""

import pytest

from ortak.accounts.models import Membership, Role
from ortak.accounts.tests.factories import editor_of, user_with_role
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.events.models import Participation
from ortak.events.services import participation_add
from ortak.events.tests.factories import EventFactory
from ortak.registry.models import DiasporaOrganization, Person
from ortak.registry.services import organization_merge, person_merge, position_create
from ortak.registry.tests.factories import InstitutionFactory, StateFactory
from ortak.search.models import SearchEntry
from ortak.search.selectors import duplicates, search

pytestmark = pytest.mark.django_db


# Duplicates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Fuad Muradov", "Фуад Мурадов"),
        ("Ali Çiviler", "Ali Civiler"),
        ("Meiram Imanbayev", "Imanbaev Meyram"),
        ("Fuad Muradov", "F. Muradov"),
        ("Rustambek Kurbanov", "Rustambek Kurbano"),
    ],
)
def test_duplicate_people_are_paired(make_person, first, second):
    a, b = make_person(first), make_person(second, state="KZ", draft=True)
    make_person("Gismat Gozalov")
    pairs = duplicates(kind="person")
    assert [(p.first_id, p.second_id) for p in pairs] == [(a.pk, b.pk)]
    assert pairs[0].score >= 0.85


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Shafag Binnatova", "Shafag Binnatov"),  # a feminine form: someone else
        ("Rustam Kurbanov", "Rustambek Kurbanov"),  # a name built on a name
        ("Fuad Muradov", "Fuad Mamedov"),  # another surname
        ("Kubanychbek Osmonaliev", "Kubanychbek Omuraliev"),
    ],
)
def test_near_misses_are_not_duplicates(make_person, first, second):
    make_person(first)
    make_person(second)
    assert duplicates(kind="person") == []


def test_organizations_duplicate_only_in_one_host_country(make_organization):
    a = make_organization("Kazakh Culture Center", country="DE")
    b = make_organization(
        "Қазақ мәдени орталығы", country="DE", names={"en": "Kazakh Cultural Center"}
    )
    make_organization("Kazakh Culture Center", country="FR")
    pairs = duplicates(kind="organization")
    assert [(p.first_id, p.second_id) for p in pairs] == [(a.pk, b.pk)]


def test_duplicates_of_an_unknown_kind_is_a_coded_error():
    with pytest.raises(ValidationError) as error:
        duplicates(kind="event")
    assert error.value.code == "E401"


# Merging people ---------------------------------------------------------------------------


@pytest.fixture
def two_records(make_person, secretariat):
    """Fuad Muradov twice: each at an event of his own and both at one shared event."""
    keep = make_person("Fuad Muradov", "F. Muradov")
    remove = make_person("Фуад Мурадов", "Fuad Muradov", state="AZ", draft=True)
    shared, own, other = EventFactory(), EventFactory(), EventFactory()
    participation_add(actor=secretariat, event=shared, person=keep)
    participation_add(actor=secretariat, event=shared, person=remove, role="Chairman")
    participation_add(actor=secretariat, event=own, person=keep)
    participation_add(actor=secretariat, event=other, person=remove, role="Speaker")
    institution = InstitutionFactory(state=keep.state)
    position_create(actor=secretariat, person=remove, institution=institution, title="Chairman")
    return keep, remove, shared


def test_merge_moves_participations_positions_and_aliases(two_records, secretariat):
    keep, remove, shared = two_records
    removed_pk = remove.pk
    person_merge(actor=secretariat, keep=keep, remove=remove)
    assert not Person.objects.filter(pk=removed_pk).exists()
    assert keep.participations.count() == 3
    assert Participation.objects.filter(event=shared).count() == 1
    assert keep.participations.get(event=shared).role == "Chairman"  # the blank filled in
    assert [p.title for p in keep.positions.all()] == ["Chairman"]
    assert set(keep.aliases.values_list("text", flat=True)) == {
        "Fuad Muradov",
        "F. Muradov",
        "Фуад Мурадов",
    }


def test_merge_keeps_both_histories_with_a_reason(two_records, secretariat):
    keep, remove, _ = two_records
    removed_pk = remove.pk
    person_merge(actor=secretariat, keep=keep, remove=remove)
    latest = keep.history.first()
    assert latest.history_change_reason.startswith(f"merged with person #{removed_pk}")
    assert latest.history_user == secretariat
    removed_history = Person.history.filter(id=removed_pk)
    assert removed_history.count() >= 2  # created, then deleted by the merge
    assert removed_history.first().history_type == "-"
    assert removed_history.first().history_change_reason.startswith(
        f"merged into person #{keep.pk}"
    )


def test_merge_updates_the_index(two_records, secretariat):
    keep, remove, _ = two_records
    removed_pk = remove.pk
    person_merge(actor=secretariat, keep=keep, remove=remove)
    assert [hit.object_id for hit in search("Фуад Мурадов", published_only=False)] == [keep.pk]
    assert not SearchEntry.objects.filter(model="registry.person", object_id=removed_pk).exists()


def test_merge_publishes_what_the_public_saw(make_person, secretariat):
    keep = make_person("Elshad Aliyev", draft=True)
    remove = make_person("Elşad Əliyev")
    person_merge(actor=secretariat, keep=keep, remove=remove)
    assert [hit.object_id for hit in search("Elshad Aliyev")] == [keep.pk]


def test_editor_of_both_states_may_merge(make_person):
    keep, remove = make_person("Fuad Muradov"), make_person("Фуад Мурадов")
    person_merge(actor=editor_of(keep.state), keep=keep, remove=remove)
    assert Person.objects.filter(pk=keep.pk).exists()


def test_another_states_editor_may_not_merge(make_person):
    keep, remove = make_person("Fuad Muradov", state="AZ"), make_person("Фуад Мурадов", state="KZ")
    with pytest.raises(PermissionDenied) as error:
        person_merge(actor=editor_of(keep.state), keep=keep, remove=remove)
    assert error.value.code == "E309"
    assert Person.objects.filter(pk=remove.pk).exists()


def test_a_record_is_not_merged_into_itself(make_person, secretariat):
    person = make_person("Fuad Muradov")
    with pytest.raises(ValidationError) as error:
        person_merge(actor=secretariat, keep=person, remove=person)
    assert error.value.code == "E208"


# Merging organizations --------------------------------------------------------------------


def test_organization_merge_fills_the_profile_and_moves_representatives(
    make_organization, secretariat
):
    keep = make_organization("Kazakh Culture Center", city="Berlin")
    remove = make_organization(
        "Қазақ мәдени орталығы",
        names={"kk": "Қазақ мәдени орталығы"},
        email="info@example.org",
        languages=["kk", "de"],
    )
    representative = user_with_role(Role.REPRESENTATIVE, organization=remove)
    organization_merge(actor=secretariat, keep=keep, remove=remove)
    keep.refresh_from_db()
    assert (keep.city, keep.email, keep.languages) == ("Berlin", "info@example.org", ["kk", "de"])
    assert keep.names == {"kk": "Қазақ мәдени орталығы"}
    assert Membership.objects.get(user=representative).organization == keep
    assert keep.history.first().history_change_reason.startswith("merged with organization")
    assert [hit.object_id for hit in search("Қазақ мәдени")] == [keep.pk]


def test_organization_representative_may_not_merge(make_organization):
    keep, remove = make_organization("Center A"), make_organization("Center B")
    representative = user_with_role(Role.REPRESENTATIVE, organization=keep)
    with pytest.raises(PermissionDenied):
        organization_merge(actor=representative, keep=keep, remove=remove)
    assert DiasporaOrganization.objects.count() == 2


def test_organization_of_another_state_may_not_be_merged_by_an_editor(make_organization):
    keep = make_organization("Center A", state="KZ")
    remove = make_organization("Center A", state="AZ")
    with pytest.raises(PermissionDenied):
        organization_merge(actor=editor_of(StateFactory(key="KZ")), keep=keep, remove=remove)
