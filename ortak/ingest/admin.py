from django.contrib import admin

from ortak.accounts.admin import RoleModelAdmin
from ortak.ingest.models import IngestJob, Review


@admin.register(Review)
class ReviewAdmin(RoleModelAdmin):
    list_display = ["__str__", "status", "pipeline_version", "created_at", "reviewer"]
    list_filter = ["status", "pipeline_version"]
    readonly_fields = ["record", "evidence", "pipeline_version", "merged_event_ids"]


@admin.register(IngestJob)
class IngestJobAdmin(RoleModelAdmin):
    list_display = ["__str__", "kind", "status", "attempts", "error_code", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["file_data", "review", "submitted_by", "started_at", "finished_at", "worker"]
