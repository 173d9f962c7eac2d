"""The rules of who may change what; services call these before every write.

- the OTS secretariat (and superusers): everything;
- a state's editors: the records of their own state;
- reviewers: approve or reject ingested drafts;
- an organization's representatives: their own organization's profile;
- the public: reads published records only (see each app's selectors).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User

from ortak.accounts.models import Membership, Role
from ortak.core.errors import PermissionDenied

Actor = User | AnonymousUser | None


def _memberships(user: Actor) -> list[Membership]:
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_ortak_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user))
        user._ortak_memberships = cached  # type: ignore[union-attr,attr-defined]  # a per-request cache
    return cached


def is_secretariat(user: Actor) -> bool:
    if user is not None and user.is_authenticated and user.is_superuser:
        return True
    return any(m.role == Role.SECRETARIAT for m in _memberships(user))


def can_review(user: Actor) -> bool:
    return is_secretariat(user) or any(m.role == Role.REVIEWER for m in _memberships(user))


def editor_state_ids(user: Actor) -> set[int]:
    return {
        m.state_id for m in _memberships(user) if m.role == Role.EDITOR and m.state_id is not None
    }


def record_state_ids(record: Any) -> set[int]:
    """The states a record belongs to, for the editors' scope; empty for international ones."""
    from ortak.events.models import Event, Participation
    from ortak.registry.models import (
        DiasporaOrganization,
        Institution,
        Person,
        Position,
        State,
    )

    if isinstance(record, State):
        return {record.pk}
    if isinstance(record, Institution | Person | Event):
        return {record.state_id} if record.state_id else set()
    if isinstance(record, DiasporaOrganization):
        return {record.community_state_id} if record.community_state_id else set()
    if isinstance(record, Position):
        return record_state_ids(record.person) | record_state_ids(record.institution)
    if isinstance(record, Participation):
        return record_state_ids(record.event)
    return set()


def can_edit(user: Actor, record: Any) -> bool:
    """May `user` change `record`? A new record is judged by the state it is given."""
    if is_secretariat(user):
        return True
    from ortak.registry.models import DiasporaOrganization

    if (
        isinstance(record, DiasporaOrganization)
        and record.pk
        and any(
            m.role == Role.REPRESENTATIVE and m.organization_id == record.pk
            for m in _memberships(user)
        )
    ):
        return True
    states = record_state_ids(record)
    return bool(states) and states <= editor_state_ids(user)


def require_edit(user: Actor, record: Any) -> None:
    """Raise PermissionDenied (ortak.E301) unless `user` may change `record`."""
    if not can_edit(user, record):
        raise PermissionDenied(
            f"you may not change {record._meta.verbose_name} “{record}”: "
            "it belongs to another state or needs the OTS secretariat",
            code="E301",
        )


def require_review(user: Actor) -> None:
    if not can_review(user):
        raise PermissionDenied("publishing ingested drafts needs the reviewer role", code="E302")


def require_secretariat(user: Actor) -> None:
    if not is_secretariat(user):
        raise PermissionDenied("this change needs the OTS secretariat", code="E303")
