"""Bad input at the API's edge is answered 400, 404 or 422 with a message, never 500."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "9" * 20
BAD_ANSWERS = [
    "/api/events?year=-5",
    f"/api/events?year={HUGE}",
    "/api/events?page=9223372036854775808",
    "/api/events?page=-1",
    f"/api/events?institution={HUGE}",
    f"/api/events?series={HUGE}",
    "/api/events?type=%00",
    "/api/events?state=a%00b",
    "/api/events?status=" + "x" * 5000,
    f"/api/people?institution={HUGE}",
    "/api/people?state=%00",
    "/api/institutions?kind=%00",
    "/api/organizations?country=%00",
    f"/api/plans?year={HUGE}",
    "/api/plans?year=-5",
    f"/api/measures?plan={HUGE}",
    "/api/measures?status=%00",
    "/api/states/%00/",
    "/api/states/%00",
    "/api/states/" + "A" * 5000,
    f"/api/events/{HUGE}",
    f"/api/people/{HUGE}",
    f"/api/institutions/{HUGE}",
    f"/api/organizations/{HUGE}",
    f"/api/series/{HUGE}",
    f"/api/plans/{HUGE}",
    f"/api/measures/{HUGE}",
    "/api/events/-1",
]


@pytest.mark.parametrize("path", BAD_ANSWERS)
def test_bad_input_is_refused_with_a_message(client, reference, path):
    response = client.get(path)
    assert response.status_code in {400, 404, 422}, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "path", ["/api/events?year=2025", "/api/events?page=1", "/api/states/AZ", "/api/people"]
)
def test_good_input_still_answers(client, reference, path):
    assert client.get(path).status_code == 200


def test_the_schema_declares_every_answer():
    from ortak.api.api import api

    paths = api.get_openapi_schema()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            codes = {str(code) for code in operation["responses"]}
            success = "201" if method == "post" else "200"  # a submission creates a record
            assert {success, "400", "422"} <= codes, path
            if "{" in path:
                assert "404" in codes, path
