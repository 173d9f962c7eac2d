"""Helpers for the extractor's tests: run the pipeline on a hand-written text up to one
component, so that each component is tested on sentences of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from ortak.ingest.extract import pipeline
from ortak.ingest.extract.findings import Findings, findings


def run_upto(text: str, last: str, *, published: dt.date | None = None, script: str = "latin"):
    """The doc and its findings after the components up to and including `last`."""
    nlp = pipeline.pipeline(script)
    doc = nlp.make_doc(text)
    found: Findings = findings(doc)
    found.published = published
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == last:
            break
    return doc, found


@pytest.fixture
def upto():
    """`upto(text, "ortak_people", published=...)` -> (doc, findings)."""
    return run_upto
