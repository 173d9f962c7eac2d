from django.contrib import admin

from ortak.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "state", "organization"]
    list_filter = ["role", "state"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["state", "organization"]
