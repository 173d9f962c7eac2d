"""The roster in the JSON API: publicly listed experts, with their public fields only."""

from typing import Any

from ninja import Query, Router, Schema

from ortak.core.api import ERRORS, FilterText
from ortak.network import selectors

router = Router(tags=["network"])


class ExpertOut(Schema):
    id: int
    name: str
    fields: dict[str, Any]


class ExpertQuery(Schema):
    q: FilterText = ""
    field: FilterText = ""
    language: FilterText = ""


@router.get("/experts", response={200: list[ExpertOut], **ERRORS})
def experts(request, criteria: Query[ExpertQuery]):
    """Publicly listed experts: name, keyword, field of science (OECD code), language.
    The API shows everyone only what the person made public."""
    return selectors.expert_list(
        actor=None,
        query=criteria.q,
        field_code=criteria.field,
        language=criteria.language.lower(),
    )
