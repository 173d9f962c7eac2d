"""Russian text: people, places, institutions and dates, in their base forms."""

from __future__ import annotations

from ortak.ingest.extract import extract, read_text

TEXT = (
    "В Бишкеке прошел круглый стол диаспор\n\n"
    "12 марта 2024 года в Бишкеке министр труда, социального обеспечения и миграции Кыргызской "
    "Республики Равшанбек Сабиров провел встречу с председателем Государственного комитета по "
    "работе с диаспорой Азербайджана Фуадом Мурадовым."
)


def _record():
    return extract(read_text(TEXT)).record.to_dict()


def test_russian_language_and_main_event():
    record = _record()
    event = record["events"][0]
    assert record["source"]["language"] == "ru"
    assert (event["type"], event["city"], event["country"], event["start_date"]) == (
        "roundtable",
        "Bishkek",
        "KG",
        "2024-03-12",
    )


def test_russian_names_as_written_with_a_latin_spelling():
    people = _record()["events"][0]["participants"]
    assert [(p["name"], p["name_latin"]) for p in people] == [
        ("Равшанбек Сабиров", "Ravshanbek Sabirov"),
        ("Фуад Мурадов", "Fuad Muradov"),
    ]
    assert [p["country"] for p in people] == ["KG", "AZ"]


def test_russian_institutions_keep_the_article_language_in_the_nominative():
    orgs = _record()["events"][0]["organizations"]
    assert orgs[0]["name"].startswith("Государственный комитет по работе с диаспорой")
    assert orgs[0]["country"] == "AZ"
