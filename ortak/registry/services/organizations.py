"""Every write to diaspora organizations: create and change their profile."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_edit
from ortak.core.actors import Actor
from ortak.core.errors import ValidationError
from ortak.core.services import with_actor
from ortak.registry.models import DiasporaOrganization


@transaction.atomic
def organization_create(*, actor: Actor, **fields: Any) -> DiasporaOrganization:
    """A new diaspora organization, by the secretariat or an editor of its community's state."""
    organization = DiasporaOrganization(**fields)
    require_edit(actor, organization)
    organization.full_clean()
    with_actor(organization, actor).save()
    return organization


@transaction.atomic
def organization_update(
    *, actor: Actor, organization: DiasporaOrganization, **fields: Any
) -> DiasporaOrganization:
    """Change an organization's profile: its representatives, its state's editors, the OTS."""
    require_edit(actor, organization)
    allowed = {f.name for f in DiasporaOrganization._meta.get_fields() if f.concrete}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(f"unknown fields: {', '.join(sorted(unknown))}", code="E206")
    for field, value in fields.items():
        setattr(organization, field, value)
    require_edit(actor, organization)  # not moved out of the actor's reach
    organization.full_clean()
    with_actor(organization, actor).save()
    return organization
