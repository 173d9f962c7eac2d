import pytest
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory, sign_in_with_code
from ortak.accounts.tests.test_back_office import form_data
from ortak.portal.tests.factories import OrganizationFactory
from ortak.registry.models import Institution

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat_client(client):
    sign_in_with_code(client, UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "model",
    [
        "registry/state",
        "registry/institution",
        "registry/person",
        "events/event",
        "plans/measure",
        "ingest/review",
        "events/source",
    ],
)
def test_back_office_lists_load(secretariat_client, reference, model):
    response = secretariat_client.get(f"/admin/{model}/")
    assert response.status_code == 200


def test_back_office_search_finds_an_institution_by_a_former_name(secretariat_client, reference):
    response = secretariat_client.get("/admin/registry/institution/", {"q": "Turkic Council"})
    assert "Organization of Turkic States" in response.content.decode()


def test_back_office_shows_the_change_history(secretariat_client, reference):
    ots = Institution.objects.get(key="ots")
    url = reverse("admin:registry_institution_history", args=[ots.pk])
    assert secretariat_client.get(url).status_code == 200


@pytest.fixture
def organization_page(secretariat_client):
    organization = OrganizationFactory(city="Berlin", host_country="DE")
    url = reverse("admin:registry_diasporaorganization_change", args=[organization.pk])
    return organization, url, form_data(secretariat_client.get(url))


def test_back_office_refuses_coordinates_out_of_range_with_the_code(
    secretariat_client, organization_page
):
    organization, url, data = organization_page
    response = secretariat_client.post(url, {**data, "latitude": "95", "longitude": "13.4"})
    assert "ortak.E214" in response.content.decode()
    organization.refresh_from_db()
    assert organization.latitude == pytest.approx(52.52)


def test_back_office_gives_a_city_its_coordinates_when_left_empty(
    secretariat_client, organization_page
):
    organization, url, data = organization_page
    response = secretariat_client.post(
        url, {**data, "city": "Hamburg", "latitude": "", "longitude": ""}
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.latitude == pytest.approx(53.55, abs=0.1)
