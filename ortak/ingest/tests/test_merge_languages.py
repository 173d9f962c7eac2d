"""One event, many languages: a Russian, Turkish or Kazakh report of an event Ortak has from
an English article (or the reverse) becomes one more source of that event, its people linked
to the people already there, whatever the script; other events and other people stay apart.

Everything runs through the whole pipeline (article_ingest on real text). The English and
most regional articles are those of the shared corpus (../shared/corpus, as published); the
others, under articles/, were written for these tests as a press office would write them,
with the facts of the English article they report (or, for the events that must stay apart,
of another event).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ortak.accounts.services import operator_user
from ortak.events.models import Event
from ortak.ingest.extract.reader import read_path
from ortak.ingest.extract.schema import Record
from ortak.ingest.load import LoadResult
from ortak.ingest.services import article_ingest
from ortak.registry.models import Person

pytestmark = pytest.mark.django_db

SHARED = Path(
    os.environ.get("ORTAK_SHARED") or Path(__file__).resolve().parents[3] / ".." / "shared"
)
CORPUS = SHARED / "corpus"
WRITTEN = Path(__file__).parent / "articles"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _path(name: str) -> Path:
    """`written/x`: an article of articles/; `sample/x`: of the samples; else the corpus."""
    folder, _, stem = name.partition("/")
    if folder == "written":
        return WRITTEN / f"{stem}.txt"
    if folder == "sample":
        return SAMPLES / f"{stem}.txt"
    path = CORPUS / f"{name}.txt"
    if not path.is_file():
        message = f"the corpus is not at {CORPUS.resolve()}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run these tests, never skip them")
        pytest.skip(message)
    return path


def ingest(name: str) -> LoadResult:
    return article_ingest(actor=operator_user(), article=read_path(_path(name)))


def _of_type(events: list[Event], event_type: str) -> Event:
    return next(event for event in events if event.event_type == event_type)


# (first article, second article, type of the event both report). "dev/..." are English,
# "dev-regional/..." and "written/..." are in the language their name gives.
SAME_EVENT = [
    pytest.param("dev/007", "dev-regional/201", "forum", id="ru after en: II Форум, Бурса"),
    pytest.param("dev-regional/201", "dev/007", "forum", id="en after ru: 2nd Forum, Bursa"),
    pytest.param("dev/007", "dev-regional/205", "forum", id="tr after en: TDT 2. Forumu"),
    pytest.param(
        "sample/002", "dev-regional/206", "exchange_of_experience", id="tr after en: Bakü"
    ),
    pytest.param(
        "dev/007", "written/kk_bursa_diaspora_forum", "forum", id="kk after en: II форумы"
    ),
    pytest.param(
        "written/kk_bursa_diaspora_forum", "dev/007", "forum", id="en after kk: 2nd Forum"
    ),
    pytest.param(
        "dev/008",
        "written/ru_tashkent_ministers_meeting",
        "ministerial_meeting",
        id="ru after en: VI заседание, Ташкент",
    ),
    pytest.param(
        "dev/003",
        "written/ru_bishkek_ministers_conference",
        "ministerial_meeting",
        id="ru after en: Потапи in Бишкек, no dates",
    ),
    pytest.param(
        "written/ru_bishkek_ministers_conference",
        "dev/003",
        "ministerial_meeting",
        id="en after ru: Potapi in Bishkek, no dates",
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("first", "second", "event_type"), SAME_EVENT)
def test_a_report_in_another_language_is_one_more_source_of_the_event(
    reference, first, second, event_type
):
    event = _of_type(ingest(first).created, event_type)
    result = ingest(second)
    assert event in result.merged
    assert event_type not in {e.event_type for e in result.created}
    assert event.sources.count() == 2
    assert Event.objects.filter(event_type=event_type, city=event.city).count() == 1


# (first article, second article, {name as the second writes it: the person it links to}).
SAME_PEOPLE = [
    pytest.param(
        "dev/007",
        "dev-regional/201",
        {
            "Абдуллах Эрен": "Abdullah Eren",
            "Алинур Акташ": "Alinur Aktaş",
            "Якуп Джанполат": "Yakup Canbolat",
            "Багдат Амраев": "Baghdad Amreyev",
            "Бинали Йылдырым": "Binali Yıldırım",
        },
        id="ru after en",
    ),
    pytest.param(
        "dev-regional/201",
        "dev/007",
        {
            "Abdullah Eren": "Abdullakh Eren",
            "Alinur Aktaş": "Alinur Aktash",
            "Yakup Canbolat": "Yakup Dzhanpolat",
            "Baghdad Amreyev": "Bagdat Amraev",
            "Binali Yıldırım": "Binali Yyldyrym",
        },
        id="en after ru",
    ),
    pytest.param(
        "dev/007",
        "written/kk_bursa_diaspora_forum",
        {
            "Абдуллаһ Эрен": "Abdullah Eren",
            "Бағдад Әмреев": "Baghdad Amreyev",
            "Әлинұр Ақташ": "Alinur Aktaş",
            "Бинали Йылдырым": "Binali Yıldırım",
        },
        id="turkish names in kazakh cyrillic",
    ),
    pytest.param(
        "dev/003",
        "written/ru_bishkek_ministers_conference",
        {"Арпад Янош Потапи": "Arpad Janos Potapi"},
        id="a hungarian name in russian cyrillic",
    ),
    pytest.param(
        "written/ru_bishkek_ministers_conference",
        "dev/003",
        {"Arpad Janos Potapi": "Arpad Yanosh Potapi"},
        id="a hungarian name written from russian, then in english",
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("first", "second", "linked"), SAME_PEOPLE)
def test_the_people_of_the_report_are_the_people_already_there(reference, first, second, linked):
    ingest(first)
    people_before = Person.objects.count()
    review = ingest(second).review
    record = Record.from_dict(review.record)
    found = {}
    for key, event in record.keyed_events():
        for i, participant in enumerate(getattr(event, "participants", [])):
            person_id = review.links.get(f"{key}.participants[{i}]")
            if participant.name in linked and person_id:
                found[participant.name] = Person.objects.get(pk=person_id).name
    assert found == linked
    assert Person.objects.count() == people_before  # no second draft of anyone


def test_another_round_of_a_series_in_the_same_city_is_another_event(reference):
    """The English sample reports the 5th Contact Group meeting in Baku, undated; a Turkish
    report of the sixth ("Altıncı ... Toplantısı") in Baku is not the same meeting."""
    fifth = _of_type(ingest("sample/002").created, "contact_group_meeting")
    result = ingest("written/tr_baku_contact_group_6")
    sixth = _of_type(result.created, "contact_group_meeting")
    assert result.merged == []
    assert fifth.series.key == sixth.series.key == "contact-group-meeting"
    assert (fifth.number, sixth.number) == (5, 6)


@pytest.mark.corpus
def test_an_event_of_the_same_type_and_city_on_other_dates_is_another_event(reference):
    """A forum in Bursa in October 2023 is not the forum held there in March 2022."""
    forum_2022 = _of_type(ingest("dev/007").created, "forum")
    result = ingest("written/ru_bursa_media_forum")
    assert result.merged == []
    forum_2023 = _of_type(result.created, "forum")
    assert forum_2023 != forum_2022
    assert forum_2022.sources.count() == 1


def test_near_misses_of_known_names_are_other_people(reference):
    """After the Baku article (Meiram Imanbayev, Erkan Ozaral, Galieva Jarkhinay), a Russian
    report names the first two in Cyrillic and a man whose surname is her surname's
    masculine form: he is a new person, they are the people Ortak knows."""
    ingest("sample/002")
    jarkhinay = Person.objects.get(name="Galieva Jarkhinay")
    result = ingest("written/ru_baku_roundtable")
    roundtable = _of_type(result.created, "roundtable")
    people = {p.person.name: p.person for p in roundtable.participations.all()}
    assert set(people) == {"Meiram Imanbayev", "Erkan Ozaral", "Zharkyn Galiev"}
    assert people["Zharkyn Galiev"] != jarkhinay
