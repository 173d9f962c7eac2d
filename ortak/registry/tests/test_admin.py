import pytest
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory, sign_in_with_code
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
