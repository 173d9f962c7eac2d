"""Fixtures of the workspace's tests: users by role, signed-in clients, a draft to review."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from ortak.accounts.models import Membership, Role
from ortak.accounts.tests.factories import (
    editor_of,
    secretariat_user,
    sign_in_with_code,
    user_with_role,
)
from ortak.registry.tests.factories import StateFactory

SAMPLE = Path(__file__).resolve().parents[2] / "ingest" / "samples" / "001.txt"


@pytest.fixture
def azerbaijan(db):
    return StateFactory(key="AZ")


@pytest.fixture
def kazakhstan(db):
    return StateFactory(key="KZ")


@pytest.fixture
def editor(azerbaijan):
    """An editor of Azerbaijan who is not a reviewer."""
    return editor_of(azerbaijan)


@pytest.fixture
def reviewer(azerbaijan):
    """An editor of Azerbaijan who also reviews drafts, like the demo account."""
    user = editor_of(azerbaijan)
    Membership.objects.create(user=user, role=Role.REVIEWER)
    return user


@pytest.fixture
def secretariat(db):
    return secretariat_user()


@pytest.fixture
def nobody(db):
    """A signed-in account with no role yet."""
    from ortak.accounts.tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def signed_in():
    """A test client signed in as the given user."""

    def client_for(user) -> Client:
        client = Client()
        sign_in_with_code(client, user)
        return client

    return client_for


@pytest.fixture
def representative_of():
    def make(organization):
        return user_with_role(Role.REPRESENTATIVE, organization=organization)

    return make
