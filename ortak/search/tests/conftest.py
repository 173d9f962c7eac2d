"""Helpers to make indexed records in a few words."""

from __future__ import annotations

import pytest

from ortak.accounts.tests.factories import secretariat_user
from ortak.core.models import Publication
from ortak.registry.models import DiasporaOrganization
from ortak.registry.services import person_create
from ortak.registry.tests.factories import StateFactory


@pytest.fixture
def secretariat(db):
    return secretariat_user()


@pytest.fixture
def make_person(secretariat):
    """make_person("Fuad Muradov", "Фуад Мурадов", state="AZ", draft=False)."""

    def make(name: str, *aliases: str, state: str | None = "AZ", draft: bool = False):
        return person_create(
            actor=secretariat,
            name=name,
            aliases=aliases,
            state=StateFactory(key=state) if state else None,
            publication=Publication.DRAFT if draft else Publication.PUBLISHED,
        )

    return make


@pytest.fixture
def make_organization(db):
    def make(name: str, *, country: str = "DE", state: str = "KZ", **fields):
        return DiasporaOrganization.objects.create(
            name=name,
            kind="culture_center",
            host_country=country,
            community_state=StateFactory(key=state),
            **fields,
        )

    return make
