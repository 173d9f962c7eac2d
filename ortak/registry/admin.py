"""The secretariat's back office for the registry: search, filters, change history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortak.registry.models import (
    DiasporaOrganization,
    Institution,
    InstitutionName,
    Person,
    PersonAlias,
    Position,
    State,
)


@admin.register(State)
class StateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "key", "iso_code", "ots_status", "ots_since"]
    list_filter = ["ots_status"]
    search_fields = ["name", "key", "aliases"]


class InstitutionNameInline(admin.TabularInline):
    model = InstitutionName
    extra = 0
    fields = ["text", "language", "kind", "valid_from", "valid_to"]


@admin.register(Institution)
class InstitutionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "state", "diaspora_body", "publication"]
    list_filter = ["kind", "state", "diaspora_body", "publication"]
    search_fields = ["name", "key", "name_history__text"]
    autocomplete_fields = ["parent", "succeeded_by"]
    inlines = [InstitutionNameInline]


@admin.register(DiasporaOrganization)
class DiasporaOrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "host_country", "city", "community_state", "publication"]
    list_filter = ["kind", "community_state", "host_country", "publication"]
    search_fields = ["name", "city", "activities"]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0
    fields = ["text"]


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["institution"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "state", "publication"]
    list_filter = ["state", "publication"]
    search_fields = ["name", "aliases__text"]
    inlines = [PersonAliasInline, PositionInline]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["person", "title", "institution", "start_date", "end_date"]
    list_filter = ["institution"]
    search_fields = ["person__name", "title", "institution__name"]
    autocomplete_fields = ["person", "institution"]
