"""The two articles Ortak started from become correct records in the database.

`make run` ingests them through the real pipeline; their expected records are the gold
files shipped beside them (ortak/ingest/samples/*.gold.json).
"""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from rapidfuzz import fuzz

from ortak.core.models import Publication
from ortak.events.models import Event, EventStatus
from ortak.names import fold

SAMPLES = Path(__file__).resolve().parents[1] / "ortak" / "ingest" / "samples"
GOLD = {
    path.name.split(".")[0]: json.loads(path.read_text()) for path in SAMPLES.glob("*.gold.json")
}

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(reference):
    call_command("ingest", *sorted(str(p) for p in SAMPLES.glob("*.txt")), "--publish")


def _event(title: str) -> Event:
    matches = [e for e in Event.objects.all() if fold(e.title) == fold(title)]
    assert matches, f"no event titled {title!r}; have {[e.title for e in Event.objects.all()]}"
    return matches[0]


def _gold_events() -> list:
    return [
        pytest.param(event, id=f"{sample}-event{index}")
        for sample, gold in sorted(GOLD.items())
        for index, event in enumerate(gold["events"])
    ]


@pytest.mark.parametrize("gold", _gold_events())
def test_seed_event_is_in_the_database_as_its_gold_file_says(seeded, gold):
    event = _event(gold["title"])
    assert event.publication == Publication.PUBLISHED
    assert (event.event_type, event.city, event.country) == (
        gold["type"],
        gold["city"] or "",
        gold["country"] or "",
    )
    assert set(event.countries.values_list("iso_code", flat=True)) == set(gold["countries"])
    assert sorted(v.name for v in event.site_visits.all()) == sorted(gold["site_visits"])


@pytest.mark.parametrize("gold", _gold_events())
def test_seed_event_has_its_people_with_roles_and_countries(seeded, gold):
    event = _event(gold["title"])
    people = {
        fold(p.person.name): (p.role.lower(), p.state.iso_code if p.state else None)
        for p in event.participations.select_related("person", "state")
    }
    expected = {fold(p["name"]): (p["role"].lower(), p["country"]) for p in gold["participants"]}
    assert people == expected


def _names_of(event: Event) -> list[str]:
    return [
        fold(name)
        for institution in event.institutions.all()
        for name in (institution.name, *institution.name_history.values_list("text", flat=True))
    ]


@pytest.mark.parametrize("gold", _gold_events())
def test_seed_event_names_its_institutions(seeded, gold):
    names = _names_of(_event(gold["title"]))
    for organization in gold["organizations"]:
        wanted = fold(organization["name"])
        best = max((fuzz.token_set_ratio(wanted, name) for name in names), default=0)
        assert best >= 90, f"{organization['name']!r} not among {names}"


def test_seed_planned_events_are_planned(seeded):
    planned = Event.objects.filter(status=EventStatus.PLANNED)
    expected = [p for gold in GOLD.values() for p in gold["planned"]]
    assert sorted(e.start_date.strftime("%Y-%m") for e in planned if e.start_date) == sorted(
        p["start_date"] for p in expected if p["start_date"]
    )
    assert planned.count() == len(expected)


def test_ingesting_the_samples_again_changes_nothing(seeded):
    before = Event.objects.count()
    call_command("ingest", *sorted(str(p) for p in SAMPLES.glob("*.txt")), "--skip-known")
    assert Event.objects.count() == before


def test_ingest_publish_leaves_no_draft_behind_a_published_event(seeded):
    """The portal shows every institution and person of a published event by name."""
    from ortak.core.models import Publication
    from ortak.registry.models import Institution, Person

    published = Event.objects.filter(publication=Publication.PUBLISHED)
    assert published.exists()
    drafts = Institution.objects.filter(publication=Publication.DRAFT)
    assert not drafts.filter(events__in=published).exists()
    assert not drafts.filter(organized_events__in=published).exists()
    assert not drafts.filter(participations__event__in=published).exists()
    assert not Person.objects.filter(
        publication=Publication.DRAFT, participations__event__in=published
    ).exists()


def test_ingest_history_says_on_whose_behalf(seeded):
    event = Event.objects.filter(pipeline_version__startswith="ortak-extract").first()
    assert event.history.earliest().history_change_reason == "ingest, on behalf of ortak"
