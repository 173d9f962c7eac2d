"""Adding an article: paste, upload or give an address; the task queue reads it, a page
shows how far it got, and the draft opens on the review screen."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from ortak.core.errors import InputError
from ortak.ingest.models import IngestJobStatus
from ortak.workspace import selectors, services
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.errors import plain_message
from ortak.workspace.forms.ingest import ArticleForm
from ortak.workspace.views.base import form_data, form_files, form_page, submitted


@workspace_view
def article_new(request: WorkspaceRequest) -> HttpResponse:
    """The form keeps everything typed when the article cannot be read (E1xx)."""
    require(request.access.contributor, "E305")
    form, existing = ArticleForm(form_data(request), form_files(request)), None
    if submitted(request, form):
        article = form.cleaned_data["article"]
        try:
            job = services.article_enqueue(
                actor=request.user, given=form.cleaned_data["given"], article=article
            )
        except InputError as error:
            form.add_error(None, plain_message(error))
            existing = selectors.review_of_text(article.text) if error.code == "E107" else None
        else:
            return redirect("workspace:article_job", job.pk)
    return form_page(request, form, template="workspace/articles/new.html", existing=existing)


@workspace_view
def article_job(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """How far the reading of an article got; htmx asks again every second until the draft
    is ready, then opens it (without JavaScript, the page has a link to ask again)."""
    require(request.access.contributor, "E305")
    job = selectors.ingest_job_of(request.user, pk)
    if job is None:
        raise Http404
    if job.review_id and job.status == IngestJobStatus.DONE:
        messages.success(request, _("The article was read. Check its draft below."))
        to = reverse("workspace:review", args=[job.review_id])
        return HttpResponseClientRedirect(to) if request.htmx else redirect(to)
    template = "workspace/articles/_job.html" if request.htmx else "workspace/articles/job.html"
    error = InputError(job.error_message, code=job.error_code) if job.error_code else None
    context = {"job": job, "error": plain_message(error) if error else ""}
    return render(request, template, context)
