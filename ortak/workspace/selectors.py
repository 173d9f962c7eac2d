"""What the workspace's pages read, scoped to the user's roles."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from ortak.accounts.permissions import can_edit
from ortak.core.actors import Actor
from ortak.core.models import Publication
from ortak.events.models import Event
from ortak.feeds import selectors as feeds_selectors
from ortak.feeds.models import Feed
from ortak.ingest.models import IngestJob, Review, ReviewStatus
from ortak.ingest.selectors import ingest_job_get
from ortak.plans.models import ActivityPlan, Measure
from ortak.registry.models import DiasporaOrganization, Institution, Person, State
from ortak.workspace.access import Access

RECENT = 8  # records per list on the home page


def _editors_reviews(access: Access, user: Any) -> Q:
    """An editor's own drafts, their states' events', and those read from the news feeds
    of their states' institutions."""
    return (
        Q(created_by=user)
        | Q(events__state__in=access.state_ids)
        | Q(source__feed_items__feed__institution__state__in=access.state_ids)
    )


def review_queue(
    *, access: Access, user: Any, status: str = ReviewStatus.PENDING, feed: int | None = None
) -> QuerySet:
    """Drafts to review: every one for reviewers; an editor's own and their states' otherwise.
    `feed`: only the drafts read from that news feed."""
    reviews = Review.objects.filter(status=status).select_related("source", "created_by")
    if feed is not None:
        reviews = reviews.filter(feed_items__feed=feed).distinct()
    reviews = reviews.annotate(event_count=Count("events", distinct=True)).order_by("-created_at")
    if access.reviewer:
        return reviews
    return reviews.filter(_editors_reviews(access, user)).distinct()


def review_visible(*, access: Access, user: Any, review: Review) -> bool:
    """May the user open this draft? Reviewers all; editors their own and their states'."""
    if access.reviewer:
        return True
    if not access.contributor:
        return False
    mine = Review.objects.filter(pk=review.pk).filter(_editors_reviews(access, user))
    return mine.exists()


def review_proposals_editable(*, user: Any, review: Review) -> bool:
    """Whether `user` may add the values a review proposes: an editor of every event."""
    if not review.proposals:
        return False
    events = Event.objects.filter(pk__in={p["event"] for p in review.proposals})
    return all(can_edit(user, event) for event in events)


def home(*, access: Access, user: Any) -> dict[str, Any]:
    """What waits for the user: drafts to review, their state's recent records, their
    organizations."""
    context: dict[str, Any] = {"organizations": access.organizations}
    if access.contributor:
        queue = review_queue(access=access, user=user)
        context["queue"] = queue[:RECENT]
        context["queue_count"] = queue.count()
    if access.contributor:
        context["recent_events"] = _scoped(Event.objects, access, "state")[:RECENT]
        context["recent_people"] = _scoped(Person.objects, access, "state")[:RECENT]
    if access.secretariat or access.editor:
        from ortak.plans.models import DigestSubscription

        context["measures_due"] = _measures_due(access)[:RECENT]
        context["digest_on"] = DigestSubscription.objects.filter(user=user, active=True).exists()
    return context


def _measures_due(access: Access) -> list[Measure]:
    """The measures the user's states (all, for the OTS) are responsible for, due soon or
    overdue."""
    from django.utils import timezone

    from ortak.plans.selectors import measures_due_for

    states = (
        list(State.objects.values_list("pk", flat=True))
        if access.secretariat
        else sorted(access.state_ids)
    )
    return measures_due_for(institution_ids=[], state_ids=states, as_of=timezone.localdate())


def _scoped(records: Any, access: Access, state_field: str) -> QuerySet:
    """Recently changed records: the user's states for editors, everything for the OTS."""
    records = records.order_by("-updated_at")
    if access.secretariat or (access.reviewer and not access.editor):
        return records
    return records.filter(**{f"{state_field}__in": access.state_ids})


def _search(records: QuerySet, q: str, *fields: str) -> QuerySet:
    if not q:
        return records
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": q})
    return records.filter(condition).distinct()


def _visible(records: QuerySet, access: Access) -> QuerySet:
    """Drafts are for those who review or edit them; others see published records."""
    return records if access.contributor else records.filter(publication=Publication.PUBLISHED)


def event_list(*, access: Access, q: str = "", mine: bool = False) -> QuerySet[Event]:
    events = _visible(Event.objects.select_related("state"), access)
    if mine:
        events = events.filter(state__in=access.state_ids)
    return _search(events, q, "title", "city").order_by("-start_date", "title")


def person_list(*, access: Access, q: str = "") -> QuerySet[Person]:
    people = _visible(Person.objects.select_related("state"), access)
    return _search(people, q, "name", "aliases__text").order_by("name")


def institution_list(*, access: Access, q: str = "") -> QuerySet[Institution]:
    found = _visible(Institution.objects.select_related("state"), access)
    return _search(found, q, "name", "name_history__text").order_by("name")


def organization_list(*, access: Access, q: str = "") -> QuerySet[DiasporaOrganization]:
    found = _visible(DiasporaOrganization.objects.select_related("community_state"), access)
    return _search(found, q, "name", "city").order_by("name")


def plan_list() -> list[ActivityPlan]:
    """Every plan with its measures, each with its status today."""
    from django.utils import timezone

    from ortak.plans.selectors import measure_statuses

    plans = list(
        ActivityPlan.objects.prefetch_related("measures__responsible").order_by("-year_from")
    )
    measures = [measure for plan in plans for measure in plan.measures.all()]
    measure_statuses(measures, as_of=timezone.localdate())
    return plans


def review_of_text(text: str) -> Review | None:
    """The draft of an article added before (the same text, whitespace aside)."""
    from ortak.ingest.load import source_find

    source = source_find(text)
    return source.reviews.order_by("-created_at").first() if source else None


def ingest_job_of(actor: Actor, pk: int) -> IngestJob | None:
    """An article being read, for the user who gave it (or the OTS secretariat)."""
    return ingest_job_get(actor=actor, pk=pk)


def feed_list(*, access: Access) -> QuerySet[Feed]:
    """The news feeds of the institutions the user may edit (every one for the OTS), with
    what became of their items."""
    feeds = feeds_selectors.feed_list().select_related("added_by")
    if not access.secretariat:
        feeds = feeds.filter(institution__state__in=access.state_ids)
    return feeds.order_by("institution__name", "url")


def feed_institutions(*, access: Access) -> QuerySet[Institution]:
    """The institutions whose feeds the user may register."""
    found = Institution.objects.select_related("state").order_by("name")
    return found if access.secretariat else found.filter(state__in=access.state_ids)
