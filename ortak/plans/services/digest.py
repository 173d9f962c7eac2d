"""The weekly digest: opt-in, per user, of the measures their states are responsible for
that are overdue or due soon; sent through Django's e-mail backend."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ortak.accounts.permissions import editor_state_ids, is_secretariat
from ortak.core.errors import PermissionDenied
from ortak.plans.models import DigestSubscription
from ortak.plans.selectors import measures_due_for
from ortak.registry.models import State


@transaction.atomic
def digest_subscribe(*, actor: Any, active: bool) -> DigestSubscription:
    """Turn the signed-in user's own weekly digest on or off (E306 for anyone else)."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("sign in to ask for the weekly digest", code="E306")
    subscription, _created = DigestSubscription.objects.get_or_create(
        user=actor, defaults={"active": active}
    )
    if subscription.active != active:
        subscription.active = active
        subscription.save(update_fields=["active", "updated_at"])
    return subscription


def digest_measures(user: Any, today: dt.date) -> list:
    """What a user's digest lists: all states' measures for the OTS, else their own states'."""
    if is_secretariat(user):
        states = list(State.objects.values_list("pk", flat=True))
    else:
        states = sorted(editor_state_ids(user))
    if not states:
        return []
    return measures_due_for(institution_ids=[], state_ids=states, as_of=today)


def digest_send(*, today: dt.date | None = None, language: str = "en") -> int:
    """Send every active digest that has something to say; the number of e-mails sent."""
    today = today or timezone.localdate()
    sent = 0
    subscriptions = DigestSubscription.objects.filter(active=True).select_related("user")
    for subscription in subscriptions.exclude(user__email=""):
        measures = digest_measures(subscription.user, today)
        if not measures:
            continue
        with translation.override(language):
            subject = _("Ortak: %(count)s measures overdue or due soon") % {"count": len(measures)}
            body = render_to_string(
                "plans/digest.txt",
                {"measures": measures, "user": subscription.user, "today": today},
            )
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [subscription.user.email])
        subscription.last_sent = timezone.now()
        subscription.save(update_fields=["last_sent", "updated_at"])
        sent += 1
    return sent
