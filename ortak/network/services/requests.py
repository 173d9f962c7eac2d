"""Requests for expertise, posted by a member state's institution."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.db import transaction

from ortak.accounts.permissions import require_edit
from ortak.core.actors import Actor, acting_user
from ortak.core.services import with_actor
from ortak.network.models import ExpertiseRequest
from ortak.registry.models import State

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def expertise_request_create(
    *,
    actor: Actor,
    state: State,
    title: str,
    description: str = "",
    fields_of_science: list[str] | None = None,
    keywords: list[str] | None = None,
    languages: list[str] | None = None,
) -> ExpertiseRequest:
    """A state's institution (its editors) or the OTS asks for expertise."""
    request = ExpertiseRequest(
        state=state,
        title=title,
        description=description,
        fields_of_science=fields_of_science or [],
        keywords=keywords or [],
        languages=languages or [],
        created_by=cast("User | None", acting_user(actor)),
    )
    require_edit(actor, request)
    request.full_clean(exclude=["created_by"])
    with_actor(request, actor).save()
    return request
