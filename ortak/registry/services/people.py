"""Every write to people: create, rename, spellings of their names, publish."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from ortak.accounts.permissions import (
    editor_state_ids,
    is_secretariat,
    require_edit,
    require_review,
    require_secretariat,
)
from ortak.core.actors import Actor, SystemActor
from ortak.core.errors import ValidationError
from ortak.core.models import Publication
from ortak.core.services import save_checked, with_actor
from ortak.names import fold
from ortak.registry.models import Person, PersonAlias, State


@transaction.atomic
def person_create(
    *,
    actor: Actor,
    name: str,
    state: State | None = None,
    aliases: Iterable[str] = (),
    names: dict[str, str] | None = None,
    publication: str = Publication.PUBLISHED,
    pipeline_version: str = "",
) -> Person:
    """A new person; the name and every alias are kept as spellings to match against."""
    person = Person(
        name=name,
        state=state,
        names=names or {},
        publication=publication,
        pipeline_version=pipeline_version,
    )
    if state or isinstance(actor, SystemActor):
        require_edit(actor, person)
    else:
        _require_any_editor(actor)
    with_actor(person, actor).save()
    for text in (name, *aliases, *(names or {}).values()):
        person_add_alias(person=person, text=text)
    return person


def person_add_alias(*, person: Person, text: str) -> PersonAlias | None:
    """Keep one more spelling of a person's name; part of a write already checked."""
    text = " ".join(text.split())
    if not text:
        return None
    alias, _ = PersonAlias.objects.get_or_create(
        person=person, text=text, defaults={"folded": fold(text)}
    )
    return alias


@transaction.atomic
def person_update(
    *,
    actor: Actor,
    person: Person,
    name: str,
    state: State | None,
    names: dict[str, str],
    aliases: Iterable[str] = (),
) -> Person:
    """Rename a person or move them to a state; every name stays a spelling to match."""
    save_checked(actor, person, {"name": name, "state": state, "names": names}, check=require_edit)
    for text in (name, *names.values(), *aliases):
        person_add_alias(person=person, text=text)
    return person


@transaction.atomic
def person_alias_add(*, actor: Actor, person: Person, text: str) -> PersonAlias | None:
    """One more spelling of a person's name (in any script)."""
    require_edit(actor, person)
    alias = person_add_alias(person=person, text=text)
    with_actor(person, actor).save(update_fields=["updated_at"])
    return alias


@transaction.atomic
def person_alias_remove(*, actor: Actor, alias: PersonAlias) -> None:
    """Drop a wrong spelling; the person's own name stays (E207)."""
    person = alias.person
    require_edit(actor, person)
    if alias.text == person.name:
        raise ValidationError("the person's own name stays among the aliases", code="E207")
    alias.delete()
    with_actor(person, actor).save(update_fields=["updated_at"])


def person_publish(*, actor: Actor, person: Person) -> Person:
    """Make a reviewed draft person public (the reviewer role, E302)."""
    if person.is_published:
        return person
    require_review(actor)  # brought by an event its reviewer may publish
    person.publication = Publication.PUBLISHED
    with_actor(person, actor).save(update_fields=["publication", "updated_at"])
    return person


def _require_any_editor(actor: Actor) -> None:
    """A person with no state yet may be added by any editor."""
    if not (is_secretariat(actor) or editor_state_ids(actor)):
        require_secretariat(actor)
