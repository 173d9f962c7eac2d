import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ortak.registry.models import DiasporaOrganization, Institution

pytestmark = pytest.mark.django_db


def _organization(state, **fields):
    return DiasporaOrganization.objects.create(
        name=fields.pop("name", "Azerbaijani Cultural Centre Berlin"),
        kind="culture_center",
        host_country="DE",
        community_state=state,
        **fields,
    )


def _profile(state=None, **overrides):
    data = {
        "name": "Azerbaijani Cultural Centre Berlin",
        "kind": "culture_center",
        "host_country": "DE",
        "city": "Berlin",
        "activities": "Language classes",
        "email": "info@example.org",
        "phone": "",
        "website": "",
        "founded": "2009",
    }
    if state is not None:
        data["community_state"] = state.pk
    return {**data, **overrides}


def test_representative_edits_their_organizations_profile(azerbaijan, representative_of, signed_in):
    organization = _organization(azerbaijan)
    user = representative_of(organization)
    response = signed_in(user).post(
        reverse("workspace:organization", args=[organization.pk]),
        _profile(activities="Language classes and a choir"),
    )
    organization.refresh_from_db()
    assert response.status_code == 302
    assert organization.activities == "Language classes and a choir"
    assert (organization.founded.year, organization.founded_precision) == (2009, "year")
    assert organization.community_state == azerbaijan


def test_representative_cannot_change_whose_community_it_is(
    azerbaijan, kazakhstan, representative_of, signed_in
):
    organization = _organization(azerbaijan)
    user = representative_of(organization)
    signed_in(user).post(
        reverse("workspace:organization", args=[organization.pk]), _profile(kazakhstan)
    )
    organization.refresh_from_db()
    assert organization.community_state == azerbaijan


def test_representative_cannot_edit_another_organization(azerbaijan, representative_of, signed_in):
    mine, other = _organization(azerbaijan), _organization(azerbaijan, name="Another centre")
    user = representative_of(mine)
    response = signed_in(user).get(reverse("workspace:organization", args=[other.pk]))
    assert response.status_code == 403


def test_representative_home_links_to_their_profile(azerbaijan, representative_of, signed_in):
    organization = _organization(azerbaijan)
    page = signed_in(representative_of(organization)).get(reverse("workspace:dashboard"))
    assert reverse("workspace:organization", args=[organization.pk]) in page.content.decode()


def test_editor_adds_an_organization_of_their_states_community(azerbaijan, editor, signed_in):
    signed_in(editor).post(reverse("workspace:organization_new"), _profile(azerbaijan))
    assert DiasporaOrganization.objects.get().community_state == azerbaijan


def test_a_wrong_email_is_refused_with_a_message(azerbaijan, editor, signed_in):
    response = signed_in(editor).post(
        reverse("workspace:organization_new"), _profile(azerbaijan, email="not an address")
    )
    assert (
        '<a href="#id_email">Enter an e-mail address like name@example.org.</a>'
        in response.content.decode()
    )


def test_editor_adds_an_institution_of_their_state(azerbaijan, editor, signed_in):
    signed_in(editor).post(
        reverse("workspace:institution_new"),
        {
            "name": "Diaspora Support Foundation",
            "kind": "foundation",
            "state": azerbaijan.pk,
            "website": "diaspora.example.org",
            "name_az": "Diasporaya Dəstək Fondu",
        },
    )
    institution = Institution.objects.get(name="Diaspora Support Foundation")
    assert institution.website == "https://diaspora.example.org"
    assert institution.name_history.filter(text="Diasporaya Dəstək Fondu", language="az").exists()


def test_only_the_secretariat_adds_an_international_institution(editor, secretariat, signed_in):
    data = {"name": "Turkic Academy", "kind": "organ"}
    refused = signed_in(editor).post(reverse("workspace:institution_new"), data)
    assert "Choose the institution&#x27;s state" in refused.content.decode()
    signed_in(secretariat).post(reverse("workspace:institution_new"), data)
    assert Institution.objects.get(name="Turkic Academy").state is None


def test_representative_keeps_languages_members_links_and_coordinates(
    azerbaijan, representative_of, signed_in
):
    organization = _organization(azerbaijan, city="Berlin")
    user = representative_of(organization)
    response = signed_in(user).post(
        reverse("workspace:organization", args=[organization.pk]),
        _profile(
            languages="az, Russian, de",
            members_count="120",
            links="https://www.facebook.com/azberlin\n\nhttps://azberlin.example.org/news",
            latitude="52.5",
            longitude="13.3",
        ),
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.languages == ["az", "ru", "de"]
    assert organization.members_count == 120
    assert organization.links == [
        "https://www.facebook.com/azberlin",
        "https://azberlin.example.org/news",
    ]
    assert (organization.latitude, organization.longitude) == (52.5, 13.3)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("latitude", "95", "the latitude from -90 to 90"),
        ("links", "javascript:alert(1)", "A link is not a web address"),
        ("languages", "Klingonese", "is no language Ortak knows"),
    ],
)
def test_a_wrong_profile_value_is_shown_on_its_field_and_nothing_saved(
    azerbaijan, representative_of, signed_in, field, value, message
):
    organization = _organization(azerbaijan, city="Berlin", latitude=52.52, longitude=13.4)
    data = _profile(**{field: value})
    if field == "latitude":
        data["longitude"] = "13.4"
    response = signed_in(representative_of(organization)).post(
        reverse("workspace:organization", args=[organization.pk]), data
    )
    assert response.status_code == 200
    assert message in response.content.decode().replace("&quot;", '"')
    organization.refresh_from_db()
    assert organization.latitude == 52.52 and organization.activities == ""


def test_representative_confirms_a_stale_profile(azerbaijan, representative_of, signed_in):
    organization = _organization(azerbaijan)
    stale = timezone.now() - dt.timedelta(days=400)
    DiasporaOrganization.objects.filter(pk=organization.pk).update(profile_confirmed_at=stale)
    client = signed_in(representative_of(organization))
    page = client.get(reverse("workspace:organization", args=[organization.pk])).content.decode()
    assert "Over a year ago" in page
    response = client.post(reverse("workspace:organization_confirm", args=[organization.pk]))
    assert response.status_code == 302
    organization.refresh_from_db()
    assert not organization.is_stale(timezone.now())
    page = client.get(reverse("workspace:organization", args=[organization.pk])).content.decode()
    assert "Confirmed on" in page and "Over a year ago" not in page


def test_nobody_else_confirms_an_organizations_profile(azerbaijan, nobody, signed_in):
    organization = _organization(azerbaijan)
    response = signed_in(nobody).post(
        reverse("workspace:organization_confirm", args=[organization.pk])
    )
    assert response.status_code == 403
    organization.refresh_from_db()
    assert organization.profile_confirmed_at is None
