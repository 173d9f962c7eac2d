"""Russian names brought to the nominative: the words of one name share its case."""

from __future__ import annotations

import pytest

from ortak.names.morphology import russian_name


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        # Nominative already; the first name also spells an oblique case of a common noun.
        ("Мерей Мукажан", "Мерей Мукажан"),
        # Both words in the instrumental: both come back, the common noun's reading too.
        ("Мереем Мукажаном", "Мерей Мукажан"),
        ("Рамилем Гасановым", "Рамиль Гасанов"),
        ("Фуада Мурадова", "Фуад Мурадов"),
        # A woman's name: the nominative reading of the first name as a name stays.
        ("Нурлана Абдуллаевой", "Нурлана Абдуллаева"),
        ("Айгерим Абеновой", "Айгерим Абенова"),
        # Unknown foreign names are nominatives; Turkic patronymic surnames never decline.
        ("Алинур Акташ", "Алинур Акташ"),
        ("Абзала Сапарбекулы", "Абзал Сапарбекулы"),
        ("Тимура Шевченко", "Тимур Шевченко"),
        # A name the dictionary only guesses as a vocative or a plural stays as written.
        ("Кемаль Йылдыз", "Кемаль Йылдыз"),
    ],
)
def test_russian_name_in_the_nominative(written, nominative):
    assert " ".join(russian_name(written.split())) == nominative
