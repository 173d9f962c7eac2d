"""Diaspora scientists and experts: a profile the person controls, stored only with consent.

Each profile field is public or for member institutions only (`public_fields`); the e-mail
address is never public. Withdrawing consent erases the personal data at once, history
included (see services.experts.consent_withdraw).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortak.network.fields import validate_orcid
from ortak.registry.models import State

# Profile fields a person may show publicly or to member institutions only.
PROFILE_FIELDS = [
    "other_names",
    "fields_of_science",
    "keywords",
    "affiliation",
    "residence_country",
    "community_state",
    "languages",
    "orcid",
    "links",
]
DEFAULT_PUBLIC = ["fields_of_science", "keywords", "languages", "community_state"]


class ConsentScope(models.TextChoices):
    PUBLIC = "public", _("Listed publicly")
    INSTITUTIONS = "institutions", _("Visible to member institutions")
    CONTACT = "contact", _("May be contacted")


class ExpertStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("E-mail not yet confirmed")
    PENDING = "pending", _("Waiting for moderation")
    LISTED = "listed", _("Listed")
    REJECTED = "rejected", _("Not accepted")
    WITHDRAWN = "withdrawn", _("Consent withdrawn, data erased")


class Expert(models.Model):
    """A diaspora scientist or expert in the roster."""

    name = models.CharField(_("name"), max_length=200)
    other_names = models.JSONField(_("names in other scripts"), default=list, blank=True)
    fields_of_science = models.JSONField(_("fields of science (OECD)"), default=list)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    affiliation = models.CharField(_("affiliation abroad"), max_length=300, blank=True)
    residence_country = models.CharField(_("country of residence"), max_length=2, blank=True)
    community_state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="experts",
        verbose_name=_("community of"),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, validators=[validate_orcid])
    links = models.JSONField(_("links"), default=list, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    public_fields = models.JSONField(_("public fields"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ExpertStatus.choices,
        default=ExpertStatus.UNCONFIRMED,
        db_index=True,
    )
    # Names and keywords folded across scripts (ortak.names.fold), one per line, for search.
    folded = models.TextField(blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["folded"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"

    def owning_states(self) -> set[int]:
        """The community's state moderates the profile."""
        return {self.community_state_id} if self.community_state_id else set()

    def active_consent(self) -> Consent | None:
        return self.consents.filter(withdrawn_at__isnull=True).order_by("-given_at").first()


class Consent(models.Model):
    """A person's consent: when, to which text, for which scopes; kept after withdrawal
    without any personal data, as the record that the data were erased."""

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="consents")
    given_at = models.DateTimeField(_("given at"))
    text_version = models.CharField(_("text version"), max_length=20)
    scopes = models.JSONField(_("scopes"), default=list)
    # "self" when the person gave it in Ortak; "import" when an institution recorded it.
    source = models.CharField(max_length=10, default="self")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")

    def __str__(self) -> str:
        return f"{self.expert_id} {self.text_version} {','.join(self.scopes)}"

    def allows(self, scope: str) -> bool:
        return self.withdrawn_at is None and scope in self.scopes


class ExpertView(models.Model):
    """A member institution's user saw fields of a profile that are not public."""

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="views")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    fields = models.JSONField(default=list)
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-viewed_at"]

    def __str__(self) -> str:
        return f"{self.viewer_id} saw {', '.join(self.fields)} of {self.expert_id}"
