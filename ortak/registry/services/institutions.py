"""Every write to institutions: create, rename, keep their names over time, publish."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_edit, require_review, require_secretariat
from ortak.core.actors import Actor
from ortak.core.dates import PartialDate
from ortak.core.models import Publication
from ortak.core.services import save_checked, with_actor
from ortak.names import fold
from ortak.registry.models import Institution, InstitutionName, State


@transaction.atomic
def institution_create(
    *,
    actor: Actor,
    name: str,
    kind: str,
    state: State | None = None,
    parent: Institution | None = None,
    names: dict[str, str] | None = None,
    publication: str = Publication.PUBLISHED,
    pipeline_version: str = "",
    name_language: str = "en",
    name_kind: str = "official",
) -> Institution:
    """A new institution; an international one (no state) is the secretariat's."""
    institution = Institution(
        name=name,
        kind=kind,
        state=state,
        parent=parent,
        names=names or {},
        publication=publication,
        pipeline_version=pipeline_version,
    )
    if state is None and publication == Publication.PUBLISHED:
        require_secretariat(actor)  # international bodies are the secretariat's
    require_edit(actor, institution)
    with_actor(institution, actor).save()
    institution_add_name(institution=institution, text=name, language=name_language, kind=name_kind)
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
    """Keep one more name of an institution; the same text in the same language only once.

    A part of the institution's own write: its callers have checked the right to change it.
    """
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
def institution_update(
    *,
    actor: Actor,
    institution: Institution,
    names: dict[str, str],
    **fields: Any,
) -> Institution:
    """Change an institution; a new name is kept in its names over time."""
    international = institution.state_id is None or fields.get("state", True) is None
    if international:  # international bodies are the secretariat's, as on creation
        require_secretariat(actor)
    save_checked(actor, institution, {**fields, "names": names}, check=require_edit)
    institution_add_name(
        institution=institution, text=institution.name, language="en", kind="official"
    )
    for language, text in names.items():
        institution_add_name(
            institution=institution, text=text, language=language, kind="translation"
        )
    return institution


def institution_publish(*, actor: Actor, institution: Institution) -> Institution:
    """Make a reviewed draft institution public (the reviewer role, E302)."""
    if institution.is_published:
        return institution
    require_review(actor)  # brought by an event its reviewer may publish
    institution.publication = Publication.PUBLISHED
    with_actor(institution, actor).save(update_fields=["publication", "updated_at"])
    return institution
