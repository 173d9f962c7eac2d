"""Writes to accounts: the operator account, the demo accounts, two-factor devices."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import models, transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from ortak.accounts.models import Membership, Role
from ortak.accounts.permissions import require_edit, require_secretariat
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.services import with_actor
from ortak.registry.models import State

OPERATOR = "ortak"
# The name of the demo accounts' devices; `ortak demo-accounts --codes` reads only these.
DEMO_DEVICE = "demo"
DEMO_USERNAMES = ("editor", "secretariat")


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


def command_user(username: str | None) -> User:
    """Whose rights a command acts with: the named user (`--as USER`), else the operator.

    The services check that user's right on every record the command writes, as they do
    for the same person in the workspace (E310 for an unknown name).
    """
    if not username:
        return operator_user()
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise ValidationError(f"no active user {username!r}; check the name", code="E310")
    return user


@dataclass(frozen=True)
class DemoAccount:
    """What a person needs to sign in as a demo account: password and authenticator key."""

    username: str
    password: str
    totp_secret: str
    otpauth_url: str


@transaction.atomic
def demo_accounts_ensure(*, state_key: str = "AZ") -> list[DemoAccount]:
    """A demo editor (editor of one state and reviewer) and a demo secretariat account.

    Both roles must sign in with a one-time code, so each account gets a confirmed
    authenticator device. Passwords and keys are random and printed once; running it again
    sets new ones.
    """
    state = State.objects.filter(key=state_key).first()
    if state is None:
        raise ValidationError(
            f"the state {state_key} is not in the registry yet; run `ortak load-reference` first",
            code="E230",
        )
    accounts = []
    for username, roles in (
        ("editor", [(Role.EDITOR, state), (Role.REVIEWER, None)]),
        ("secretariat", [(Role.SECRETARIAT, None)]),
    ):
        user, _ = User.objects.get_or_create(username=username)
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.is_staff = username == "secretariat"
        user.save()
        for role, scope in roles:
            Membership.objects.get_or_create(user=user, role=role, state=scope)
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=DEMO_DEVICE, confirmed=True)
        accounts.append(DemoAccount(username, password, totp_secret(device), device.config_url))
    return accounts


def totp_secret(device: TOTPDevice) -> str:
    """The device's key as an authenticator app takes it when typed in (base32)."""
    return base64.b32encode(bytes.fromhex(device.key)).decode("ascii").rstrip("=")


def totp_device_pending(*, actor: User) -> TOTPDevice:
    """The actor's authenticator device waiting to be confirmed, with a new key if none.

    Refused (ortak.E313) when the actor has a confirmed device already: adding a second one
    with the password alone would defeat the first.
    """
    if TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise PermissionDenied(
            "two-factor sign-in is set up already; ask the secretariat to reset it",
            code="E313",
        )
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=actor, name="authenticator", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, actor: User, code: str) -> TOTPDevice | None:
    """Confirm the actor's pending device with a code from it; None when the code is wrong."""
    device = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=False).first()
    if device is None or not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


@transaction.atomic
def role_grant(
    *, actor: Any, user: User, role: str, state: State | None = None, organization: Any = None
) -> Membership:
    """Give `user` a role (the secretariat's decision, E303); the secretariat gets the back
    office with it."""
    require_secretariat(actor)
    membership = Membership.objects.filter(
        user=user, role=role, state=state, organization=organization
    ).first() or Membership(user=user, role=role, state=state, organization=organization)
    if membership.pk is None:
        with_actor(membership, actor).save()
    if role == Role.SECRETARIAT and not user.is_staff:
        user.is_staff = True  # the back office is the secretariat's (ortak.accounts.backends)
        user.save(update_fields=["is_staff"])
    return membership


@transaction.atomic
def role_revoke(*, actor: Any, membership: Membership) -> None:
    """Take a role away (the secretariat's decision, E303)."""
    require_secretariat(actor)
    with_actor(membership, actor).delete()


@transaction.atomic
def record_save(*, actor: Any, record: models.Model, owner: models.Model | None = None) -> None:
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
def record_delete(*, actor: Any, record: models.Model, owner: models.Model | None = None) -> None:
    """Delete a record from the back office, when the actor may edit it (E301)."""
    require_edit(actor, owner if owner is not None else record)
    with_actor(record, actor).delete()
