"""The secretariat's back office for strategies, plans, measures and their evidence.

Saving goes through ortak.plans.services, so the back office keeps the same rules and
history as the workspace; a measure's status is shown, never edited.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ortak.accounts.admin import RoleAdmin, RoleInline
from ortak.plans import services
from ortak.plans.models import (
    ActivityPlan,
    LinkState,
    Measure,
    MeasureDecision,
    MeasureLink,
    Progress,
    Strategy,
)
from ortak.plans.selectors import measure_statuses

_PLAN_FIELDS = ("title", "year_from", "year_to", "strategy", "adopted_at", "aliases")


@admin.register(Strategy)
class StrategyAdmin(RoleAdmin):
    list_display = ["title", "adopted_on"]
    search_fields = ["title", "aliases"]


@admin.register(ActivityPlan)
class ActivityPlanAdmin(RoleAdmin):
    list_display = ["title", "year_from", "year_to", "strategy", "adopted_at"]
    search_fields = ["title", "aliases"]
    fields = [*_PLAN_FIELDS, "publication"]
    autocomplete_fields = ["adopted_at"]

    def save_model(self, request, obj, form, change) -> None:
        data = {name: form.cleaned_data[name] for name in form.cleaned_data}
        if change:
            services.plan_update(actor=request.user, plan=obj, **data)
        else:
            obj.pk = services.plan_create(actor=request.user, **data).pk

    def delete_model(self, request, obj) -> None:
        services.plan_delete(actor=request.user, plan=obj)


class ProgressInline(RoleInline):
    model = Progress
    extra = 0
    readonly_fields = ["date", "note", "event", "author"]
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # progress notes are written through the workspace's services


class DecisionInline(admin.TabularInline):
    model = MeasureDecision
    extra = 0
    readonly_fields = ["kind", "decided_on", "reason", "source", "source_reference", "author"]
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class MeasureAdminForm(forms.ModelForm):
    due = forms.CharField(
        label=_("Due"),
        required=False,
        help_text=_("2022, 2022-Q4, 2022-03, 2022-10-15 or a range such as 2022-10/2022-11."),
    )

    class Meta:
        model = Measure
        fields = [
            "plan", "number", "title", "description", "series", "event_type", "host",
            "responsible", "partners", "publication",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.due:
            self.initial["due"] = str(self.instance.due)


@admin.register(Measure)
class MeasureAdmin(RoleAdmin):
    form = MeasureAdminForm
    list_display = ["title", "plan", "status", "due_date", "due_until"]
    list_filter = ["plan"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["responsible", "partners", "series", "host"]
    inlines = [DecisionInline, ProgressInline]

    @admin.display(description=_("status"))
    def status(self, measure: Measure) -> str:
        return measure_statuses([measure], as_of=timezone.localdate())[measure.pk].label

    def save_model(self, request, obj, form, change) -> None:
        data = dict(form.cleaned_data)
        responsible, partners = data.pop("responsible"), data.pop("partners", [])
        if change:
            services.measure_update(
                actor=request.user, measure=obj, responsible=responsible, partners=partners, **data
            )
        else:
            obj.pk = services.measure_create(
                actor=request.user, responsible=responsible, partners=partners, **data
            ).pk

    def save_related(self, request, form, formsets, change) -> None:
        for formset in formsets:  # the m2m fields were set by the service
            self.save_formset(request, form, formset, change)


@admin.register(MeasureLink)
class MeasureLinkAdmin(SimpleHistoryAdmin):
    list_display = ["event", "measure", "plan", "state", "method", "score"]
    list_filter = ["state", "method", "plan"]
    search_fields = ["event__title", "measure__title"]
    readonly_fields = ["plan", "measure", "event", "state", "method", "score", "reasons"]
    actions = ["confirm", "dismiss"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Confirm the selected proposals"))
    def confirm(self, request, queryset) -> None:
        for link in queryset.filter(state=LinkState.PROPOSED).exclude(measure=None):
            services.measure_link_confirm(actor=request.user, link=link)

    @admin.action(description=_("Dismiss the selected links"))
    def dismiss(self, request, queryset) -> None:
        for link in queryset:
            services.measure_link_dismiss(actor=request.user, link=link)


@admin.register(MeasureDecision)
class MeasureDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "kind", "decided_on", "author"]
    list_filter = ["kind"]
    fields = ["measure", "kind", "decided_on", "reason", "source", "source_reference"]
    autocomplete_fields = ["measure", "source"]

    def get_changeform_initial_data(self, request) -> dict[str, Any]:
        return {"decided_on": timezone.localdate()}

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None  # a decision is recorded, not rewritten; record a new one

    def save_model(self, request, obj, form, change) -> None:
        obj.pk = services.measure_decide(actor=request.user, **form.cleaned_data).pk
