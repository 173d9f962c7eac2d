"""CSV exports of the lists: the same records as the page with the same filters, all pages.

Rows are streamed, so a long list neither waits nor fills memory. The file starts with a
byte order mark: spreadsheet programs then read Cyrillic and Turkic letters as UTF-8.
Column names are English and stable, for scripts; names are in the reader's language.
Places keep their stored city and ISO country code, for scripts, beside a `place` column
that names them in the reader's language ("Бишкек, Кыргызстан").
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import StreamingHttpResponse

from ortak.portal.naming import place_name, record_name
from ortak.portal.templatetags.portal import iso_date

Row = list[Any]


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, header: Row, rows: Iterable[Row]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _rows(queryset: QuerySet, row: Callable[[Any], Row]) -> Iterator[Row]:
    # iterator() with a chunk size keeps memory flat and still runs the prefetches per chunk.
    for record in queryset.iterator(chunk_size=1000):
        yield row(record)


EVENT_HEADER = [
    "id", "title", "type", "status", "start", "end", "city", "country", "place", "state",
    "series", "round", "url",
]  # fmt: skip


def event_rows(events: QuerySet, language: str, url_of: Callable) -> Iterator[Row]:
    def row(event) -> Row:
        return [
            event.pk,
            record_name(event, language),
            event.event_type,
            event.status,
            iso_date(event, "start"),
            iso_date(event, "end"),
            event.city,
            event.country,
            place_name(event.city, event.country, language),
            event.state.key if event.state else "",
            record_name(event.series, language),
            event.number or "",
            url_of(event),
        ]

    return _rows(events, row)


PERSON_HEADER = ["id", "name", "state", "url"]


def person_rows(people: QuerySet, language: str, url_of: Callable) -> Iterator[Row]:
    return _rows(
        people,
        lambda p: [p.pk, record_name(p, language), p.state.key if p.state else "", url_of(p)],
    )


INSTITUTION_HEADER = ["id", "name", "kind", "state", "diaspora_institution", "website", "url"]


def institution_rows(institutions: QuerySet, language: str, url_of: Callable) -> Iterator[Row]:
    def row(i) -> Row:
        state = i.state.key if i.state else ""
        return [
            i.pk,
            record_name(i, language),
            i.kind,
            state,
            i.diaspora_body,
            i.website,
            url_of(i),
        ]

    return _rows(institutions, row)


ORGANIZATION_HEADER = [
    "id", "name", "kind", "community_of", "host_country", "city", "place", "latitude",
    "longitude", "website", "url",
]  # fmt: skip


def organization_rows(organizations: QuerySet, language: str, url_of: Callable) -> Iterator[Row]:
    def row(o) -> Row:
        state = o.community_state.key if o.community_state else ""
        shown = place_name(o.city, o.host_country, language)
        place = [o.host_country, o.city, shown, o.latitude or "", o.longitude or ""]
        return [o.pk, record_name(o, language), o.kind, state, *place, o.website, url_of(o)]

    return _rows(organizations, row)


PLAN_HEADER = ["id", "title", "year_from", "year_to", "measures", "measures_done", "url"]


def plan_rows(plans: QuerySet, language: str, url_of: Callable) -> Iterator[Row]:
    def row(p) -> Row:
        return [p.pk, p.title, p.year_from, p.year_to, p.measure_count, p.done_count, url_of(p)]

    return _rows(plans, row)
