"""The back office of the news feeds: register one, see each one's last poll, last error
and next poll, poll the chosen ones now, and go through what their items became.

A feed is registered through ortak.feeds.services.feed_add (which reads the address
first); changes and deletions go through the role-checked record services, as
everywhere in the back office. Items are written by the poller only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_celery_beat.admin import PeriodicTaskAdmin
from django_celery_beat.models import PeriodicTask

from ortak.accounts.admin import RoleAdmin
from ortak.core.errors import OrtakError
from ortak.feeds import services
from ortak.feeds.models import Feed, FeedItem, FeedKind

_POLL_STATE = [
    "kind", "last_polled_at", "last_succeeded_at", "next_poll_at", "failures",
    "last_error_shown", "etag", "last_modified", "added_by", "items_link",
]  # fmt: skip


class FeedAddForm(forms.ModelForm):
    """A new feed: its address is read before it is registered, to find what it is."""

    url = forms.URLField(label=_("address"), max_length=1000, assume_scheme="https")
    kind = forms.ChoiceField(
        label=_("kind"),
        choices=[("", _("Find out from the address")), *FeedKind.choices],
        required=False,
    )

    class Meta:
        model = Feed
        fields = ["url", "institution", "language", "kind", "poll_interval", "active"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("url") and not self.errors:
            try:
                self.probe = services.feed_probe(url=data["url"], kind=data.get("kind") or None)
            except OrtakError as error:
                raise forms.ValidationError(str(error)) from error
        return data


@admin.register(Feed)
class FeedAdmin(RoleAdmin):
    list_display = [
        "url", "institution", "kind", "language", "active", "last_polled_at",
        "next_poll_at", "failures", "last_error_shown", "items_link",
    ]  # fmt: skip
    list_filter = ["active", "kind", "language", "institution__state"]
    search_fields = ["url", "institution__name", "last_error"]
    autocomplete_fields = ["institution"]
    actions = ["poll_now"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs):
        if obj is None:
            kwargs["form"] = FeedAddForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return list(FeedAddForm.Meta.fields)
        return ["url", "institution", "language", "poll_interval", "active", *_POLL_STATE]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [] if obj is None else ["url", *_POLL_STATE]

    def save_model(self, request: HttpRequest, obj: Feed, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        probe = form.probe
        obj.pk = services.feed_add(
            actor=request.user,
            url=probe.url,
            institution=obj.institution,
            language=obj.language,
            kind=probe.kind,
            poll_interval=obj.poll_interval,
        ).pk

    @admin.display(description=_("last error"))
    def last_error_shown(self, feed: Feed) -> str:
        if not feed.last_error_code:
            return "–"
        return f"ortak.{feed.last_error_code}: {feed.last_error}"

    @admin.display(description=_("items"))
    def items_link(self, feed: Feed) -> str:
        address = reverse("admin:feeds_feeditem_changelist") + f"?feed__id__exact={feed.pk}"
        return format_html('<a href="{}">{}</a>', address, gettext("items"))

    @admin.action(description=_("Poll the selected feeds now"))
    def poll_now(self, request: HttpRequest, queryset: Any) -> None:
        """Hand each chosen feed to the task queue; the list shows each poll's outcome."""
        queued = []
        for feed in queryset.select_related("institution", "added_by"):
            try:
                services.feed_poll_enqueue(actor=request.user, feed=feed)
            except OrtakError as error:
                self.message_user(request, f"{feed}: {error}", messages.ERROR)
                continue
            queued.append(feed.url)
        if queued:
            message = ngettext(
                "%(count)d feed queued to be polled: %(urls)s. Its last poll and error show "
                "here once a worker has polled it.",
                "%(count)d feeds queued to be polled: %(urls)s. Their last poll and error "
                "show here once a worker has polled them.",
                len(queued),
            ) % {"count": len(queued), "urls": ", ".join(queued)}
            self.message_user(request, message, messages.SUCCESS)


@admin.register(FeedItem)
class FeedItemAdmin(admin.ModelAdmin):
    """What became of each item: shown, never edited (the poller writes them)."""

    list_display = [
        "__str__", "feed", "status", "published", "attempts", "error_code", "review_link",
    ]  # fmt: skip
    list_filter = ["status", "feed"]
    search_fields = ["url", "canonical_url", "title", "guid"]
    list_select_related = ["feed", "review"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("draft to review"))
    def review_link(self, item: FeedItem) -> str:
        if item.review_id is None:
            return "–"
        address = reverse("admin:ingest_review_change", args=[item.review_id])
        return format_html('<a href="{}">{}</a>', address, item.review_id)


# The schedule's periodic tasks (django-celery-beat) in the back office, without the inline
# script its change form adds (it only rewrites the crontab's help text): the
# Content-Security-Policy refuses inline code on every page, and the read-only
# "crontab translation" field says the same in plain text.
admin.site.unregister(PeriodicTask)


@admin.register(PeriodicTask)
class ScheduledTaskAdmin(PeriodicTaskAdmin):
    change_form_template = "admin/change_form.html"
