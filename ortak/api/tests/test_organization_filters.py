"""The API filters organizations as the portal's list and map do, language included."""

import pytest

from ortak.portal.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_organizations_filtered_by_language_with_their_profile(client):
    OrganizationFactory(name="Qazaq Uyi", languages=["kk", "de"], members_count=80,
                        links=["https://qazaq-uyi.example.org"])  # fmt: skip
    OrganizationFactory(name="Azeri House", languages=["az"])
    found = client.get("/api/organizations", {"language": "KK"}).json()
    assert [o["name"] for o in found["items"]] == ["Qazaq Uyi"]
    detail = client.get(f"/api/organizations/{found['items'][0]['id']}").json()
    assert detail["members_count"] == 80 and detail["links"] == ["https://qazaq-uyi.example.org"]


@pytest.mark.parametrize("language", ['"', "%", "kaz1", "x" * 4])
def test_a_language_that_is_no_code_is_refused(client, language):
    assert client.get("/api/organizations", {"language": language}).status_code == 422
