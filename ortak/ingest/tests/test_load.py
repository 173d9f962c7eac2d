import pytest

from ortak.accounts.services import operator_user
from ortak.core.errors import InputError
from ortak.core.models import Publication
from ortak.events.models import Event, Source
from ortak.ingest.load import ArticleData, record_load
from ortak.ingest.tests.records import article_record, event_record
from ortak.registry.models import Institution, Person

pytestmark = pytest.mark.django_db


def _load(record: dict, text: str = "An article about a meeting in Bishkek."):
    return record_load(
        article=ArticleData(text=text, path=record["source"]["path"]),
        record=record,
        evidence=[],
        pipeline_version="ortak-extract test",
        actor=operator_user(),
    )


def test_record_becomes_draft_event_linked_to_the_registry(reference):
    result = _load(article_record(event_record()))
    event = result.created[0]
    assert event.publication == Publication.DRAFT
    assert (event.city, event.country, event.state.key) == ("Bishkek", "KG", "KG")
    assert event.start_date.isoformat() == "2023-10-05"
    committee = Institution.objects.get(key="az-diaspora-committee")
    assert committee in event.institutions.all()
    assert set(event.countries.values_list("key", flat=True)) == {"AZ", "KG", "KZ", "TR", "UZ"}
    roles = {
        p.person.name: (p.role, p.state_id and p.state.key) for p in event.participations.all()
    }
    assert roles == {
        "Fuad Muradov": ("Chairman", "AZ"),
        "Merey Mukazhan": ("Deputy Secretary General", None),
    }
    assert event.outcomes.get().kind == "document_adopted"
    assert event.site_visits.get().name == "Azerbaijan Culture and Education Center in Bishkek"


def test_former_name_links_to_the_same_institution(reference):
    record = article_record(
        event_record(
            organizations=[
                {"name": "Cooperation Council of Turkic Speaking States", "country": None}
            ]
        )
    )
    event = _load(record).created[0]
    assert list(event.institutions.values_list("key", flat=True)) == ["ots"]


def test_same_event_from_two_articles_is_one_event_with_two_sources(reference):
    first = _load(article_record(event_record()), text="First report of the Bishkek meeting.")
    second = _load(
        article_record(
            event_record(title="Meeting of diaspora heads held in Bishkek"), path="b.txt"
        ),
        text="Second report, by another agency, of the Bishkek meeting.",
    )
    assert second.created == []
    assert second.merged == first.created
    event = first.created[0]
    assert Event.objects.count() == 1
    assert event.sources.count() == 2


def test_numbered_round_of_a_series_merges_even_without_a_date(reference):
    title = (
        "6th meeting of the Ministers and Heads of Institutions in charge of Diaspora Affairs"
        " of the OTS"
    )
    first = _load(
        article_record(event_record(title=title, start_date=None, city="Tashkent")), text="one"
    )
    second = _load(
        article_record(
            event_record(title=title.replace("6th", "sixth"), start_date="2024-11-18", city="")
        ),
        text="two",
    )
    assert first.created[0].series.key == "ministers-meeting"
    assert first.created[0].number == 6
    assert second.merged == first.created


def test_different_events_in_one_city_stay_apart(reference):
    _load(article_record(event_record()), text="one")
    other = _load(
        article_record(
            event_record(type="forum", title="Diaspora Youth Forum", start_date="2023-10-05")
        ),
        text="two",
    )
    assert len(other.created) == 1
    assert Event.objects.count() == 2


def test_known_person_is_linked_across_spellings(reference):
    first = _load(article_record(event_record()), text="one")
    person = Person.objects.get(name="Fuad Muradov")
    other_event = event_record(
        title="Exchange of experience in Baku",
        type="exchange_of_experience",
        city="Baku",
        start_date="2019-02-12",
        participants=[
            {"name": "F. Muradov", "role": "Chairman", "organization": None, "country": "AZ"}
        ],
    )
    second = _load(article_record(other_event), text="two")
    assert second.created[0].participations.get().person == person
    assert first.created[0] != second.created[0]


def test_article_ingested_twice_is_refused_and_nothing_is_lost(reference):
    _load(article_record(event_record()), text="The same text")
    with pytest.raises(InputError) as error:
        _load(article_record(event_record()), text="The  same text")
    assert error.value.code == "E107"
    assert (Source.objects.count(), Event.objects.count()) == (1, 1)


def test_planned_events_are_kept_as_planned(reference):
    planned = {
        "title": "training for members of the Turkic-speaking diaspora in the USA",
        "type": "training",
        "start_date": "2019-05",
        "end_date": "2019-06",
        "city": None,
        "country": "US",
        "organizers": ["State Committee on Work with Diaspora"],
    }
    result = _load(article_record(event_record(), planned=(planned,)))
    training = Event.objects.get(event_type="training")
    assert (training.status, training.start_precision, training.end_date.month) == (
        "planned",
        "month",
        6,
    )
    assert training.state.iso_code == "US"
    assert result.review.event_map["planned[0]"] == training.pk


def test_malformed_dates_from_the_pipeline_are_left_empty(reference):
    result = _load(article_record(event_record(start_date="2023-13-45", end_date="yesterday")))
    event = result.created[0]
    assert (event.start_date, event.end_date) == (None, None)


def test_pipeline_version_is_stored_on_every_record_it_made(reference):
    record = event_record(
        organizations=[{"name": "Welcome Office", "country": "HU"}],
        participants=[
            {
                "name": "Arpad Janos Potapi",
                "role": "state secretary",
                "organization": None,
                "country": "HU",
            }
        ],
    )
    result = _load(article_record(record))
    event = result.created[0]
    made = [
        event,
        result.review.source,
        Person.objects.get(name="Arpad Janos Potapi"),
        Institution.objects.get(name="Welcome Office"),
    ]
    assert {record.pipeline_version for record in made} == {"ortak-extract test"}
    assert Institution.objects.get(key="ots").pipeline_version == ""


def test_new_institution_is_linked_by_its_name_next_time(reference):
    record = event_record(organizations=[{"name": "Welcome Office", "country": "HU"}])
    _load(article_record(record), text="one")
    _load(
        article_record(
            event_record(title="Another", type="forum", organizations=record["organizations"])
        ),
        text="two",
    )
    assert Institution.objects.filter(name="Welcome Office").count() == 1


@pytest.mark.parametrize(
    ("spelling", "latin"),
    [("Чивилер Али", "Chiviler Ali"), ("Ali Civiler", None), ("A. Çiviler", None)],
)
def test_person_is_linked_across_scripts_and_spellings(reference, spelling, latin):
    known = {
        "name": "Ali Çiviler",
        "role": "Secretary General",
        "organization": None,
        "country": None,
    }
    _load(article_record(event_record(participants=[known])), text="one")
    person = Person.objects.get(name="Ali Çiviler")
    again = {"name": spelling, "role": "Secretary General", "organization": None, "country": None}
    if latin:
        again["name_latin"] = latin
    other = event_record(
        title="Forum in Astana",
        type="forum",
        city="Astana",
        start_date="2024-05-02",
        participants=[again],
    )
    result = _load(article_record(other), text="two")
    assert result.created[0].participations.get().person == person
    assert Person.objects.count() == 1
    assert person.aliases.filter(text=spelling).exists()


@pytest.mark.parametrize(
    ("known", "spelling", "same"),
    [
        ("Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев", True),
        ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokarev", False),
        ("Nurlan Yusupov", "Nurlan Jusupov", True),
        ("Fuad Muradov", "Fuad Muratov", False),
        ("Rustam Kurbanov", "Rustam Kurmanov", False),
    ],
)
def test_person_is_linked_by_spelling_and_not_across_a_consonant(reference, known, spelling, same):
    def participant(name: str) -> dict:
        return {"name": name, "role": "Chairman", "organization": None, "country": None}

    _load(article_record(event_record(participants=[participant(known)])), text="one")
    other = event_record(
        title="Forum in Astana",
        type="forum",
        city="Astana",
        start_date="2024-05-02",
        participants=[participant(spelling)],
    )
    result = _load(article_record(other), text="two")
    linked = result.created[0].participations.get().person
    assert (linked == Person.objects.get(name=known)) is same
    assert Person.objects.count() == (1 if same else 2)
