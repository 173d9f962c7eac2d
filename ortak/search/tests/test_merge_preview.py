"""A merge's preview says what the merge then moves: people, institutions, organizations."""

import pytest

from ortak.accounts.models import Membership, Role
from ortak.accounts.tests.factories import editor_of, user_with_role
from ortak.core.errors import PermissionDenied
from ortak.events.models import Participation
from ortak.events.services import participation_add
from ortak.events.tests.factories import EventFactory
from ortak.plans.models import ActivityPlan, Measure
from ortak.registry.models import Institution, Position
from ortak.registry.services import (
    institution_merge,
    institution_merge_preview,
    organization_merge,
    organization_merge_preview,
    person_merge,
    person_merge_preview,
    position_create,
)
from ortak.registry.tests.factories import InstitutionFactory, StateFactory
from ortak.search.selectors import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def ali_twice(make_person, secretariat):
    """Ali Çiviler in Latin and in Cyrillic letters: a shared event, a post both hold."""
    keep = make_person("Ali Çiviler")
    remove = make_person("Али Чивилер", "Ali Civiler", draft=True)
    shared, own = EventFactory(title="Diaspora Forum"), EventFactory(title="Youth Camp")
    participation_add(actor=secretariat, event=shared, person=keep)
    participation_add(actor=secretariat, event=shared, person=remove, role="Speaker")
    participation_add(actor=secretariat, event=own, person=remove)
    committee = InstitutionFactory(name="Diaspora Committee", state=keep.state)
    ministry = InstitutionFactory(name="Ministry of Culture", state=keep.state)
    position_create(actor=secretariat, person=keep, institution=committee, title="Chairman")
    position_create(
        actor=secretariat, person=remove, institution=committee, title="chairman", start="2019"
    )
    position_create(actor=secretariat, person=remove, institution=ministry, title="Adviser")
    return keep, remove


def _texts(move) -> tuple[list[str], list[str]]:
    return [i.text for i in move.moved], [i.text for i in move.joined]


def test_person_preview_lists_what_moves_and_what_is_joined(ali_twice, secretariat):
    keep, remove = ali_twice
    preview = person_merge_preview(actor=secretariat, keep=keep, remove=remove)
    assert _texts(preview.move("participations")) == (
        ["Youth Camp"],
        ["Diaspora Forum — Speaker"],
    )
    assert _texts(preview.move("positions")) == (
        ["Adviser, Ministry of Culture"],
        ["chairman, Diaspora Committee"],
    )
    assert _texts(preview.move("names"))[0] == ["Али Чивилер", "Ali Civiler"]
    assert preview.counts() == {"participations": 2, "positions": 2, "names": 2}


def test_person_merge_does_what_its_preview_said(ali_twice, secretariat):
    keep, remove = ali_twice
    preview = person_merge_preview(actor=secretariat, keep=keep, remove=remove)
    before = (keep.participations.count(), keep.positions.count())
    person_merge(actor=secretariat, keep=keep, remove=remove)
    participations, positions = preview.move("participations"), preview.move("positions")
    assert keep.participations.count() == before[0] + len(participations.moved)
    assert keep.positions.count() == before[1] + len(positions.moved)
    assert Participation.objects.filter(event__title="Diaspora Forum").count() == 1
    assert Position.objects.filter(title__iexact="chairman").count() == 1
    assert Position.objects.get(title="Chairman").start_date.year == 2019  # blank filled
    aliases = set(keep.aliases.values_list("text", flat=True))
    assert {item.text for item in preview.move("names").moved} <= aliases


@pytest.mark.parametrize("query", ["Али Чивилер", "Ali Civiler", "Чивилер"])
def test_the_merged_away_spellings_find_the_kept_person(ali_twice, secretariat, query):
    keep, remove = ali_twice
    person_merge(actor=secretariat, keep=keep, remove=remove)
    assert [hit.object_id for hit in search(query, kinds=["person"])] == [keep.pk]


def test_preview_needs_the_right_to_merge_both(make_person):
    keep, remove = make_person("Ali Çiviler", state="TR"), make_person("Али Чивилер", state="KZ")
    with pytest.raises(PermissionDenied) as error:
        person_merge_preview(actor=editor_of(keep.state), keep=keep, remove=remove)
    assert error.value.code == "E309"


# Institutions ------------------------------------------------------------------------------


@pytest.fixture
def committee_twice(make_person, secretariat):
    """One committee in Azerbaijani and in Russian, each named by events, a measure, people."""
    azerbaijan = StateFactory(key="AZ")
    keep = InstitutionFactory(name="Diaspora ilə İş üzrə Dövlət Komitəsi", state=azerbaijan)
    remove = InstitutionFactory(
        name="Государственный комитет по работе с диаспорой",
        state=azerbaijan,
        names={"en": "State Committee on Work with Diaspora"},
        sources=["https://example.org/committee"],
    )
    person = make_person("Fuad Muradov")
    position_create(actor=secretariat, person=person, institution=keep, title="Chairman")
    position_create(actor=secretariat, person=person, institution=remove, title="Chairman")
    other = make_person("Leyla Aliyeva")
    position_create(actor=secretariat, person=other, institution=remove, title="Adviser")
    hosted = EventFactory(host=remove)
    hosted.organizers.add(remove, keep)
    plan = ActivityPlan.objects.create(title="Plan 2025", year_from=2025, year_to=2025)
    measure = Measure.objects.create(plan=plan, title="Youth forum")
    measure.responsible.add(remove)
    measure.partners.add(keep, remove)
    return keep, remove, hosted, measure


def test_institution_merge_does_what_its_preview_said(committee_twice, secretariat):
    keep, remove, hosted, measure = committee_twice
    preview = institution_merge_preview(actor=secretariat, keep=keep, remove=remove)
    assert preview.counts() == {
        "positions": 2,
        "events_hosted": 1,
        "events_organized": 1,
        "measures_responsible": 1,
        "measures_partnered": 1,
        "names": 2,
        "sources": 1,
    }
    assert len(preview.move("positions").joined) == 1  # Fuad Muradov chairs it once
    institution_merge(actor=secretariat, keep=keep, remove=remove)
    assert not Institution.objects.filter(pk=remove.pk).exists()
    hosted.refresh_from_db()
    assert hosted.host == keep and list(hosted.organizers.all()) == [keep]
    assert list(measure.responsible.all()) == [keep] and list(measure.partners.all()) == [keep]
    assert sorted(keep.positions.values_list("title", flat=True)) == ["Adviser", "Chairman"]
    assert keep.sources == ["https://example.org/committee"]
    assert keep.names == {"en": "State Committee on Work with Diaspora"}


def test_merged_institution_is_found_by_the_removed_name(committee_twice, secretariat):
    keep, remove, _, _ = committee_twice
    institution_merge(actor=secretariat, keep=keep, remove=remove)
    hits = search("Государственный комитет по работе с диаспорой", kinds=["institution"])
    assert [hit.object_id for hit in hits] == [keep.pk]


def test_institution_histories_show_the_merge_and_who_made_it(committee_twice, secretariat):
    keep, remove, _, measure = committee_twice
    removed_pk = remove.pk
    institution_merge(actor=secretariat, keep=keep, remove=remove)
    assert keep.history.first().history_user == secretariat
    assert keep.history.first().history_change_reason.startswith(
        f"merged with institution #{removed_pk}"
    )
    gone = Institution.history.filter(id=removed_pk).first()
    assert (gone.history_type, gone.history_user) == ("-", secretariat)
    assert measure.history.first().history_user == secretariat


def test_an_editor_may_not_merge_another_states_institution(committee_twice):
    keep, remove, _, _ = committee_twice
    remove.state = StateFactory(key="KZ")
    remove.save()
    with pytest.raises(PermissionDenied) as error:
        institution_merge(actor=editor_of(keep.state), keep=keep, remove=remove)
    assert error.value.code == "E309"
    assert Institution.objects.filter(pk=remove.pk).exists()


def test_an_editor_of_the_state_merges_its_institutions(committee_twice):
    keep, remove, _, _ = committee_twice
    institution_merge(actor=editor_of(keep.state), keep=keep, remove=remove)
    assert not Institution.objects.filter(pk=remove.pk).exists()


# Organizations -----------------------------------------------------------------------------


def test_organization_merge_keeps_every_name_searchable(make_organization, secretariat):
    keep = make_organization("Kazakh Culture Center", names={"kk": "Қазақ мәдени орталығы"})
    remove = make_organization("Kasachisches Kulturzentrum", names={"kk": "Қазақ мәдениет үйі"})
    member = user_with_role(Role.REPRESENTATIVE, organization=remove)
    preview = organization_merge_preview(actor=secretariat, keep=keep, remove=remove)
    assert _texts(preview.move("names"))[0] == ["Kasachisches Kulturzentrum", "Қазақ мәдениет үйі"]
    assert len(preview.move("representatives").moved) == 1
    organization_merge(actor=secretariat, keep=keep, remove=remove)
    keep.refresh_from_db()
    assert keep.aliases == ["Kasachisches Kulturzentrum", "Қазақ мәдениет үйі"]
    assert Membership.objects.get(user=member).organization == keep
    for query in ("Kasachisches Kulturzentrum", "Қазақ мәдениет үйі"):
        assert [hit.object_id for hit in search(query, kinds=["organization"])] == [keep.pk]
