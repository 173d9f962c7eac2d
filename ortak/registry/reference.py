"""Load the reference catalog (ortak/reference/data) into the database, idempotently.

Running it twice leaves the same data: every entry is found by its key and updated in
place, names are kept once per text and language, and nothing else is touched.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import transaction

from ortak.core.dates import PartialDate
from ortak.reference import load_catalog
from ortak.reference.catalog import Catalog, InstitutionRef, Name, ProgramRef, StateRef
from ortak.registry.models import Institution, InstitutionName, State
from ortak.registry.services import institution_add_name


def _partial(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def _names_by_language(names: tuple[Name, ...]) -> dict[str, str]:
    """The current official (else first current) name in each language, for display."""
    chosen: dict[str, str] = {}
    for name in sorted(names, key=lambda n: n.kind != "official"):
        language = name.language.split("-")[0]
        if name.kind in {"official", "short", "translation"} and not name.valid_to:
            chosen.setdefault(language, name.text)
    return chosen


def _load_state(ref: StateRef) -> State:
    since = _partial(ref.ots_since)
    state, _ = State.objects.update_or_create(
        key=ref.key,
        defaults={
            "iso_code": ref.iso_code,
            "name": ref.name,
            "names": _names_by_language(ref.names),
            "aliases": sorted({n.text for n in ref.names}),
            "ots_status": ref.ots_status,
            "ots_since": since.date if since else None,
            "ots_since_precision": since.precision if since else "day",
            "sources": list(ref.sources),
        },
    )
    return state


def _load_institution(ref: InstitutionRef, states: dict[str, State]) -> Institution:
    founded = _partial(ref.founded)
    institution, _ = Institution.objects.update_or_create(
        key=ref.key,
        defaults={
            "name": ref.name,
            "kind": ref.kind,
            "state": states.get(ref.state or ""),
            "names": _names_by_language(ref.names),
            "website": ref.website or "",
            "founded": founded.date if founded else None,
            "founded_precision": founded.precision if founded else "day",
            "diaspora_body": ref.diaspora_body,
            "sources": list(ref.sources),
        },
    )
    for name in ref.names:
        institution_add_name(
            institution=institution,
            text=name.text,
            language=name.language,
            kind=name.kind,
            valid_from=_partial(name.valid_from),
            valid_to=_partial(name.valid_to),
        )
    return institution


def _link_institutions(catalog: Catalog, by_key: dict[str, Institution]) -> None:
    for ref in catalog.institutions:
        institution = by_key[ref.key]
        institution.parent = by_key.get(ref.parent or "")
        institution.succeeded_by = by_key.get(ref.succeeded_by or "")
        institution.save(update_fields=["parent", "succeeded_by"])


def _load_program(ref: ProgramRef, by_key: dict[str, Institution]) -> str:
    from ortak.events.models import EventSeries
    from ortak.plans.models import Strategy

    first = _partial(ref.first_held)
    aliases = sorted({n.text for n in ref.names})
    if ref.kind == "event_series":
        EventSeries.objects.update_or_create(
            key=ref.key,
            defaults={
                "name": ref.name,
                "names": _names_by_language(ref.names),
                "event_type": ref.event_type or "other",
                "aliases": aliases,
                "organizer": by_key.get(ref.organizer or ""),
                "first_held": first.date if first else None,
                "sources": list(ref.sources),
            },
        )
        return "event_series"
    Strategy.objects.update_or_create(
        key=ref.key,
        defaults={
            "title": ref.name,
            "titles": _names_by_language(ref.names),
            "aliases": aliases,
            "adopted_on": first.date if first else None,
            "sources": list(ref.sources),
        },
    )
    return "documents"


@transaction.atomic
def reference_load(catalog: Catalog | None = None) -> dict[str, Any]:
    """Load states, institutions, series and documents; returns counts of what is there."""
    catalog = catalog or load_catalog()
    states = {ref.key: _load_state(ref) for ref in catalog.states}
    by_key = {ref.key: _load_institution(ref, states) for ref in catalog.institutions}
    _link_institutions(catalog, by_key)
    kinds = Counter(_load_program(ref, by_key) for ref in catalog.programs)
    return {
        "states": len(states),
        "institutions": len(by_key),
        "institution names": InstitutionName.objects.filter(institution__key__in=by_key).count(),
        **kinds,
    }
