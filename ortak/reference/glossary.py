"""Word tables of the reference data: cities and role words in the interface languages.

Each table is a YAML file of entries, one per city or role, with the form every interface
language uses and the other spellings news writes (former names, Latin forms of Cyrillic
ones). A lookup recognises any of these forms, however it is spelt (ortak.names.fold), and
gives the entry's form in the reader's language with Ortak's fallbacks. Plain Python,
without Django.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ortak.core.errors import ValidationError
from ortak.core.i18n import pick_name
from ortak.names import fold
from ortak.reference.countries import base_language, country_name

DATA_DIR = Path(__file__).parent / "data"

# The interface languages: every entry gives its English form; the others fall back.
INTERFACE_LANGUAGES = ("en", "ru", "tr", "az", "kk", "ky", "uz")


@dataclass(frozen=True)
class Term:
    """One city or role: its form in each language, and the other forms it is written in."""

    key: str
    names: Mapping[str, str]
    other: tuple[str, ...] = ()
    country: str | None = None
    source: str | None = None

    def name_in(self, language: str | None) -> str:
        """The form in `language`, else in the languages its readers read next, else English."""
        return pick_name(dict(self.names), base_language(language), default=self.names["en"])

    def spellings(self) -> tuple[str, ...]:
        return (*self.names.values(), *self.other)


class Glossary:
    """The terms of one table, found by any of their spellings."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.terms = terms
        self._by_form: dict[str, Term] = {}
        # The first entry that lists a spelling keeps it: the file's order settles the rare
        # form two entries share (Turkish "Başkan" is both a chairman and a head).
        for term in terms:
            for spelling in term.spellings():
                self._by_form.setdefault(fold(spelling), term)

    def find(self, text: str | None) -> Term | None:
        """The term written as `text` in any language or spelling; None if unknown."""
        return self._by_form.get(fold(text)) if text and text.strip() else None

    def shown(self, text: str | None, language: str | None) -> str:
        """`text` in the reader's language when it is a known term, else as written."""
        term = self.find(text)
        return term.name_in(language) if term else (text or "")


@functools.cache
def glossary(name: str) -> Glossary:
    """The table `data/<name>.yaml` ("cities", "roles"), read once per process."""
    return read_glossary(DATA_DIR / f"{name}.yaml", name)


def read_glossary(path: Path, section: str) -> Glossary:
    """Read and check a table; ValidationError (E200) names the entry and the problem."""
    # libyaml's loader where it is built in: five times faster, for every process's first page.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    entries = document.get(section) if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ValidationError(f"{path.name}: the file must hold a list under {section!r}")
    terms = tuple(_term(path, number, raw) for number, raw in enumerate(entries, start=1))
    keys = [term.key for term in terms]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValidationError(f"{path.name}: duplicate keys {duplicates}; give each its own")
    return Glossary(terms)


def _term(path: Path, number: int, raw: Any) -> Term:
    where = f"{path.name}, entry #{number}"
    if not isinstance(raw, dict) or not raw.get("key"):
        raise ValidationError(f"{where}: an entry needs a `key` and its `names`")
    names = raw.get("names") or {}
    unknown = set(names) - set(INTERFACE_LANGUAGES)
    if not names.get("en") or unknown:
        raise ValidationError(
            f"{where} ({raw['key']}): `names` needs an English form and only the languages "
            f"{', '.join(INTERFACE_LANGUAGES)}; found {sorted(names)}"
        )
    return Term(
        key=str(raw["key"]),
        names={language: str(text) for language, text in names.items()},
        other=tuple(str(text) for text in raw.get("other") or ()),
        country=raw.get("country"),
        source=raw.get("source"),
    )


@functools.lru_cache(maxsize=8192)
def city_name(text: str | None, language: str | None) -> str:
    """A city, written in any language or spelling, named in the reader's `language`.

    `city_name("Bakü", "ru")` -> "Баку"; a city the reference data lack stays as written.
    """
    return glossary("cities").shown(text, language)


@functools.lru_cache(maxsize=8192)
def city_spellings(text: str) -> frozenset[str]:
    """Every way the reference data write the city `text` names ("Bakı" -> Baku, Баку,
    Bakü, ...), `text` itself included; a city the reference data lack has only `text`."""
    term = glossary("cities").find(text)
    return frozenset((text, *term.spellings())) if term else frozenset((text,))


@functools.lru_cache(maxsize=8192)
def role_name(text: str | None, language: str | None) -> str:
    """A role or a title ("Deputy Chairman", "председатель", "Host, Minister") in `language`.

    A list of roles is translated when every one is known; a title naming its institution
    ("Head of the Office of ...") stays as written, for a half-translated title misleads.
    """
    if not text:
        return ""
    roles = glossary("roles")
    parts = [part.strip() for part in text.split(",")]
    terms = [roles.find(part) for part in parts]
    if not all(terms):
        return text
    return ", ".join(term.name_in(language) for term in terms if term)


def place_name(city: str | None, country: str | None, language: str | None) -> str:
    """A city and its country's ISO code, said in the reader's language: "Бишкек, Кыргызстан"."""
    parts = (city_name(city, language), country_name(country, language))
    return ", ".join(part for part in parts if part)
