import pytest

from ortak.core.i18n import pick_name

NAMES = {"en": "Kyrgyzstan", "ru": "Киргизия", "ky": "Кыргызстан", "tr": "Kırgızistan"}


@pytest.mark.parametrize(
    ("names", "language", "expected"),
    [
        (NAMES, "ky", "Кыргызстан"),
        (NAMES, "ru", "Киргизия"),
        (NAMES, "kk", "Киргизия"),  # no Kazakh name: Russian is what a Kazakh reader reads next
        (NAMES, "az", "Kırgızistan"),  # no Azerbaijani name: Turkish comes first
        (NAMES, "uz", "Киргизия"),
        (NAMES, "en-gb", "Kyrgyzstan"),
        ({"en": "Hungary"}, "kk", "Hungary"),
        ({}, "tr", "fallback"),
    ],
)
def test_name_falls_back_as_people_of_the_region_read(names, language, expected):
    assert pick_name(names, language, default="fallback") == expected
