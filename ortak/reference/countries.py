"""Country names in the interface languages, from CLDR (through Babel).

CLDR, the Unicode Consortium's locale data, names every ISO 3166 territory in all seven
languages Ortak speaks (en, ru, tr, az, kk, ky, uz), and its translators keep the names
current ("Türkiye" in English since 2022); pycountry's ISO translations lack a third of the
Turkish, Azerbaijani and Uzbek names, so they serve only for a code CLDR does not know.
Plain Python, without Django.
"""

from __future__ import annotations

import functools
import gettext

import pycountry
from babel import Locale, UnknownLocaleError

from ortak.core.i18n import FALLBACKS

# The interface languages and the CLDR locale each one reads: Uzbek and Azerbaijani in Latin
# script, Kazakh and Kyrgyz in Cyrillic, as the portal's translations are written.
LOCALES: dict[str, str] = {
    "en": "en",
    "ru": "ru",
    "tr": "tr",
    "az": "az_Latn",
    "kk": "kk",
    "ky": "ky",
    "uz": "uz_Latn",
}


# Where CLDR's name is not the one the state itself and its institutions write, theirs wins:
# Kyrgyzstan's constitution and ministries write "Кыргызстан" ("Кыргызская Республика") in
# Russian, where CLDR keeps the older "Киргизия".
OVERRIDES: dict[tuple[str, str], str] = {
    ("KG", "ru"): "Кыргызстан",
}


def base_language(language: str | None) -> str:
    """`kk-Cyrl`, `ru-RU` or `uz_Latn` -> `kk`, `ru`, `uz`; English when none is given."""
    return (language or "en").replace("_", "-").split("-")[0].lower() or "en"


@functools.cache
def _territories(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(LOCALES.get(language, language)).territories)
    except (UnknownLocaleError, ValueError):
        return {}


@functools.lru_cache(maxsize=4096)
def country_name_exact(code: str, language: str) -> str | None:
    """The name of the ISO 3166 alpha-2 `code` in `language` itself, without fallbacks:
    CLDR's, or the state's own where `OVERRIDES` has it."""
    code = (code or "").upper()
    if len(code) != 2 or not code.isalpha():
        return None
    base = base_language(language)
    return OVERRIDES.get((code, base)) or _territories(base).get(code)


@functools.lru_cache(maxsize=4096)
def country_name(code: str | None, language: str | None = None) -> str:
    """The name of the country with ISO 3166 alpha-2 `code`, in the reader's `language`.

    Where CLDR has no name in that language, the languages its readers read next give it
    (ortak.core.i18n.FALLBACKS: Kazakh, Kyrgyz and Uzbek readers Russian, Turkish and
    Azerbaijani readers each other's), then English, then ISO 3166 (pycountry); an unknown
    code is returned as it is. `country_name("KG", "ru")` -> "Кыргызстан".
    """
    if not code:
        return ""
    base = base_language(language)
    for candidate in (base, *FALLBACKS.get(base, ()), "en"):
        name = country_name_exact(code, candidate)
        if name:
            return name
    return _iso_name(code.upper(), base)


def _iso_name(code: str, language: str) -> str:
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _iso_translation(language).gettext(name)


@functools.cache
def _iso_translation(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def is_country_code(code: str | None) -> bool:
    """Whether `code` is an ISO 3166 alpha-2 code CLDR names (state keys are, but "TRNC")."""
    return bool(code) and country_name_exact(str(code), "en") is not None
