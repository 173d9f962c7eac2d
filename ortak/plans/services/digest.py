"""The weekly digest: opt-in, per user, of the measures their states are responsible for
that are overdue or due soon; sent through Django's e-mail backend, once a week by the
task queue's schedule (ortak.plans.tasks) or by `ortak plan-digest`."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ortak.accounts.permissions import editor_state_ids, is_secretariat
from ortak.core.errors import PermissionDenied
from ortak.plans.models import DigestDelivery, DigestSubscription
from ortak.plans.selectors import measures_due_for
from ortak.registry.models import State

logger = logging.getLogger(__name__)


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


# What an e-mail server that cannot take a message now raises: the digest is tried again.
SENDING_FAILURES = (smtplib.SMTPException, OSError)


@dataclass
class DigestRun:
    """What one run of the digest did: e-mails sent, and the users whose e-mail failed."""

    period: dt.date
    sent: int = 0
    failed: list[str] = field(default_factory=list)


def digest_period(today: dt.date) -> dt.date:
    """The week a digest belongs to: its Monday."""
    return today - dt.timedelta(days=today.weekday())


def digest_send(*, today: dt.date | None = None, language: str = "en") -> DigestRun:
    """Send every active digest that has something to say and was not sent this week yet.

    Each e-mail is sent inside the transaction that records it (DigestDelivery, once per
    user and week), so a run again, a second delivery of the task or a retry after a failure
    sends nothing twice; an e-mail that fails leaves no record, and the run goes on with the
    others and says whose failed.
    """
    today = today or timezone.localdate()
    run = DigestRun(period=digest_period(today))
    subscriptions = DigestSubscription.objects.filter(active=True).select_related("user")
    subscriptions = subscriptions.exclude(user__email="").exclude(
        user__plan_digests_sent__period=run.period
    )
    for subscription in subscriptions.order_by("pk"):
        try:
            # The statuses are named as the measures are read: in the e-mail's language,
            # whatever language the worker's thread was left in.
            with translation.override(language):
                run.sent += _digest_deliver(subscription, today, run.period, language)
        except SENDING_FAILURES as error:
            logger.warning("plan digest to %s not sent: %s", subscription.user.email, error)
            run.failed.append(subscription.user.email)
    return run


def _digest_deliver(
    subscription: DigestSubscription, today: dt.date, period: dt.date, language: str
) -> int:
    user = subscription.user
    measures = digest_measures(user, today)
    if not measures:
        return 0
    with transaction.atomic():
        # The record first: a second run at the same time waits on it, then finds it there.
        try:
            with transaction.atomic():
                DigestDelivery.objects.create(user=user, period=period, measures=len(measures))
        except IntegrityError:
            return 0
        send_mail(*_digest_message(user, measures, today, language))
        subscription.last_sent = timezone.now()
        subscription.save(update_fields=["last_sent", "updated_at"])
    return 1


def _digest_message(user: Any, measures: list, today: dt.date, language: str) -> tuple:
    with translation.override(language):
        subject = _("Ortak: %(count)s measures overdue or due soon") % {"count": len(measures)}
        body = render_to_string(
            "plans/digest.txt", {"measures": measures, "user": user, "today": today}
        )
    return subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]
