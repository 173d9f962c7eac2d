"""Every read of the roster. The public sees only listed profiles whose consent lets them be
listed publicly, and of those only the fields the person made public: `PublicExpert` carries
nothing else, so no page, export or API answer built on it can show more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.db.models import QuerySet

from ortak.accounts.models import Membership, Role
from ortak.core.actors import Actor, acting_user
from ortak.core.models import Publication
from ortak.names import MATCH_THRESHOLD, NameMatcher, fold
from ortak.network.fields import fields_of_science, in_field
from ortak.network.models import (
    PROFILE_FIELDS,
    Consent,
    ConsentScope,
    Expert,
    ExpertiseRequest,
    ExpertStatus,
)
from ortak.registry.models import DiasporaOrganization
from ortak.search.duplicates import DuplicatePair

if TYPE_CHECKING:
    from django.contrib.auth.models import User

INSTITUTION_ROLES = (Role.SECRETARIAT, Role.EDITOR, Role.REVIEWER)


@dataclass(frozen=True)
class PublicExpert:
    """An expert as someone may see them: the name and the fields shown."""

    id: int
    name: str
    fields: dict[str, Any] = field(default_factory=dict)
    hidden: list[str] = field(default_factory=list)  # fields this viewer may not see

    def get(self, name: str) -> Any:
        return self.fields.get(name)

    @property
    def field_labels(self) -> list[str]:
        names = fields_of_science()
        return [f"{code} {names[code]}" for code in self.fields.get("fields_of_science") or []]


def _listed(scope_names: tuple[str, ...]) -> list[Expert]:
    """Listed experts with an active consent to any of `scope_names` (JSON `contains` is not
    on every backend for lists, so the scopes are checked here)."""
    experts = Expert.objects.filter(status=ExpertStatus.LISTED).select_related("community_state")
    active: dict[int, set[str]] = {}
    for consent in Consent.objects.filter(expert__in=experts, withdrawn_at__isnull=True):
        active.setdefault(consent.expert_id, set()).update(consent.scopes)
    return [e for e in experts if active.get(e.pk, set()) & set(scope_names)]


def is_institution_member(actor: Actor) -> bool:
    """Staff of a member state's institution or of the OTS secretariat."""
    user = acting_user(actor)
    if user is None:
        return False
    if getattr(user, "is_superuser", False):
        return True
    member = cast("User", user)
    return Membership.objects.filter(user=member, role__in=INSTITUTION_ROLES).exists()


def _values(expert: Expert) -> dict[str, Any]:
    values = {name: getattr(expert, name) for name in PROFILE_FIELDS}
    values["community_state"] = expert.community_state.name if expert.community_state else ""
    return values


def _visible(expert: Expert, *, institution: bool) -> PublicExpert:
    values = _values(expert)
    shown = PROFILE_FIELDS if institution else expert.public_fields
    return PublicExpert(
        id=expert.pk,
        name=expert.name,
        fields={name: values[name] for name in PROFILE_FIELDS if name in shown},
        hidden=[name for name in PROFILE_FIELDS if name not in shown],
    )


def _matches(expert: PublicExpert, query: str, field_code: str, language: str) -> bool:
    if field_code and not in_field(expert.get("fields_of_science") or [], field_code):
        return False
    if language and language not in (expert.get("languages") or []):
        return False
    if not query:
        return True
    texts = [expert.name, *(expert.get("other_names") or []), *(expert.get("keywords") or [])]
    texts.append(expert.get("affiliation") or "")
    words = {word for text in texts for word in fold(text).split()}
    return all(any(w.startswith(term) for w in words) for term in fold(query).split())


def expert_list(
    *, actor: Actor = None, query: str = "", field_code: str = "", language: str = ""
) -> list[PublicExpert]:
    """Experts found by name, keyword (across scripts), field of science and language.

    The public finds publicly listed experts by their public fields only; member
    institutions find every expert who consented to institutions and see every field."""
    institution = is_institution_member(actor)
    scopes = (ConsentScope.PUBLIC, ConsentScope.INSTITUTIONS) if institution else ("public",)
    found = [_visible(e, institution=institution) for e in _listed(scopes)]
    return [e for e in found if _matches(e, query, field_code, language)]


def expert_get(*, actor: Actor = None, pk: int) -> PublicExpert:
    """One expert as `actor` may see them; Expert.DoesNotExist when they may not."""
    for expert in expert_list(actor=actor):
        if expert.id == pk:
            return expert
    raise Expert.DoesNotExist(f"no expert {pk} to show")


def expert_data(expert: Expert) -> dict[str, Any]:
    """Everything Ortak holds about an expert, for the person to download."""
    profile = {name: getattr(expert, name) for name in ("name", "email", *PROFILE_FIELDS)}
    profile["community_state"] = expert.community_state.key if expert.community_state else None
    return {
        "profile": profile,
        "public_fields": expert.public_fields,
        "status": expert.status,
        "created_at": expert.created_at.isoformat(),
        "confirmed_at": expert.confirmed_at.isoformat() if expert.confirmed_at else None,
        "consents": [
            {
                "given_at": c.given_at.isoformat(),
                "text_version": c.text_version,
                "scopes": c.scopes,
                "source": c.source,
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in expert.consents.all()
        ],
        "viewed_by_institutions": [
            {"at": v.viewed_at.isoformat(), "by": v.viewer.username, "fields": v.fields}
            for v in expert.views.select_related("viewer")
        ],
        "history": [
            {"at": h.history_date.isoformat(), "change": h.get_history_type_display()}
            for h in expert.history.all()
        ],
    }


def experts_pending(*, state_ids: set[int] | None) -> QuerySet[Expert]:
    """Profiles waiting for moderation, of `state_ids`' communities (None: every one)."""
    pending = Expert.objects.filter(status=ExpertStatus.PENDING).select_related("community_state")
    return pending if state_ids is None else pending.filter(community_state_id__in=state_ids)


def request_matches(request: ExpertiseRequest, *, actor: Actor) -> list[tuple[PublicExpert, int]]:
    """Experts visible to institutions for a request, most matching first, with a score:
    2 for each requested field of science, 1 for each keyword or language shared."""
    wanted_words = {w for k in request.keywords for w in fold(k).split()}
    scored = []
    for expert in expert_list(actor=actor):
        codes = expert.get("fields_of_science") or []
        score = 2 * sum(in_field(codes, code) for code in request.fields_of_science)
        words = {w for k in expert.get("keywords") or [] for w in fold(k).split()}
        score += len(wanted_words & words)
        score += len(set(request.languages) & set(expert.get("languages") or []))
        if score:
            scored.append((expert, score))
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].name))


def expert_duplicates(*, kind: str = "expert", min_score: float = MATCH_THRESHOLD):
    """Pairs of experts (withdrawn ones aside) whose names, in any script, are alike; the
    same ORCID iD makes a pair whatever the names. For the secretariat's clean-up only."""
    experts = list(
        Expert.objects.exclude(status=ExpertStatus.WITHDRAWN).values_list(
            "pk", "name", "other_names", "orcid"
        )
    )
    matcher = NameMatcher()
    for pk, name, others, _ in experts:
        for spelling in [name, *others]:
            matcher.add(pk, spelling)
    scores: dict[tuple[int, int], float] = {}
    for pk, name, others, _ in experts:
        for spelling in [name, *others]:
            for match in matcher.match(spelling, limit=6, min_score=min_score):
                other = cast(int, match.key)  # the experts' primary keys, added above
                if other != pk:
                    pair = (min(pk, other), max(pk, other))
                    scores[pair] = max(scores.get(pair, 0.0), match.score)
    by_orcid: dict[str, list[int]] = {}
    for pk, _, _, orcid in experts:
        if orcid:
            by_orcid.setdefault(orcid, []).append(pk)
    for same in by_orcid.values():
        for other in same[1:]:
            scores[(min(same[0], other), max(same[0], other))] = 1.0
    names = {pk: name for pk, name, _, _ in experts}
    pairs = [
        DuplicatePair(kind, a, names[a], b, names[b], round(v, 4)) for (a, b), v in scores.items()
    ]
    return sorted(pairs, key=lambda p: (-p.score, p.first_id, p.second_id))


def organizations_registered(*, state_ids: set[int] | None) -> QuerySet[DiasporaOrganization]:
    """Organizations that registered themselves and wait for their community's state."""
    drafts = DiasporaOrganization.objects.filter(
        publication=Publication.DRAFT, pipeline_version=""
    ).select_related("community_state")
    return drafts if state_ids is None else drafts.filter(community_state_id__in=state_ids)
