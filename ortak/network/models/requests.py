"""A member institution's request for expertise: what field, which keywords, which languages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortak.registry.models import State


class ExpertiseRequest(models.Model):
    state = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="expertise_requests", verbose_name=_("by")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    fields_of_science = models.JSONField(_("fields of science (OECD)"), default=list, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request for expertise")

    def __str__(self) -> str:
        return self.title

    def owning_states(self) -> set[int]:
        return {self.state_id}
