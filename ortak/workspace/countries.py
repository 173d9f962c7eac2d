"""Country names in the reader's language, for the workspace's forms and review screen.

The names come from ortak.reference.countries (CLDR), as on the portal, so an editor and a
reader see one name for one country.
"""

from __future__ import annotations

import pycountry
from django.utils.translation import get_language

from ortak.reference import countries


def country_name(code: str | None, language: str | None = None) -> str:
    """`AZ` -> "Azerbaijan" (or "Азербайджан" in Russian); the code itself if unknown."""
    return countries.country_name(code, language or get_language())


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every ISO country as (code, name), sorted by the name in the reader's language."""
    choices = [(c.alpha_2, country_name(c.alpha_2, language)) for c in pycountry.countries]
    return sorted(choices, key=lambda choice: choice[1].casefold())
