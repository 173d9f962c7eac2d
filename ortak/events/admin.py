"""The secretariat's back office for events."""

from django.contrib import admin

from ortak.accounts.admin import RoleAdmin, RoleInline
from ortak.events.models import Event, EventSeries, Outcome, Participation, SiteVisit, Source


@admin.register(EventSeries)
class EventSeriesAdmin(RoleAdmin):
    list_display = ["name", "event_type", "organizer", "first_held"]
    list_filter = ["event_type"]
    search_fields = ["name", "key", "aliases"]


class ParticipationInline(RoleInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "institution", "state"]


class OutcomeInline(RoleInline):
    model = Outcome
    extra = 0


class SiteVisitInline(RoleInline):
    model = SiteVisit
    extra = 0


@admin.register(Event)
class EventAdmin(RoleAdmin):
    list_display = ["title", "event_type", "start_date", "city", "country", "status", "publication"]
    list_filter = ["event_type", "status", "publication", "state", "series"]
    search_fields = ["title", "city", "participations__person__name"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["series", "host", "organizers", "institutions", "countries", "state"]
    inlines = [ParticipationInline, OutcomeInline, SiteVisitInline]


@admin.register(Source)
class SourceAdmin(RoleAdmin):
    list_display = ["__str__", "published", "language", "pipeline_version", "publication"]
    list_filter = ["language", "publication"]
    search_fields = ["title", "url", "text"]
    readonly_fields = ["content_hash", "pipeline_version"]
