"""Helpers every workspace view shares: run a service for a form, render a form page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ortak.core.errors import ValidationError
from ortak.workspace.errors import plain_message
from ortak.workspace.forms.base import WorkspaceForm

PAGE_SIZE = 25


def form_data(request: HttpRequest) -> Any:
    """The data of a POST, even an empty one (which `request.POST or None` would miss)."""
    return request.POST if request.method == "POST" else None


def form_files(request: HttpRequest) -> Any:
    return request.FILES if request.method == "POST" else None


def submitted(request: HttpRequest, form: WorkspaceForm) -> bool:
    """A POST whose form is valid; a GET shows the form unbound."""
    return request.method == "POST" and form.is_valid()


def run(form: WorkspaceForm, action: Callable[[dict[str, Any]], Any]) -> Any:
    """Call a service with the cleaned data; its coded error (E2xx) goes onto the form.

    A refused permission (E3xx) is not caught here: the view's guard shows the 403 page.
    """
    try:
        return action(form.cleaned_data)
    except ValidationError as error:
        form.show_error(error)
        return None


def done(request: HttpRequest, message: str, to: str) -> HttpResponse:
    """After a change: say what happened and go where the user continues (POST-redirect-GET)."""
    messages.success(request, message)
    return redirect(to)


def refused(request: HttpRequest, error: ValidationError, to: str) -> HttpResponse:
    """A change the service refused (E2xx): say why in plain words and go back."""
    messages.error(request, plain_message(error))
    return redirect(to)


def form_page(request: HttpRequest, form: WorkspaceForm, **context: Any) -> HttpResponse:
    """A page with one form, its heading, its button and a way back (`back`)."""
    context.setdefault("template", "workspace/form_page.html")
    return render(request, context.pop("template"), {"form": form, **context})


def paginate(request: HttpRequest, records: Any) -> Any:
    return Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))


def query(request: HttpRequest) -> str:
    return request.GET.get("q", "").strip()[:200]
