"""iCalendar (RFC 5545) export of events, written with the standard library only.

Events are all-day entries (`VALUE=DATE`): the records know days, not hours. Text values are
escaped (section 3.3.11) and lines longer than 75 octets are folded (section 3.1), never in
the middle of a UTF-8 character; lines end with CRLF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.utils import formats
from django.utils.translation import get_language, gettext

from ortak.events.models import Event, EventStatus
from ortak.events.selectors import PlacedEvent
from ortak.portal.naming import place_name, record_name

LINE_OCTETS = 75
_STATUS: dict[str, str] = {
    EventStatus.HELD: "CONFIRMED",
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets joined by CRLF and a space."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1  # a continuation starts with " "
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _date(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event: PlacedEvent, *, host: str, url: str, stamp: dt.datetime) -> list[str]:
    """The VEVENT of one event placed on a day (`placed_on`, from events_for_calendar):
    all-day, DTEND the day after the last (exclusive).

    An event whose article gives no day is placed on the day it was reported, as on the
    portal's calendar: a reader who subscribes sees the same month, and its description
    says that the day is the report's, not the event's.
    """
    first = event.start_date or event.placed_on
    assert first is not None, "events_for_calendar places each event on a day"
    last = (event.end_date if event.start_date else None) or first
    language = get_language() or "en"
    location = place_name(event.city, event.country, language)
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{_stamp(event.updated_at or stamp)}",
        f"DTSTART;VALUE=DATE:{_date(first)}",
        f"DTEND;VALUE=DATE:{_date(last + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(record_name(event, language))}",
        f"STATUS:{_STATUS.get(event.status, 'CONFIRMED')}",
        f"CATEGORIES:{escape_text(event.get_event_type_display())}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    description = "\n\n".join(filter(None, [_reported_note(event), event.description]))
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append("END:VEVENT")
    return lines


def _reported_note(event: PlacedEvent) -> str:
    if event.start_date or event.placed_on is None:
        return ""
    day = formats.date_format(event.placed_on, "j E Y")  # as the portal says it
    return gettext(
        "The article gives no day for this event: it is placed on the day it was reported, "
        "%(date)s."
    ) % {"date": day}


def calendar(
    events: Iterable[PlacedEvent],
    *,
    host: str,
    url_of: Callable[[Event], str],
    stamp: dt.datetime,
    name: str = "Ortak",
) -> str:
    """A whole VCALENDAR of `events` (each placed on a day, see `event_lines`) as one string."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ortak//Diaspora cooperation of the OTS//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += event_lines(event, host=host, url=url_of(event), stamp=stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
