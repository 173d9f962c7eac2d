"""Writes to accounts: the operator account for command-line work, the demo accounts."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import User
from django.db import transaction

from ortak.accounts.models import Membership, Role
from ortak.core.errors import ValidationError
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
        user.is_staff = username == "secretariat"
        user.save()
        for role, scope in roles:
            Membership.objects.get_or_create(user=user, role=role, state=scope)
        accounts[username] = password
    return accounts
