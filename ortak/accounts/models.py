"""Who may do what: a user's roles, each scoped to a state or an organization."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("OTS secretariat")
    EDITOR = "editor", _("State editor")
    REVIEWER = "reviewer", _("Reviewer")
    REPRESENTATIVE = "representative", _("Organization representative")


class Membership(models.Model):
    """One role of a user: an editor of a state, a representative of an organization."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    state = models.ForeignKey(
        "registry.State",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    organization = models.ForeignKey(
        "registry.DiasporaOrganization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="representatives",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="editor") | Q(state__isnull=False),
                name="editor_has_state",
            ),
            models.CheckConstraint(
                condition=~Q(role="representative") | Q(organization__isnull=False),
                name="representative_has_organization",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "state", "organization"], name="membership_unique"
            ),
        ]

    def __str__(self) -> str:
        scope = self.state or self.organization or ""
        return f"{self.user} — {self.get_role_display()} {scope}".strip()


class TokenScope(models.TextChoices):
    READ_DRAFTS = "drafts:read", _("Read the drafts of the institution's state")
    SUBMIT_ARTICLES = "articles:submit", _("Submit articles for review")


class ApiToken(models.Model):
    """A key an institution's systems use with the API, in the name of the person who made it.

    Only a SHA-256 digest of the key is kept (the key is 32 random bytes, so a fast hash is
    enough); `prefix` finds the row and names the key in lists. Revoked keys stay, for the
    record of what was done with them.
    """

    institution = models.ForeignKey(
        "registry.Institution", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    digest = models.CharField(max_length=64)
    scopes = models.JSONField(_("scopes"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"{self.prefix}… {self.name} ({self.institution})"
