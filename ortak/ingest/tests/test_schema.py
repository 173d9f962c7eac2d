"""The typed record: the JSON form of every gold record survives a round trip unchanged, and
the record paths the review keeps decisions under are read in one place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ortak.ingest.extract.schema import (
    EventRecord,
    Participant,
    PlannedEvent,
    Record,
    RecordPath,
)
from ortak.ingest.tests.records import article_record, event_record

CORPORA = [Path("/work/shared/corpus/dev"), Path("/work/shared/corpus/dev-regional")]
GOLD = sorted(p for corpus in CORPORA if corpus.is_dir() for p in corpus.glob("*.gold.json"))


@pytest.mark.skipif(not GOLD, reason="the shared gold corpus is not on this machine")
@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_record_round_trips_exactly(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert Record.from_dict(gold).to_dict() == gold


def test_record_keeps_the_schema_key_order():
    record = Record.from_dict(article_record(event_record()))
    event = record.to_dict()["events"][0]
    assert list(event) == [
        "title", "type", "start_date", "end_date", "city", "country", "organizers",
        "framework", "participants", "organizations", "countries", "outcomes", "site_visits",
    ]  # fmt: skip
    assert list(event["participants"][0]) == ["name", "role", "organization", "country"]


def test_values_are_typed():
    record = Record.from_dict(article_record(event_record(), planned=({"title": "Forum"},)))
    assert isinstance(record.events[0], EventRecord)
    assert isinstance(record.events[0].participants[0], Participant)
    assert type(record.planned[0]) is PlannedEvent
    assert record.planned[0].organizers == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("events[0].city", "Bishkek"),
        ("events[0].countries[1]", "KG"),
        ("events[0].participants[1]", Participant("Merey Mukazhan", "Deputy Secretary General",
                                                  "Organization of Turkic States", None)),
        ("events[0].outcomes[5]", None),
        ("events[3].city", None),
        ("planned[0].framework", None),
    ],
)  # fmt: skip
def test_value_at_a_record_path(text, value):
    record = Record.from_dict(article_record(event_record(), planned=({"title": "Forum"},)))
    assert record.value_at(RecordPath.parse(text)) == value


@pytest.mark.parametrize(
    ("text", "has"),
    [("events[0].city", True), ("events[0].nonsense", False), ("events[0].countries[9]", False),
     ("planned[0].participants[0]", False), ("events[1].title", False)],
)  # fmt: skip
def test_record_knows_which_paths_it_has(text, has):
    record = Record.from_dict(article_record(event_record(), planned=({"title": "Forum"},)))
    assert record.has(RecordPath.parse(text)) is has


@pytest.mark.parametrize("text", ["somewhere", "events.city", "events[x].city", "other[0].city"])
def test_wrong_paths_are_not_paths(text):
    assert RecordPath.parse(text) is None


def test_extractor_hands_over_the_typed_record():
    from ortak.ingest.extract import extract
    from ortak.ingest.extract.reader import read_text

    extraction = extract(read_text("Fuad Muradov met the ministers in Baku on 5 May 2024."))
    assert isinstance(extraction.record, Record)
    assert Record.from_dict(extraction.record.to_dict()) == extraction.record
