"""What an institution's own systems do with an API token: read drafts, submit articles.

`Authorization: Bearer ortak_…` (see ortak.accounts.tokens). Each operation needs its
scope; the token acts in the name of the person who made it, whose rights still apply.

A missing, unknown or revoked token gets 401; a token without the scope, or whose maker
may no longer manage the institution's tokens, 403 with its code. Another state's drafts
are not found, never refused: the list holds the token's own state's only, and the public
endpoints (`/api/events/{id}`) answer 404 for any draft, token or not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.security import HttpBearer

from ortak.accounts.models import ApiToken, TokenScope
from ortak.accounts.tokens import api_token_authenticate, require_token_rights
from ortak.core.api import ErrorOut, ValidationErrorOut
from ortak.core.errors import InputError, PermissionDenied
from ortak.core.models import Publication
from ortak.events import selectors
from ortak.events.api import EventOut


class InstitutionToken(HttpBearer):
    """A live API token of an institution; 401 for a missing, unknown or revoked one."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return api_token_authenticate(token)


class TokenRequest(HttpRequest):
    """A request `InstitutionToken` let through: django-ninja sets `auth` to its token."""

    auth: ApiToken


router = Router(tags=["institution"], auth=InstitutionToken())
PAGE_SIZE = 50


class ArticleIn(Schema):
    text: str = Field(min_length=1, max_length=settings.ORTAK_MAX_ARTICLE_BYTES)
    url: str | None = Field(default=None, max_length=2000)
    published: dt.date | None = None


class SubmittedOut(Schema):
    review: int
    events: list[int]


class CodedErrorOut(Schema):
    code: str
    message: str


def _error(error: Any) -> dict[str, str]:
    return {"code": f"ortak.{error.code}", "message": error.message}


class DraftPage(Schema):
    items: list[EventOut]
    count: int


@router.get(
    "/institution/drafts",
    response={
        200: DraftPage,
        400: CodedErrorOut,
        401: ErrorOut,
        403: CodedErrorOut,
        422: ValidationErrorOut,
    },
    summary="Drafts of the token's state, waiting for review, 50 a page",
)
def institution_drafts(request: TokenRequest, page: int = Query(1, ge=1, le=100_000)) -> Any:
    token = request.auth
    try:
        require_token_rights(token, TokenScope.READ_DRAFTS)
    except PermissionDenied as error:
        return Status(403, _error(error))
    drafts = selectors.event_list(published_only=False).filter(publication=Publication.DRAFT)
    state_id = token.institution.state_id
    drafts = drafts.filter(state_id=state_id) if state_id else drafts.none()
    start = (page - 1) * PAGE_SIZE
    return Status(200, {"items": list(drafts[start : start + PAGE_SIZE]), "count": drafts.count()})


@router.post(
    "/institution/articles",
    response={
        201: SubmittedOut,
        400: CodedErrorOut,
        401: ErrorOut,
        403: CodedErrorOut,
        409: CodedErrorOut,
        422: ValidationErrorOut,
    },
    summary="Submit an article; its records wait as drafts for review",
)
def institution_article_submit(request: TokenRequest, payload: ArticleIn) -> Any:
    token = request.auth
    from ortak.ingest.extract import reader
    from ortak.workspace.services import article_submit

    try:
        require_token_rights(token, TokenScope.SUBMIT_ARTICLES)
        article = reader.read_text(payload.text, url=payload.url, published=payload.published)
        result = article_submit(actor=token.created_by, article=article)
    except PermissionDenied as error:
        return Status(403, _error(error))
    except InputError as error:
        return Status(409 if error.code == "E107" else 400, _error(error))
    events = [event.pk for event in [*result.created, *result.merged]]
    return Status(201, {"review": result.review.pk, "events": events})
