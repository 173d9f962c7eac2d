from django.contrib import admin

from ortak.accounts.models import ApiToken, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "state", "organization"]
    list_filter = ["role", "state"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["state", "organization"]


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
