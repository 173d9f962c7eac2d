"""An organization's profile: coordinates from its city, and a yearly confirmation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ortak.accounts.models import Role
from ortak.accounts.tests.factories import secretariat_user, user_with_role
from ortak.registry.services import organization_confirm, organization_create, organization_update
from ortak.registry.tests.factories import StateFactory


@pytest.fixture
def organization(db):
    return organization_create(
        actor=secretariat_user(),
        name="Qazaq Uyi",
        kind="culture_center",
        host_country="DE",
        city="Berlin",
        community_state=StateFactory(key="KZ"),
    )


def test_coordinates_come_from_the_city_and_follow_a_move(organization):
    assert organization.latitude == pytest.approx(52.52, abs=0.1)
    organization_update(actor=secretariat_user(), organization=organization, city="Hamburg")
    assert organization.latitude == pytest.approx(53.55, abs=0.1)


def test_given_coordinates_are_kept(organization):
    organization_update(
        actor=secretariat_user(), organization=organization, latitude=52.0, longitude=13.0
    )
    assert (organization.latitude, organization.longitude) == (52.0, 13.0)


def test_a_profile_not_confirmed_for_a_year_is_stale(organization, client):
    now = timezone.now()
    assert not organization.is_stale(now)
    assert organization.is_stale(now + dt.timedelta(days=366))
    page = f"/organizations/{organization.pk}/"
    assert b"not been confirmed" not in client.get(page).content

    representative = user_with_role(Role.REPRESENTATIVE, organization=organization)
    type(organization).objects.filter(pk=organization.pk).update(
        profile_confirmed_at=now - dt.timedelta(days=400)
    )
    organization.refresh_from_db()
    assert organization.is_stale(now)
    organization_confirm(actor=representative, organization=organization)
    assert not organization.is_stale(timezone.now())
