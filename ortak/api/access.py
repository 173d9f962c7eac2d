"""Who reads drafts through the API: the rule lives with the others, in accounts.permissions."""

from ortak.accounts.permissions import published_only

__all__ = ["published_only"]
