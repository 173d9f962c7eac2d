"""Coded errors (ortak.E201: ...) said in plain words, in the user's language.

The services raise errors in English for logs and the command line; people in the
workspace read the message for the code below instead, with the code kept beside it
so that the secretariat can find the cause.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ortak.core.errors import OrtakError


def _messages() -> dict[str, str]:
    # Built per call so that each message is translated into the active language.
    limit = filesizeformat(settings.ORTAK_MAX_ARTICLE_BYTES)
    return {
        "E101": _(
            "The article is empty. Paste the text of the article, or choose a file with text in it."
        ),
        "E102": _(
            "The file is not text. Choose a text or HTML file, or paste the text of the article."
        ),
        "E103": _(
            "The article is too large: the limit is %(limit)s. Give the article "
            "alone, not a whole website or archive."
        )
        % {"limit": limit},
        "E104": _(
            "No article text was found on that page. Is it a list of news? Open the "
            "article itself and try again."
        ),
        "E105": _(
            "The characters of the file could not be read. Save it as UTF-8 text and try again."
        ),
        "E106": _(
            "The address could not be opened. Check it, or save the page and upload the file."
        ),
        "E107": _("This article was added before. Its draft is in the review queue."),
        "E201": _("The end date is before the start date. Check the two dates."),
        "E202": _("This person is already a participant of this event."),
        "E203": _("Choose at least one responsible institution from the registry."),
        "E204": _(
            "Enter the date as a year, a month or a day, for example 2024, 2024-11 or 2024-11-18."
        ),
        "E205": _("That is not a country code. Use the two-letter code, for example AZ or TR."),
        "E206": _("Some of these fields cannot be changed here."),
        "E207": _("A person's own name stays among the spellings. Change the name instead."),
        "E208": _("A record cannot be merged into itself. Choose two records."),
        "E209": _("One of the two records no longer exists. Reload the list."),
        "E210": _("That value cannot be decided here. Reload the page and try again."),
        "E211": _("This value cannot be edited. Reject it instead."),
        "E212": _("This draft was reviewed already."),
        "E214": _(
            "Give both coordinates, or neither to use the city's: the latitude from -90 to 90 "
            "(north positive), the longitude from -180 to 180 (east positive)."
        ),
        "E215": _("A link is not a web address. Write each one as https://… on its own line."),
        "E216": _("The number of members cannot be negative."),
        "E300": _("This page is not open to your role."),
        "E301": _(
            "You cannot change this record. It belongs to another state, or only the "
            "OTS secretariat can change it."
        ),
        "E302": _("Only reviewers can decide on and publish drafts."),
        "E303": _("Only the OTS secretariat can make this change."),
        "E304": _(
            "Only the OTS secretariat or an editor of a responsible state can report "
            "progress on this measure."
        ),
        "E305": _("Only editors, reviewers and the OTS secretariat can add articles."),
        "E309": _(
            "Only the OTS secretariat or an editor of both records' states can merge them "
            "or say they are not duplicates."
        ),
    }


def plain_message(error: OrtakError) -> str:
    """The plain-language message for a coded error; its own text when the code is new."""
    return _messages().get(error.code, error.message)


def add_form_error(form: forms.Form, error: OrtakError, fields: dict[str, str]) -> None:
    """Show a service's error on the form field it is about (`fields`: code -> field name)."""
    field = fields.get(error.code)
    form.add_error(field if field in form.fields else None, plain_message(error))


def _feed_messages() -> dict[str, str]:
    return {
        "E103": _(
            "The page at this address is larger than Ortak reads. Check that it is the feed "
            "or the news page, not a whole archive."
        ),
        "E106": _(
            "The site could not be read at this address: it did not answer, or the page is "
            "not there. Check that the address opens in a browser."
        ),
        "E131": _("Choose one of the languages in the list."),
        "E132": _(
            "This address gives neither a news feed nor a news page with links to articles. "
            "Check the institution's site for the address of its feed or news page."
        ),
        "E133": _("This feed is registered already: it is in the list."),
    }


def feed_message(code: str, message: str) -> str:
    """What went wrong with a news feed (registering it, or its last poll), in plain words."""
    return _feed_messages().get(code) or plain_message(OrtakError(message, code=code))
