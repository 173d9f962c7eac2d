"""The merges the workspace offers, one per kind of record, and how it shows a record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ortak.accounts.permissions import record_state_ids
from ortak.network import services as network
from ortak.registry import services as registry
from ortak.registry.models import State
from ortak.search.duplicates import record_names


@dataclass(frozen=True)
class Merger:
    """A kind's preview and merge services, its name, and the workspace page of a kept
    record (none for experts, whose profile is the person's own: the list again)."""

    label: Promise
    preview: Callable[..., registry.MergePreview]
    merge: Callable[..., Any]
    url_name: str = ""


MERGERS = {
    "person": Merger(
        _("People"), registry.person_merge_preview, registry.person_merge, "workspace:person"
    ),
    "institution": Merger(
        _("Institutions"),
        registry.institution_merge_preview,
        registry.institution_merge,
        "workspace:institution",
    ),
    "organization": Merger(
        _("Organizations"),
        registry.organization_merge_preview,
        registry.organization_merge,
        "workspace:organization",
    ),
    "expert": Merger(_("Experts"), network.expert_merge_preview, network.expert_merge),
}


def record_url(kind: str, record: Any) -> str:
    """Where an editor continues after a merge: the kept record's page."""
    if not MERGERS[kind].url_name:
        return f"{reverse('workspace:duplicate_list')}?kind={kind}"
    return reverse(MERGERS[kind].url_name, args=[record.pk])


@dataclass(frozen=True)
class RecordCard:
    """A record as the duplicates pages show it beside its twin."""

    pk: int
    name: str
    names: list[str]
    states: list[str]
    draft: bool


def card(record: Any) -> RecordCard:
    states = State.objects.filter(pk__in=record_state_ids(record)).order_by("name")
    return RecordCard(
        pk=record.pk,
        name=str(record),
        names=[name for name in dict.fromkeys(record_names(record)) if name != str(record)],
        states=[state.name for state in states],
        draft=getattr(record, "is_published", True) is False,
    )
