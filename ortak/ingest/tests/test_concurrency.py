"""One article ingested twice at the same moment: one load wins, the other gets E107."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from ortak.accounts.services import operator_user
from ortak.core.errors import InputError
from ortak.events.models import Event, Source
from ortak.events.services import sources
from ortak.ingest.load import ArticleData, record_load
from ortak.ingest.tests.records import article_record, event_record

TEXT = "The 5th meeting of the Ministers was held in Bishkek on 5 October 2023."


def _load(actor):
    return record_load(
        article=ArticleData(text=TEXT),
        record=article_record(event_record()),
        evidence=[],
        pipeline_version="ortak-extract test",
        actor=actor,
    )


@pytest.mark.django_db
def test_a_load_that_loses_the_race_gets_e107_and_its_transaction_stays_usable(monkeypatch):
    """The other ingest inserted the article between this one's check and its insert."""
    actor = operator_user()
    _load(actor)
    monkeypatch.setattr(sources, "source_known", lambda content_hash: False)
    with transaction.atomic():
        with pytest.raises(InputError) as error:
            _load(actor)
        assert Source.objects.count() == 1  # the surrounding transaction still answers
    assert error.value.code == "E107"
    assert Event.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_ingests_of_one_new_article_at_once(monkeypatch):
    """Both loads pass the quick check together; the database's unique key decides."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database has one writer: run on PostgreSQL")
    actor = operator_user()
    both_checked = threading.Barrier(2, timeout=30)
    known = sources.source_known

    def checked_together(content_hash: str) -> bool:
        answer = known(content_hash)
        both_checked.wait()
        return answer

    monkeypatch.setattr(sources, "source_known", checked_together)
    outcomes: list[object] = []

    def ingest() -> None:
        try:
            outcomes.append(_load(actor))
        except Exception as error:  # the test reports whatever the loser got
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ingest) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(outcomes) == 2 and len(errors) == 1, outcomes
    assert isinstance(errors[0], InputError) and errors[0].code == "E107", errors[0]
    assert Source.objects.count() == 1
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_extraction_runs_before_the_transaction_opens(monkeypatch, reference):
    """The slow extraction holds no database lock; only the short load is one transaction."""
    from ortak.ingest import services
    from ortak.ingest.extract.reader import read_text

    depth_outside = len(connection.atomic_blocks)
    depths: list[int] = []
    real_extract = services.extract

    def extract(article):
        depths.append(len(connection.atomic_blocks))
        return real_extract(article)

    monkeypatch.setattr(services, "extract", extract)
    result = services.article_ingest(actor=operator_user(), article=read_text(TEXT))
    assert depths == [depth_outside]
    assert result.review.source.text == TEXT
