"""Transliteration and folding: one key per name, different keys for different names."""

from __future__ import annotations

import locale
import re

import pytest

from ortak.names import fold, to_latin, tokens
from ortak.names.readings import readings
from ortak.names.tests.name_pairs import FOLD_APART, FOLD_GROUPS, NOT_SAME_NAME, SAME_NAME

FOLD_CASES = [(spelling, key) for key, group in FOLD_GROUPS.items() for spelling in group]
ALL_NAMES = sorted({name for a, b, _ in SAME_NAME + NOT_SAME_NAME for name in (a, b)})
TURKISH_LOCALES = ("tr_TR.UTF-8", "tr_TR.utf8", "tr_TR")


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Равшанбек Сабиров", "Ravshanbek Sabirov"),
        ("Жаркынай", "Zharkynay"),
        ("ЖАРКЫНАЙ", "ZHARKYNAY"),
        ("Ж. Галиева", "Zh. Galiyeva"),
        ("Қазақстан", "Qazaqstan"),
        ("Ўзбекистон", "Oʻzbekiston"),
        ("Ҳамид Ғуломов", "Hamid Ghulomov"),
        ("Өмүралиев", "Ömüraliyev"),
        ("Сапарбекұлы", "Saparbekuly"),
        ("Алиев", "Aliyev"),
        ("Ерлан", "Yerlan"),
        ("Эльшад", "Elshad"),
        ("Горбачёв", "Gorbachov"),
        ("Фёдор", "Fyodor"),
        ("Щукин", "Shchukin"),
        ("Азербайджан", "Azerbaydzhan"),
        ("Кыргызстан", "Kyrgyzstan"),
    ],
)
def test_to_latin_transliterates_cyrillic(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize("text", ["Çiviler", "Oʻzbekiston", "F. Muradov, 2024", "Xəzər"])
def test_to_latin_leaves_latin_text_as_it_is(text: str) -> None:
    assert to_latin(text) == text


@pytest.mark.parametrize(("spelling", "key"), FOLD_CASES)
def test_fold_gives_spellings_of_one_name_one_key(spelling: str, key: str) -> None:
    assert fold(spelling) == key


@pytest.mark.parametrize(("a", "b"), FOLD_APART)
def test_fold_keeps_different_names_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_fold_is_idempotent(name: str) -> None:
    assert fold(fold(name)) == fold(name)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_fold_gives_lowercase_ascii_words(name: str) -> None:
    assert re.fullmatch(r"[a-z0-9]+( [a-z0-9]+)*", fold(name))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("İSTANBUL", "istanbul"),
        ("IĞDIR", "igdir"),
        ("ılık", "ilik"),
        ("İlham Əliyev", "ilham aliev"),
        ("IŞIK", "isik"),
    ],
)
def test_fold_lowers_turkish_dotted_and_dotless_i(text: str, key: str) -> None:
    assert fold(text) == key


@pytest.fixture
def turkish_locale():
    """The process locale set to Turkish for one test, restored afterwards."""
    previous = locale.setlocale(locale.LC_ALL)
    for name in TURKISH_LOCALES:
        try:
            locale.setlocale(locale.LC_ALL, name)
            break
        except locale.Error:
            continue
    else:
        pytest.skip(f"no Turkish locale on this machine (tried {', '.join(TURKISH_LOCALES)})")
    yield
    locale.setlocale(locale.LC_ALL, previous)


@pytest.mark.usefixtures("turkish_locale")
def test_fold_lowers_i_alike_under_a_turkish_locale() -> None:
    assert (fold("İSTANBUL"), fold("IĞDIR"), fold("Yıldırım")) == ("istanbul", "igdir", "yildirim")


@pytest.mark.parametrize("text", ["", "   ", "—", "« »", "'"])
def test_fold_of_nothing_is_empty(text: str) -> None:
    assert fold(text) == ""


def test_fold_keeps_letters_of_other_scripts_apart() -> None:
    assert fold("ილჰამ") != fold("ფუად")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("F. Muradov", ["f", "muradov"]),
        ("Kassym-Jomart Tokayev", ["kasim", "jomart", "tokaev"]),
        ("  Ali   Çiviler ", ["ali", "jiviler"]),
    ],
)
def test_tokens_are_the_folded_words(text: str, words: list[str]) -> None:
    assert tokens(text) == words


@pytest.mark.parametrize(
    ("name", "cyrillic"),
    [
        ("János Áder", "Янош Адер"),
        ("Zsolt Németh", "Жолт Немет"),
        ("Levente Magyar", "Левенте Мадьяр"),
    ],
)
def test_a_hungarian_name_has_the_reading_a_russian_article_spells(name, cyrillic):
    assert readings(name) == (fold(name), fold(cyrillic))


@pytest.mark.parametrize("name", ["Fuad Muradov", "Mevlüt Çavuşoğlu", "Абдуллаһ Эрен", "Jarkınay"])
def test_a_name_without_hungarian_spelling_has_one_reading(name):
    assert readings(name) == (fold(name),)
