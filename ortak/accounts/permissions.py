"""The rules of who may change what; services call these before every write.

- the OTS secretariat (and superusers): everything;
- a state's editors: the records of their own state;
- reviewers: approve or reject ingested drafts;
- an organization's representatives: their own organization's profile;
- the public: reads published records only (see each app's selectors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ortak.accounts.models import Membership, Role
from ortak.core.actors import Actor, SystemActor, acting_user
from ortak.core.errors import PermissionDenied

if TYPE_CHECKING:
    from django.contrib.auth.models import User

__all__ = [
    "Actor",
    "can_edit",
    "can_merge",
    "can_review",
    "editor_state_ids",
    "is_secretariat",
    "published_only",
    "record_state_ids",
    "require_edit",
    "require_review",
    "require_secretariat",
]


def _memberships(actor: Actor) -> list[Membership]:
    user = acting_user(actor)
    if user is None:
        return []
    cached = getattr(user, "_ortak_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=cast("User", user)))
        # Kept on the user object for the rest of the request: no model field to type it.
        user._ortak_memberships = cached  # type: ignore[attr-defined]
    return cached


def is_secretariat(actor: Actor) -> bool:
    user = acting_user(actor)
    if user is not None and getattr(user, "is_superuser", False):
        return True
    return any(m.role == Role.SECRETARIAT for m in _memberships(actor))


def can_review(actor: Actor) -> bool:
    return is_secretariat(actor) or any(m.role == Role.REVIEWER for m in _memberships(actor))


def review_state_ids(actor: Actor) -> set[int] | None:
    """The states a reviewer may publish drafts of; None for every state."""
    if is_secretariat(actor):
        return None
    reviews = [m for m in _memberships(actor) if m.role == Role.REVIEWER]
    if any(m.state_id is None for m in reviews):
        return None
    return {m.state_id for m in reviews if m.state_id is not None}


def editor_state_ids(actor: Actor) -> set[int]:
    return {
        m.state_id for m in _memberships(actor) if m.role == Role.EDITOR and m.state_id is not None
    }


def record_state_ids(record: Any) -> set[int]:
    """The states a record belongs to, as the record says; empty for international ones."""
    owning_states = getattr(record, "owning_states", None)
    return set(owning_states()) if owning_states is not None else set()


def _is_pipeline_draft(record: Any) -> bool:
    """A draft the ingest pipeline made (or is making), not yet anyone's published record."""
    return getattr(record, "publication", None) == "draft" and (
        record.pk is None or bool(getattr(record, "pipeline_version", ""))
    )


def _reviews(actor: Actor, record: Any) -> bool:
    """A reviewer corrects the drafts of the states they review before publishing them."""
    if not can_review(actor):
        return False
    states = review_state_ids(actor)
    return states is None or (bool(record_state_ids(record)) and record_state_ids(record) <= states)


def can_edit(actor: Actor, record: Any) -> bool:
    """May `actor` change `record`? A new record is judged by the state it is given.

    The ingest pipeline makes drafts, and reviewers correct the drafts they may publish.
    """
    if is_secretariat(actor):
        return True
    if _is_pipeline_draft(record) and (
        isinstance(actor, SystemActor) or (record.pk is not None and _reviews(actor, record))
    ):
        return True
    represented = getattr(record, "represented_organization_id", None)
    if represented is not None and represented() is not None:
        organization_id = represented()
        if any(
            m.role == Role.REPRESENTATIVE and m.organization_id == organization_id
            for m in _memberships(actor)
        ):
            return True
    states = record_state_ids(record)
    return bool(states) and states <= editor_state_ids(actor)


def can_merge(actor: Actor, keep: Any, remove: Any) -> bool:
    """May `actor` make `remove` part of `keep`? The secretariat may; an editor only when
    both records are of the editor's states, so no state's record is taken by another's."""
    if is_secretariat(actor):
        return True
    kept, removed = record_state_ids(keep), record_state_ids(remove)
    return bool(kept) and bool(removed) and kept | removed <= editor_state_ids(actor)


def require_edit(actor: Actor, record: Any) -> None:
    """Raise PermissionDenied (ortak.E301) unless `actor` may change `record`."""
    if not can_edit(actor, record):
        raise PermissionDenied(
            f"you may not change {record._meta.verbose_name} “{record}”: "
            "it belongs to another state or needs the OTS secretariat",
            code="E301",
        )


def require_review(actor: Actor) -> None:
    if not can_review(actor):
        raise PermissionDenied("publishing ingested drafts needs the reviewer role", code="E302")


def require_publish(actor: Actor, record: Any) -> None:
    """A reviewer publishes drafts of the states they review (all, for an unscoped one)."""
    require_review(actor)
    if _reviews(actor, record):
        return
    raise PermissionDenied(
        f"you may not publish {record._meta.verbose_name} “{record}”: it belongs to a state "
        "you do not review; ask a reviewer of that state",
        code="E307",
    )


def published_only(request: Any) -> bool:
    """Whether a request reads published records only: the public and accounts without a
    role do; the secretariat, reviewers and editors also read drafts."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return True
    return not (is_secretariat(user) or can_review(user) or editor_state_ids(user))


def require_secretariat(actor: Actor) -> None:
    if not is_secretariat(actor):
        raise PermissionDenied("this change needs the OTS secretariat", code="E303")
