"""The back office follows the roles: what a user may change, and every write through a service.

`RoleAdmin` and `RoleInline` are the base of every Ortak ModelAdmin: a record the user may
not change (another state's, or one that needs the OTS secretariat) is shown read-only
and cannot be saved or deleted, a form that would move a record out of the user's scope
is refused with the reason, and saves and deletes go through the services, which check the
right again and keep the actor in the history.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from ortak.accounts.models import ApiToken, Membership
from ortak.accounts.permissions import can_edit
from ortak.accounts.services import record_delete, record_save, role_grant, role_revoke


def _checked_form(form_class: type[forms.ModelForm], user: Any) -> type[forms.ModelForm]:
    """`form_class` that refuses a change leaving the record outside the user's scope."""

    class CheckedForm(form_class):  # type: ignore[valid-type,misc]
        def _post_clean(self) -> None:
            super()._post_clean()
            if not can_edit(user, self.instance):
                self.add_error(
                    None,
                    _(
                        "You cannot change this record. It belongs to another state, or "
                        "only the OTS secretariat can change it."
                    ),
                )

    return CheckedForm


class RoleAdminMixin:
    """Change and delete rights are the user's right on each record; writes via services."""

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)  # type: ignore[misc]
        return allowed and (obj is None or can_edit(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)  # type: ignore[misc]
        return allowed and (obj is None or can_edit(request.user, obj))

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]
        return _checked_form(form, request.user)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        record_save(actor=request.user, record=obj)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        record_delete(actor=request.user, record=obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        for record in queryset:
            record_delete(actor=request.user, record=record)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Each inline row is saved or deleted through the service, checked on the parent."""
        owner = form.instance
        for record in formset.save(commit=False):
            self.inline_prepare(record)
            record_save(actor=request.user, record=record, owner=owner)
        for record in formset.deleted_objects:
            record_delete(actor=request.user, record=record, owner=owner)
        formset.save_m2m()

    def inline_prepare(self, record: Any) -> None:
        """Fill what an inline row's form does not show before it is saved (none here)."""


class RoleAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    """The back office of a record with a change history."""


class RoleModelAdmin(RoleAdminMixin, admin.ModelAdmin):
    """The back office of a record without a change history."""


class RoleInline(admin.TabularInline):
    """An inline the user may change only when they may change the record it belongs to."""

    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and self._owner_editable(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and self._owner_editable(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and self._owner_editable(request, obj)

    @staticmethod
    def _owner_editable(request: HttpRequest, obj: Any) -> bool:
        return obj is None or can_edit(request.user, obj)


@admin.register(Membership)
class MembershipAdmin(RoleAdmin):
    list_display = ["user", "role", "state", "organization"]
    list_filter = ["role", "state"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["state", "organization"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:  # a role is changed by saving it as it now reads
            record_save(actor=request.user, record=obj)
            return
        granted = role_grant(
            actor=request.user,
            user=obj.user,
            role=obj.role,
            state=obj.state,
            organization=obj.organization,
        )
        obj.pk = granted.pk

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        role_revoke(actor=request.user, membership=obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        for membership in queryset:
            role_revoke(actor=request.user, membership=membership)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made with `ortak api-token create` (the key is shown once there); here
    the secretariat sees them and can revoke one by setting its revoked date."""

    list_display = ["prefix", "name", "institution", "created_by", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    readonly_fields = [
        "prefix",
        "digest",
        "institution",
        "scopes",
        "created_by",
        "created_at",
        "last_used_at",
    ]
    fields = [*readonly_fields, "name", "revoked_at"]

    def has_add_permission(self, request):
        return False
