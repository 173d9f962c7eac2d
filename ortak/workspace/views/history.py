"""Each record's history page: who changed what, and when."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.history import KINDS, history_of


@workspace_view
def record_history(request: WorkspaceRequest, kind: str, pk: int) -> HttpResponse:
    model = KINDS.get(kind)
    if model is None:
        raise Http404("no history for this kind of record")
    require(request.access.has_role)
    record = get_object_or_404(model, pk=pk)
    context = {"record": record, "kind": kind, "entries": history_of(record)}
    return render(request, "workspace/records/history.html", context)
