"""Merging two records of one institution (the ingest pipeline makes some twice).

Everything that names the removed institution comes to the kept one: positions,
participations, events it hosted, organized or is named in, measures it is responsible for
or a partner of, event series, the institutions under it, API tokens, names and sources.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ortak.core.actors import Actor
from ortak.core.services import with_actor
from ortak.names import fold
from ortak.registry.models import Institution, NameKind
from ortak.registry.services.institutions import institution_add_name
from ortak.registry.services.merge import (
    MergeMove,
    MergePreview,
    items,
    merge_save,
    new_spellings,
    require_merge,
    spellings,
)
from ortak.search.services import index_paused

# Records whose foreign key names the institution: (move key, related name, field).
POINTING = (
    ("participations", "participations", "institution"),
    ("events_hosted", "hosted_events", "host"),
    ("series", "event_series", "organizer"),
    ("units", "children", "parent"),
    ("predecessors", "predecessors", "succeeded_by"),
    ("api_tokens", "api_tokens", "institution"),
)
# Many-to-many lists the institution is in: (move key, related name, the list's field).
LISTED = (
    ("events_organized", "organized_events", "organizers"),
    ("events_named", "events", "institutions"),
    ("measures_responsible", "measures_responsible", "responsible"),
    ("measures_partnered", "measures_partnered", "partners"),
)


def institution_merge_preview(
    *, actor: Actor, keep: Institution, remove: Institution
) -> MergePreview:
    """What `institution_merge` would move from `remove` to `keep`; the same rights needed."""
    require_merge(actor, keep, remove)
    return _plan(keep, remove)


def _plan(keep: Institution, remove: Institution) -> MergePreview:
    moves = [
        _positions(keep, remove),
        *(_pointing(remove, *spec) for spec in POINTING),
        *(_listed(keep, remove, *spec) for spec in LISTED),
        new_spellings(_names(keep), _names(remove)),
        MergeMove("sources", moved=items(s for s in remove.sources if s not in keep.sources)),
    ]
    return MergePreview("institution", keep, remove, tuple(moves))


def _names(institution: Institution) -> list[str]:
    history = institution.name_history.values_list("text", flat=True)
    return spellings([institution.name], institution.names.values(), history)


def _positions(keep: Institution, remove: Institution) -> MergeMove:
    """A post one person holds at both records is one position, kept once."""
    held = {(p.person_id, fold(p.title)) for p in keep.positions.all()}
    positions = list(remove.positions.select_related("person"))
    joined = [p for p in positions if (p.person_id, fold(p.title)) in held]
    return MergeMove(
        "positions",
        moved=items([p for p in positions if p not in joined], _held_by),
        joined=items(joined, _held_by),
    )


def _held_by(position: Any) -> str:
    return f"{position.person} — {position.title}"


def _pointing(remove: Institution, what: str, related: str, _field: str) -> MergeMove:
    return MergeMove(what, moved=items(getattr(remove, related).all()))


def _listed(keep: Institution, remove: Institution, what: str, related: str, _f: str) -> MergeMove:
    kept = set(getattr(keep, related).values_list("pk", flat=True))
    records = list(getattr(remove, related).all())
    return MergeMove(
        what,
        moved=items([r for r in records if r.pk not in kept]),
        joined=items([r for r in records if r.pk in kept]),
    )


@transaction.atomic
def institution_merge(*, actor: Actor, keep: Institution, remove: Institution) -> Institution:
    """Make two records of one institution one, deleting `remove`.

    What names `remove` names `keep` afterwards; a position one person holds at both is
    kept once; `remove`'s names become `keep`'s variants, so search finds `keep` by them.
    Histories and permissions as for `person_merge`.
    """
    require_merge(actor, keep, remove)
    plan = _plan(keep, remove)
    with index_paused():
        _positions_move(actor, keep, plan.move("positions"))
        for what, _, field in POINTING:
            for item in plan.move(what).moved:
                setattr(item.record, field, keep)
                with_actor(item.record, actor).save()
        for what, _, field in LISTED:
            _relist(actor, keep, remove, plan.move(what), field)
        for item in plan.move("names").moved:
            institution_add_name(
                institution=keep, text=item.text, language="", kind=NameKind.VARIANT
            )
        keep.sources = [*keep.sources, *(item.record for item in plan.move("sources").moved)]
        keep.names = {**remove.names, **keep.names}
        keep.state = keep.state or remove.state
        merge_save(actor, keep, remove, "institution")
    return keep


def _positions_move(actor: Actor, keep: Institution, move: MergeMove) -> None:
    for item in move.moved:
        item.record.institution = keep
        with_actor(item.record, actor).save()
    for item in move.joined:
        item.record._change_reason = f"merged into a position at institution #{keep.pk}"
        with_actor(item.record, actor).delete()


def _relist(
    actor: Actor, keep: Institution, remove: Institution, move: MergeMove, field: str
) -> None:
    """In each list `remove` is in, `keep` takes its place (once, if it was there too)."""
    for item in (*move.moved, *move.joined):
        listed = getattr(with_actor(item.record, actor), field)
        listed.remove(remove)
        if item in move.moved:
            listed.add(keep)
