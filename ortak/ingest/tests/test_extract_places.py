"""ortak_places_v1: cities, countries, demonyms, venues and datelines."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "kind", "country", "venue"),
    [
        ("The forum was held in Bishkek.", "Bishkek", "city", "KG", True),
        ("It kicked off in the Turkish city of Bursa.", "Bursa", "city", "TR", True),
        ("It was held in the city of Shusha.", "Shusha", "city", "AZ", True),
        ("Omuraliev is visiting Washington today.", "Washington", "city", "US", True),
        ("Officials from Türkiye came.", "Türkiye", "country", "TR", False),
        ("The Kyrgyz minister spoke.", "Kyrgyz", "demonym", "KG", False),
        ("He went to the United States.", "United States", "country", "US", False),
        ("Delegates of the Kyrgyz Republic came.", "Kyrgyz Republic", "country", "KG", False),
    ],
)
def test_places_find_cities_countries_and_venues(upto, text, name, kind, country, venue):
    _, found = upto(text, "ortak_places")
    place = next(p for p in found.places if p.name == name)
    assert (place.kind, place.country, place.venue) == (kind, country, venue)


def test_places_dateline_city_is_no_venue(upto):
    _, found = upto("BAKU, Azerbaijan, December 21.\nThe forum was held in Shusha.", "ortak_places")
    baku = next(p for p in found.places if p.name == "Baku")
    assert not baku.venue


@pytest.mark.parametrize("text", ["Of course the union was nice.", "May I say a word?"])
def test_places_common_words_are_no_cities(upto, text):
    _, found = upto(text, "ortak_places")
    assert not [p for p in found.places if p.kind == "city"]


@pytest.mark.parametrize(
    ("text", "city", "country", "venue"),
    [
        ("The program opened in the Turkish capital on Monday.", "Ankara", "TR", True),
        ("Delegates met in Kazakhstan's capital last week.", "Astana", "KZ", True),
        ("The Kyrgyz capital is green.", "Bishkek", "KG", False),
    ],
)
def test_places_a_states_capital_is_its_capital_city(upto, text, city, country, venue):
    _, found = upto(text, "ortak_places")
    place = next(p for p in found.places if p.kind == "city")
    assert (place.name, place.country, place.venue) == (city, country, venue)
