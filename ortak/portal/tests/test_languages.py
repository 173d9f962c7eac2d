"""The portal in the reader's language, content included: states, cities, roles, places."""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

# What a page says of the Bishkek roundtable, of Fuad Muradov (Chairman) and of Kyrgyzstan.
SHOWN = {
    "en": {
        "place": "Bishkek, Kyrgyzstan",
        "roles": ("Host, Minister", "Speaker"),
        "state": "Kyrgyzstan",
        "chairman": "Chairman",
        "abroad": "Moscow, Russia",
    },
    "ru": {
        "place": "Бишкек, Кыргызстан",
        "roles": ("Принимающая сторона, Министр", "Выступающий"),
        "state": "Кыргызстан",
        "chairman": "Председатель",
        "abroad": "Москва, Россия",
    },
    "kk": {
        "place": "Бішкек, Қырғызстан",
        "roles": ("Қабылдаушы тарап, Министр", "Баяндамашы"),
        "state": "Қырғызстан",
        "chairman": "Төраға",
        "abroad": "Мәскеу, Ресей",
    },
}


@pytest.fixture(params=["cookie", "header"])
def reader(request, client):
    """A client reading in a language chosen with the switcher (its cookie) or the browser."""

    def read(url: str, language: str) -> str:
        if request.param == "cookie":
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            response = client.get(url)
        else:
            response = client.get(url, headers={"accept-language": language})
        assert response.status_code == 200, url
        return response.content.decode()

    return read


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_event_page_names_its_city_country_and_roles_in_the_reader_s_language(
    reader, seeded, language
):
    html = reader(reverse("portal:event", args=[seeded["events"]["roundtable"].pk]), language)
    shown = SHOWN[language]
    assert shown["place"] in html
    for role in shown["roles"]:
        assert f">{role}</td>" in html
    assert f">{shown['state']}</a>" in html  # among the states that took part


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_no_english_place_or_role_is_left_for_russian_and_kazakh_readers(reader, seeded, language):
    html = reader(reverse("portal:event", args=[seeded["events"]["roundtable"].pk]), language)
    # The English article's title is a quotation and stays as written; the rest is not.
    html = html.replace("A roundtable on friendship of peoples in Bishkek", "")
    for english in ("Bishkek", "Kyrgyzstan", ">Speaker<", "Host, Minister"):
        assert english not in html.replace("bishkek-roundtable", ""), english


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_state_page_is_titled_with_the_country_s_name_in_the_reader_s_language(
    reader, seeded, language
):
    html = reader(reverse("portal:state", args=["KG"]), language)
    assert f"<h1>{SHOWN[language]['state']}</h1>" in html


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_person_page_shows_the_position_s_role_in_the_reader_s_language(reader, seeded, language):
    html = reader(reverse("portal:person", args=[seeded["people"][0].pk]), language)
    assert f"{SHOWN[language]['chairman']}, <a" in html


def test_a_title_naming_its_institution_stays_as_written(reader, seeded):
    html = reader(reverse("portal:person", args=[seeded["people"][5].pk]), "ru")
    assert "Chairman of the Board, <a" in html


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_organization_page_names_its_city_and_host_country(reader, seeded, language):
    moscow = seeded["organizations"][2]
    html = reader(reverse("portal:organization", args=[moscow.pk]), language)
    assert SHOWN[language]["abroad"] in html


def test_lists_and_their_filters_name_cities_and_states_in_kazakh(client, seeded):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    response = client.get(reverse("portal:events"))
    html = response.content.decode()
    assert ">Бішкек</td>" in html and ">Стамбұл</td>" in html
    states = {f.name: f for f in response.context["facets"]}["state"]
    labels = [option.label for option in states.options]
    assert {"Әзірбайжан", "Қырғызстан", "Түркия", "Қазақстан"} <= set(labels)
    assert labels == sorted(labels)


def test_organization_filters_name_host_countries_in_russian(client, seeded):
    response = client.get(reverse("portal:organizations"), headers={"accept-language": "ru"})
    countries = {f.name: f for f in response.context["facets"]}["country"]
    assert {"Германия", "Россия", "Великобритания"} <= {o.label for o in countries.options}


def test_events_export_keeps_codes_and_adds_the_place_in_the_reader_s_language(client, seeded):
    response = client.get(
        reverse("portal:events_csv"), {"type": "roundtable"}, headers={"accept-language": "kk"}
    )
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    [row] = csv.DictReader(io.StringIO(text))
    assert (row["city"], row["country"]) == ("Bishkek", "KG")
    assert row["place"] == "Бішкек, Қырғызстан"


@pytest.mark.parametrize(
    ("language", "series"),
    [
        ("en", "Contact Group meeting"),
        ("ru", "Заседание Контактной группы"),
        ("kk", "Байланыс тобының отырысы"),
        ("uz", "Aloqa guruhi yigʻilishi"),
    ],
)
def test_series_page_names_the_series_and_its_rounds_places_in_the_reader_s_language(
    reader, seeded, language, series
):
    html = reader(reverse("portal:series", args=[seeded["series"].pk]), language)
    assert f"<h1>{series}</h1>" in html
    baku = {"en": "Baku", "ru": "Баку", "kk": "Баку", "uz": "Boku"}[language]
    assert f", {baku}</span>" in html


@pytest.mark.parametrize(
    ("language", "place"), [("en", "Bishkek, Kyrgyzstan"), ("kk", "Бішкек, Қырғызстан")]
)
def test_api_keeps_stored_values_and_adds_the_place_in_the_language_asked(
    client, seeded, language, place
):
    event = seeded["events"]["roundtable"]
    body = client.get(f"/api/events/{event.pk}", headers={"accept-language": language}).json()
    assert (body["city"], body["country"], body["place"]) == ("Bishkek", "KG", place)


@pytest.mark.parametrize(
    ("row", "language", "expected"),
    [
        # An ISO state is named as CLDR names its country, over the record's official form.
        ({"key": "KG", "name": "Kyrgyzstan", "names": {"ru": "Кыргызская Республика"}}, "ru",
         "Кыргызстан"),
        ({"key": "KG", "name": "Kyrgyzstan", "names": {}}, "uz", "Qirgʻiziston"),
        # The TRNC has no ISO code: its own names, with the readers' fallbacks.
        ({"key": "TRNC", "name": "Northern Cyprus", "names": {"ru": "ТРСК"}}, "kk", "ТРСК"),
        ({"key": "TRNC", "name": "Northern Cyprus", "names": {}}, "ky", "Northern Cyprus"),
        ({"key": "KG", "name": "Kyrgyzstan", "names": {}}, "en", "Kyrgyzstan"),
    ],
)  # fmt: skip
def test_a_state_is_named_as_its_country_where_it_has_an_iso_code(row, language, expected):
    from ortak.portal.naming import state_row_name

    assert state_row_name(row, language) == expected
