"""The secretariat's back office for the registry: search, filters, change history."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ortak.accounts.admin import RoleAdmin, RoleInline
from ortak.names import fold
from ortak.registry.models import (
    DiasporaOrganization,
    Institution,
    InstitutionName,
    Person,
    PersonAlias,
    Position,
    State,
)
from ortak.registry.services import (
    institution_add_name,
    organization_place_in_city,
    person_add_alias,
)


@admin.register(State)
class StateAdmin(RoleAdmin):
    list_display = ["name", "key", "iso_code", "ots_status", "ots_since"]
    list_filter = ["ots_status"]
    search_fields = ["name", "key", "aliases"]


class InstitutionNameInline(RoleInline):
    model = InstitutionName
    extra = 0
    fields = ["text", "language", "kind", "valid_from", "valid_to"]


@admin.register(Institution)
class InstitutionAdmin(RoleAdmin):
    list_display = ["name", "kind", "state", "diaspora_body", "publication"]
    list_filter = ["kind", "state", "diaspora_body", "publication"]
    search_fields = ["name", "key", "name_history__text"]
    autocomplete_fields = ["parent", "succeeded_by"]
    inlines = [InstitutionNameInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The name it is saved under is one of its names over time, as in the services.
        institution_add_name(institution=obj, text=obj.name, language="en", kind="official")

    def inline_prepare(self, record):
        record.folded = fold(record.text)  # the matching key of a name, as in the services


@admin.register(DiasporaOrganization)
class DiasporaOrganizationAdmin(RoleAdmin):
    list_display = ["name", "kind", "host_country", "city", "community_state", "publication"]
    list_filter = ["kind", "community_state", "host_country", "publication"]
    search_fields = ["name", "city", "activities"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Coordinates left empty are the city's, as in the workspace."""
        organization_place_in_city(obj)
        super().save_model(request, obj, form, change)


class PersonAliasInline(RoleInline):
    model = PersonAlias
    extra = 0
    fields = ["text"]


class PositionInline(RoleInline):
    model = Position
    extra = 0
    autocomplete_fields = ["institution"]


@admin.register(Person)
class PersonAdmin(RoleAdmin):
    list_display = ["name", "state", "publication"]
    list_filter = ["state", "publication"]
    search_fields = ["name", "aliases__text"]
    inlines = [PersonAliasInline, PositionInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Every name a person is saved under stays a spelling to match, as in the services.
        person_add_alias(person=obj, text=obj.name)

    def inline_prepare(self, record):
        if isinstance(record, PersonAlias):
            record.folded = fold(record.text)  # the matching key of a spelling


@admin.register(Position)
class PositionAdmin(RoleAdmin):
    list_display = ["person", "title", "institution", "start_date", "end_date"]
    list_filter = ["institution"]
    search_fields = ["person__name", "title", "institution__name"]
    autocomplete_fields = ["person", "institution"]
