"""Writes to accounts: roles, the operator account for command-line work, the demo accounts;
and the back office's checked save and delete of a record no other service covers."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth.models import User
from django.db import models, transaction

from ortak.accounts.models import Membership, Role
from ortak.accounts.permissions import Actor, require_edit, require_secretariat
from ortak.core.errors import ValidationError
from ortak.core.services import with_actor
from ortak.registry.models import State

OPERATOR = "ortak"


def operator_user() -> User:
    """The account that command-line work (`ortak ingest --publish`) is recorded under."""
    user, created = User.objects.get_or_create(
        username=OPERATOR, defaults={"first_name": "Ortak", "last_name": "operator"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, role=Role.SECRETARIAT)
    return user


@transaction.atomic
def demo_accounts_ensure(*, state_key: str = "AZ") -> dict[str, str]:
    """A demo editor (editor of one state and reviewer) and a demo secretariat account.

    Passwords are random and printed once; running it again sets new ones. The editor's
    state comes from the reference data: without it, ortak.E230 says what to run.
    """
    state = State.objects.filter(key=state_key).first()
    if state is None:
        raise ValidationError(
            f"the state {state_key} is not in the registry yet; run `ortak load-reference` first",
            code="E230",
        )
    accounts = {}
    for username, roles in (
        ("editor", [(Role.EDITOR, state), (Role.REVIEWER, None)]),
        ("secretariat", [(Role.SECRETARIAT, None)]),
    ):
        user, _ = User.objects.get_or_create(username=username)
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.save()
        for role, scope in roles:
            _role_ensure(user, role, state=scope)
        accounts[username] = password
    return accounts


@transaction.atomic
def role_grant(
    *,
    actor: Actor,
    user: User,
    role: str,
    state: State | None = None,
    organization: Any = None,
) -> Membership:
    """Give `user` a role (the secretariat's decision, E303); the secretariat gets the back
    office with it."""
    require_secretariat(actor)
    return _role_ensure(user, role, state=state, organization=organization, actor=actor)


def _role_ensure(
    user: User,
    role: str,
    *,
    state: State | None = None,
    organization: Any = None,
    actor: Actor = None,
) -> Membership:
    membership = Membership.objects.filter(
        user=user, role=role, state=state, organization=organization
    ).first() or Membership(user=user, role=role, state=state, organization=organization)
    if membership.pk is None:
        with_actor(membership, actor).save()
    if role == Role.SECRETARIAT and not user.is_staff:
        user.is_staff = True  # the back office is the secretariat's (ortak.accounts.backends)
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("_ortak_memberships", None)
    return membership


@transaction.atomic
def role_revoke(*, actor: Actor, membership: Membership) -> None:
    """Take a role away (the secretariat's decision, E303)."""
    require_secretariat(actor)
    with_actor(membership, actor).delete()


@transaction.atomic
def record_save(*, actor: Actor, record: models.Model, owner: models.Model | None = None) -> None:
    """Save a record changed in the back office, when the actor may edit it (E301).

    The right is checked on the stored record and on the changed one, so nobody moves a
    record into or out of another state's scope; `owner` is the record whose right counts
    for a part of it (an event for its outcome). The history keeps the actor.
    """
    checked = owner if owner is not None else record
    if checked.pk is not None:
        require_edit(actor, type(checked)._default_manager.get(pk=checked.pk))
    require_edit(actor, checked)
    with_actor(record, actor).save()


@transaction.atomic
def record_delete(*, actor: Actor, record: models.Model, owner: models.Model | None = None) -> None:
    """Delete a record from the back office, when the actor may edit it (E301)."""
    require_edit(actor, owner if owner is not None else record)
    with_actor(record, actor).delete()
