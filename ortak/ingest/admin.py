from django.contrib import admin

from ortak.accounts.admin import RoleModelAdmin
from ortak.ingest.models import Review


@admin.register(Review)
class ReviewAdmin(RoleModelAdmin):
    list_display = ["__str__", "status", "pipeline_version", "created_at", "reviewer"]
    list_filter = ["status", "pipeline_version"]
    readonly_fields = ["record", "evidence", "pipeline_version", "merged_event_ids"]
