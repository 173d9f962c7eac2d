"""Which name of a record the portal shows, in the reader's language.

A record's `name` (an event's `title`) is the form shown in English ("Kyrgyzstan"); its
`names` (`titles`) hold the other languages, with the fallbacks of ortak.core.i18n. The
reference data also keeps the official English form under names["en"] ("Kyrgyz Republic"),
which English readers need less than the common one, so English shows `name`.

A state with an ISO 3166 code is named as CLDR names its country in the reader's language
(ortak.reference.countries), so the state's page, the place of an event ("Бишкек,
Кыргызстан") and the filters call one country by one name; the record's own names serve where
CLDR has none (the TRNC, which has no ISO code).
"""

from __future__ import annotations

from typing import Any

from ortak.core.i18n import pick_name
from ortak.reference.countries import base_language, country_name_exact, is_country_code
from ortak.reference.glossary import place_name
from ortak.registry.models import State

__all__ = ["place_name", "record_name", "shown_name", "state_row_name"]


def shown_name(
    name: str, names: dict[str, str] | None, language: str, *, country: str | None = None
) -> str:
    """`name` in `language`; `country` is the ISO code of a state, named as its country."""
    base = base_language(language)
    if base == "en":
        return name
    if country and is_country_code(country):
        localized = country_name_exact(country, base)
        if localized:
            return localized
    return pick_name(names or {}, base, default=name)


def state_row_name(row: dict, language: str) -> str:
    """The name of a state in a `{key, name, names}` row: a state's key is its ISO code."""
    return shown_name(row.get("name") or "", row.get("names"), language, country=row.get("key"))


def _country_of(record: Any) -> str | None:
    """A state's ISO code, without reading a field the query left out: lists load a state's
    key, name and names only, and its key is its ISO code where it has one."""
    if not isinstance(record, State):
        return None
    return vars(record).get("iso_code") or record.key


def record_name(record: Any, language: str) -> str:
    """The name to show of a record, a `{name, names}` row, or anything else (its str)."""
    if record is None:
        return ""
    if isinstance(record, dict):
        return shown_name(record.get("name") or "", record.get("names"), language)
    if hasattr(record, "name_in"):
        return shown_name(record.name, record.names, language, country=_country_of(record))
    if getattr(record, "titles", None) is not None:
        return shown_name(record.title, record.titles, language)
    return str(record)
