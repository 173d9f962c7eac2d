"""Every write to sources: the articles records come from."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from ortak.accounts.permissions import require_edit, require_review
from ortak.core.actors import Actor
from ortak.core.errors import InputError
from ortak.core.models import Publication
from ortak.core.services import with_actor
from ortak.events.models import Event, Source

INGESTED_BEFORE = "this article was ingested before; open its draft in the review queue instead"


def source_create(
    *,
    actor: Actor,
    text: str,
    content_hash: str,
    pipeline_version: str,
    url: str = "",
    path: str = "",
    title: str = "",
    language: str = "",
    published: dt.date | None = None,
) -> Source:
    """Keep an article as a draft source; one text is kept once (E107), even when two
    ingests of it run at the same moment: the second one's insert fails and is reported."""
    if source_known(content_hash):
        raise InputError(INGESTED_BEFORE, code="E107")
    source = Source(
        url=url,
        path=path,
        title=title,
        language=language,
        published=published,
        text=text,
        content_hash=content_hash,
        pipeline_version=pipeline_version,
        publication=Publication.DRAFT,
    )
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction stays usable
            with_actor(source, actor).save()
    except IntegrityError as error:
        raise InputError(INGESTED_BEFORE, code="E107") from error
    return source


def source_known(content_hash: str) -> bool:
    """Whether an article with this text is kept already (the quick check before insert)."""
    return Source.objects.filter(content_hash=content_hash).exists()


def source_events_add(*, actor: Actor, source: Source, events: list[Event]) -> Source:
    """Say which events a (draft) source reports; the events themselves do not change."""
    require_edit(actor, source)
    source.events.add(*events)
    return source


@transaction.atomic
def source_publish(*, actor: Actor, source: Source) -> Source:
    """Make a reviewed source public (the reviewer role, E302)."""
    require_review(actor)
    source.publication = Publication.PUBLISHED
    with_actor(source, actor).save(update_fields=["publication", "updated_at"])
    return source
