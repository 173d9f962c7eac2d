"""The workspace's own actions; every domain write is a service of its app.

Records change through `ortak.registry.services`, `ortak.events.services` and
`ortak.plans.services`; what stays here is what only the workspace does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction

from ortak.accounts.permissions import (
    can_review,
    editor_state_ids,
    is_secretariat,
    require_secretariat,
)
from ortak.core.actors import Actor
from ortak.core.dates import PartialDate
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.services import as_partial_date, date_fields, with_actor
from ortak.plans.models import Measure
from ortak.registry.models import Institution

if TYPE_CHECKING:
    from ortak.ingest.extract.reader import Article
    from ortak.ingest.load import LoadResult


def require_contributor(actor: Actor) -> None:
    """Adding articles makes draft records: editors, reviewers and the secretariat (E305)."""
    if not (is_secretariat(actor) or can_review(actor) or editor_state_ids(actor)):
        raise PermissionDenied(
            "adding articles needs the editor or reviewer role, or the OTS secretariat",
            code="E305",
        )


def article_submit(*, actor: Actor, article: Article) -> LoadResult:
    """Ingest an article as drafts for review, for a user allowed to add articles."""
    require_contributor(actor)
    # Imported here: the extraction pipeline is heavy and only this page needs it.
    from ortak.ingest.services import article_ingest

    return article_ingest(actor=actor, article=article, publish=False)


@transaction.atomic
def measure_update(
    *,
    actor: Any,
    measure: Measure,
    responsible: Iterable[Institution],
    partners: Iterable[Institution] = (),
    due: PartialDate | str | None = None,
    **fields: Any,
) -> Measure:
    """Change a measure of a plan: the secretariat's (E303); a responsible body is needed."""
    require_secretariat(actor)
    responsible = list(responsible)
    if not responsible:
        raise ValidationError("a measure needs a responsible institution", code="E203")
    for name, value in {**fields, **date_fields("due", as_partial_date(due))}.items():
        setattr(measure, name, value)
    with_actor(measure, actor).save()
    measure.responsible.set(responsible)
    measure.partners.set(partners)
    return measure
