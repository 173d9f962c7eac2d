"""The review queue and the review screen: decide on each value, then publish or reject.

Each decision is one POST. With htmx the answer is the row alone, swapped in place; without
JavaScript the same POST redirects back to the row on the full page.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ortak.core.errors import PermissionDenied, ValidationError
from ortak.feeds.models import Feed
from ortak.ingest import review as review_services
from ortak.ingest.models import Review, ReviewStatus
from ortak.workspace import selectors
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.drafts import Row, draft_of, row_at
from ortak.workspace.errors import plain_message
from ortak.workspace.forms.review import DecisionForm
from ortak.workspace.views.base import paginate, run


def _review(request: WorkspaceRequest, pk: int) -> Review:
    review = get_object_or_404(Review.objects.select_related("source", "created_by"), pk=pk)
    visible = selectors.review_visible(access=request.access, user=request.user, review=review)
    require(visible, "E302")
    return review


def _row(review: Review, path: str) -> Row:
    row = row_at(review, path)
    if row is None:
        raise Http404("the draft has no value at this path")
    return row


def _can_decide(request: WorkspaceRequest, review: Review) -> bool:
    return request.access.reviewer and review.status == ReviewStatus.PENDING


@workspace_view
def queue(request: WorkspaceRequest) -> HttpResponse:
    require(request.access.contributor)
    status = request.GET.get("status", ReviewStatus.PENDING)
    if status not in ReviewStatus.values:
        status = ReviewStatus.PENDING
    feed = _feed_of(request)
    reviews = selectors.review_queue(
        access=request.access, user=request.user, status=status, feed=feed.pk if feed else None
    )
    context = {
        "page": paginate(request, reviews),
        "status": status,
        "statuses": ReviewStatus,
        "feed": feed,
    }
    return render(request, "workspace/review/queue.html", context)


def _feed_of(request: WorkspaceRequest) -> Feed | None:
    """The news feed the queue is narrowed to (`?feed=`); the queue stays the user's own."""
    text = request.GET.get("feed", "")
    if not text.isdigit():
        return None
    return Feed.objects.select_related("institution").filter(pk=int(text)).first()


@workspace_view
def detail(request: WorkspaceRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    context = {
        "review": review,
        "draft": draft_of(review),
        "can_decide": _can_decide(request, review),
        "proposals": [row_at(review, p["path"]) for p in review.proposals],
        "can_take_proposals": selectors.review_proposals_editable(user=request.user, review=review),
    }
    return render(request, "workspace/review/detail.html", context)


@require_POST
@workspace_view
def proposals_accept(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """An editor of the events adds the values a reviewer of another state accepted."""
    review = _review(request, pk)
    review_services.review_proposals_accept(actor=request.user, review=review)
    messages.success(request, _("The proposed values were added to the event."))
    return redirect("workspace:review", pk=review.pk)


@workspace_view
def edit(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """The form to change one value: a row swapped in place (htmx) or a page of its own."""
    review = _review(request, pk)
    require(_can_decide(request, review), "E302")
    row = _row(review, request.GET.get("path", ""))
    if not row.editable:
        raise Http404("this value cannot be changed, only accepted or rejected")
    initial = {"path": row.path, "decision": "edit", "value": row.edit_value}
    form = DecisionForm(initial=initial, field=row.field, label=row.label)
    return _edit_response(request, review, row, form)


@workspace_view
def row(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """One row as it stands (htmx, to cancel a change); the full page without JavaScript."""
    review = _review(request, pk)
    return _row_response(request, review, _row(review, request.GET.get("path", "")).path)


def _edit_response(request, review: Review, row: Row, form: DecisionForm) -> HttpResponse:
    template = "workspace/review/_row_edit.html" if request.htmx else "workspace/review/edit.html"
    return render(request, template, {"review": review, "row": row, "form": form})


@require_POST
@workspace_view
def decide(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """One decision on one value (accept, change or reject), kept by review_decide."""
    review = _review(request, pk)
    row = _row(review, request.POST.get("path", ""))
    editing = request.POST.get("decision") == "edit" and row.editable
    form = DecisionForm(request.POST, field=row.field if editing else None, label=row.label)
    if review.status != ReviewStatus.PENDING:
        form.add_error(None, plain_message(ValidationError(code="E212")))
    elif form.is_valid():
        run(form, lambda data: _decide(request, review, data, form.decided_value()))
    if form.errors and editing:
        return _edit_response(request, review, row, form)
    return _row_response(request, review, row.path, error=_error_text(form))


def _error_text(form: DecisionForm) -> str | None:
    """Why a decision was not kept: the service's reason, else a made-up path or decision."""
    if not form.errors:
        return None
    errors = form.non_field_errors()
    return str(errors[0]) if errors else plain_message(ValidationError(code="E210"))


def _decide(request: WorkspaceRequest, review: Review, data: dict, value: str | None) -> Review:
    return review_services.review_decide(
        actor=request.user,
        review=review,
        path=data["path"],
        decision=data["decision"],
        value=value,
    )


def _row_response(
    request: WorkspaceRequest, review: Review, path: str, error: str | None = None
) -> HttpResponse:
    """The row alone for htmx, its error inside it; else back to the row on the full page."""
    row = _row(review, path)  # a path the caller found
    if request.htmx:
        context = {
            "review": review,
            "row": row,
            "can_decide": _can_decide(request, review),
            "error": error,
        }
        return render(request, "workspace/review/_row.html", context)
    if error:
        messages.error(request, error)
    return redirect(reverse("workspace:review", args=[review.pk]) + f"#{row.anchor}")


@require_POST
@workspace_view
def publish(request: WorkspaceRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    require(request.access.reviewer, "E302")
    try:
        review_services.review_publish(actor=request.user, review=review)
    except (ValidationError, PermissionDenied) as error:  # refused: nothing was changed
        messages.error(request, plain_message(error))
        return redirect("workspace:review", pk=review.pk)
    count = review.events.count()
    message = ngettext(
        "Published: %(count)d event is now on the portal.",
        "Published: %(count)d events are now on the portal.",
        count,
    ) % {"count": count}
    messages.success(request, message)
    return redirect("workspace:queue")


@workspace_view
def reject(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """Ask first (GET), then reject the whole draft (POST); the article itself is kept."""
    review = _review(request, pk)
    require(_can_decide(request, review), "E302")
    if request.method != "POST":
        return render(request, "workspace/review/reject.html", {"review": review})
    review_services.review_reject(actor=request.user, review=review)
    messages.success(request, _("The draft was rejected. The article is kept as a source."))
    return redirect("workspace:queue")
