"""The reference catalog: the states, institutions and programs of the OTS diaspora track.

The facts live in YAML files in `data/`, written and reviewed by people, each entry beside its
sources. This module reads them into frozen dataclasses and checks every rule it can. It is
plain Python, without Django, so that the `ortak load-reference` command and the article
extractor (which recognises states and institutions in news by every name listed here) stand
on one loader.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import yaml

from ortak.core.dates import PartialDate
from ortak.core.errors import ValidationError

DATA_DIR = Path(__file__).parent / "data"

LANGUAGES = frozenset({"en", "ru", "tr", "az", "kk", "ky", "uz", "hu", "tk", "de"})
NAME_KINDS = frozenset({"official", "short", "abbreviation", "variant", "former", "translation"})
OTS_STATUSES = frozenset({"member", "observer"})
INSTITUTION_KINDS = frozenset(
    {"international_organization", "organ", "state_body", "ministry", "foundation"}
    | {"council", "other"}
)
PROGRAM_KINDS = frozenset({"event_series", "strategy", "plan", "project"})
EVENT_TYPES = frozenset(
    {"ministerial_meeting", "contact_group_meeting", "exchange_of_experience", "training"}
    | {"forum", "roundtable", "conference", "visit", "cultural_event", "commemoration"}
    | {"signing", "other"}
)

# An ISO 639-1 code, with the script where the language is written in two ("kk-Cyrl").
_LANGUAGE_TAG = re.compile(r"^([a-z]{2})(?:-(Cyrl|Latn))?$")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class Name:
    """One name of an entry in one language, with its kind and, if known, when it was valid."""

    text: str
    language: str
    kind: str
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True)
class StateRef:
    """A member or observer state of the OTS."""

    key: str
    iso_code: str | None
    name: str
    names: tuple[Name, ...]
    demonyms: tuple[str, ...]
    ots_status: str
    ots_since: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class InstitutionRef:
    """The OTS, one of its organs, or a state body of the diaspora track."""

    key: str
    kind: str
    name: str
    names: tuple[Name, ...]
    state: str | None
    parent: str | None
    founded: str | None
    succeeded_by: str | None
    website: str | None
    diaspora_body: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ProgramRef:
    """A recurring format (event series), a strategy or plan document, or a project."""

    key: str
    kind: str
    name: str
    names: tuple[Name, ...]
    event_type: str | None
    organizer: str | None
    first_held: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    """Every state, institution and program, looked up by key."""

    states: tuple[StateRef, ...]
    institutions: tuple[InstitutionRef, ...]
    programs: tuple[ProgramRef, ...]

    def state(self, key: str) -> StateRef:
        """The state with this key; KeyError if there is none."""
        return self._by_key["state"][key]

    def institution(self, key: str) -> InstitutionRef:
        """The institution with this key; KeyError if there is none."""
        return self._by_key["institution"][key]

    def program(self, key: str) -> ProgramRef:
        """The program with this key; KeyError if there is none."""
        return self._by_key["program"][key]

    def all_names(self) -> Iterator[tuple[str, str, Name]]:
        """Yield (entity kind, key, name) for every name of every entry, variants included."""
        for entity, entries in self._by_key.items():
            for key, entry in entries.items():
                for name in entry.names:
                    yield entity, key, name

    # cached_property writes to the instance __dict__ directly, so it works on a frozen class.
    @functools.cached_property
    def _by_key(self) -> dict[str, dict[str, Any]]:
        groups: dict[str, tuple[StateRef | InstitutionRef | ProgramRef, ...]]
        groups = {"state": self.states, "institution": self.institutions, "program": self.programs}
        return {entity: {entry.key: entry for entry in group} for entity, group in groups.items()}


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """Read and check the catalog in `data_dir`, by default the data shipped with Ortak.

    The shipped data are read once per process. Raises ValidationError (E200) naming the file,
    the entry and the problem when the data break a rule.
    """
    if data_dir is None:
        return _load_shipped()
    return _load(Path(data_dir))


@functools.cache
def _load_shipped() -> Catalog:
    return _load(DATA_DIR)


def _load(data_dir: Path) -> Catalog:
    catalog = Catalog(
        states=_read(data_dir / "states.yaml", "states", _state),
        institutions=_read(data_dir / "institutions.yaml", "institutions", _institution),
        programs=_read(data_dir / "programs.yaml", "programs", _program),
    )
    _check_links(catalog, data_dir)
    return catalog


# --- Reading the files ---------------------------------------------------------------------

_Ref = TypeVar("_Ref", StateRef, InstitutionRef, ProgramRef)


def _fail(path: Path, where: str | None, problem: str) -> NoReturn:
    place = f"{path.name}, {where}" if where else path.name
    raise ValidationError(f"{place}: {problem}", file=str(path), entry=where)


def _read(path: Path, section: str, build: Callable[[_Fields], _Ref]) -> tuple[_Ref, ...]:
    """Build one dataclass per entry of the file's list, then refuse duplicate keys."""
    entries = tuple(
        build(_Fields(path, _entry_label(number, raw), raw))
        for number, raw in enumerate(_read_list(path, section), start=1)
    )
    first_seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        if entry.key in first_seen:
            _fail(
                path,
                f"entry {entry.key!r} (#{number})",
                f"duplicate key; entry #{first_seen[entry.key]} already uses it. "
                "Merge the two entries or give this one its own key.",
            )
        first_seen[entry.key] = number
    return entries


def _read_list(path: Path, section: str) -> list[Any]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(path, None, "file not found; keep the three catalog files in one folder")
    except yaml.YAMLError as error:
        _fail(path, None, f"not valid YAML; fix the syntax near {_yaml_mark(error)}")
    if not isinstance(document, dict) or set(document) != {section}:
        _fail(path, None, f"the file must hold one top-level key, {section!r}, with a list")
    if not isinstance(document[section], list):
        _fail(path, None, f"{section!r} must be a list of entries, each starting with '- key:'")
    return document[section]


def _yaml_mark(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the reported place"


def _entry_label(number: int, raw: object) -> str:
    key = raw.get("key") if isinstance(raw, Mapping) else None
    return f"entry {key!r}" if isinstance(key, str) else f"entry #{number}"


def _state(entry: _Fields) -> StateRef:
    entry.only(StateRef)
    state = StateRef(
        key=entry.text("key"),
        iso_code=entry.optional_text("iso_code"),
        name=entry.text("name"),
        names=entry.names(),
        demonyms=entry.texts("demonyms"),
        ots_status=entry.choice("ots_status", OTS_STATUSES),
        ots_since=entry.date("ots_since"),
        sources=entry.sources(),
    )
    if state.iso_code is not None and state.iso_code != state.key:
        entry.fail(f"key differs from iso_code {state.iso_code!r}; use the ISO code as key")
    return state


def _institution(entry: _Fields) -> InstitutionRef:
    entry.only(InstitutionRef)
    return InstitutionRef(
        key=entry.text("key"),
        kind=entry.choice("kind", INSTITUTION_KINDS),
        name=entry.text("name"),
        names=entry.names(),
        state=entry.optional_text("state"),
        parent=entry.optional_text("parent"),
        founded=entry.date("founded"),
        succeeded_by=entry.optional_text("succeeded_by"),
        website=entry.url("website"),
        diaspora_body=entry.flag("diaspora_body"),
        sources=entry.sources(),
    )


def _program(entry: _Fields) -> ProgramRef:
    entry.only(ProgramRef)
    program = ProgramRef(
        key=entry.text("key"),
        kind=entry.choice("kind", PROGRAM_KINDS),
        name=entry.text("name"),
        names=entry.names(),
        event_type=entry.optional_choice("event_type", EVENT_TYPES),
        organizer=entry.optional_text("organizer"),
        first_held=entry.date("first_held"),
        sources=entry.sources(),
    )
    if (program.kind == "event_series") != (program.event_type is not None):
        entry.fail("an event series needs an event_type, and only an event series has one")
    return program


class _Fields:
    """One mapping from a data file, read field by field; every error names file and entry."""

    def __init__(self, path: Path, where: str, raw: object) -> None:
        self.path, self.where = path, where
        if not isinstance(raw, Mapping):
            self.fail("expected a mapping of 'field: value' lines")
        self.raw: Mapping[str, Any] = raw

    def fail(self, problem: str) -> NoReturn:
        _fail(self.path, self.where, problem)

    def only(self, shape: type) -> None:
        """Refuse fields the dataclass does not have (a misspelt field would be lost)."""
        allowed = {field.name for field in fields(shape)}
        if unknown := sorted(map(str, set(self.raw) - allowed)):
            self.fail(
                f"unknown field {', '.join(unknown)}; the fields are {', '.join(sorted(allowed))}"
            )

    def text(self, field: str) -> str:
        value = self.raw.get(field)
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            self.fail(
                f"{field} must be text without surrounding spaces (got {value!r}); "
                "quote it if YAML reads it as a number, date or yes/no"
            )
        return value

    def optional_text(self, field: str) -> str | None:
        return None if self.raw.get(field) is None else self.text(field)

    def choice(self, field: str, allowed: frozenset[str]) -> str:
        value = self.text(field)
        if value not in allowed:
            self.fail(f"{field} {value!r} is unknown; use one of {', '.join(sorted(allowed))}")
        return value

    def optional_choice(self, field: str, allowed: frozenset[str]) -> str | None:
        return None if self.raw.get(field) is None else self.choice(field, allowed)

    def date(self, field: str) -> str | None:
        """An ISO partial date; YAML's unquoted dates and bare years are accepted too."""
        value = self.raw.get(field)
        if value is None:
            return None
        try:
            return PartialDate.parse(_date_text(value)).isoformat()
        except ValueError:
            self.fail(f'{field} {value!r} is not a date; write "YYYY", "YYYY-MM" or "YYYY-MM-DD"')

    def flag(self, field: str) -> bool:
        value = self.raw.get(field)
        if not isinstance(value, bool):
            self.fail(f"{field} must be true or false (got {value!r})")
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        values = self.raw.get(field) or []
        if not isinstance(values, list) or not all(
            isinstance(value, str) and value.strip() for value in values
        ):
            self.fail(f"{field} must be a list of texts")
        return tuple(values)

    def url(self, field: str) -> str | None:
        value = self.optional_text(field)
        if value is not None and not _URL.match(value):
            self.fail(f"{field} {value!r} is not a web address; write it with http:// or https://")
        return value

    def sources(self) -> tuple[str, ...]:
        """The source URLs; an entry without one cannot be checked, so it is refused."""
        sources = self.texts("sources")
        if not sources:
            self.fail("sources is empty; list the URL of every page the facts come from")
        if bad := [source for source in sources if not _URL.match(source)]:
            self.fail(f"sources must be web addresses (http:// or https://), not {bad[0]!r}")
        return sources

    def names(self) -> tuple[Name, ...]:
        """Every name, checked one by one; the shown `name` must be among them."""
        raw_names = self.raw.get("names")
        if not isinstance(raw_names, list) or not raw_names:
            self.fail("names must be a list with at least the official name")
        names = tuple(
            _name(_Fields(self.path, f"{self.where}, name #{number}", raw))
            for number, raw in enumerate(raw_names, start=1)
        )
        _check_names(self, names)
        return names


def _date_text(value: object) -> str:
    """The text of a date field; PyYAML reads an unquoted 2021-11-12 as a date, 2009 as an int."""
    if isinstance(value, bool | dt.datetime):
        raise ValueError(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str | int):
        return str(value)
    raise ValueError(value)


def _name(entry: _Fields) -> Name:
    entry.only(Name)
    name = Name(
        text=entry.text("text"),
        language=entry.text("language"),
        kind=entry.choice("kind", NAME_KINDS),
        valid_from=entry.date("valid_from"),
        valid_to=entry.date("valid_to"),
    )
    match = _LANGUAGE_TAG.match(name.language)
    if not match or match.group(1) not in LANGUAGES:
        entry.fail(
            f"language {name.language!r} is unknown; use one of "
            f"{', '.join(sorted(LANGUAGES))}, with -Cyrl or -Latn for the script if needed"
        )
    if name.valid_from and name.valid_to and _starts_after_end(name.valid_from, name.valid_to):
        entry.fail(f"valid_from {name.valid_from} is after valid_to {name.valid_to}; correct one")
    return name


def _starts_after_end(start: str, end: str) -> bool:
    return PartialDate.parse(start).date > PartialDate.parse(end).last_day()


def _check_names(entry: _Fields, names: tuple[Name, ...]) -> None:
    seen: set[tuple[str, str]] = set()
    for name in names:
        if (name.text, name.language) in seen:
            entry.fail(f"the name {name.text!r} ({name.language}) is listed twice; keep one")
        seen.add((name.text, name.language))
    shown = entry.raw.get("name")
    if shown not in {name.text for name in names}:
        entry.fail(f"the shown name {shown!r} is not among its names; add it to names")


# --- Links between entries -----------------------------------------------------------------


def _check_links(catalog: Catalog, data_dir: Path) -> None:
    """Every state, parent, successor and organizer must be the key of an entry."""
    states = {state.key for state in catalog.states}
    institutions = {institution.key for institution in catalog.institutions}
    path = data_dir / "institutions.yaml"
    for institution in catalog.institutions:
        links = (("parent", institution.parent), ("succeeded_by", institution.succeeded_by))
        _check_link(path, institution.key, ("state", institution.state), states, "states.yaml")
        for link in links:
            _check_link(path, institution.key, link, institutions, "institutions.yaml")
    for program in catalog.programs:
        link = ("organizer", program.organizer)
        programs_path = data_dir / "programs.yaml"
        _check_link(programs_path, program.key, link, institutions, "institutions.yaml")
    for field in ("parent", "succeeded_by"):
        _check_no_loop(path, catalog.institutions, field)


def _check_link(
    path: Path, key: str, link: tuple[str, str | None], targets: Iterable[str], target_file: str
) -> None:
    field, target = link
    if target is not None and target not in targets:
        problem = f"{field} {target!r} is not a key in {target_file}; use a key from it or null"
        _fail(path, f"entry {key!r}", problem)


def _check_no_loop(path: Path, institutions: Iterable[InstitutionRef], field: str) -> None:
    """Refuse links that lead back to where they started (a body its own ancestor)."""
    links = {institution.key: getattr(institution, field) for institution in institutions}
    for start in links:
        chain = [start]
        while (following := links.get(chain[-1])) is not None:
            if following in chain:
                loop = " -> ".join([*chain, following])
                _fail(path, f"entry {start!r}", f"{field} links form a loop ({loop}); break it")
            chain.append(following)
