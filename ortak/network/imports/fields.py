"""Cell readers shared by every import: each returns a value or raises CellError(why).

Countries and languages are read as the institutions write them: ISO codes, English names,
or names in the languages of Ortak's interface ("Германия", "Almanya"), folded as names are.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Sequence

import pycountry
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.functional import Promise

from ortak.core.dates import PartialDate
from ortak.names import fold
from ortak.registry.models import State

LOCALES = ("ru", "tr", "az", "kk", "ky", "uz")
_SPLIT = re.compile(r"[,;/|]+")


class CellError(ValueError):
    """Why a cell cannot be read; the row reader adds the column."""


@functools.cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", None)}
        names.add(getattr(country, "official_name", None))
        for language in LOCALES:
            translate = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
            ).gettext
            names |= {translate(name) for name in list(names) if name}
        for name in names:
            if name is not None:
                index.setdefault(fold(name), country.alpha_2)
        index[country.alpha_2.lower()] = country.alpha_2
        index[country.alpha_3.lower()] = country.alpha_2
    return index


def country_code(text: str) -> str:
    """ISO alpha-2 code of a country written as a code or a name."""
    if not text:
        raise CellError("is empty; give the ISO code (DE) or the name of the country")
    code = _country_index().get(text.strip().lower()) or _country_index().get(fold(text))
    if code is None:
        raise CellError(f"“{text}” is no country Ortak knows; use its ISO code (DE, KZ)")
    return code


def community_state(text: str) -> State | None:
    """The state whose diaspora a record serves, by key, ISO code or any of its names."""
    if not text:
        return None
    wanted = fold(text)
    for state in State.objects.all():
        spellings = [state.key, state.iso_code, state.name, *state.names.values(), *state.aliases]
        if any(fold(spelling) == wanted for spelling in spellings if spelling):
            return state
    code = _country_index().get(text.strip().lower()) or _country_index().get(wanted)
    found = State.objects.filter(iso_code=code).first() if code else None
    if found is None:
        raise CellError(f"“{text}” is no state Ortak knows; use its ISO code (AZ, KZ, TR)")
    return found


def languages(text: str) -> list[str]:
    """ISO 639 codes of "az, ru" or "Azerbaijani; Russian"."""
    codes = []
    for part in filter(None, (p.strip() for p in _SPLIT.split(text))):
        try:
            language = pycountry.languages.lookup(part)
        except LookupError as error:
            raise CellError(
                f"“{part}” is no language Ortak knows; use ISO codes (az, ru)"
            ) from error
        code = getattr(language, "alpha_2", None) or language.alpha_3
        if code not in codes:
            codes.append(code)
    return codes


def website(text: str) -> str:
    if not text:
        return ""
    url = text if "://" in text else f"https://{text}"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except DjangoValidationError as error:
        raise CellError(f"“{text}” is not a web address") from error
    return url


def email(text: str) -> str:
    if not text:
        return ""
    try:
        validate_email(text)
    except DjangoValidationError as error:
        raise CellError(f"“{text}” is not an e-mail address") from error
    return text


def phone(text: str) -> str:
    if text and not re.fullmatch(r"\+?[\d\s().-]{5,40}", text):
        raise CellError(f"“{text}” is not a phone number; write +49 30 1234567")
    return text


def founded(text: str) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise CellError(f"“{text}” is not a date; write 2004, 2004-05 or 2004-05-17") from error


def choice(text: str, choices: Sequence[tuple[str, str | Promise]], what: str) -> str:
    """A value of `choices` written as its code or its English label."""
    wanted = text.strip().casefold().replace(" ", "_")
    for value, label in choices:
        if wanted in {value, str(label).casefold().replace(" ", "_")}:
            return value
    known = ", ".join(value for value, _ in choices)
    raise CellError(f"“{text}” is no {what}; use one of {known}")
