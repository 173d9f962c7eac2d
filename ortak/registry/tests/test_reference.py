import pytest
from django.core.management import call_command

from ortak.events.models import EventSeries
from ortak.registry.models import Institution, InstitutionName, OtsStatus, State
from ortak.registry.reference import reference_load

pytestmark = pytest.mark.django_db


def _snapshot() -> dict:
    return {
        "states": list(State.objects.order_by("key").values()),
        "institutions": list(Institution.objects.order_by("key").values()),
        "names": list(
            InstitutionName.objects.order_by("institution__key", "language", "text").values(
                "institution__key", "text", "language", "kind", "valid_from", "valid_to"
            )
        ),
        "series": list(EventSeries.objects.order_by("key").values()),
    }


def _without_timestamps(snapshot: dict) -> dict:
    return {
        kind: [{k: v for k, v in row.items() if k not in {"updated_at"}} for row in rows]
        for kind, rows in snapshot.items()
    }


def test_load_reference_twice_leaves_the_same_data():
    call_command("load_reference")
    first = _without_timestamps(_snapshot())
    call_command("load_reference")
    assert _without_timestamps(_snapshot()) == first
    assert State.objects.count() == len(first["states"])


def test_reference_has_the_members_and_observers():
    reference_load()
    members = set(State.objects.filter(ots_status=OtsStatus.MEMBER).values_list("key", flat=True))
    observers = set(
        State.objects.filter(ots_status=OtsStatus.OBSERVER).values_list("key", flat=True)
    )
    assert members == {"AZ", "KZ", "KG", "TR", "UZ"}
    assert observers == {"HU", "TM", "TRNC"}
    assert State.objects.get(key="TRNC").iso_code is None


@pytest.mark.parametrize(
    "name", ["Turkic Council", "Cooperation Council of Turkic Speaking States", "OTS"]
)
def test_former_names_of_the_ots_find_the_same_institution(name):
    reference_load()
    ots = Institution.objects.get(key="ots")
    assert InstitutionName.objects.filter(text=name, institution=ots).exists()


def test_every_reference_institution_keeps_its_sources():
    reference_load()
    assert not Institution.objects.filter(key__isnull=False, sources=[]).exists()
