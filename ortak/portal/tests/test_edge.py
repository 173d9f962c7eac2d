"""The portal's pages answer bad addresses and query strings with 200, 400 or 404, never 500."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "9" * 20
PAGES = [
    "/events/?page=9223372036854775808",
    "/events/?page=-1",
    f"/events/?year={HUGE}",
    "/events/?year=-5",
    f"/events/?institution={HUGE}",
    f"/events/?series={HUGE}",
    "/events/?type=%00&state=%00",
    "/events/export.csv?year=-5&state=%00",
    f"/people/?institution={HUGE}",
    "/people/?state=%00",
    "/institutions/?type=%00",
    "/organizations/?country=%00",
    f"/plans/?year={HUGE}",
    "/calendar/?month=%00",
    f"/calendar/?month={HUGE}",
    "/calendar/ortak.ics?type=%00",
    "/search/?q=%00",
    "/search/?q=a%00b&kind=%00&year=-5&state=%00",
    "/search/?q=" + "x" * 5000,
    "/statistics/?state=%00",
    f"/events/{HUGE}/",
    f"/series/{HUGE}/",
    f"/people/{HUGE}/",
    f"/institutions/{HUGE}/",
    f"/organizations/{HUGE}/",
    f"/plans/{HUGE}/",
    f"/measures/{HUGE}/",
    "/states/%00/",
    "/states/" + "A" * 5000 + "/",
]


@pytest.mark.parametrize("path", PAGES)
def test_bad_addresses_never_fail_the_server(client, reference, path):
    assert client.get(path).status_code in {200, 400, 404}


@pytest.mark.parametrize("path", [f"/events/{HUGE}/", "/states/ZZZ/", f"/measures/{HUGE}/"])
def test_a_record_that_cannot_exist_is_not_found(client, reference, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/states/%00/", "/events/?type=%00", "/search/?q=a%00"])
def test_a_nul_byte_in_the_address_is_a_bad_request_with_a_message(client, reference, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "NUL byte" in response.content.decode()
