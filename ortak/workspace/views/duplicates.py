"""Possible duplicates: the pairs an editor may merge, a merge's preview, the merge, and
saying a pair is two records after all."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ortak.core.errors import ValidationError
from ortak.search.duplicates import duplicate_records
from ortak.search.selectors import duplicates_to_merge
from ortak.search.services import duplicate_dismiss
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.merging import MERGERS, card, record_url
from ortak.workspace.views.base import done, refused

SHOWN = 100  # pairs listed at once; merging them brings the next ones up


def _kind(request: WorkspaceRequest) -> str:
    kind = request.GET.get("kind", "person")
    return kind if kind in MERGERS else "person"


def _list_url(kind: str) -> str:
    return f"{reverse('workspace:duplicate_list')}?kind={kind}"


def _may_merge(request: WorkspaceRequest) -> None:
    require(request.access.secretariat or request.access.editor)


@workspace_view
def duplicate_list(request: WorkspaceRequest) -> HttpResponse:
    _may_merge(request)
    kind = _kind(request)
    candidates = duplicates_to_merge(actor=request.user, kind=kind)
    context = {
        "kind": kind,
        "kinds": [(key, merger.label) for key, merger in MERGERS.items()],
        "candidates": candidates[:SHOWN],
        "more": max(len(candidates) - SHOWN, 0),
    }
    return render(request, "workspace/duplicates/list.html", context)


def _pair(kind: str, first: int, second: int, keep: Any) -> tuple[Any, Any]:
    """The pair's records as (kept, removed); `keep` names the kept one's key."""
    if kind not in MERGERS:
        raise Http404
    records = duplicate_records(kind, {first, second})
    if first == second or len(records) != 2:
        raise Http404
    kept = int(keep) if str(keep).isdigit() and int(keep) in records else _default(records)
    return records[kept], records[first if kept == second else second]


def _default(records: dict[int, Any]) -> int:
    """The record kept unless the editor chooses: a published one, then the older."""
    return min(records, key=lambda pk: (not getattr(records[pk], "is_published", True), pk))


@workspace_view
def duplicate_preview(
    request: WorkspaceRequest, kind: str, first: int, second: int
) -> HttpResponse:
    _may_merge(request)
    keep, remove = _pair(kind, first, second, request.GET.get("keep"))
    preview = MERGERS[kind].preview(actor=request.user, keep=keep, remove=remove)
    context = {
        "kind": kind,
        "preview": preview,
        "keep": card(keep),
        "remove": card(remove),
        "moves": [move for move in preview.moves if move.count],
        "first": first,
        "second": second,
        "back_url": _list_url(kind),
    }
    return render(request, "workspace/duplicates/preview.html", context)


@require_POST
@workspace_view
def duplicate_merge(request: WorkspaceRequest, kind: str, first: int, second: int) -> HttpResponse:
    _may_merge(request)
    keep, remove = _pair(kind, first, second, request.POST.get("keep"))
    removed_name = str(remove)
    try:
        kept = MERGERS[kind].merge(actor=request.user, keep=keep, remove=remove)
    except ValidationError as error:
        return refused(request, error, _list_url(kind))
    message = _("“%(removed)s” was merged into “%(kept)s”.") % {
        "removed": removed_name,
        "kept": str(kept),
    }
    return done(request, message, record_url(kind, kept))


@require_POST
@workspace_view
def duplicate_dismiss_pair(
    request: WorkspaceRequest, kind: str, first: int, second: int
) -> HttpResponse:
    _may_merge(request)
    if kind not in MERGERS:
        raise Http404
    try:
        duplicate_dismiss(actor=request.user, kind=kind, first_id=first, second_id=second)
    except ValidationError as error:
        return refused(request, error, _list_url(kind))
    return done(
        request, _("The two records stay apart; they will not be proposed again."), _list_url(kind)
    )
