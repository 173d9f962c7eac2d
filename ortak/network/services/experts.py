"""Every write to the roster of experts: registration with consent, e-mail confirmation,
moderation, institutions' views of private fields, withdrawal with erasure.

Nothing is stored without consent: `expert_register` refuses a profile without a scope
consented to. Withdrawing consent erases the personal data and its history at once; what
remains is the consent record itself (when, which text, which scopes, when withdrawn).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from ortak.accounts.permissions import require_edit
from ortak.core.actors import Actor, SystemActor, acting_user
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.services import with_actor
from ortak.names import fold
from ortak.network.fields import field_codes, normalize_orcid
from ortak.network.models import (
    PROFILE_FIELDS,
    Consent,
    ConsentScope,
    Expert,
    ExpertStatus,
    ExpertView,
)
from ortak.registry.models import State

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SALT = "ortak.network.expert"
CONFIRM_MAX_AGE = 7 * 24 * 3600
MANAGE_MAX_AGE = 90 * 24 * 3600
SELF_SERVICE = SystemActor("the person, by their e-mailed link")


@dataclass
class ExpertProfile:
    """What a person (or an institution's spreadsheet) tells about an expert."""

    name: str
    email: str = ""
    other_names: list[str] = field(default_factory=list)
    fields_of_science: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    affiliation: str = ""
    residence_country: str = ""
    community_state: State | None = None
    languages: list[str] = field(default_factory=list)
    orcid: str = ""
    links: list[str] = field(default_factory=list)
    public_fields: list[str] = field(default_factory=list)


def _checked(profile: ExpertProfile, scopes: list[str]) -> ExpertProfile:
    if not scopes or set(scopes) - set(ConsentScope.values):
        raise ValidationError(
            "nothing is stored without consent: choose at least one of "
            + ", ".join(ConsentScope.values),
            code="E220",
        )
    if not profile.name.strip():
        raise ValidationError("the expert's name is empty; give it", code="E221")
    try:
        profile.fields_of_science = field_codes(profile.fields_of_science)
        profile.orcid = normalize_orcid(profile.orcid) if profile.orcid else ""
    except DjangoValidationError as error:
        raise ValidationError("; ".join(error.messages), code="E222") from error
    unknown = set(profile.public_fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(f"no profile field {', '.join(sorted(unknown))}", code="E223")
    return profile


def folded_text(expert: Expert) -> str:
    """The expert's names, keywords and affiliation folded for search."""
    values = [expert.name, *expert.other_names, *expert.keywords, expert.affiliation]
    return "\n".join(filter(None, (fold(value) for value in values)))


def _apply(expert: Expert, profile: ExpertProfile) -> Expert:
    for name in ("name", "email", *PROFILE_FIELDS, "public_fields"):
        setattr(expert, name, getattr(profile, name))
    expert.folded = folded_text(expert)
    try:
        expert.full_clean(exclude=["user"])
    except DjangoValidationError as error:
        raise ValidationError("; ".join(error.messages), code="E222") from error
    return expert


@transaction.atomic
def expert_register(*, actor: Actor, profile: ExpertProfile, scopes: list[str]) -> Expert:
    """A person joins the roster: the profile and the consent, unconfirmed until the e-mailed
    link is followed."""
    profile = _checked(profile, scopes)
    if not profile.email:
        raise ValidationError("give an e-mail address to confirm the profile", code="E224")
    expert = _apply(Expert(status=ExpertStatus.UNCONFIRMED), profile)
    with_actor(expert, actor).save()
    Consent.objects.create(
        expert=expert,
        given_at=timezone.now(),
        text_version=settings.ORTAK_CONSENT_VERSION,
        scopes=list(dict.fromkeys(scopes)),
        source="self",
    )
    return expert


@transaction.atomic
def expert_add(
    *, actor: Actor, profile: ExpertProfile, scopes: list[str], consent_version: str
) -> Expert:
    """An institution adds an expert whose consent it recorded (an import): listed at once,
    as its editors moderate their own community's experts."""
    profile = _checked(profile, scopes)
    expert = _apply(Expert(status=ExpertStatus.LISTED, reviewed_at=timezone.now()), profile)
    require_edit(actor, expert)
    with_actor(expert, actor).save()
    Consent.objects.create(
        expert=expert,
        given_at=timezone.now(),
        text_version=consent_version,
        scopes=list(dict.fromkeys(scopes)),
        source="import",
        recorded_by=cast("User | None", acting_user(actor)),
    )
    return expert


def expert_token(expert: Expert, purpose: str) -> str:
    """A signed link token for the person: `confirm` their e-mail, `manage` their profile."""
    return signing.dumps({"expert": expert.pk, "purpose": purpose}, salt=SALT)


def expert_from_token(token: str, purpose: str) -> Expert:
    """The expert a token names; ortak.E225 when it is wrong, expired or erased."""
    max_age = CONFIRM_MAX_AGE if purpose == "confirm" else MANAGE_MAX_AGE
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature as error:
        raise ValidationError(
            "this link is wrong or has expired; ask for a new one", code="E225"
        ) from error
    expert = Expert.objects.filter(pk=data.get("expert")).first()
    if data.get("purpose") != purpose or expert is None:
        raise ValidationError("this link is wrong; ask for a new one", code="E225")
    if expert.status == ExpertStatus.WITHDRAWN:
        raise ValidationError("this profile was erased when consent was withdrawn", code="E226")
    return expert


def expert_send_link(expert: Expert, *, purpose: str, link: str) -> None:
    """E-mail the person their confirmation (or profile) link."""
    subject = {
        "confirm": "Ortak: confirm your profile in the roster of experts",
        "manage": "Ortak: your profile in the roster of experts",
    }[purpose]
    body = (
        f"{link}\n\nThis link lets you see, download and withdraw your profile. "
        "If you did not ask for it, ignore this message."
    )
    send_mail(subject, body, None, [expert.email])


@transaction.atomic
def expert_confirm(*, token: str) -> Expert:
    """The person followed the e-mailed link: the profile waits for moderation."""
    expert = expert_from_token(token, "confirm")
    if expert.status == ExpertStatus.UNCONFIRMED:
        expert.status, expert.confirmed_at = ExpertStatus.PENDING, timezone.now()
        with_actor(expert, SELF_SERVICE).save()
    return expert


@transaction.atomic
def expert_moderate(*, actor: Actor, expert: Expert, accept: bool) -> Expert:
    """The community state's institution (its editors) or the OTS accepts or rejects."""
    require_edit(actor, expert)
    if expert.status != ExpertStatus.PENDING:
        raise ValidationError(
            f"only profiles waiting for moderation are moderated; this one is {expert.status}",
            code="E227",
        )
    expert.status = ExpertStatus.LISTED if accept else ExpertStatus.REJECTED
    expert.reviewed_at = timezone.now()
    with_actor(expert, actor).save()
    return expert


@transaction.atomic
def expert_view_record(*, actor: Actor, expert: Expert, fields: list[str]) -> None:
    """Log that a member institution's user saw the profile's non-public `fields`."""
    viewer = cast("User | None", acting_user(actor))
    if fields and viewer is not None:
        ExpertView.objects.create(expert=expert, viewer=viewer, fields=fields)


@transaction.atomic
def consent_withdraw(*, expert: Expert) -> Expert:
    """Withdraw consent: the profile is hidden at once and its personal data erased, from
    the record and from its history. The consent records stay, without personal data."""
    if expert.status == ExpertStatus.WITHDRAWN:
        raise PermissionDenied("this profile was already erased", code="E226")
    now = timezone.now()
    expert.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
    for name in ("name", "email", "affiliation", "residence_country", "orcid", "folded"):
        setattr(expert, name, "")
    for name in ("other_names", "fields_of_science", "keywords", "languages", "links"):
        setattr(expert, name, [])
    expert.public_fields, expert.community_state, expert.user = [], None, None
    expert.status = ExpertStatus.WITHDRAWN
    expert.skip_history_when_saving = True  # type: ignore[attr-defined]
    expert.save()
    expert.history.all().delete()
    return expert
