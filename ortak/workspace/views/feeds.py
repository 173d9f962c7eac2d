"""The news feeds of the institutions a user may edit: what each poll found, registering a
feed, polling one now, pausing, resuming and removing one.

Every change is a POST handled by a feeds service, which checks the user's right on the
feed's institution (E301); a refused change shows the 403 page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ortak.accounts.permissions import can_edit
from ortak.core.errors import OrtakError, PermissionDenied
from ortak.feeds import services as feeds
from ortak.feeds.models import Feed
from ortak.workspace import selectors
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.errors import feed_message
from ortak.workspace.forms.feeds import FeedForm
from ortak.workspace.views.base import done, form_data, paginate, submitted


@dataclass
class FeedRow:
    """A feed as the list shows it: its state in words, its last error in plain words."""

    feed: Feed
    status: str
    error: str
    read: int  # the items fetched and done with, whatever became of them


def _row(feed: Feed) -> FeedRow:
    if not feed.active:
        status = _("Paused")
    elif feed.failures:
        status = _("Backing off")
    else:
        status = _("Active")
    error = feed_message(feed.last_error_code, feed.last_error) if feed.last_error_code else ""
    read = feed.items_total - feed.items_new  # type: ignore[attr-defined]
    return FeedRow(feed=feed, status=status, error=error, read=read)


def _list_url() -> str:
    return reverse("workspace:feed_list")


def _feed(request: WorkspaceRequest, pk: int) -> Feed:
    return get_object_or_404(Feed.objects.select_related("institution", "added_by"), pk=pk)


@workspace_view
def feed_list(request: WorkspaceRequest) -> HttpResponse:
    """The feeds, and the form that registers one (kept as typed when it is refused)."""
    access = request.access
    require(access.secretariat or access.editor)
    form = FeedForm(form_data(request), institutions=selectors.feed_institutions(access=access))
    if submitted(request, form) and _add(request, form):
        return done(request, _("The feed was registered; it is polled from now on."), _list_url())
    page = paginate(request, selectors.feed_list(access=access))
    rows = [_row(feed) for feed in page.object_list]
    return render(request, "workspace/feeds/list.html", {"page": page, "rows": rows, "form": form})


def _add(request: WorkspaceRequest, form: FeedForm) -> Feed | None:
    data = form.cleaned_data
    try:
        return feeds.feed_add(
            actor=request.user,
            url=data["url"],
            institution=data["institution"],
            language=data["language"],
        )
    except PermissionDenied:
        raise
    except OrtakError as error:  # the address could not be read, or is no feed (E106, E132)
        form.show_error(error)
        return None


@workspace_view
@require_POST
def feed_poll(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """Hand the feed to the task queue, as the back office does; the list shows the outcome."""
    feed = _feed(request, pk)
    feeds.feed_poll_enqueue(actor=request.user, feed=feed)
    message = _(
        "The feed %(url)s is queued to be polled. Its last poll and items show here once "
        "it has been read; reload the page."
    ) % {"url": feed.url}
    return done(request, message, _list_url())


@workspace_view
@require_POST
def feed_pause(request: WorkspaceRequest, pk: int) -> HttpResponse:
    feed = _feed(request, pk)
    feeds.feed_pause(actor=request.user, feed=feed)
    return done(request, _("The feed %(url)s is paused.") % {"url": feed.url}, _list_url())


@workspace_view
@require_POST
def feed_resume(request: WorkspaceRequest, pk: int) -> HttpResponse:
    feed = _feed(request, pk)
    feeds.feed_resume(actor=request.user, feed=feed)
    return done(request, _("The feed %(url)s is polled again.") % {"url": feed.url}, _list_url())


@workspace_view
def feed_remove(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """Ask first (a page of its own, so it works without JavaScript), then remove."""
    feed = _feed(request, pk)
    if request.method == "POST":
        feeds.feed_remove(actor=request.user, feed=feed)
        return done(request, _("The feed %(url)s was removed.") % {"url": feed.url}, _list_url())
    require(can_edit(request.user, feed), "E301")
    return render(request, "workspace/feeds/remove.html", {"feed": feed})
