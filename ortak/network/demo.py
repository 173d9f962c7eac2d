"""Demo diaspora organizations for `make run`, so the map and the lists show what Ortak
is for. Written for Ortak, not taken from any registry: the names say "(demo)", and each
record is marked as demo (`pipeline_version`), so `ortak demo --remove` takes them away."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_secretariat
from ortak.core.models import Publication
from ortak.registry.models import DiasporaOrganization, State
from ortak.registry.services import organization_create

DEMO = "ortak-demo"

# (name, kind, host country, city, community, languages)
ORGANIZATIONS = (
    (
        "Azerbaijani Cultural Center Berlin (demo)",
        "culture_center",
        "DE",
        "Berlin",
        "AZ",
        ["az", "de"],
    ),
    (
        "Azerbaijani Students' Union in London (demo)",
        "association",
        "GB",
        "London",
        "AZ",
        ["az", "en"],
    ),
    ("Kazakh Community of Moscow (demo)", "association", "RU", "Moscow", "KZ", ["kk", "ru"]),
    ("Qazaq Language School Istanbul (demo)", "school", "TR", "Istanbul", "KZ", ["kk", "tr"]),
    (
        "Kyrgyz Diaspora Association of Saint Petersburg (demo)",
        "association",
        "RU",
        "Saint Petersburg",
        "KG",
        ["ky", "ru"],
    ),
    (
        "Turkish Community Center Vienna (demo)",
        "culture_center",
        "AT",
        "Vienna",
        "TR",
        ["tr", "de"],
    ),
    (
        "Turkish Scientists' Network in the USA (demo)",
        "scientists",
        "US",
        "New York",
        "TR",
        ["tr", "en"],
    ),
    ("Uzbek Cultural Center Seoul (demo)", "culture_center", "KR", "Seoul", "UZ", ["uz", "ko"]),
    ("Uzbek Business Club Dubai (demo)", "business", "AE", "Dubai", "UZ", ["uz", "ar", "en"]),
)


@transaction.atomic
def demo_network_create(*, actor: Any) -> int:
    """The demo organizations, published and placed at their cities; earlier ones replaced."""
    require_secretariat(actor)
    demo_network_remove(actor=actor)
    states = {state.key: state for state in State.objects.all()}
    for name, kind, country, city, community, languages in ORGANIZATIONS:
        organization_create(
            actor=actor, name=name, kind=kind, host_country=country, city=city,
            community_state=states[community], languages=languages,
            publication=Publication.PUBLISHED, pipeline_version=DEMO,
        )  # fmt: skip
    return len(ORGANIZATIONS)


@transaction.atomic
def demo_network_remove(*, actor: Any) -> int:
    require_secretariat(actor)
    count, _ = DiasporaOrganization.objects.filter(pipeline_version=DEMO).delete()
    return count
