"""The only part of ingest that writes to the database: an extracted record becomes drafts.

The extractor (ortak.ingest.extract) knows nothing of the database; this module links what
it found to the registry (people by their spellings, institutions by their names over time),
proposes new records where nothing matches, and merges an event that another article has
already reported into that event instead of making a second one. Everything it creates is a
draft until a reviewer publishes it (ortak.ingest.review).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from ortak.core.dates import PartialDate
from ortak.core.errors import InputError
from ortak.core.models import Publication
from ortak.events.models import Event, EventSeries, EventStatus, Source
from ortak.events.selectors import event_find_same
from ortak.ingest.linking import institution_link, person_link, state_link
from ortak.ingest.models import Review
from ortak.registry.models import Institution, InstitutionKind, Person
from ortak.registry.services import institution_add_name, person_add_alias


@dataclass
class ArticleData:
    """What the loader keeps of an article: its text and where it came from."""

    text: str
    path: str = ""
    url: str = ""
    title: str = ""
    published: str | None = None
    language: str = ""


@dataclass
class LoadResult:
    review: Review
    created: list[Event] = field(default_factory=list)
    merged: list[Event] = field(default_factory=list)


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def source_find(text: str) -> Source | None:
    return Source.objects.filter(content_hash=content_hash(text)).first()


@transaction.atomic
def record_load(
    *,
    article: ArticleData,
    record: dict[str, Any],
    evidence: list[dict[str, Any]],
    pipeline_version: str,
    actor: Any = None,
) -> LoadResult:
    """Keep the article as a Source and its record as draft events awaiting review."""
    if source_find(article.text):
        raise InputError(
            "this article was ingested before; open its draft in the review queue instead",
            code="E107",
        )
    source = _source_create(article, record, pipeline_version)
    review = Review.objects.create(
        source=source,
        record=record,
        evidence=evidence,
        pipeline_version=pipeline_version,
        created_by=_user(actor),
    )
    result = LoadResult(review=review)
    for part, status in (("events", EventStatus.HELD), ("planned", EventStatus.PLANNED)):
        for index, event_record in enumerate(record.get(part) or []):
            event = _event_load(event_record, status, source, result)
            review.event_map[f"{part}[{index}]"] = event.pk
    review.merged_event_ids = [event.pk for event in result.merged]
    review.save(update_fields=["merged_event_ids", "event_map"])
    return result


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _source_create(article: ArticleData, record: dict, pipeline_version: str) -> Source:
    meta = record.get("source") or {}
    published = meta.get("published") or article.published
    return Source.objects.create(
        url=article.url or meta.get("url") or "",
        path=article.path or meta.get("path") or "",
        title=article.title,
        language=meta.get("language") or article.language,
        published=PartialDate.parse(published).date if published else None,
        text=article.text,
        content_hash=content_hash(article.text),
        pipeline_version=pipeline_version,
        publication=Publication.DRAFT,
    )


def _partial(value: str | None) -> PartialDate | None:
    try:
        return PartialDate.parse(value) if value else None
    except ValueError:
        return None  # a malformed date from the pipeline is left for the reviewer


def _event_load(data: dict, status: str, source: Source, result: LoadResult) -> Event:
    start, end = _partial(data.get("start_date")), _partial(data.get("end_date"))
    if start and end and end.last_day() < start.date:
        end = None  # dates out of order: keep the start, the reviewer sees the evidence
    series, number = _series_of(data)
    same = event_find_same(
        title=data.get("title") or "",
        event_type=data.get("type") or "other",
        city=data.get("city") or "",
        start=start,
        series_id=series.pk if series else None,
        number=number,
    )
    if same:
        source.events.add(same)
        result.merged.append(same)
        result.review.events.add(same)
        return same
    event = _event_create(data, status, start, end, series, number, source.pipeline_version)
    source.events.add(event)
    result.created.append(event)
    result.review.events.add(event)
    return event


def _event_create(data, status, start, end, series, number, version: str) -> Event:
    country = data.get("country") or ""
    state = state_link(country) if country else None
    event = Event.objects.create(
        title=(data.get("title") or "untitled event")[:500],
        event_type=data.get("type") or "other",
        status=status,
        city=data.get("city") or "",
        country=country,
        state=state,
        start_date=start.date if start else None,
        start_precision=start.precision if start else "day",
        end_date=end.date if end else None,
        end_precision=end.precision if end else "day",
        framework=(data.get("framework") or "")[:500],
        series=series,
        number=number,
        publication=Publication.DRAFT,
        pipeline_version=version,
    )
    _event_links(event, data)
    return event


def _series_of(data: dict) -> tuple[EventSeries | None, int | None]:
    from ortak.ingest.linking import series_link

    return series_link(data.get("title") or "", data.get("type") or "")


def _event_links(event: Event, data: dict) -> None:
    version = event.pipeline_version
    by_name: dict[str, Institution] = {}
    for org in data.get("organizations") or []:
        name, country = (
            (org.get("name"), org.get("country")) if isinstance(org, dict) else (org, None)
        )
        if name and name not in by_name:
            by_name[name] = _institution(name, country, version)
    event.institutions.set({i.pk for i in by_name.values()})
    organizers = [
        by_name.get(n) or _institution(n, None, version) for n in data.get("organizers") or []
    ]
    event.organizers.set({i.pk for i in organizers})
    event.countries.set([state_link(code) for code in data.get("countries") or []])
    for person in data.get("participants") or []:
        _participation_create(event, person, by_name)
    for text in data.get("outcomes") or []:
        event.outcomes.create(kind=_outcome_kind(text), text=text)
    for name in data.get("site_visits") or []:
        event.site_visits.create(name=name)


def _institution(name: str, country: str | None, version: str) -> Institution:
    found = institution_link(name)
    if found:
        return found
    state = state_link(country) if country else None
    institution = Institution.objects.create(
        name=name[:300],
        kind=InstitutionKind.OTHER,
        state=state,
        publication=Publication.DRAFT,
        pipeline_version=version,
    )
    # Kept as a name, so the next article that writes it the same way links here.
    institution_add_name(institution=institution, text=name[:400], language="", kind="variant")
    return institution


def _participation_create(event: Event, data: dict, by_name: dict[str, Institution]) -> None:
    name = data.get("name_latin") or data.get("name") or ""
    if not name:
        return
    country = data.get("country")
    state = state_link(country) if country else None
    person = person_link(name)
    if person is None:
        person = _person_propose(data, state, event.pipeline_version)
    for spelling in {data.get("name"), data.get("name_latin")} - {None, ""}:
        person_add_alias(person=person, text=spelling)  # every spelling seen is kept
    organization = data.get("organization")
    institution = by_name.get(organization) if organization else None
    if organization and institution is None:
        institution = _institution(organization, country, event.pipeline_version)
    event.participations.get_or_create(
        person=person,
        defaults={
            "role": (data.get("role") or "")[:300],
            "state": state,
            "institution": institution,
        },
    )


def _person_propose(data: dict, state, version: str) -> Person:
    name = data.get("name_latin") or data["name"]
    return Person.objects.create(
        name=name, state=state, publication=Publication.DRAFT, pipeline_version=version
    )


def _outcome_kind(text: str) -> str:
    lowered = text.lower()
    if "sign" in lowered:
        return "agreement_signed"
    if "adopt" in lowered or "approv" in lowered:
        return "document_adopted"
    return "decision"
