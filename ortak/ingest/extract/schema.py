"""The event record of one article, as typed classes (../shared/extraction-schema.md).

The extractor builds a `Record`, `ortak extract` prints its `to_dict()`, the loader turns it
into drafts, the review screen shows it value by value and keeps the reviewer's decisions
under its record paths ("events[0].title", "events[0].participants[2]"). The paths, and the
values a reviewer may edit, are defined here once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

# A record's events: those that took place, then those announced for later.
PARTS = ("events", "planned")
# Single values of an event, in the schema's order; a reviewer may edit these.
SCALARS = ("title", "type", "start_date", "end_date", "city", "country", "framework")
# Lists of values of an event; a reviewer accepts or rejects each item.
LISTS = ("participants", "organizers", "organizations", "countries", "outcomes", "site_visits")
EDITABLE = frozenset(SCALARS)
_PATH = re.compile(r"^(events|planned)\[(\d+)\]\.(\w+)(?:\[(\d+)\])?$")


@dataclass(frozen=True)
class RecordPath:
    """The address of one value: `events[0].city`, `planned[1].organizers[0]`."""

    part: str
    index: int
    field: str
    item: int | None = None

    @classmethod
    def parse(cls, text: str) -> RecordPath | None:
        """The path `text` names, or None when it is not shaped like a record path."""
        match = _PATH.match(text)
        if not match:
            return None
        part, index, name, item = match.groups()
        return cls(part, int(index), name, int(item) if item is not None else None)

    @property
    def event_key(self) -> str:
        """The event the value belongs to: `events[0]`."""
        return f"{self.part}[{self.index}]"

    @property
    def editable(self) -> bool:
        return self.item is None and self.field in EDITABLE

    def __str__(self) -> str:
        item = f"[{self.item}]" if self.item is not None else ""
        return f"{self.event_key}.{self.field}{item}"


@dataclass
class Source:
    """Where the article came from."""

    path: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Source:
        data = data or {}
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "url": self.url, "published": self.published,
                "language": self.language}  # fmt: skip


@dataclass
class Organization:
    """An institution the article names, with the state it belongs to."""

    name: str
    country: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | str) -> Organization:
        if isinstance(data, str):
            return cls(name=data)
        return cls(name=data.get("name") or "", country=data.get("country"))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass
class Participant:
    """A person present, with the title, institution and state he or she came with."""

    name: str
    role: str | None = None
    organization: str | None = None
    country: str | None = None
    # Only for names written in another script: a standard Latin transliteration.
    name_latin: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return cls(**{f.name: data.get(f.name) for f in fields(cls)} | {
            "name": data.get("name") or ""})  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        entry = {"name": self.name, "role": self.role, "organization": self.organization,
                 "country": self.country}  # fmt: skip
        if self.name_latin is not None:
            entry["name_latin"] = self.name_latin
        return entry

    @property
    def latin_name(self) -> str:
        """The name the registry keeps: the Latin form where the article gave another."""
        return self.name_latin or self.name


@dataclass
class PlannedEvent:
    """An event announced for later."""

    title: str | None = None
    type: str = "other"
    start_date: str | None = None
    end_date: str | None = None
    city: str | None = None
    country: str | None = None
    organizers: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlannedEvent:
        return cls(**_scalars(cls, data), organizers=list(data.get("organizers") or []))

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    def value(self, name: str) -> Any:
        """The value of field `name`; None where this kind of event has no such field."""
        return getattr(self, name, None)


@dataclass
class EventRecord(PlannedEvent):
    """An event that took place, with who was there and what came of it."""

    framework: str | None = None
    participants: list[Participant] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    site_visits: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRecord:
        return cls(
            **_scalars(cls, data),
            organizers=list(data.get("organizers") or []),
            participants=[Participant.from_dict(p) for p in data.get("participants") or []],
            organizations=[Organization.from_dict(o) for o in data.get("organizations") or []],
            countries=list(data.get("countries") or []),
            outcomes=list(data.get("outcomes") or []),
            site_visits=list(data.get("site_visits") or []),
        )


@dataclass
class Record:
    """The record of one article: its source, the events held, the events planned."""

    source: Source = field(default_factory=Source)
    events: list[EventRecord] = field(default_factory=list)
    planned: list[PlannedEvent] = field(default_factory=list)
    # Keys outside the schema (a gold file's own notes), kept as they came.
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            source=Source.from_dict(data.get("source")),
            events=[EventRecord.from_dict(e or {}) for e in data.get("events") or []],
            planned=[PlannedEvent.from_dict(p or {}) for p in data.get("planned") or []],
            extra={k: v for k, v in data.items() if k not in {"source", *PARTS}},
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the schema, keys in its order."""
        return {
            **self.extra,
            "source": self.source.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "planned": [p.to_dict() for p in self.planned],
        }

    def keyed_events(self) -> list[tuple[str, PlannedEvent]]:
        """Every event with its key (`events[0]`, `planned[1]`), held ones first."""
        held = [(f"events[{i}]", e) for i, e in enumerate(self.events)]
        return held + [(f"planned[{i}]", p) for i, p in enumerate(self.planned)]

    def event_at(self, path: RecordPath) -> PlannedEvent | None:
        events: list[Any] = self.events if path.part == "events" else self.planned
        return events[path.index] if path.index < len(events) else None

    def value_at(self, path: RecordPath) -> Any:
        """The value at `path`; None when the record has none there."""
        event = self.event_at(path)
        value = event.value(path.field) if event is not None else None
        if path.item is None:
            return value
        return value[path.item] if isinstance(value, list) and path.item < len(value) else None

    def has(self, path: RecordPath) -> bool:
        """Whether the record has a value (possibly empty) at `path`."""
        event = self.event_at(path)
        if event is None or path.field not in (*SCALARS, *LISTS):
            return False
        if path.item is None:
            return path.field in SCALARS
        value = event.value(path.field)
        return isinstance(value, list) and path.item < len(value)


def _scalars(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {name: data.get(name) for name in SCALARS if name in names}


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [item.to_dict() if hasattr(item, "to_dict") else item for item in value]
    return value
