"""The secretariat's back office for strategies, plans and measures."""

from django.contrib import admin

from ortak.accounts.admin import RoleAdmin, RoleInline
from ortak.plans.models import ActivityPlan, Measure, Progress, Strategy


@admin.register(Strategy)
class StrategyAdmin(RoleAdmin):
    list_display = ["title", "adopted_on"]
    search_fields = ["title", "aliases"]


@admin.register(ActivityPlan)
class ActivityPlanAdmin(RoleAdmin):
    list_display = ["title", "year_from", "year_to", "strategy"]
    search_fields = ["title"]


class ProgressInline(RoleInline):
    model = Progress
    extra = 0


@admin.register(Measure)
class MeasureAdmin(RoleAdmin):
    list_display = ["title", "plan", "status", "due_date"]
    list_filter = ["status", "plan"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["responsible", "partners", "series"]
    inlines = [ProgressInline]
