"""Merging two records of one person or one organization into one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from ortak.accounts.models import Membership
from ortak.accounts.permissions import editor_state_ids, is_secretariat, record_state_ids
from ortak.core.actors import Actor
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.models import Publication
from ortak.core.services import with_actor
from ortak.registry.models import DiasporaOrganization, Person
from ortak.registry.services.people import person_add_alias
from ortak.search.services import index_paused

# Merging -----------------------------------------------------------------------------------

# Profile fields an organization kept takes from the one merged into it when it has none.
ORGANIZATION_PROFILE = (
    "city", "latitude", "longitude", "community_state_id", "activities", "email", "phone",
    "website",
)  # fmt: skip


@transaction.atomic
def person_merge(*, actor: Actor, keep: Person, remove: Person) -> Person:
    """Make two records of one person one: `remove`'s participations, positions and
    spellings move to `keep`, and `remove` is deleted.

    Where both were at one event, `keep`'s participation stays, its blanks filled from the
    other. `remove`'s names become aliases of `keep`. Both histories stay: every move is
    recorded with the actor, and each record's history says what it was merged with. Needs
    the OTS secretariat or an editor of both records' states (ortak.E306); a record is
    not merged into itself (ortak.E208).
    """
    _require_merge(actor, keep, remove)
    with index_paused():
        _participations_move(actor, keep, remove)
        for position in remove.positions.all():
            position.person = keep
            with_actor(position, actor).save()
        _aliases_move(actor, keep, remove)
        keep.names = {**remove.names, **keep.names}
        keep.state = keep.state or remove.state
        _merge_save(actor, keep, remove, "person")
    return keep


@transaction.atomic
def organization_merge(
    *, actor: Actor, keep: DiasporaOrganization, remove: DiasporaOrganization
) -> DiasporaOrganization:
    """Make two records of one diaspora organization one, deleting `remove`.

    `keep` takes `remove`'s translations and the profile fields it lacks (city, contacts,
    founding date, languages); `remove`'s representatives now represent `keep`. Histories
    and permissions as for `person_merge`.
    """
    _require_merge(actor, keep, remove)
    with index_paused():
        _fill_blanks(keep, remove, ORGANIZATION_PROFILE)
        if keep.founded is None and remove.founded:
            keep.founded, keep.founded_precision = remove.founded, remove.founded_precision
        keep.languages = list(dict.fromkeys([*keep.languages, *remove.languages]))
        keep.names = {**remove.names, **keep.names}
        _representatives_move(actor, keep, remove)
        _merge_save(actor, keep, remove, "organization")
    return keep


def _require_merge(actor: Actor, keep: Any, remove: Any) -> None:
    if keep.pk == remove.pk:
        raise ValidationError(
            f"“{keep}” cannot be merged into itself; choose the record to keep and another",
            code="E208",
        )
    kept, removed = record_state_ids(keep), record_state_ids(remove)
    if is_secretariat(actor) or (kept and removed and kept | removed <= editor_state_ids(actor)):
        return
    raise PermissionDenied(
        f"merging “{remove}” into “{keep}” needs the OTS secretariat or an editor of both "
        "records' states; ask the secretariat",
        code="E306",
    )


def _participations_move(actor: Actor, keep: Person, remove: Person) -> None:
    """Each participation moves to `keep`, but one person is at one event once."""
    kept = {p.event_id: p for p in keep.participations.all()}
    for participation in remove.participations.all():
        same = kept.get(participation.event_id)
        if same is None:
            participation.person = keep
            with_actor(participation, actor).save()
            continue
        if _fill_blanks(same, participation, ("role", "state_id", "institution_id")):
            with_actor(same, actor).save()
        participation._change_reason = f"merged into participation #{same.pk}"
        with_actor(participation, actor).delete()


def _aliases_move(actor: Actor, keep: Person, remove: Person) -> None:
    """`remove`'s aliases and names become `keep`'s; a spelling both have is kept once."""
    kept = set(keep.aliases.values_list("text", flat=True))
    for alias in remove.aliases.all():
        if alias.text not in kept:  # a spelling both had goes with `remove`, in its history
            alias.person = keep
            with_actor(alias, actor).save()
            kept.add(alias.text)
    for text in (remove.name, *remove.names.values()):
        person_add_alias(person=keep, text=text)


def _representatives_move(
    actor: Actor, keep: DiasporaOrganization, remove: DiasporaOrganization
) -> None:
    kept = set(Membership.objects.filter(organization=keep).values_list("user_id", "role"))
    for membership in Membership.objects.filter(organization=remove):
        if (membership.user_id, membership.role) not in kept:
            membership.organization = keep
            with_actor(membership, actor).save()


def _fill_blanks(target: Any, source: Any, fields: Iterable[str]) -> bool:
    """Copy into `target` the `fields` it has empty and `source` has; True if any was."""
    changed = False
    for field in fields:
        if getattr(target, field) in (None, "") and getattr(source, field) not in (None, ""):
            setattr(target, field, getattr(source, field))
            changed = True
    return changed


def _merge_save(actor: Actor, keep: Any, remove: Any, what: str) -> None:
    """Save `keep` and delete `remove`, each history saying what the record was merged with."""
    if remove.is_published:  # what the public saw stays visible
        keep.publication = Publication.PUBLISHED
    keep._change_reason = f"merged with {what} #{remove.pk} “{remove}”"
    with_actor(keep, actor).save()
    remove._change_reason = f"merged into {what} #{keep.pk} “{keep}”"
    with_actor(remove, actor).delete()
