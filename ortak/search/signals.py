"""Keep the index current as records are saved and deleted; wired in SearchConfig.ready().

A record indexed by itself (a person, an event) is indexed when it is saved. Parts of a
record that change what it is found by (a person's aliases and positions, an
institution's names over time) re-index their record, and a plan its undated measures,
which take its years.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from django.db.models import ForeignKey, Model
from django.db.models.signals import post_delete, post_save

from ortak.plans.models import ActivityPlan, Measure
from ortak.registry.models import InstitutionName, PersonAlias, Position
from ortak.search.documents import SPECS
from ortak.search.services import index_touch

# A part's model -> the field naming its record.
PARTS: dict[type[Model], str] = {
    PersonAlias: "person",
    Position: "person",
    InstitutionName: "institution",
}


def _undated_measures(plan: ActivityPlan) -> Iterable[tuple[str, int]]:
    """A measure with no due date spans its plan's years (see documents._measure_years)."""
    measures = Measure.objects.filter(plan=plan, due_date__isnull=True)
    return ((Measure._meta.label_lower, pk) for pk in measures.values_list("pk", flat=True))


# A model -> the other records whose entries read it, to re-index when it is saved.
DEPENDENTS: dict[type[Model], Callable[[Any], Iterable[tuple[str, int]]]] = {
    ActivityPlan: _undated_measures,
}


def connect() -> None:
    """Connect the handlers (idempotent: each has a dispatch_uid)."""
    for spec in SPECS:
        uid = f"ortak.search:{spec.label}"
        post_save.connect(_record_saved, sender=spec.model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_record_deleted, sender=spec.model, dispatch_uid=f"{uid}:delete")
    for model in PARTS:
        uid = f"ortak.search:{model._meta.label_lower}"
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"{uid}:delete")


def _record_saved(sender: type[Model], instance: Model, raw: bool = False, **_: Any) -> None:
    if raw:  # fixtures load rows before their relations: `ortak reindex` after them
        return
    index_touch(sender._meta.label_lower, instance.pk, instance)
    for label, pk in DEPENDENTS.get(sender, lambda _: ())(instance):
        index_touch(label, pk)


def _record_deleted(sender: type[Model], instance: Model, **_: Any) -> None:
    index_touch(sender._meta.label_lower, instance.pk)


def _part_changed(sender: type[Model], instance: Model, raw: bool = False, **_: Any) -> None:
    if raw:
        return
    # PARTS name each part's foreign key to the record it belongs to.
    field = cast("ForeignKey[Any, Any]", sender._meta.get_field(PARTS[sender]))
    owner_id = getattr(instance, field.attname)
    if owner_id is not None:
        index_touch(field.related_model._meta.label_lower, owner_id)
