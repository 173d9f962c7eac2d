"""What the portal's pages read; published records only."""

from django.db.models import Prefetch

from ortak.core.models import Publication
from ortak.events.models import Event, EventStatus, Participation
from ortak.registry.models import OtsStatus, State


def home_page(*, limit: int = 6) -> dict:
    published = Event.objects.filter(publication=Publication.PUBLISHED)
    people = Prefetch("participations", Participation.objects.select_related("person"))
    return {
        "latest": published.exclude(status=EventStatus.PLANNED)
        .prefetch_related(people)
        .order_by("-start_date", "-created_at")[:limit],
        "planned": published.filter(status=EventStatus.PLANNED).order_by("start_date")[:limit],
        "states": State.objects.exclude(ots_status=OtsStatus.NONE).order_by("ots_status", "name"),
    }
