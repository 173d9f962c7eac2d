"""The form that takes an article in: pasted text, an uploaded file, or an address.

Text and files are read here, so a file that is not text is refused at once with the form
kept; an address alone is fetched by the task queue, which tries again if the site does not
answer. Either way the form hands on `given` (what to keep in the job) and, for text and
files, `article` (what was read, to find an article added before).
"""

from __future__ import annotations

import os
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ortak.core.errors import InputError
from ortak.ingest.inputs import ArticleInput
from ortak.workspace import articles
from ortak.workspace.errors import plain_message
from ortak.workspace.forms.base import WorkspaceForm


class ArticleForm(WorkspaceForm):
    """Text first, then a file, then an address; the address is kept as the source's either way."""

    text = forms.CharField(
        label=_("Text of the article"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Paste the press release or news article, with its headline."),
    )
    file = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_("A text or HTML file."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"}),
    )
    url = forms.URLField(
        label=_("Address of the article"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        help_text=_("Where it was published. Without text or a file, the page is fetched."),
    )
    published = forms.DateField(
        label=_("Publication date"),
        required=False,
        help_text=_("If the article does not say it. For example 2025-06-13."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date, for example 2025-06-13.")},
    )

    def clean_text(self) -> str:
        return self._within_limit(self.cleaned_data["text"])

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload and upload.size > settings.ORTAK_MAX_ARTICLE_BYTES:
            raise forms.ValidationError(self._too_large())
        return upload

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Enter an address that starts with https://"))
        return url

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        field = "text" if data.get("text", "").strip() else "file" if data.get("file") else "url"
        if field == "url" and not data.get("url"):
            raise forms.ValidationError(
                _("Paste the text of the article, upload a file or give its address"),
                code="empty",
            )
        data["given"] = self._given(field, data)
        try:
            data["article"] = self._read(data["given"])
        except InputError as error:
            self.add_error(field, plain_message(error))
        return data

    def _given(self, field: str, data: dict[str, Any]) -> ArticleInput:
        url, published = data.get("url") or "", data.get("published")
        if field == "text":
            return ArticleInput(text=data["text"], url=url, published=published)
        if field == "file":
            upload = data["file"]
            name = os.path.basename(upload.name or "")[:200]
            return ArticleInput(
                file_name=name, file_data=upload.read(), url=url, published=published
            )
        return ArticleInput(url=url, published=published)

    def _read(self, given: ArticleInput) -> Any:
        """The article read from text or a file; None for an address, fetched later."""
        url = given.url or None
        if given.text.strip():
            return articles.from_text(given.text, url=url, published=given.published)
        if given.file_data:
            return articles.from_file(
                given.file_data, name=given.file_name, url=url, published=given.published
            )
        return None

    def _within_limit(self, text: str) -> str:
        if len(text.encode("utf-8", "surrogatepass")) > settings.ORTAK_MAX_ARTICLE_BYTES:
            raise forms.ValidationError(self._too_large())
        return text

    def _too_large(self) -> str:
        limit = filesizeformat(settings.ORTAK_MAX_ARTICLE_BYTES)
        return _(
            "The article is too large: the limit is %(limit)s. Give the article "
            "alone, not a whole website or archive."
        ) % {"limit": limit}
