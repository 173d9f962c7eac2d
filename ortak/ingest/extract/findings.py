"""What the components find, kept on the Doc (`doc._.ortak`) for the record builder.

Every finding keeps the spaCy Span it came from, so each value of the record can show the
sentence and the character offsets it was read from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from spacy.tokens import Doc, Span

from ortak.core.dates import PartialDate

if TYPE_CHECKING:  # for annotations only: the findings import nothing of the linking
    from ortak.ingest.extract.linking import Registry


@dataclass
class Place:
    """A city or country named in the text; `venue` when the text puts an event there."""

    span: Span
    kind: str  # "city" | "country"
    name: str
    country: str | None
    venue: bool = False


@dataclass
class DateMention:
    """A date expression resolved to ISO dates as precise as the text allows."""

    span: Span
    start: PartialDate | None
    end: PartialDate | None = None


@dataclass
class Org:
    """An institution named in the text, in the fullest form found."""

    span: Span
    name: str
    country: str | None
    key: str | None = None  # the reference catalog's key, where the name links to one
    international: bool = False
    in_title: bool = False  # named only inside a person's title
    # The state is only where the body stands ("Omsk Regional Public Organization"): a
    # diaspora's body abroad, whose members and events are not that state's.
    located: bool = False
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Person:
    """A person named in the text, with the title and affiliation given beside the name."""

    span: Span
    name: str
    role: str | None = None
    organization: Org | None = None
    country: str | None = None
    present: bool = True
    name_latin: str | None = None
    mentions: list[Span] = field(default_factory=list)
    role_span: Span | None = None
    country_span: Span | None = None


@dataclass
class Event:
    """An event the article reports: held (events), planned, or recalled in passing."""

    span: Span
    title: str
    status: str = "held"  # "held" | "planned" | "recalled"
    type: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    city: Place | None = None
    country: str | None = None
    country_span: Span | None = None
    organizers: list[Org] = field(default_factory=list)
    framework: Span | None = None
    outcomes: list[Span] = field(default_factory=list)
    site_visits: list[Span] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    date_span: Span | None = None
    main: bool = False
    noun: str | None = None  # the event noun that named it ("forum"), or "visit"/"signing"


@dataclass
class Findings:
    """Everything the components found in one article."""

    published: dt.date | None = None
    published_month: dt.date | None = None  # where only the month of publication is known
    language: str | None = None
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    planned: list[Event] = field(default_factory=list)
    parties: list[tuple[str, Span]] = field(default_factory=list)  # states taking part
    headline_end: int = 0  # character offset where the headline/dateline block ends
    registry: Registry | None = None  # None links against the catalog


if not Doc.has_extension("ortak"):
    Doc.set_extension("ortak", default=None)


# Where spaCy keeps `doc._.ortak` in the doc's user data: read there directly, as each `doc._`
# makes a new accessor object and the rules ask for the findings thousands of times.
_KEY = ("._.", "ortak", None, None)


def findings(doc: Doc) -> Findings:
    """The doc's findings, created on first use (components may run alone in tests)."""
    # spaCy types the user data as keyed by strings; its extensions key it by tuples.
    found = cast("dict[object, object]", doc.user_data).get(_KEY)
    if isinstance(found, Findings):
        return found
    if doc._.ortak is None:
        doc._.ortak = Findings()
    result: Findings = doc._.ortak
    return result
