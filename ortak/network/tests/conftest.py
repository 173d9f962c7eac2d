"""Experts in a few words: listed with a consent, or registered and waiting."""

from __future__ import annotations

import pytest

from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.network.services import ExpertProfile, expert_add
from ortak.registry.tests.factories import StateFactory


@pytest.fixture
def azerbaijan(db):
    return StateFactory(key="AZ")


@pytest.fixture
def az_editor(azerbaijan):
    return editor_of(azerbaijan)


@pytest.fixture
def secretariat(db):
    return secretariat_user()


@pytest.fixture
def make_expert(az_editor, azerbaijan):
    """make_expert("Leyla Aliyeva", scopes=["public"], public_fields=[...], **profile)."""

    def make(name: str, *, scopes=("public", "institutions"), **fields):
        fields.setdefault("community_state", azerbaijan)
        fields.setdefault("fields_of_science", ["1.2"])
        fields.setdefault("public_fields", ["fields_of_science", "keywords", "languages"])
        profile = ExpertProfile(name=name, **fields)
        return expert_add(
            actor=az_editor, profile=profile, scopes=list(scopes), consent_version="2026-1"
        )

    return make
