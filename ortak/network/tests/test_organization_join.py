"""An organization registers itself; its community state's editors publish it."""

from __future__ import annotations

import pytest

from ortak.accounts.tests.factories import editor_of
from ortak.core.errors import ValidationError
from ortak.registry.models import DiasporaOrganization
from ortak.registry.services import organization_register
from ortak.registry.tests.factories import StateFactory


def test_registration_is_a_draft_until_the_community_states_editor_accepts(
    client, azerbaijan, az_editor
):
    response = client.post(
        "/experts/organizations/join/",
        {
            "name": "Birlik Derneği",
            "kind": "association",
            "host_country": "DE",
            "city": "Köln",
            "community_state": azerbaijan.pk,
            "languages": "az, de",
            "email": "info@birlik.de",
        },
    )
    assert response.status_code == 200
    organization = DiasporaOrganization.objects.get()
    assert not organization.is_published
    assert organization.latitude is not None  # placed in Köln
    assert b"Birlik" not in client.get("/organizations/").content

    client.force_login(editor_of(StateFactory(key="KZ")))
    client.post("/experts/moderation/", {"organization": organization.pk, "decision": "accept"})
    organization.refresh_from_db()
    assert not organization.is_published  # another state's editor may not

    client.force_login(az_editor)
    assert b"Birlik" in client.get("/experts/moderation/").content
    client.post("/experts/moderation/", {"organization": organization.pk, "decision": "accept"})
    organization.refresh_from_db()
    assert organization.is_published
    history = organization.history.all()
    assert history.last().history_change_reason == "self-registration"
    assert history.first().history_user == az_editor


def test_an_organization_registers_for_a_community_state(db):
    with pytest.raises(ValidationError) as refused:
        organization_register(name="Birlik Derneği", kind="association", host_country="DE")
    assert refused.value.code == "E217"
