"""Who acts: a signed-in user, the public, or a system process acting for a user.

Every service takes an `Actor`. A pipeline or an import acts as a `SystemActor` "on behalf
of" the user who started it: it has that user's rights, may make drafts for review, and the
history names both ("ingest, on behalf of editor").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


@dataclass(frozen=True)
class SystemActor:
    """A process of Ortak (the ingest pipeline) acting for the user who started it."""

    name: str
    on_behalf_of: AbstractBaseUser | None = None

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    @property
    def user(self) -> AbstractBaseUser | None:
        """The user whose rights the process has, if one is signed in."""
        user = self.on_behalf_of
        return user if user is not None and user.is_authenticated else None

    def __str__(self) -> str:
        return f"{self.name}, on behalf of {self.user}" if self.user else self.name


Actor = Union["AbstractBaseUser", "AnonymousUser", SystemActor, None]


def acting_user(actor: Actor) -> AbstractBaseUser | None:
    """The signed-in user behind `actor` (the one a system process acts for), or None."""
    if isinstance(actor, SystemActor):
        return actor.user
    return actor if actor is not None and actor.is_authenticated else None
