"""Ingest an article: extract its record (Django-free), load it as drafts, maybe publish."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from django.db import transaction

from ortak.core.actors import Actor
from ortak.ingest.extract import extract
from ortak.ingest.extract.reader import Article
from ortak.ingest.load import ArticleData, LoadResult, record_load
from ortak.ingest.review import review_publish


def _evidence_dicts(evidence: list[Any]) -> list[dict[str, Any]]:
    return [asdict(item) if is_dataclass(item) else dict(item) for item in evidence]


def article_ingest(*, actor: Actor, article: Article, publish: bool = False) -> LoadResult:
    """Keep the article and its draft records; publish them at once when `publish` is set
    (for a reviewer's own imports, such as the sample articles).

    Extraction, the slow part, runs before the transaction: the database is written to
    only for the short load, so other users are not kept waiting.
    """
    extraction = extract(article)
    with transaction.atomic():
        result = record_load(
            article=ArticleData(
                text=article.text,
                path=article.path or "",
                url=article.url or "",
                title=article.title or "",
                language=article.language or "",
                published=article.published.isoformat() if article.published else None,
            ),
            record=extraction.record,
            evidence=_evidence_dicts(extraction.evidence),
            pipeline_version=extraction.pipeline_version,
            actor=actor,
        )
        if publish:
            review_publish(actor=actor, review=result.review)
    return result
