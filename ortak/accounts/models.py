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
