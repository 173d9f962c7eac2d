"""API tokens per institution: made and revoked by the people who answer for them.

A token reads `ortak_<prefix>_<secret>`; it is shown once, when made, and only the SHA-256
digest of the whole is kept. It acts in the name of the person who made it, with no more
than the scopes it was given and no more than that person may still do.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from ortak.accounts import permissions
from ortak.accounts.models import ApiToken, TokenScope
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.registry.models import Institution

_PREFIX = "ortak"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _require_manager(actor: Any, institution: Institution) -> None:
    """The secretariat, or an editor of the institution's own state (ortak.E311)."""
    if permissions.is_secretariat(actor):
        return
    if institution.state_id and institution.state_id in permissions.editor_state_ids(actor):
        return
    raise PermissionDenied(
        "only the OTS secretariat or an editor of the institution's state can manage its "
        "API tokens",
        code="E311",
    )


@transaction.atomic
def api_token_create(
    *, actor: Any, institution: Institution, name: str, scopes: list[str]
) -> tuple[ApiToken, str]:
    """A new token and its key, which is never shown again (E311; E231 for a wrong scope)."""
    _require_manager(actor, institution)
    unknown = set(scopes) - set(TokenScope.values)
    if unknown or not scopes:
        raise ValidationError(f"choose scopes among {', '.join(TokenScope.values)}", code="E231")
    prefix = secrets.token_hex(4)
    raw = f"{_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        institution=institution,
        name=name,
        prefix=prefix,
        digest=_digest(raw),
        scopes=sorted(set(scopes)),
        created_by=actor,
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: Any, token: ApiToken) -> None:
    """Stop the token from working, at once and for good."""
    _require_manager(actor, token.institution)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def api_token_authenticate(raw: str) -> ApiToken | None:
    """The live token a key belongs to, or None: unknown, revoked, or its maker gone."""
    parts = raw.split("_", 2)
    if len(parts) != 3 or parts[0] != _PREFIX:
        return None
    token = (
        ApiToken.objects.select_related("institution", "created_by")
        .filter(prefix=parts[1], revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.digest, _digest(raw)):
        return None
    if not token.created_by.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


def require_token_rights(token: ApiToken, scope: str) -> None:
    """Refuse a token not given `scope` (ortak.E312), or whose maker may no longer manage
    the institution's tokens (ortak.E311): a token never does more than its maker still may."""
    require_scope(token, scope)
    _require_manager(token.created_by, token.institution)


def require_scope(token: ApiToken, scope: str) -> None:
    """Refuse (ortak.E312) a token not given `scope`."""
    if scope not in token.scopes:
        raise PermissionDenied(f"this API token does not have the scope {scope}", code="E312")
