import pytest
from django.core.exceptions import ValidationError as DjangoValidationError

from ortak.accounts.models import Role
from ortak.accounts.permissions import can_edit, can_review
from ortak.accounts.tests.factories import UserFactory, editor_of, secretariat_user, user_with_role
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.registry.models import DiasporaOrganization
from ortak.registry.services import organization_update
from ortak.registry.tests.factories import InstitutionFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization():
    return DiasporaOrganization.objects.create(
        name="Azerbaijan Culture and Education Center in Bishkek",
        kind="culture_center",
        host_country="KG",
        city="Bishkek",
        community_state=StateFactory(key="AZ"),
    )


def test_representative_edits_own_organization_only(organization):
    other = DiasporaOrganization.objects.create(
        name="Other center", kind="school", host_country="DE"
    )
    representative = user_with_role(Role.REPRESENTATIVE, organization=organization)
    organization_update(actor=representative, organization=organization, phone="+996 312 000000")
    organization.refresh_from_db()
    assert organization.phone == "+996 312 000000"
    assert organization.history.first().history_user == representative
    with pytest.raises(PermissionDenied):
        organization_update(actor=representative, organization=other, phone="1")


def test_organization_update_refuses_unknown_and_invalid_fields(organization):
    with pytest.raises(ValidationError):
        organization_update(actor=secretariat_user(), organization=organization, owner="me")
    with pytest.raises(DjangoValidationError):
        organization_update(actor=secretariat_user(), organization=organization, email="not-mail")


@pytest.mark.parametrize(
    ("who", "edits_own_state", "edits_international", "reviews"),
    [
        ("secretariat", True, True, True),
        ("editor", True, False, False),
        ("reviewer", False, False, True),
        ("public", False, False, False),
    ],
)
def test_roles(who, edits_own_state, edits_international, reviews):
    azerbaijan = StateFactory(key="AZ")
    user = {
        "secretariat": secretariat_user,
        "editor": lambda: editor_of(azerbaijan),
        "reviewer": lambda: user_with_role(Role.REVIEWER),
        "public": lambda: None,
    }[who]()
    assert can_edit(user, InstitutionFactory(state=azerbaijan)) is edits_own_state
    assert can_edit(user, InstitutionFactory(state=None)) is edits_international
    assert can_review(user) is reviews


def test_superuser_counts_as_secretariat():
    user = UserFactory(is_superuser=True)
    assert can_edit(user, InstitutionFactory(state=None))
