"""Country names in the reader's language, from ISO 3166 and its translations (pycountry)."""

from __future__ import annotations

import functools
import gettext

import pycountry
from django.utils.translation import get_language


@functools.cache
def _translation(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_name(code: str | None, language: str | None = None) -> str:
    """`AZ` -> "Azerbaijan" (or "Азербайджан" in Russian); the code itself if unknown."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _translation((language or get_language() or "en").split("-")[0]).gettext(name)


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every ISO country as (code, name), sorted by the name in the reader's language."""
    choices = [(c.alpha_2, country_name(c.alpha_2, language)) for c in pycountry.countries]
    return sorted(choices, key=lambda choice: choice[1].casefold())
