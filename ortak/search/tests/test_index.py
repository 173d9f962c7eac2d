"""The index follows every save and delete, pauses for bulk loads, and rebuilds."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from ortak.events.models import EventSeries
from ortak.events.tests.factories import EventFactory
from ortak.plans.models import ActivityPlan, Measure, Strategy
from ortak.registry.models import PersonAlias
from ortak.registry.services import institution_add_name, person_add_alias
from ortak.registry.tests.factories import InstitutionFactory, PersonFactory, StateFactory
from ortak.search.models import SearchEntry
from ortak.search.selectors import search
from ortak.search.services import index_paused, index_rebuild, index_remove, index_update

pytestmark = pytest.mark.django_db


def names(query, **filters):
    return [hit.name for hit in search(query, published_only=False, **filters)]


def fts_is_sound():
    """SQLite only: FTS5's own check that its index agrees with the entry table."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    return True


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda: PersonFactory(name="Gismat Gozalov"), "person"),
        (lambda: InstitutionFactory(name="Gismat Gozalov Committee"), "institution"),
        (lambda: EventFactory(title="Gismat Gozalov Forum"), "event"),
        (lambda: StateFactory(key="GG", name="Gismat Gozalov Land"), "state"),
        (
            lambda: EventSeries.objects.create(
                key="gg", name="Gismat Gozalov Series", event_type="forum"
            ),
            "series",
        ),
        (lambda: Strategy.objects.create(title="Gismat Gozalov Strategy"), "plan"),
        (
            lambda: ActivityPlan.objects.create(
                title="Gismat Gozalov Plan", year_from=2024, year_to=2024
            ),
            "plan",
        ),
        (
            lambda: Measure.objects.create(
                plan=ActivityPlan.objects.create(title="Plan", year_from=2024, year_to=2024),
                title="Gismat Gozalov Measure",
            ),
            "measure",
        ),
    ],
)
def test_every_kind_of_record_is_indexed_on_save_and_removed_on_delete(make, kind):
    record = make()
    assert [hit.kind for hit in search("Gismat Gozalov")] == [kind]
    record.delete()
    assert search("Gismat Gozalov") == []
    assert fts_is_sound()


def test_organization_is_indexed(make_organization):
    organization = make_organization("Kazakh Culture Center Berlin")
    hits = search("Казах", kinds=["organization"])
    assert [(hit.object_id, hit.state) for hit in hits] == [(organization.pk, "KZ")]


def test_rename_is_found_by_the_new_name():
    event = EventFactory(title="Roundtable in Baku")
    event.title = "Roundtable in Bishkek"
    event.save()
    assert names("Bishkek") == ["Roundtable in Bishkek"]
    assert names("Baku") == []
    assert fts_is_sound()


def test_alias_added_and_deleted_changes_what_finds_the_person(make_person):
    person = make_person("Khazar Ibrahim")
    person_add_alias(person=person, text="Şəhriyar")  # a pen name, nothing like the name
    assert names("Шахрияр") == ["Khazar Ibrahim"]
    PersonAlias.objects.filter(person=person, text="Şəhriyar").delete()
    assert names("Шахрияр") == []
    assert names("Khazar Ibrahim") == ["Khazar Ibrahim"]


def test_institution_found_by_a_name_added_later():
    institution = InstitutionFactory(name="Diaspora Committee")
    institution_add_name(
        institution=institution, text="Komitet po diaspore", language="ru", kind="variant"
    )
    assert names("komitet diaspore") == ["Diaspora Committee"]


def test_publishing_a_draft_shows_it_to_the_public(make_person):
    person = make_person("Merey Mukazhan", draft=True)
    assert search("Merey Mukazhan") == []
    person.publication = "published"
    person.save()
    assert [hit.name for hit in search("Merey Mukazhan")] == ["Merey Mukazhan"]


def test_undated_measure_follows_its_plans_years():
    plan = ActivityPlan.objects.create(title="Plan", year_from=2024, year_to=2024)
    Measure.objects.create(plan=plan, title="Diaspora summer school")
    assert names("summer school", year=2025) == []
    plan.year_to = 2025
    plan.save()
    assert names("summer school", year=2025) == ["Diaspora summer school"]


def test_rolled_back_change_leaves_the_index_as_it_was():
    event = EventFactory(title="Forum in Astana")
    with pytest.raises(RuntimeError), transaction.atomic():
        event.title = "Forum in Ankara"
        event.save()
        raise RuntimeError("the change fails after the save")
    assert names("Astana") == ["Forum in Astana"]
    assert names("Ankara") == []


def test_paused_index_catches_up_once_when_the_load_ends():
    with index_paused():
        first = EventFactory(title="Forum one")
        EventFactory(title="Forum two")
        first.delete()
        assert names("Forum") == []
    assert names("Forum") == ["Forum two"]


def test_paused_index_with_rebuild_sees_bulk_created_records():
    with index_paused(rebuild=True):
        EventSeries.objects.bulk_create(
            [EventSeries(key=f"s{n}", name=f"Series {n}", event_type="forum") for n in range(3)]
        )
    assert sorted(names("Series")) == ["Series 0", "Series 1", "Series 2"]
    assert fts_is_sound()


def test_nested_pauses_catch_up_with_the_outermost():
    with index_paused():
        with index_paused():
            EventFactory(title="Forum inside")
        assert names("Forum") == []
    assert names("Forum") == ["Forum inside"]


def test_pause_that_raises_indexes_nothing():
    with pytest.raises(RuntimeError), index_paused():
        SearchEntry.objects.all().delete()
        raise RuntimeError("the load fails")
    assert SearchEntry.objects.count() == 0


def test_rebuild_restores_a_lost_index_and_counts_the_records(reference):
    count = SearchEntry.objects.count()
    assert count > 50
    SearchEntry.objects.all().delete()
    assert search("Turkic Council") == []
    assert index_rebuild() == count
    assert search("Turkic Council")[0].name == "Organization of Turkic States"
    assert fts_is_sound()


def test_index_update_and_remove_by_hand(make_person):
    person = make_person("Omar Kojaman")
    index_remove(person)
    assert names("Omar Kojaman") == []
    index_update(person)
    index_update(person)  # an upsert: still one entry
    assert names("Omar Kojaman") == ["Omar Kojaman"]
    assert SearchEntry.objects.filter(model="registry.person", object_id=person.pk).count() == 1


def test_index_update_refuses_a_record_it_does_not_index(make_person):
    alias = make_person("Omar Kojaman").aliases.first()
    with pytest.raises(TypeError, match=r"ortak\.E402"):
        index_update(alias)


def test_one_save_costs_one_upsert():
    event = EventFactory(title="Forum", start_date=dt.date(2024, 1, 1))
    event.title = "Forum in Turkistan"
    with CaptureQueriesContext(connection) as queries:
        event.save()
    search_queries = [q["sql"] for q in queries.captured_queries if "search_" in q["sql"]]
    assert len(search_queries) == 1
    assert "ON CONFLICT" in search_queries[0]
