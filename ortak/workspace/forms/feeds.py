"""The form that registers an institution's news feed from the workspace."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ortak.core.errors import OrtakError
from ortak.feeds.models import Feed
from ortak.registry.models import Institution
from ortak.workspace.errors import feed_message
from ortak.workspace.forms.base import InstitutionChoiceField, WorkspaceForm, max_length


class FeedForm(WorkspaceForm):
    """A feed's address, its institution (one the user may edit) and its language; the
    service reads the address before registering it."""

    # The service's codes about the address and the language, shown beside those fields.
    error_fields = {"E106": "url", "E132": "url", "E133": "url", "E131": "language"}

    url = forms.URLField(
        label=_("Address of the feed or news page"),
        max_length=max_length(Feed, "url"),
        assume_scheme="https",
        help_text=_(
            "The address of the institution's RSS or Atom feed, or of its news page, for "
            "example https://diaspora.gov.az/en/rss."
        ),
        error_messages={"required": _("Enter the address of the feed or news page")},
    )
    institution = InstitutionChoiceField(
        queryset=Institution.objects.none(),
        label=_("Institution"),
        error_messages={"required": _("Choose the institution whose news this is")},
    )
    language = forms.ChoiceField(
        label=_("Language of the news"),
        choices=[("", "—"), *settings.LANGUAGES],
        error_messages={"required": _("Choose the language the news are written in")},
    )

    def __init__(self, *args: Any, institutions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choose_from("institution", institutions)

    def show_error(self, error: OrtakError) -> None:
        field = self.error_fields.get(error.code)
        self.add_error(field, feed_message(error.code, error.message))
