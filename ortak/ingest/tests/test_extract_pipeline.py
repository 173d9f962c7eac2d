"""The pipeline as a whole: one Language built once, the record's keys, evidence, linking."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from ortak.ingest.extract import PIPELINE_VERSION, extract, pipeline, read_text

EVENT_KEYS = {
    "title", "type", "start_date", "end_date", "city", "country", "organizers", "framework",
    "participants", "organizations", "countries", "outcomes", "site_visits",
}  # fmt: skip
PLANNED_KEYS = {"title", "type", "start_date", "end_date", "city", "country", "organizers"}
TEXT = (
    "The Third Diaspora Forum kicked off in the Turkish city of Bursa on Monday. "
    "It was attended by officials from Azerbaijan and Kazakhstan. Chairman of the State Committee "
    "on Work with Diaspora Fuad Muradov delivered a speech. The OTS will hold a training in "
    "Vienna in May 2026."
)


@pytest.fixture(scope="module")
def extraction():
    return extract(read_text(TEXT, path="x.txt", published=dt.date(2025, 9, 1)))


def test_pipeline_is_built_once():
    assert pipeline.pipeline("latin") is pipeline.pipeline("latin")


def test_pipeline_components_are_versioned_factories():
    nlp = pipeline.pipeline("latin")
    factories = [nlp.get_pipe_meta(name).factory for name in nlp.pipe_names]
    assert all(f.startswith("ortak_") and f.endswith("_v1") for f in factories)


def test_record_has_exactly_the_schema_keys(extraction):
    record = extraction.record.to_dict()
    assert set(record) == {"source", "events", "planned"}
    assert set(record["source"]) == {"path", "url", "published", "language"}
    assert all(set(e) == EVENT_KEYS for e in record["events"])
    assert all(set(p) == PLANNED_KEYS for p in record["planned"])
    participant = record["events"][0]["participants"][0]
    assert set(participant) == {"name", "role", "organization", "country"}


def test_record_values(extraction):
    event = extraction.record.to_dict()["events"][0]
    assert (event["type"], event["start_date"], event["city"]) == ("forum", "2025-09-01", "Bursa")
    assert event["countries"] == ["AZ", "KZ", "TR"]
    assert event["participants"][0]["name"] == "Fuad Muradov"
    assert extraction.record.to_dict()["planned"][0]["start_date"] == "2026-05"


def test_evidence_points_at_the_text(extraction):
    text = read_text(TEXT).text
    assert extraction.evidence
    for evidence in extraction.evidence:
        assert evidence.sentence in text
        assert evidence.start < evidence.end
    city = next(e for e in extraction.evidence if e.path == "events[0].city")
    assert text[city.start : city.end] == "Bursa"


def test_pipeline_version_is_on_every_extraction(extraction):
    assert extraction.pipeline_version == PIPELINE_VERSION
    assert PIPELINE_VERSION.startswith("ortak-extract ")


class FakeRegistry:
    """A registry as the loader passes one: keys from its own store."""

    def match_person(self, name):
        return ("person-7", 0.95) if "Muradov" in name else None

    def match_institution(self, name):
        return ("db-committee", 0.9) if "State Committee" in name else None


def test_registry_links_people_and_institutions_outside_the_record():
    extraction = extract(read_text(TEXT), registry=FakeRegistry())
    assert extraction.links["events[0].participants[0].name"] == ("person-7", 0.95)
    assert "links" not in extraction.record.to_dict()


def test_no_django_under_the_extractor():
    root = pathlib.Path(__file__).resolve().parents[1] / "extract"
    for path in root.rglob("*.py"):
        assert "django" not in path.read_text(encoding="utf-8"), path


def test_unknown_language_still_gets_a_record():
    extraction = extract(read_text("Lorem ipsum dolor sit amet, Ministry of Culture consectetur."))
    assert extraction.notes and set(extraction.record.to_dict()) == {"source", "events", "planned"}
