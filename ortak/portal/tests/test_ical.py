"""The iCalendar writer: RFC 5545 escaping, line folding and all-day events."""

import datetime as dt

import pytest
from django.utils import translation

from ortak.events.models import Event
from ortak.portal import ical

STAMP = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Baku, Azerbaijan", "Baku\\, Azerbaijan"),
        ("a;b", "a\\;b"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("two\r\nlines", "two\\nlines"),
    ],
)
def test_text_values_are_escaped(text, escaped):
    assert ical.escape_text(text) == escaped


@pytest.mark.parametrize("text", ["x" * 200, "Ş" * 120, "Круглый стол «Мир, труд и дружба» " * 4])
def test_long_lines_fold_at_75_octets_without_splitting_a_letter(text):
    folded = ical.fold("SUMMARY:" + text)
    lines = folded.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    assert "".join(line[1:] if i else line for i, line in enumerate(lines)) == "SUMMARY:" + text


def test_short_lines_are_not_folded():
    assert ical.fold("VERSION:2.0") == "VERSION:2.0"


def _event(**fields) -> Event:
    defaults = {
        "pk": 7,
        "title": "Forum, 2025",
        "event_type": "forum",
        "status": "held",
        "start_date": dt.date(2025, 6, 30),
        "city": "Baku",
        "country": "AZ",
        "updated_at": STAMP,
    }
    return Event(**{**defaults, **fields})


def test_an_event_is_an_all_day_entry_ending_the_day_after():
    event = _event(end_date=dt.date(2025, 7, 1))
    text = ical.calendar([event], host="ortak.example", url_of=lambda e: "/e/7/", stamp=STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\r\nDTSTART;VALUE=DATE:20250630\r\n" in text
    assert "\r\nDTEND;VALUE=DATE:20250702\r\n" in text
    assert "\r\nUID:event-7@ortak.example\r\n" in text
    assert "\r\nSUMMARY:Forum\\, 2025\r\n" in text
    assert "\r\nLOCATION:Baku\\, Azerbaijan\r\n" in text
    assert "\r\nDTSTAMP:20250601T120000Z\r\n" in text


def test_an_event_is_named_and_placed_in_the_reader_s_language():
    event = _event(titles={"ru": "Форум, 2025"})
    with translation.override("ru"):
        lines = ical.event_lines(event, host="h", url="u", stamp=STAMP)
    assert "SUMMARY:Форум\\, 2025" in lines
    assert "LOCATION:Баку\\, Азербайджан" in lines


def test_planned_and_cancelled_events_say_so():
    planned = ical.event_lines(_event(status="planned"), host="h", url="u", stamp=STAMP)
    cancelled = ical.event_lines(_event(status="cancelled"), host="h", url="u", stamp=STAMP)
    assert "STATUS:TENTATIVE" in planned
    assert "STATUS:CANCELLED" in cancelled
