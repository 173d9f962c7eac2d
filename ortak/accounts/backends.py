"""Django permissions from Ortak's roles, so the back office follows the same rules.

The OTS secretariat manages everything in the back office; a state's editor who has been
given back-office access may view the registry and events and change their own state's
records there (each ModelAdmin asks `can_edit` about the very record). Nothing is stored
in Django's permission tables: a role given or taken away counts at once.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from ortak.accounts.permissions import editor_state_ids, is_secretariat

# The apps whose records a state's editor works on (their own state's institutions' news
# feeds among them), and what they may do with them.
EDITOR_APPS = {"registry", "events", "feeds"}
EDITOR_ACTIONS = {"view", "add", "change", "delete"}


class RoleBackend(BaseBackend):
    """Grants model permissions by role; authentication stays with ModelBackend."""

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if not getattr(user_obj, "is_active", False):
            return False
        if is_secretariat(user_obj):
            return True
        app_label, _, codename = perm.partition(".")
        action = codename.partition("_")[0]
        return (
            app_label in EDITOR_APPS
            and action in EDITOR_ACTIONS
            and bool(editor_state_ids(user_obj))
        )

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        if not getattr(user_obj, "is_active", False):
            return False
        if is_secretariat(user_obj):
            return True
        return app_label in EDITOR_APPS and bool(editor_state_ids(user_obj))
