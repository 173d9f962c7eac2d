"""Adding an article: paste, upload or give an address; the draft goes to the review screen."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from ortak.core.errors import InputError
from ortak.workspace import selectors, services
from ortak.workspace.access import require, workspace_view
from ortak.workspace.errors import plain_message
from ortak.workspace.forms.ingest import ArticleForm
from ortak.workspace.views.base import done, form_data, form_files, form_page, submitted


@workspace_view
def article_new(request: HttpRequest) -> HttpResponse:
    """The form keeps everything typed when the article cannot be read (E1xx)."""
    require(request.access.contributor, "E305")
    form, existing = ArticleForm(form_data(request), form_files(request)), None
    if submitted(request, form):
        article = form.cleaned_data["article"]
        try:
            result = services.article_submit(actor=request.user, article=article)
        except InputError as error:
            form.add_error(None, plain_message(error))
            existing = selectors.review_of_text(article.text) if error.code == "E107" else None
        else:
            to = reverse("workspace:review", args=[result.review.pk])
            return done(request, _("The article was read. Check its draft below."), to)
    return form_page(request, form, template="workspace/articles/new.html", existing=existing)
