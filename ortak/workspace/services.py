"""The workspace's own actions; every domain write is a service of its app.

Records change through `ortak.registry.services`, `ortak.events.services` and
`ortak.plans.services`; what stays here is what only the workspace does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ortak.accounts.permissions import (
    can_review,
    editor_state_ids,
    is_secretariat,
)
from ortak.core.actors import Actor
from ortak.core.errors import InputError, PermissionDenied
from ortak.events.services.sources import INGESTED_BEFORE

if TYPE_CHECKING:
    from ortak.ingest.extract.reader import Article
    from ortak.ingest.inputs import ArticleInput
    from ortak.ingest.load import LoadResult
    from ortak.ingest.models import IngestJob


def require_contributor(actor: Actor) -> None:
    """Adding articles makes draft records: editors, reviewers and the secretariat (E305)."""
    if not (is_secretariat(actor) or can_review(actor) or editor_state_ids(actor)):
        raise PermissionDenied(
            "adding articles needs the editor or reviewer role, or the OTS secretariat",
            code="E305",
        )


def article_submit(*, actor: Actor, article: Article) -> LoadResult:
    """Ingest an article as drafts for review at once, for a user allowed to add articles
    (the institution API answers with the draft it made)."""
    require_contributor(actor)
    # Imported here: the extraction pipeline is heavy and only these pages need it.
    from ortak.ingest.services import article_ingest

    return article_ingest(actor=actor, article=article, publish=False)


def article_enqueue(*, actor: Actor, given: ArticleInput, article: Article | None) -> IngestJob:
    """Hand an article to the task queue to be read into drafts, for a user allowed to add
    articles; an article read already (`article`) that was added before is refused (E107)."""
    require_contributor(actor)
    from ortak.ingest.load import source_find
    from ortak.ingest.services import ingest_job_create

    if article is not None and source_find(article.text) is not None:
        raise InputError(INGESTED_BEFORE, code="E107")
    return ingest_job_create(actor=actor, given=given)
