import pytest
from django.urls import reverse

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
