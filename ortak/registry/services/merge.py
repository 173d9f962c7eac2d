"""Merging two records of one person or one organization into one.

Each merge has its preview: `person_merge_preview` says what `person_merge` would move,
from the same plan the merge then carries out, so what an editor confirms is what happens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ortak.accounts.models import Membership
from ortak.accounts.permissions import can_merge
from ortak.core.actors import Actor
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.models import Publication
from ortak.core.services import with_actor
from ortak.names import fold
from ortak.registry.models import DiasporaOrganization, Person, PersonAlias
from ortak.search.services import index_paused

# What a merge moves, by the key a preview names it with; the workspace shows these labels.
MOVE_LABELS = {
    "participations": _("Participations in events"),
    "positions": _("Positions"),
    "names": _("Names kept as other spellings, found by search"),
    "representatives": _("Representatives (roles in Ortak)"),
    "profile": _("Profile fields filled in"),
    "measures_responsible": _("Measures it is responsible for"),
    "measures_partnered": _("Measures it is a partner of"),
    "events_hosted": _("Events it hosted"),
    "events_organized": _("Events it organized"),
    "events_named": _("Events that name it"),
    "series": _("Event series it organizes"),
    "units": _("Institutions under it"),
    "predecessors": _("Institutions it succeeded"),
    "api_tokens": _("API tokens"),
    "sources": _("Sources"),
    "consents": _("Consents"),
    "views": _("Records of who saw the profile"),
    "account": _("Account"),
}


@dataclass(frozen=True, slots=True)
class MergeItem:
    """One thing a merge moves: how it reads, and the record when it is one."""

    text: str
    record: Any = None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class MergeMove:
    """What of one kind moves: `moved` goes to the kept record, `joined` is there already
    (the same event, position or name) and is kept once."""

    what: str
    moved: tuple[MergeItem, ...] = ()
    joined: tuple[MergeItem, ...] = ()

    @property
    def label(self) -> str:
        return str(MOVE_LABELS[self.what])

    @property
    def count(self) -> int:
        return len(self.moved) + len(self.joined)


@dataclass(frozen=True)
class MergePreview:
    """What merging `remove` into `keep` would do, thing by thing."""

    kind: str
    keep: Any
    remove: Any
    moves: tuple[MergeMove, ...] = field(default=())

    def move(self, what: str) -> MergeMove:
        return next((m for m in self.moves if m.what == what), MergeMove(what))

    def counts(self) -> dict[str, int]:
        """How many things of each kind move or are joined, the kinds with none left out."""
        return {m.what: m.count for m in self.moves if m.count}


def items(records: Iterable[Any], text: Any = str) -> tuple[MergeItem, ...]:
    return tuple(MergeItem(text(record), record) for record in records)


def spellings(*names: Iterable[str]) -> list[str]:
    """Names once each, in the order given; each script's spelling is a name of its own,
    as people look for "Фуад Мурадов" and "Fuad Muradov" alike."""
    seen: dict[str, None] = {}
    for group in names:
        for name in group:
            text = " ".join(str(name).split())
            if text:
                seen.setdefault(text)
    return list(seen)


def new_spellings(kept: Iterable[str], removed: Iterable[str]) -> MergeMove:
    """`removed`'s names: those `kept` lacks move, those it has already are joined."""
    have = set(spellings(kept))
    names = spellings(removed)
    return MergeMove(
        "names",
        moved=items(n for n in names if n not in have),
        joined=items(n for n in names if n in have),
    )


# People ------------------------------------------------------------------------------------


def person_merge_preview(*, actor: Actor, keep: Person, remove: Person) -> MergePreview:
    """What `person_merge` would move from `remove` to `keep`; the same rights needed."""
    require_merge(actor, keep, remove)
    return _person_plan(keep, remove)


def _person_plan(keep: Person, remove: Person) -> MergePreview:
    kept_events = set(keep.participations.values_list("event_id", flat=True))
    participations = list(remove.participations.select_related("event"))
    kept_positions = {_position_key(p) for p in keep.positions.all()}
    positions = list(remove.positions.select_related("institution"))
    return MergePreview(
        "person",
        keep,
        remove,
        (
            MergeMove(
                "participations",
                moved=items([p for p in participations if p.event_id not in kept_events], _at),
                joined=items([p for p in participations if p.event_id in kept_events], _at),
            ),
            MergeMove(
                "positions",
                moved=items([p for p in positions if _position_key(p) not in kept_positions], _as),
                joined=items([p for p in positions if _position_key(p) in kept_positions], _as),
            ),
            new_spellings(_person_names(keep), _person_names(remove)),
        ),
    )


def _person_names(person: Person) -> list[str]:
    aliases = person.aliases.values_list("text", flat=True)
    return spellings([person.name], person.names.values(), aliases)


def _at(participation: Any) -> str:
    event = participation.event
    when = f" ({event.start_date:%Y-%m-%d})" if event.start_date else ""
    role = f" — {participation.role}" if participation.role else ""
    return f"{event.title}{when}{role}"


def _as(position: Any) -> str:
    return f"{position.title}, {position.institution}"


def _position_key(position: Any) -> tuple[int, str]:
    """One post held once: the same title at the same institution is one position."""
    return position.institution_id, fold(position.title)


@transaction.atomic
def person_merge(*, actor: Actor, keep: Person, remove: Person) -> Person:
    """Make two records of one person one: `remove`'s participations, positions and
    spellings move to `keep`, and `remove` is deleted.

    Where both were at one event, `keep`'s participation stays, its blanks filled from the
    other; a position both hold (one title at one institution) is kept once, likewise.
    `remove`'s names become aliases of `keep`, so search finds `keep` by them. Both
    histories stay: every move is recorded with the actor, and each record's history says
    what it was merged with. Needs the OTS secretariat or an editor of both records' states
    (ortak.E309); a record is not merged into itself (ortak.E208).
    """
    require_merge(actor, keep, remove)
    plan = _person_plan(keep, remove)
    with index_paused():
        _participations_move(actor, keep, plan.move("participations"))
        _positions_move(actor, keep, plan.move("positions"))
        _aliases_move(actor, keep, remove, plan.move("names"))
        keep.names = {**remove.names, **keep.names}
        keep.state = keep.state or remove.state
        merge_save(actor, keep, remove, "person")
    return keep


def require_merge(actor: Actor, keep: Any, remove: Any) -> None:
    """Refuse a record merged into itself (E208) and a merge the actor may not make (E309)."""
    if keep.pk == remove.pk:
        raise ValidationError(
            f"“{keep}” cannot be merged into itself; choose the record to keep and another",
            code="E208",
        )
    if not can_merge(actor, keep, remove):
        raise PermissionDenied(
            f"merging “{remove}” into “{keep}” needs the OTS secretariat or an editor of both "
            "records' states; ask the secretariat",
            code="E309",
        )


def _participations_move(actor: Actor, keep: Person, move: MergeMove) -> None:
    """Each participation moves to `keep`, but one person is at one event once."""
    for item in move.moved:
        item.record.person = keep
        with_actor(item.record, actor).save()
    kept = {p.event_id: p for p in keep.participations.all()}
    for item in move.joined:
        same = kept[item.record.event_id]
        if fill_blanks(same, item.record, ("role", "state_id", "institution_id")):
            with_actor(same, actor).save()
        item.record._change_reason = f"merged into participation #{same.pk}"
        with_actor(item.record, actor).delete()


def _positions_move(actor: Actor, keep: Person, move: MergeMove) -> None:
    """Positions move to `keep`; one both records hold stays once, its blank dates filled."""
    for item in move.moved:
        item.record.person = keep
        with_actor(item.record, actor).save()
    kept = {_position_key(p): p for p in keep.positions.all()}
    dates = ("start_date", "start_precision", "end_date", "end_precision")
    for item in move.joined:
        same = kept[_position_key(item.record)]
        undated = same.start_date is None and same.end_date is None
        if undated and fill_blanks(same, item.record, dates):
            with_actor(same, actor).save()
        item.record._change_reason = f"merged into position #{same.pk}"
        with_actor(item.record, actor).delete()


def _aliases_move(actor: Actor, keep: Person, remove: Person, move: MergeMove) -> None:
    """The names `keep` lacks become its aliases: `remove`'s alias rows move with their
    history, its name and translations are added; a name `keep` has is not added twice."""
    rows = {alias.text: alias for alias in remove.aliases.all()}
    for item in move.moved:
        alias = rows.get(item.text) or PersonAlias(text=item.text, folded=fold(item.text))
        alias.person = keep
        with_actor(alias, actor).save()


# Organizations -----------------------------------------------------------------------------

# Profile fields an organization kept takes from the one merged into it when it has none.
ORGANIZATION_PROFILE = (
    "city", "latitude", "longitude", "community_state_id", "activities", "email", "phone",
    "website",
)  # fmt: skip


def organization_merge_preview(
    *, actor: Actor, keep: DiasporaOrganization, remove: DiasporaOrganization
) -> MergePreview:
    """What `organization_merge` would move from `remove` to `keep`."""
    require_merge(actor, keep, remove)
    return _organization_plan(keep, remove)


def _organization_plan(keep: DiasporaOrganization, remove: DiasporaOrganization) -> MergePreview:
    kept = set(Membership.objects.filter(organization=keep).values_list("user_id", "role"))
    members = list(Membership.objects.filter(organization=remove).select_related("user"))
    return MergePreview(
        "organization",
        keep,
        remove,
        (
            new_spellings(_organization_names(keep), _organization_names(remove)),
            MergeMove(
                "representatives",
                moved=items([m for m in members if (m.user_id, m.role) not in kept], _member),
                joined=items([m for m in members if (m.user_id, m.role) in kept], _member),
            ),
            MergeMove(
                "profile",
                moved=blanks_filled(keep, remove, (*ORGANIZATION_PROFILE, "founded"))
                + list_additions(keep, remove, ["languages"]),
            ),
        ),
    )


def _organization_names(organization: DiasporaOrganization) -> list[str]:
    return spellings([organization.name], organization.names.values(), organization.aliases)


def _member(membership: Membership) -> str:
    return f"{membership.user.get_username()} ({membership.get_role_display()})"


def blanks_filled(target: Any, source: Any, fields: Iterable[str]) -> tuple[MergeItem, ...]:
    """The `fields` `target` has empty and `source` has, as "label: value"."""
    found = []
    for name in fields:
        if getattr(target, name) in (None, "") and getattr(source, name) not in (None, ""):
            model_field = target._meta.get_field(name.removesuffix("_id"))
            value = getattr(source, model_field.name)
            found.append(MergeItem(f"{model_field.verbose_name}: {value}", name))
    return tuple(found)


def list_additions(target: Any, source: Any, fields: Iterable[str]) -> tuple[MergeItem, ...]:
    """The values of `source`'s list `fields` that `target`'s lists lack, as "label: value"."""
    found = []
    for name in fields:
        label = target._meta.get_field(name).verbose_name
        have = getattr(target, name)
        found += [MergeItem(f"{label}: {v}", name) for v in getattr(source, name) if v not in have]
    return tuple(found)


@transaction.atomic
def organization_merge(
    *, actor: Actor, keep: DiasporaOrganization, remove: DiasporaOrganization
) -> DiasporaOrganization:
    """Make two records of one diaspora organization one, deleting `remove`.

    `keep` takes `remove`'s translations and the profile fields it lacks (city, contacts,
    founding date, languages); `remove`'s other names become `keep`'s other spellings, so
    search finds it by them; `remove`'s representatives now represent `keep`. Histories and
    permissions as for `person_merge`.
    """
    require_merge(actor, keep, remove)
    plan = _organization_plan(keep, remove)
    with index_paused():
        fill_blanks(keep, remove, ORGANIZATION_PROFILE)
        if keep.founded is None and remove.founded:
            keep.founded, keep.founded_precision = remove.founded, remove.founded_precision
        keep.languages = list(dict.fromkeys([*keep.languages, *remove.languages]))
        keep.names = {**remove.names, **keep.names}
        keep.aliases = [*keep.aliases, *(item.text for item in plan.move("names").moved)]
        for item in plan.move("representatives").moved:
            item.record.organization = keep
            with_actor(item.record, actor).save()
        merge_save(actor, keep, remove, "organization")
    return keep


# Shared ------------------------------------------------------------------------------------


def fill_blanks(target: Any, source: Any, fields: Iterable[str]) -> bool:
    """Copy into `target` the `fields` it has empty and `source` has; True if any was."""
    changed = False
    for name in fields:
        if getattr(target, name) in (None, "") and getattr(source, name) not in (None, ""):
            setattr(target, name, getattr(source, name))
            changed = True
    return changed


def merge_save(actor: Actor, keep: Any, remove: Any, what: str) -> None:
    """Save `keep` and delete `remove`, each history saying what the record was merged with."""
    if getattr(remove, "is_published", False):  # what the public saw stays visible
        keep.publication = Publication.PUBLISHED
    keep._change_reason = f"merged with {what} #{remove.pk} “{remove}”"
    with_actor(keep, actor).save()
    remove._change_reason = f"merged into {what} #{keep.pk} “{keep}”"
    with_actor(remove, actor).delete()
