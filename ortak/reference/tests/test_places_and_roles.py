"""Countries, cities and role words named in each interface language, from any spelling."""

from pathlib import Path

import pytest

from ortak.core.errors import ValidationError
from ortak.reference import load_catalog
from ortak.reference.countries import country_name, is_country_code
from ortak.reference.glossary import (
    INTERFACE_LANGUAGES,
    city_name,
    glossary,
    read_glossary,
    role_name,
)


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("KG", "en", "Kyrgyzstan"),
        ("KG", "ru", "Кыргызстан"),
        ("KG", "tr", "Kırgızistan"),
        ("KG", "az", "Qırğızıstan"),
        ("KG", "kk", "Қырғызстан"),
        ("KG", "ky", "Кыргызстан"),
        ("KG", "uz", "Qirgʻiziston"),
        ("US", "en", "United States"),
        ("US", "ru", "Соединенные Штаты"),
        ("US", "tr", "Amerika Birleşik Devletleri"),
        ("US", "az", "Amerika Birləşmiş Ştatları"),
        ("US", "kk", "Америка Құрама Штаттары"),
        ("US", "ky", "Кошмо Штаттар"),
        ("US", "uz", "Amerika Qo‘shma Shtatlari"),
        ("TR", "en", "Türkiye"),
        ("HU", "kk", "Венгрия"),
        ("HU", "ky", "Венгрия"),
        ("HU", "uz", "Vengriya"),
        ("AZ", "az", "Azərbaycan"),
        ("UZ", "uz", "Oʻzbekiston"),
    ],
)
def test_country_name_in_each_interface_language(code, language, expected):
    assert country_name(code, language) == expected


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("kz", "kk-Cyrl", "Қазақстан"),  # lower-case code, a script subtag
        ("KZ", "ru-RU", "Казахстан"),
        ("KZ", None, "Kazakhstan"),  # no language: English
        ("KZ", "xx", "Kazakhstan"),  # a language Ortak does not know: English
        ("TRNC", "ru", "TRNC"),  # no ISO code: kept as given
        ("", "ru", ""),
    ],
)
def test_country_name_normalises_its_input_and_keeps_unknown_codes(code, language, expected):
    assert country_name(code, language) == expected


def test_country_name_falls_back_as_readers_of_the_region_read(monkeypatch):
    from ortak.reference import countries

    def without_kazakh(language):
        return {} if language == "kk" else dict(countries.Locale.parse(language).territories)

    countries.country_name.cache_clear()
    countries.country_name_exact.cache_clear()
    monkeypatch.setattr(countries, "_territories", without_kazakh)
    try:
        assert country_name("HU", "kk") == "Венгрия"  # Russian, as Kazakh readers read next
        assert country_name("HU", "tr") == "Macaristan"
    finally:
        countries.country_name.cache_clear()
        countries.country_name_exact.cache_clear()


def test_is_country_code_tells_iso_codes_from_other_state_keys():
    assert is_country_code("AZ")
    assert not is_country_code("TRNC")
    assert not is_country_code("")


CITIES = {
    "Bishkek": ("Bishkek", "Бишкек", "Bişkek", "Bişkek", "Бішкек", "Бишкек", "Bishkek"),
    "Baku": ("Baku", "Баку", "Bakü", "Bakı", "Баку", "Баку", "Boku"),
    "Tashkent": ("Tashkent", "Ташкент", "Taşkent", "Daşkənd", "Ташкент", "Ташкент", "Toshkent"),
    "Istanbul": ("Istanbul", "Стамбул", "İstanbul", "İstanbul", "Стамбұл", "Стамбул", "Istanbul"),
    "Almaty": ("Almaty", "Алматы", "Almatı", "Almatı", "Алматы", "Алматы", "Almati"),
    "Nicosia": ("Nicosia", "Никосия", "Lefkoşa", "Lefkoşa", "Никосия", "Никосия", "Nikosiya"),
}


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
@pytest.mark.parametrize("city", sorted(CITIES))
def test_city_written_in_any_language_is_named_in_the_reader_s(city, language):
    expected = CITIES[city][INTERFACE_LANGUAGES.index(language)]
    for written in CITIES[city]:
        assert city_name(written, language) == expected, written


@pytest.mark.parametrize(
    ("written", "language", "expected"),
    [
        ("Nur-Sultan", "kk", "Астана"),  # a former name: the city's name today
        ("Алма-Ата", "en", "Almaty"),
        ("bakü", "az", "Bakı"),  # any case and letters: names are folded
        ("Bakı", "ru", "Баку"),
        ("Washington, D.C.", "ru", "Вашингтон"),
        ("Karakol", "uz", "Каракол"),  # no Uzbek name: the Russian one, Uzbek readers' next
        ("Springfield", "ru", "Springfield"),  # not in the reference data: as written
        ("", "ru", ""),
    ],
)
def test_city_name_folds_spellings_and_falls_back(written, language, expected):
    assert city_name(written, language) == expected


@pytest.mark.parametrize(
    ("written", "language", "expected"),
    [
        ("Chairman", "ru", "Председатель"),
        ("председатель", "kk", "Төраға"),
        ("Төраға", "en", "Chairman"),
        ("tóraǵasy", "tr", "Başkan"),  # Kazakh Latin, possessive
        ("Başkan Yardımcısı", "ru", "Заместитель председателя"),
        ("sədr", "ky", "Төрага"),
        ("Deputy Minister", "kk", "Вице-министр"),
        ("вице-министр", "en", "Deputy Minister"),
        ("генсек", "az", "Baş katib"),
        ("Secretary-General", "uz", "Bosh kotib"),
        ("Ambassador", "ky", "Элчи"),
        ("nümayəndə", "ru", "Представитель"),
        ("Expert", "tr", "Uzman"),
        ("Host, Minister", "ru", "Принимающая сторона, Министр"),
        ("Head of delegation", "kk", "Делегация басшысы"),
    ],
)
def test_role_written_in_any_language_is_named_in_the_reader_s(written, language, expected):
    assert role_name(written, language) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Head of the Office of Interethnic Consent and Interaction with Diasporas",
        "Host, Governor of Bursa",  # one part unknown: the whole title stays as written
        "",
    ],
)
def test_a_title_that_is_not_a_known_role_stays_as_written(title):
    assert role_name(title, "ru") == title


@pytest.mark.parametrize("table", ["cities", "roles"])
def test_every_entry_is_named_in_english_and_only_in_interface_languages(table):
    for term in glossary(table).terms:
        assert term.names["en"], term.key
        assert set(term.names) <= set(INTERFACE_LANGUAGES), term.key


def test_the_capitals_and_meeting_places_are_named_in_all_seven_languages():
    cities = glossary("cities")
    for key in ("baku", "astana", "bishkek", "ankara", "tashkent", "budapest", "ashgabat",
                "nicosia", "almaty", "samarkand", "istanbul", "shusha", "turkistan",
                "cholpon-ata", "bursa", "khiva", "bukhara", "osh"):  # fmt: skip
        term = next(t for t in cities.terms if t.key == key)
        assert set(term.names) == set(INTERFACE_LANGUAGES), key
        assert is_country_code(term.country), key
        assert term.source and term.source.startswith("https://www.geonames.org/"), key


def test_a_table_without_an_english_name_is_refused(tmp_path: Path):
    path = tmp_path / "cities.yaml"
    path.write_text("cities:\n  - key: x\n    names: {ru: Икс}\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"E200.*English form"):
        read_glossary(path, "cities")


def test_a_table_with_two_entries_under_one_key_is_refused(tmp_path: Path):
    path = tmp_path / "roles.yaml"
    entry = "  - key: chair\n    names: {en: Chair}\n"
    path.write_text("roles:\n" + entry + entry, encoding="utf-8")
    with pytest.raises(ValidationError, match="duplicate keys"):
        read_glossary(path, "roles")


def test_kyrgyzstan_is_named_in_russian_as_the_state_writes_itself():
    """CLDR says "Киргизия"; the Kyrgyz Republic and its institutions write "Кыргызстан"."""
    assert country_name("KG", "ru") == "Кыргызстан"
    assert country_name("KG", "kk") == "Қырғызстан"  # CLDR's own names elsewhere stay
    russian = {n.kind: n.text for n in load_catalog().state("KG").names if n.language == "ru"}
    assert (russian["short"], russian["official"]) == ("Кыргызстан", "Кыргызская Республика")
