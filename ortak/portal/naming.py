"""Which name of a record the portal shows, in the reader's language.

A record's `name` (an event's `title`) is the form shown in English ("Kyrgyzstan"); its
`names` (`titles`) hold the other languages, with the fallbacks of ortak.core.i18n. The
reference data also keeps the official English form under names["en"] ("Kyrgyz Republic"),
which English readers need less than the common one, so English shows `name`.
"""

from __future__ import annotations

from typing import Any

from ortak.core.i18n import pick_name


def shown_name(name: str, names: dict[str, str] | None, language: str) -> str:
    base = (language or "en").split("-")[0].lower()
    return name if base == "en" else pick_name(names or {}, base, default=name)


def record_name(record: Any, language: str) -> str:
    """The name to show of a record, a `{name, names}` row, or anything else (its str)."""
    if record is None:
        return ""
    if isinstance(record, dict):
        return shown_name(record.get("name") or "", record.get("names"), language)
    if hasattr(record, "name_in"):
        return shown_name(record.name, record.names, language)
    if getattr(record, "titles", None) is not None:
        return shown_name(record.title, record.titles, language)
    return str(record)
