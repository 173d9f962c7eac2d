"""Likely duplicate people, institutions and diaspora organizations, for editors to merge.

The names come from the index (every alias of a person, every translation of an
organization's name); `ortak.names.NameMatcher` blocks them on word skeletons, so each
name is compared with the few that share a close word, never with every other name.
Organizations in different host countries are never duplicates: the Kazakh cultural
centres of Berlin and of Paris are two. Institutions of two different states are never
duplicates either; the ingest pipeline makes new institutions from the names it reads, and
those are what this finds twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import product
from typing import TYPE_CHECKING, Any, cast

from django.apps import apps
from django.db import transaction

from ortak.accounts.permissions import can_merge
from ortak.core.actors import Actor, acting_user
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.names import MATCH_THRESHOLD, NameMatcher, similarity
from ortak.registry.models import DiasporaOrganization, Institution
from ortak.search.documents import SPEC_BY_LABEL
from ortak.search.models import DuplicateDismissal, Kind, SearchEntry

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# Keyed by the kinds' values: callers give a kind as text ("person").
MODELS: dict[str, str] = {
    Kind.PERSON: "registry.person",
    Kind.INSTITUTION: "registry.institution",
    Kind.ORGANIZATION: "registry.diasporaorganization",
}
# Every kind an editor merges, with the records kept out of the index (experts).
RECORD_MODELS: dict[str, str] = {**MODELS, "expert": "network.expert"}
PARTNERS = 5  # closest other records each name is paired with


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two records that may be one, `first_id` < `second_id`, and how alike their names are."""

    kind: str
    first_id: int
    first_name: str
    second_id: int
    second_name: str
    score: float


# Finders of duplicates among records the index does not hold (experts, for their privacy),
# registered by their apps in AppConfig.ready(): kind -> finder(kind=, min_score=).
FINDERS: dict[str, Callable[..., list[DuplicatePair]]] = {}


def duplicates(
    *, kind: str = Kind.PERSON, min_score: float = MATCH_THRESHOLD
) -> list[DuplicatePair]:
    """Pairs of `kind` ("person", "institution" or "organization") whose names score
    `min_score` or more, most alike first; drafts included, as editors clean them up."""
    if kind not in MODELS:
        raise ValidationError(
            f"duplicates are looked for among {' and '.join(MODELS)}, not {kind!r}", code="E401"
        )
    entries = list(
        SearchEntry.objects.filter(model=MODELS[kind]).values_list("object_id", "name", "folded")
    )
    matcher = NameMatcher()
    for object_id, _, folded in entries:
        for name in folded.splitlines():
            matcher.add(object_id, name)
    scores = _pair_scores(matcher, entries, min_score)
    if kind == Kind.ORGANIZATION:
        scores = _same_host_country(scores)
    if kind == Kind.INSTITUTION:
        scores = _same_state(scores)
    names = {object_id: name for object_id, name, _ in entries}
    pairs = [
        DuplicatePair(kind, a, names[a], b, names[b], round(value, 4))
        for (a, b), value in scores.items()
    ]
    return sorted(pairs, key=lambda p: (-p.score, p.first_id, p.second_id))


def _pair_scores(
    matcher: NameMatcher, entries: list[tuple[int, str, str]], min_score: float
) -> dict[tuple[int, int], float]:
    """The best score of each pair of records any of whose names match."""
    scores: dict[tuple[int, int], float] = {}
    for object_id, _, folded in entries:
        for name in folded.splitlines():
            for match in matcher.match(name, limit=PARTNERS + 1, min_score=min_score):
                other = cast(int, match.key)  # the entries' object ids, added above
                if other != object_id:
                    pair = (min(object_id, other), max(object_id, other))
                    scores[pair] = max(scores.get(pair, 0.0), match.score)
    return scores


def _same_host_country(scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    ids = {pk for pair in scores for pk in pair}
    country = dict(
        DiasporaOrganization.objects.filter(pk__in=ids).values_list("pk", "host_country")
    )
    return {pair: v for pair, v in scores.items() if country.get(pair[0]) == country.get(pair[1])}


def _same_state(scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Institutions of one state, or one of them of no state yet (a fresh ingest draft)."""
    ids = {pk for pair in scores for pk in pair}
    state = dict(Institution.objects.filter(pk__in=ids).values_list("pk", "state_id"))
    return {
        pair: value
        for pair, value in scores.items()
        if None in (state.get(pair[0]), state.get(pair[1]))
        or state.get(pair[0]) == state.get(pair[1])
    }


# Proposing pairs to editors --------------------------------------------------------------


@dataclass
class DuplicateCandidate:
    """A pair an editor may merge: both records, and the two names most alike (`why`)."""

    pair: DuplicatePair
    first: Any
    second: Any

    @property
    def kind(self) -> str:
        return self.pair.kind

    @cached_property
    def why(self) -> tuple[str, str]:
        """Read when shown only: a long list is cut before its names are compared."""
        return _why(self.first, self.second)


def find_duplicates(*, kind: str, min_score: float = MATCH_THRESHOLD) -> list[DuplicatePair]:
    """The pairs of `kind`, from the index or from the finder the kind's app registered."""
    return FINDERS.get(kind, duplicates)(kind=kind, min_score=min_score)


def duplicates_to_merge(
    *, actor: Actor, kind: str, min_score: float = MATCH_THRESHOLD
) -> list[DuplicateCandidate]:
    """The likely duplicates of `kind` that `actor` may merge (both records theirs), most
    alike first, leaving out the pairs someone said are two records."""
    pairs = undismissed(find_duplicates(kind=kind, min_score=min_score), kind=kind)
    records = duplicate_records(kind, {pk for p in pairs for pk in (p.first_id, p.second_id)})
    return [
        DuplicateCandidate(p, first, second)
        for p in pairs
        if (first := records.get(p.first_id)) is not None
        and (second := records.get(p.second_id)) is not None
        and can_merge(actor, first, second)
    ]


def undismissed(pairs: list[DuplicatePair], *, kind: str) -> list[DuplicatePair]:
    """The pairs no one has said are two records."""
    dismissed = set(
        DuplicateDismissal.objects.filter(kind=kind).values_list("first_id", "second_id")
    )
    return [p for p in pairs if (p.first_id, p.second_id) not in dismissed]


def duplicate_records(kind: str, pks: set[int]) -> dict[int, Any]:
    """The records of `kind` with these keys (E401 for a kind that is not merged)."""
    if kind not in RECORD_MODELS:
        raise ValidationError(
            f"records are merged among {', '.join(RECORD_MODELS)}, not {kind!r}", code="E401"
        )
    return apps.get_model(RECORD_MODELS[kind]).objects.in_bulk(list(pks))


def record_names(record: Any) -> list[str]:
    """Every name a record is known by, in each script it has one in."""
    spec = SPEC_BY_LABEL.get(record._meta.label_lower)
    if spec is not None:
        return [name for name in spec.names(record) if name]
    return [record.name, *getattr(record, "other_names", [])]


def _why(first: Any, second: Any) -> tuple[str, str]:
    """The name of each record that makes them look alike: the best-scoring two."""
    pairs = product(record_names(first), record_names(second))
    return max(pairs, key=lambda names: similarity(*names), default=(str(first), str(second)))


@transaction.atomic
def duplicate_dismiss(*, actor: Actor, kind: str, first_id: int, second_id: int) -> None:
    """Say two records of `kind` are not one: the pair is not proposed again. Needs the
    right to merge them (ortak.E309), as only who may merge them may say they stay two."""
    first_id, second_id = sorted((first_id, second_id))
    records = duplicate_records(kind, {first_id, second_id})
    if len(records) != 2:
        raise ValidationError("one of the two records no longer exists", code="E209")
    if not can_merge(actor, records[first_id], records[second_id]):
        raise PermissionDenied(
            "saying two records are not one needs the OTS secretariat or an editor of both "
            "records' states",
            code="E309",
        )
    DuplicateDismissal.objects.get_or_create(
        kind=kind,
        first_id=first_id,
        second_id=second_id,
        defaults={"dismissed_by": cast("User | None", acting_user(actor))},
    )
