"""Every write to the search index: one record, a removal, a rebuild, a paused bulk load.

Saves and deletes reach these through the signals wired in `SearchConfig.ready()`, inside
the transaction of the change, so a rolled-back change leaves the index as it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice

from django.db import connection, transaction
from django.db.models import Model

from ortak.search.backends import backend_for
from ortak.search.documents import SPEC_BY_LABEL, SPECS, Spec, entry_for, spec_for
from ortak.search.duplicates import duplicate_dismiss as duplicate_dismiss  # a write of pairs
from ortak.search.models import SearchEntry

BATCH = 1000
_UPDATED = ["kind", "name", "folded", "terms", "state", "year", "year_to", "published"]
# While indexing is paused: the (model label, pk) pairs whose records changed.
_pending: ContextVar[set[tuple[str, int]] | None] = ContextVar("search_pending", default=None)


def index_update(record: Model) -> None:
    """Put `record` in the index, or refresh its entry: one INSERT ... ON CONFLICT."""
    if record.pk is None:
        return
    _upsert([entry_for(record)])


def index_remove(record: Model) -> None:
    """Take `record` out of the index."""
    spec = spec_for(record)
    SearchEntry.objects.filter(model=spec.label, object_id=record.pk).delete()


@transaction.atomic
def index_rebuild() -> int:
    """Index every record afresh; returns how many entries the index holds."""
    backend = backend_for(connection)
    with backend.bulk_load():
        SearchEntry.objects.all().delete()
        count = sum(_index_all(spec) for spec in SPECS)
    return count


@contextmanager
def index_paused(*, rebuild: bool = False) -> Iterator[None]:
    """Pause indexing on save and delete for a bulk load, and catch up when it ends.

    On leaving, the records saved or deleted meanwhile are indexed once each, or the whole
    index is rebuilt with `rebuild=True` (for loads that bypass signals, as bulk_create
    does). Nested pauses catch up with the outermost. Nothing is indexed when the block
    raises: its transaction is rolled back anyway.
    """
    if _pending.get() is not None:
        yield
        return
    pending: set[tuple[str, int]] = set()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    if rebuild:
        index_rebuild()
    else:
        index_refresh(pending)


def index_touch(label: str, pk: int, record: Model | None = None) -> None:
    """A record changed: index it now (`record` saves a query), or later when paused."""
    pending = _pending.get()
    if pending is not None:
        pending.add((label, pk))
    elif record is not None:
        index_update(record)
    else:
        index_refresh([(label, pk)])


def index_refresh(changed: Iterable[tuple[str, int]]) -> None:
    """Bring the entries of these (model label, pk) records up to date, removing the gone."""
    by_label: dict[str, set[int]] = defaultdict(set)
    for label, pk in changed:
        by_label[label].add(pk)
    for label, pks in by_label.items():
        spec = SPEC_BY_LABEL[label]
        records = list(spec.queryset().filter(pk__in=pks))
        _upsert([entry_for(record, spec) for record in records])
        gone = pks - {record.pk for record in records}
        SearchEntry.objects.filter(model=label, object_id__in=gone).delete()


def _index_all(spec: Spec) -> int:
    records = spec.queryset().order_by("pk").iterator(chunk_size=BATCH)
    count = 0
    while batch := list(islice(records, BATCH)):
        SearchEntry.objects.bulk_create([entry_for(record, spec) for record in batch])
        count += len(batch)
    return count


def _upsert(entries: list[SearchEntry]) -> None:
    if entries:
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["model", "object_id"],
            update_fields=_UPDATED,
        )
