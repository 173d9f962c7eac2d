"""Ortak's extractor: an article's text in, a structured event record out. No Django here.

from ortak.ingest.extract import extract, read_path
extraction = extract(read_path("article.txt"))
extraction.record            # the schema's record
extraction.evidence          # where each value was read
extraction.pipeline_version  # "ortak-extract 0.3.0"
"""

from ortak.ingest.extract.pipeline import PIPELINE_VERSION, Evidence, Extraction, extract
from ortak.ingest.extract.reader import (
    Article,
    read_bytes,
    read_html,
    read_path,
    read_stdin,
    read_text,
    read_url,
)

__all__ = [
    "PIPELINE_VERSION",
    "Article",
    "Evidence",
    "Extraction",
    "extract",
    "read_bytes",
    "read_html",
    "read_path",
    "read_stdin",
    "read_text",
    "read_url",
]
