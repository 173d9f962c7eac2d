"""An organization's profile: coordinates from its city, and a yearly confirmation."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from ortak.accounts.models import Role
from ortak.accounts.tests.factories import secretariat_user, user_with_role
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.registry.models import DiasporaOrganization
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


# Coordinates: from the city, checked, kept when given --------------------------------------


def test_a_form_sending_the_old_coordinates_back_with_a_new_city_follows_the_city(organization):
    old = (organization.latitude, organization.longitude)
    organization_update(
        actor=secretariat_user(),
        organization=organization,
        city="Hamburg",
        latitude=old[0],
        longitude=old[1],
    )
    assert organization.latitude == pytest.approx(53.55, abs=0.1)


def test_the_same_city_sent_again_keeps_coordinates_set_by_hand(organization):
    organization_update(
        actor=secretariat_user(), organization=organization, latitude=52.0, longitude=13.0
    )
    organization_update(actor=secretariat_user(), organization=organization, city="Berlin")
    assert (organization.latitude, organization.longitude) == (52.0, 13.0)


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(91.0, 13.0), (-90.5, 13.0), (52.0, 180.5), (52.0, -181.0), (52.0, None), (None, 13.0)],
)
def test_coordinates_out_of_range_or_alone_are_refused_with_E214(organization, latitude, longitude):
    with pytest.raises(ValidationError) as refused:
        organization_update(
            actor=secretariat_user(),
            organization=organization,
            latitude=latitude,
            longitude=longitude,
        )
    assert refused.value.code == "E214"
    organization.refresh_from_db()
    assert organization.latitude == pytest.approx(52.52, abs=0.1)  # nothing written


def test_an_unknown_city_leaves_the_organization_without_coordinates(db):
    organization = organization_create(
        actor=secretariat_user(), name="Far Away Society", kind="association",
        host_country="DE", city="Nowhereburg-an-der-Nichts", community_state=StateFactory(key="KZ"),
    )  # fmt: skip
    assert organization.latitude is None and organization.longitude is None


def test_the_backfill_places_the_organizations_made_without_coordinates(organization):
    DiasporaOrganization.objects.filter(pk=organization.pk).update(latitude=None, longitude=None)
    unknown = organization_create(
        actor=secretariat_user(), name="Lost", kind="other", host_country="DE",
        city="Nowhereburg-an-der-Nichts", community_state=StateFactory(key="KZ"),
    )  # fmt: skip
    out = io.StringIO()
    call_command("place_organizations", stdout=out)
    assert "1 organizations placed in their cities; 1 cities not found" in out.getvalue()
    organization.refresh_from_db()
    assert organization.latitude == pytest.approx(52.52, abs=0.1)
    assert DiasporaOrganization.objects.get(pk=unknown.pk).latitude is None
    change = organization.history.first()
    assert change.history_change_reason.startswith("placing organizations in their cities")


# The profile its representatives keep ----------------------------------------------------


def test_a_representative_keeps_the_profile_current(organization):
    representative = user_with_role(Role.REPRESENTATIVE, organization=organization)
    organization_update(
        actor=representative,
        organization=organization,
        activities="Kazakh classes and a dombra ensemble",
        languages=["kk", "de"],
        email="info@qazaq-uyi.de",
        phone="+49 30 1234567",
        members_count=140,
        links=["https://www.facebook.com/qazaquyi", "https://qazaq-uyi.de/news"],
    )
    organization.refresh_from_db()
    assert organization.members_count == 140
    assert organization.languages == ["kk", "de"]
    assert organization.links[0] == "https://www.facebook.com/qazaquyi"
    assert not organization.is_stale(timezone.now())


def test_a_representative_may_edit_only_their_own_organization(organization):
    other = organization_create(
        actor=secretariat_user(), name="Another Centre", kind="association",
        host_country="DE", city="Köln", community_state=StateFactory(key="KZ"),
    )  # fmt: skip
    representative = user_with_role(Role.REPRESENTATIVE, organization=other)
    with pytest.raises(PermissionDenied) as refused:
        organization_update(actor=representative, organization=organization, members_count=1)
    assert refused.value.code == "E301"
    with pytest.raises(PermissionDenied):
        organization_confirm(actor=representative, organization=organization)


def test_a_representative_does_not_change_whose_community_or_publication_it_is(organization):
    representative = user_with_role(Role.REPRESENTATIVE, organization=organization)
    with pytest.raises(ValidationError) as refused:
        organization_update(
            actor=representative, organization=organization, community_state=StateFactory(key="AZ")
        )
    assert refused.value.code == "E206"
    with pytest.raises(ValidationError):
        organization_update(actor=representative, organization=organization, publication="draft")


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"links": ["javascript:alert(1)"]}, "E215"),
        ({"links": ["not a web address"]}, "E215"),
        ({"members_count": -3}, "E216"),
    ],
)
def test_bad_links_or_a_negative_count_are_refused(organization, fields, code):
    representative = user_with_role(Role.REPRESENTATIVE, organization=organization)
    with pytest.raises(ValidationError) as refused:
        organization_update(actor=representative, organization=organization, **fields)
    assert refused.value.code == code


def test_confirming_says_on_which_day(organization, client):
    type(organization).objects.filter(pk=organization.pk).update(
        profile_confirmed_at=timezone.now() - dt.timedelta(days=400)
    )
    page = f"/organizations/{organization.pk}/"
    assert b"not been confirmed" in client.get(page).content
    representative = user_with_role(Role.REPRESENTATIVE, organization=organization)
    organization.refresh_from_db()
    organization_confirm(actor=representative, organization=organization)
    html = client.get(page).content.decode()
    assert "not been confirmed" not in html
    assert f'datetime="{timezone.localdate().isoformat()}"' in html
