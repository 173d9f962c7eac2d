"""search(): spellings across scripts, prefixes, typos, ranking, filters, publication.

The same tests run on SQLite (FTS5) and on PostgreSQL (tsvector and pg_trgm).
"""

import datetime as dt

import pytest
from django.db import connection

from ortak.core.errors import ValidationError
from ortak.events.tests.factories import EventFactory
from ortak.names import MATCH_THRESHOLD
from ortak.plans.models import ActivityPlan
from ortak.registry.services import position_create
from ortak.registry.tests.factories import InstitutionFactory
from ortak.search.selectors import search

pytestmark = pytest.mark.django_db
OTS = "Organization of Turkic States"


def found(query, **filters):
    """(kind, name) of the hits, best first."""
    return [(hit.kind, hit.name) for hit in search(query, **filters)]


@pytest.mark.parametrize(
    ("name", "aliases", "query"),
    [
        ("Ali Çiviler", (), "Чивилер"),
        ("Ali Çiviler", (), "civiler"),
        ("Ali Çiviler", (), "Çiviler"),
        ("Ali Çiviler", (), "Chiviler Ali"),
        ("Fuad Muradov", ("Фуад Мурадов",), "Фуад Мурадов"),
        ("Fuad Muradov", (), "Фуад Мурадов"),  # the index folds; no alias needed
        ("Fuad Muradov", (), "Muradov Fuad"),
        ("Fuad Muradov", (), "F. Muradov"),
        ("Fuad Muradov", (), "Ф. Мурадов"),
        ("Fuad Muradov", (), "fuad muradow"),
        ("Meiram Imanbayev", (), "Мейрам Иманбаев"),
        ("Shafag Binnatova", (), "Şəfəq Binnətova"),
        ("Odiljon Sattarov", (), "Одилжон Саттаров"),
        ("Binali Yıldırım", (), "Бинали Йылдырым"),
        ("Binali Yıldırım", (), "binali yildirim"),
        # Hungarian names as a Russian article writes them, Turkish ones in Kazakh Cyrillic.
        ("Árpád János Potápi", (), "Арпад Янош Потапи"),
        ("Zsolt Németh", (), "Жолт Немет"),
        ("László Kövér", (), "Ласло Кёвер"),
        ("Abdullah Eren", (), "Абдуллаһ Эрен"),
        ("Mevlüt Çavuşoğlu", (), "Мевлүт Чавушоғлу"),
    ],
)
def test_person_found_across_scripts_and_spellings(make_person, name, aliases, query):
    make_person(name, *aliases)
    make_person("Rustam Kurbanov")
    assert found(query)[:1] == [("person", name)]


@pytest.mark.parametrize(
    ("query", "kind", "name"),
    [
        ("Turkic Council", "institution", OTS),
        ("Тюркский совет", "institution", OTS),
        ("Türk Devletleri Teşkilatı", "institution", OTS),
        ("Cooperation Council of Turkic Speaking States", "institution", OTS),
        ("Qazaqstan", "state", "Kazakhstan"),
        ("Қазақстан", "state", "Kazakhstan"),
        ("Казахстан", "state", "Kazakhstan"),
        ("Azərbaycan", "state", "Azerbaijan"),
        ("Otandastar qory", "institution", "Otandastar Foundation"),
        ("Фонд Отандастар", "institution", "Otandastar Foundation"),
    ],
)  # fmt: skip
def test_reference_records_found_by_every_name_they_have_had(reference, query, kind, name):
    assert found(query)[:1] == [(kind, name)]


@pytest.mark.parametrize(
    "query",
    ["mura", "Mur", "fuad mur", "Фуад Мур", "f mura"],
)
def test_prefix_finds_a_name_while_it_is_typed(make_person, query):
    make_person("Fuad Muradov")
    make_person("Kubanychbek Omuraliev")
    assert found(query)[:1] == [("person", "Fuad Muradov")]


@pytest.mark.parametrize(
    "query",
    ["muradv", "Fuad Muardov", "Fuadd Muradov", "Fuad Muradovv", "Фуад Мурадоф", "Imanbaiev"],
)
def test_one_typo_still_finds_the_person(make_person, query):
    make_person("Fuad Muradov")
    make_person("Meiram Imanbayev")
    make_person("Rustam Kurbanov")
    names = [name for _, name in found(query)]
    expected = "Meiram Imanbayev" if "Imanba" in query else "Fuad Muradov"
    assert names[:1] == [expected]


def test_exact_before_prefix_before_fuzzy(make_person):
    make_person("Murat Aliev")  # fuzzy: murat is murad a transliteration away
    make_person("Ali Muradov")  # prefix: muradov starts with murad
    make_person("Murad")  # exact
    hits = search("Murad")
    assert [hit.name for hit in hits] == ["Murad", "Ali Muradov", "Murat Aliev"]
    assert hits[0].score == 1.0
    assert all(hit.score < MATCH_THRESHOLD for hit in hits[1:])


def test_published_before_draft_and_exact_before_either(make_person):
    make_person("Fuad Muradov", state="AZ", draft=True)
    make_person("Fuad Muradov", state="KZ")
    make_person("Fuad Muradov Ali", state="TR")  # a prefix match, published
    hits = search("Fuad Muradov", published_only=False)
    assert [(hit.name, hit.published) for hit in hits] == [
        ("Fuad Muradov", True),
        ("Fuad Muradov", False),
        ("Fuad Muradov Ali", True),
    ]


def test_public_sees_published_records_only(make_person):
    draft = make_person("Elshad Aliyev", draft=True)
    assert search("Elshad Aliyev") == []
    assert [hit.object_id for hit in search("Elshad Aliyev", published_only=False)] == [draft.pk]


def test_near_miss_is_ranked_but_scores_under_a_match(make_person):
    make_person("Shafag Binnatova")
    hits = search("Shafag Binnatov")  # the masculine form names someone else
    assert all(hit.score < 0.85 for hit in hits)


def test_filters_by_kind_and_state(make_person):
    make_person("Ali Aliev", state="AZ")
    make_person("Ali Aliev", state="KZ")
    InstitutionFactory(name="Ali Aliev Foundation")
    assert {hit.kind for hit in search("Ali Aliev")} == {"person", "institution"}
    assert {hit.kind for hit in search("Ali Aliev", kinds=["institution"])} == {"institution"}
    assert [hit.state for hit in search("Ali Aliev", kinds=["person"], state="kz")] == ["KZ"]


@pytest.mark.parametrize(
    ("year", "expected"), [(2022, {"2022"}), (2023, {"2023", "plan"}), (2025, set())]
)
def test_filters_by_the_years_a_record_spans(year, expected):
    EventFactory(title="Diaspora Forum 2022", start_date=dt.date(2022, 5, 1))
    EventFactory(title="Diaspora Forum 2023", start_date=dt.date(2023, 5, 1))
    ActivityPlan.objects.create(title="Diaspora Forum plan", year_from=2023, year_to=2024)
    names = {hit.name.split()[-1] for hit in search("diaspora forum", year=year)}
    assert names == expected


def test_year_of_a_person_runs_from_the_first_position_while_one_is_current(
    make_person, secretariat
):
    person = make_person("Fuad Muradov")
    institution = InstitutionFactory(state=person.state)
    position_create(
        actor=secretariat, person=person, institution=institution, title="Chairman", start="2018-07"
    )
    assert search("Fuad Muradov", year=2017) == []
    assert [hit.year for hit in search("Fuad Muradov", year=2030)] == [2018]


def test_event_title_found_with_a_typo_and_by_its_words():
    EventFactory(title="5th Meeting of the Contact Group on Diaspora Affairs")
    EventFactory(title="Roundtable on Turkic literature")
    assert found("diaspra affairs")[:1] == [
        ("event", "5th Meeting of the Contact Group on Diaspora Affairs")
    ]
    assert found("contact group meeting")[:1] == found("diaspra affairs")[:1]


def test_hit_carries_the_page_state_and_year(make_person):
    person = make_person("Fuad Muradov")
    (hit,) = search("Fuad Muradov")
    assert (hit.kind, hit.object_id, hit.state, hit.published) == ("person", person.pk, "AZ", True)
    assert hit.url == f"/people/{person.pk}/"
    assert hit.model == "registry.person"


def test_unknown_kind_is_a_coded_error():
    with pytest.raises(ValidationError) as error:
        search("Muradov", kinds=["people"])
    assert error.value.code == "E401"


@pytest.mark.parametrize("query", ["", "  ", "—", "!!"])
def test_nothing_to_look_for_finds_nothing(make_person, query):
    make_person("Fuad Muradov")
    assert search(query) == []


def test_limit_is_respected(make_person):
    for n in range(8):
        make_person(f"Aida Karimova{'x' * n}")
    assert len(search("Aida", limit=3)) == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm answers on PostgreSQL")
def test_postgres_finds_the_middle_of_a_word_with_trigrams(make_person):
    make_person("Fuad Muradov")
    assert found("radov") == [("person", "Fuad Muradov")]
