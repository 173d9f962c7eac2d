"""Uzbek in Cyrillic: the Uzbek data, written in Latin, read in the Cyrillic press too.

Each row is one hand-written press-release sentence in both alphabets (not taken from the
gold corpus); the extractor must read the same event from either. The Cyrillic words come
from the Latin data through `patterns/uz/alphabet.yaml`, so the article is matched as it is
written and the evidence points into it.
"""

from __future__ import annotations

import pytest

from ortak.ingest.extract import alphabets, extract, languages
from ortak.ingest.extract.language import detect
from ortak.ingest.extract.reader import Article

PAIRS = [
    (
        "2025 yil 12 may kuni Toshkentda Millatlararo munosabatlar va xorijiy mamlakatlar "
        "bilan doʻstlik aloqalari qoʻmitasi raisi Rustam Qurbonov diaspora vakillari bilan "
        "uchrashuv boʻlib oʻtdi.",
        "2025 йил 12 май куни Тошкентда Миллатлараро муносабатлар ва хорижий мамлакатлар "
        "билан дўстлик алоқалари қўмитаси раиси Рустам Қурбонов диаспора вакиллари билан "
        "учрашув бўлиб ўтди.",
    ),
    (
        "Xorijdagi vatandoshlar forumi 2024 yil 3 oktabr kuni Samarqandda oʻtkazildi.",
        "Хориждаги ватандошлар форуми 2024 йил 3 октябр куни Самарқандда ўтказилди.",
    ),
    (
        "Diaspora tashkilotlari yoshlari uchun trening 2023 yil 18 sentabr kuni Buxoroda "
        "boʻlib oʻtdi.",
        "Диаспора ташкилотлари ёшлари учун тренинг 2023 йил 18 сентябр куни Бухорода бўлиб ўтди.",
    ),
]
EXPECTED = [
    ("other", "2025-05-12", "Tashkent", "UZ"),
    ("forum", "2024-10-03", "Samarkand", "UZ"),
    ("training", "2023-09-18", "Bukhara", "UZ"),
]


def _event(text: str) -> dict:
    record = extract(Article(text=text, language="uz")).record.to_dict()
    assert record["events"], f"no event in {text!r}"
    return record["events"][0]


@pytest.mark.parametrize(("pair", "expected"), list(zip(PAIRS, EXPECTED, strict=True)))
def test_the_same_event_in_either_alphabet(pair, expected):
    latin, cyrillic = (_event(text) for text in pair)
    for event in (latin, cyrillic):
        got = (event["type"], event["start_date"], event["city"], event["country"])
        assert got == expected


def test_the_participant_is_found_in_either_alphabet():
    latin, cyrillic = (_event(text) for text in PAIRS[0])
    assert [p["name"] for p in latin["participants"]] == ["Rustam Qurbonov"]
    assert [p["name"] for p in cyrillic["participants"]] == ["Рустам Қурбонов"]
    assert cyrillic["participants"][0]["country"] == latin["participants"][0]["country"]


def test_evidence_points_into_the_cyrillic_text_as_written():
    text = PAIRS[0][1]
    extraction = extract(Article(text=text, language="uz"))
    assert extraction.evidence
    for evidence in extraction.evidence:
        assert 0 <= evidence.start <= evidence.end <= len(text)
    cited = {text[e.start : e.end] for e in extraction.evidence}
    assert "Рустам Қурбонов" in cited


def test_a_cyrillic_uzbek_article_is_told_from_russian_and_kazakh():
    assert detect(PAIRS[1][1] + " " + PAIRS[2][1]) == "uz"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("boʻlib oʻtdi", "бўлиб ўтди"),  # oʻ
        ("yigʻilish", "йиғилиш"),  # gʻ, y before a consonant
        ("elchi", "элчи"),  # e at a word's start, ch
        ("poeziya", "поэзия"),  # e after a vowel, iya
        ("yoshlar", "ёшлар"),  # yo
        ("iyun", "июн"),
        ("taʼlim", "таълим"),  # the glottal stop
        ("xotira hamda qurultoy", "хотира ҳамда қурултой"),  # x, h, q
        ("assotsiatsiyasi", "ассоциацияси"),  # a loanword spelled as Russian does
    ],
)
def test_the_rules_spell_latin_words_in_cyrillic(latin, cyrillic):
    rules = languages.alphabet("uz")
    assert rules is not None
    assert alphabets.spell(rules, latin) == cyrillic


def test_tables_keep_their_values_and_the_names_of_their_entries():
    assert languages.mapping("uz", "places", "cities")["самарқанд"] == "Samarkand"
    assert "forum" in dict(languages.types("uz"))
    assert languages.mapping("uz", "people", "minister")["вазири"] == "вазирлиги"
    assert languages.month_of("uz", "октябрда") == 10
