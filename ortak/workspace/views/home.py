"""The workspace home: what waits for the signed-in user, by role."""

from django.http import HttpResponse
from django.shortcuts import render

from ortak.workspace import selectors
from ortak.workspace.access import WorkspaceRequest, workspace_view


@workspace_view
def home(request: WorkspaceRequest) -> HttpResponse:
    context = selectors.home(access=request.access, user=request.user)
    return render(request, "workspace/home.html", context)
