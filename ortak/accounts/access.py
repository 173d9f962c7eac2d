"""Who reads drafts through the API: the people who work on them; the public never does."""

from __future__ import annotations

from django.http import HttpRequest

from ortak.accounts.permissions import can_review, editor_state_ids, is_secretariat


def published_only(request: HttpRequest) -> bool:
    """True for anonymous users and plain accounts; staff roles also read drafts."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return True
    return not (is_secretariat(user) or can_review(user) or editor_state_ids(user))
