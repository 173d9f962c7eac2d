"""The extraction pipeline: one spaCy Language of rule-based components, built once.

`extract(article)` runs it on an article and returns an `Extraction`: the record (exactly the
keys of the event-record schema), the evidence for each value (sentence and offsets) and the
pipeline version stored on every record the loader makes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language

from ortak.core.errors import InputError
from ortak.ingest.extract import components, settings
from ortak.ingest.extract.findings import findings
from ortak.ingest.extract.linking import Registry
from ortak.ingest.extract.reader import Article
from ortak.ingest.extract.schema import Record

PIPELINE_VERSION = settings.pipeline_version()
# Languages read by the regional pipeline, each with its data under patterns/<lang>/.
_REGIONAL_LANGUAGES = frozenset({"ru", "tr", "az", "kk", "ky", "uz"})
# A letter of the Cyrillic block (its signs and combining marks are no letters).
_CYRILLIC_LETTER = re.compile(r"(?=[^\W\d_])[\u0400-\u04ff]")


@dataclass(frozen=True)
class Evidence:
    """Where one value of the record was read: its sentence and character offsets."""

    path: str
    value: Any
    sentence: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form, as the loader stores it."""
        return {"path": self.path, "value": self.value, "sentence": self.sentence,
                "start": self.start, "end": self.end}  # fmt: skip


@dataclass
class Extraction:
    """The record of one article, the evidence for its values, and how it was made."""

    record: Record
    evidence: list[Evidence] = field(default_factory=list)
    pipeline_version: str = PIPELINE_VERSION
    links: dict[str, tuple[str, float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def extract(article: Article, *, registry: Registry | None = None) -> Extraction:
    """Turn one article into an event record with evidence.

    An article longer than the pipeline reads at once (spaCy's max_length, a million
    characters) is refused with ortak.E108 before any parsing.
    """
    from ortak.ingest.extract import record

    nlp = pipeline(_script(article))
    _check_length(article, nlp.max_length)
    doc = nlp.make_doc(article.text)
    # The tokenizer keeps every character, so the doc's text is the article's: no need to
    # join the tokens again.
    doc.user_data["ortak_text"] = article.text
    found = findings(doc)
    found.published, found.language, found.registry = article.published, article.language, registry
    found.published_month = article.published_month
    for _, component in nlp.pipeline:
        doc = component(doc)
    return record.build(article, doc, registry=registry)


@functools.cache
def pipeline(script: str = "latin") -> Language:
    """The pipeline for "latin" (English) or "regional", built once."""
    components.register()
    config = settings.config()
    section = config["nlp" if script == "latin" else "nlp_regional"]
    nlp = spacy.blank(section["lang"])
    for name in section["pipeline"]:
        options = dict(config["components"][name])
        factory = options.pop("factory")
        nlp.add_pipe(factory, name=name, config=options)
    return nlp


def _check_length(article: Article, limit: int) -> None:
    if len(article.text) > limit:
        raise InputError(
            f"the article has {len(article.text):,} characters, over the {limit:,} the "
            "extractor reads at once; give the articles of a long page one by one",
            code="E108",
        )


def _script(article: Article) -> str:
    """ "regional" for the region's languages, and for an unrecognised text written mostly in
    Cyrillic, which the English rules cannot read; else "latin"."""
    if article.language in _REGIONAL_LANGUAGES:
        return "regional"
    sample = article.text[:2000]
    letters = sum(map(str.isalpha, sample))
    cyrillic = len(_CYRILLIC_LETTER.findall(sample))
    return "regional" if letters and cyrillic > letters / 2 else "latin"
