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


@pytest.fixture
def kazakh_records():
    """One record of each kind that belongs to Kazakhstan."""
    from ortak.events.models import Outcome, Participation, SiteVisit
    from ortak.events.tests.factories import EventFactory
    from ortak.registry.models import PersonAlias, Position
    from ortak.registry.tests.factories import PersonFactory

    kz = StateFactory(key="KZ")
    person = PersonFactory(state=kz)
    institution = InstitutionFactory(state=kz)
    event = EventFactory(state=kz)
    return {
        "state": kz,
        "person": person,
        "alias": PersonAlias.objects.create(person=person, text="Alias", folded="alias"),
        "institution": institution,
        "name": institution.name_history.create(text="KDC", language="en", kind="short"),
        "position": Position.objects.create(person=person, institution=institution, title="Head"),
        "organization": DiasporaOrganization.objects.create(
            name="Kazakh House", kind="association", host_country="DE", community_state=kz
        ),
        "event": event,
        "participation": Participation.objects.create(event=event, person=person),
        "outcome": Outcome.objects.create(event=event, kind="decision", text="Decided"),
        "site_visit": SiteVisit.objects.create(event=event, name="Museum"),
    }


KINDS = ["state", "person", "alias", "institution", "name", "position", "organization", "event",
         "participation", "outcome", "site_visit"]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_each_record_says_which_state_it_belongs_to(kazakh_records, kind):
    from ortak.accounts.permissions import record_state_ids

    record = kazakh_records[kind]
    assert record_state_ids(record) == {kazakh_records["state"].pk}
    assert can_edit(editor_of(kazakh_records["state"]), record)
    assert not can_edit(editor_of(StateFactory(key="AZ")), record)
