"""Every write to the registry: states, institutions, organizations, people, positions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pycountry
from django.db import transaction

from ortak.accounts.permissions import require_edit, require_secretariat
from ortak.core.dates import PartialDate
from ortak.core.errors import ValidationError
from ortak.core.models import Publication
from ortak.core.services import (
    as_partial_date,
    date_fields,
    require_dates_in_order,
    with_actor,
)
from ortak.names import fold
from ortak.registry.models import (
    DiasporaOrganization,
    Institution,
    InstitutionName,
    OtsStatus,
    Person,
    PersonAlias,
    Position,
    State,
)


def state_for_code(code: str) -> State:
    """The state with ISO code `code`, created from ISO 3166 when Ortak has not seen it yet."""
    code = code.upper()
    state = State.objects.filter(iso_code=code).first()
    if state:
        return state
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ValidationError(f"{code!r} is not an ISO 3166-1 country code", code="E205")
    name = getattr(country, "common_name", None) or country.name
    return State.objects.create(key=code, iso_code=code, name=name, ots_status=OtsStatus.NONE)


@transaction.atomic
def institution_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    state: State | None = None,
    parent: Institution | None = None,
    names: dict[str, str] | None = None,
    publication: str = Publication.PUBLISHED,
) -> Institution:
    institution = Institution(
        name=name,
        kind=kind,
        state=state,
        parent=parent,
        names=names or {},
        publication=publication,
    )
    if state:
        require_edit(actor, institution)
    else:  # international bodies are the secretariat's
        require_secretariat(actor)
    with_actor(institution, actor).save()
    institution_add_name(institution=institution, text=name, language="en", kind="official")
    return institution


def institution_add_name(
    *,
    institution: Institution,
    text: str,
    language: str,
    kind: str,
    valid_from: PartialDate | None = None,
    valid_to: PartialDate | None = None,
) -> InstitutionName:
    """Keep one more name of an institution; the same text in the same language only once."""
    entry, _ = InstitutionName.objects.update_or_create(
        institution=institution,
        text=text,
        language=language,
        defaults={
            "kind": kind,
            "folded": fold(text),
            "valid_from": valid_from.date if valid_from else None,
            "valid_to": valid_to.last_day() if valid_to else None,
        },
    )
    return entry


@transaction.atomic
def person_create(
    *,
    actor: Any,
    name: str,
    state: State | None = None,
    aliases: Iterable[str] = (),
    names: dict[str, str] | None = None,
    publication: str = Publication.PUBLISHED,
) -> Person:
    """A new person; the name and every alias are kept as spellings to match against."""
    person = Person(name=name, state=state, names=names or {}, publication=publication)
    if state:
        require_edit(actor, person)
    else:
        _require_any_editor(actor)
    with_actor(person, actor).save()
    for text in (name, *aliases, *(names or {}).values()):
        person_add_alias(person=person, text=text)
    return person


def person_add_alias(*, person: Person, text: str) -> PersonAlias | None:
    text = " ".join(text.split())
    if not text:
        return None
    alias, _ = PersonAlias.objects.get_or_create(
        person=person, text=text, defaults={"folded": fold(text)}
    )
    return alias


@transaction.atomic
def position_create(
    *,
    actor: Any,
    person: Person,
    institution: Institution,
    title: str,
    start: PartialDate | str | None = None,
    end: PartialDate | str | None = None,
) -> Position:
    """A person's title at an institution; the end may not come before the start (E201)."""
    start, end = as_partial_date(start), as_partial_date(end)
    require_dates_in_order(start, end, "position")
    position = Position(
        person=person,
        institution=institution,
        title=title,
        **date_fields("start", start),
        **date_fields("end", end),
    )
    require_edit(actor, position)
    with_actor(position, actor).save()
    return position


@transaction.atomic
def organization_update(
    *, actor: Any, organization: DiasporaOrganization, **fields: Any
) -> DiasporaOrganization:
    """Change an organization's profile: its representatives, its state's editors, the OTS."""
    require_edit(actor, organization)
    allowed = {f.name for f in DiasporaOrganization._meta.get_fields() if f.concrete}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(f"unknown fields: {', '.join(sorted(unknown))}", code="E206")
    for field, value in fields.items():
        setattr(organization, field, value)
    organization.full_clean()
    with_actor(organization, actor).save()
    return organization


def _require_any_editor(actor: Any) -> None:
    """A person with no state yet may be added by any editor (ingest proposes new people)."""
    from ortak.accounts.permissions import editor_state_ids, is_secretariat

    if not (is_secretariat(actor) or editor_state_ids(actor)):
        require_secretariat(actor)
