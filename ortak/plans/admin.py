"""The secretariat's back office for strategies, plans and measures."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortak.plans.models import ActivityPlan, Measure, Progress, Strategy


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "adopted_on"]
    search_fields = ["title", "aliases"]


@admin.register(ActivityPlan)
class ActivityPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "year_from", "year_to", "strategy"]
    search_fields = ["title"]


class ProgressInline(admin.TabularInline):
    model = Progress
    extra = 0


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "status", "due_date"]
    list_filter = ["status", "plan"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["responsible", "partners", "series"]
    inlines = [ProgressInline]
