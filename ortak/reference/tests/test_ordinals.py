"""round_number: the round a numbered event's title names, in each language of the region."""

from __future__ import annotations

import pytest

from ortak.reference.ordinals import round_number, without_round

ROUNDS = [
    # English
    ("5th meeting of the Contact Group", 5, "en"),
    ("Second Diaspora Forum of the Organization of Turkic States", 2, "en"),
    ("III Forum of Diaspora Youth", 3, "en"),
    # Russian: figures with endings, Roman numerals, ordinal words in any case
    ("V заседание Контактной группы", 5, "ru"),
    ("5-е заседание Контактной группы", 5, "ru"),
    ("в рамках 5-го заседания", 5, "ru"),
    ("Пятое заседание Контактной группы", 5, "ru"),
    ("участники пятого заседания", 5, "ru"),
    ("Шестое заседание министров", 6, "ru"),
    ("II Форум диаспоры Организации тюркских государств", 2, "ru"),
    # Turkish
    ("TDT 2. Diaspora Forumu", 2, "tr"),
    ("5'inci Temas Grubu Toplantısı", 5, "tr"),
    ("Türk Konseyi Beşinci Diaspora Temas Grubu Toplantısı", 5, "tr"),
    ("On birinci toplantı", 11, "tr"),
    # Azerbaijani
    ("Əlaqə Qrupunun 5-ci iclası", 5, "az"),
    ("Əlaqə Qrupunun 5-inci iclası", 5, "az"),
    ("TDT-nin İkinci Diaspor Forumu", 2, "az"),
    ("Yeddinci iclas", 7, "az"),
    # Kazakh (Cyrillic, and Cyrillic І for a Roman I)
    ("Байланыс тобының бесінші отырысы", 5, "kk"),
    ("Байланыс тобының 5-ші отырысы", 5, "kk"),
    ("алтыншы отырысы", 6, "kk"),
    ("ІІ Диаспора форумы", 2, "kk"),
    # Kyrgyz
    ("Түрк тилдүү мамлекеттер уюмунун II диаспорлык форуму", 2, "ky"),
    ("Байланыш тобунун бешинчи жыйыны", 5, "ky"),
    # Uzbek
    ("Aloqa guruhining beshinchi yigʻilishi", 5, "uz"),
    ("Toʻrtinchi yigʻilish", 4, "uz"),
]


@pytest.mark.parametrize(("title", "number", "language"), ROUNDS, ids=[r[0] for r in ROUNDS])
def test_round_number_reads_the_ordinal_of_each_language(title, number, language):
    assert round_number(title) == number


@pytest.mark.parametrize(
    "title",
    [
        "Exchange of experience among diaspora institutions",
        "Форум диаспоры Организации тюркских государств",
        "2022-ci ildə Bakıda keçirilən forum",  # a year, not a round
        "Meeting in 2019",
        "Во вторник в Баку прошёл форум",  # вторник (Tuesday) is no второй
        "Пятница, 5 марта",  # a day of the month without an ordinal ending
    ],
)
def test_a_title_without_an_ordinal_names_no_round(title):
    assert round_number(title) is None


@pytest.mark.parametrize(
    ("title", "rest"),
    [
        ("Türk Konseyi Altıncı Diaspora Temas Grubu", "Türk Konseyi Diaspora Temas Grubu"),
        ("TDT 2. Diaspora Forumu", "TDT Diaspora Forumu"),
        ("On birinci toplantı", "toplantı"),
        ("Форум диаспоры", "Форум диаспоры"),
    ],
)
def test_without_round_leaves_the_series_name_whole(title, rest):
    assert without_round(title) == rest
