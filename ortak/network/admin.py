"""The back office for the network: the roster (read mostly) and imports with a preview."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ortak.core.errors import OrtakError
from ortak.network.imports.table import read_table
from ortak.network.models import Consent, Expert, ExpertiseRequest
from ortak.network.services import ImportRefused, importer_for


@admin.register(Expert)
class ExpertAdmin(SimpleHistoryAdmin):
    list_display = ["name", "status", "community_state", "residence_country", "updated_at"]
    list_filter = ["status", "community_state"]
    search_fields = ["name", "folded"]
    # The person owns the profile: the back office reads it; writes go through the services.
    readonly_fields = [f.name for f in Expert._meta.concrete_fields]


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["expert", "text_version", "scopes", "given_at", "withdrawn_at", "source"]
    readonly_fields = [f.name for f in Consent._meta.concrete_fields]


@admin.register(ExpertiseRequest)
class ExpertiseRequestAdmin(SimpleHistoryAdmin):
    list_display = ["title", "state", "is_open", "created_at"]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What"), choices=[("organizations", _("Organizations")), ("experts", _("Experts"))]
    )
    file = forms.FileField(label=_("CSV or XLSX file"), required=False)
    kept = forms.CharField(widget=forms.HiddenInput, required=False)
    kept_name = forms.CharField(widget=forms.HiddenInput, required=False)
    skip_invalid = forms.BooleanField(label=_("Skip the invalid rows"), required=False)


def import_view(request: HttpRequest) -> HttpResponse:
    """Upload, preview the report (a dry run), then import the same file."""
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form, "title": _("Import"), "site_header": admin.site.site_header}
    if request.method == "POST" and form.is_valid():
        data, name = _uploaded(form)
        if data:
            # The file kept for the real import after the dry run: the form's data is the POST.
            kept = request.POST.copy()
            kept["kept"], kept["kept_name"] = base64.b64encode(data).decode(), name
            form.data = kept
            context.update(_run(request, form.cleaned_data, data, name))
    return render(request, "network/admin_import.html", context)


def _uploaded(form: ImportForm) -> tuple[bytes, str]:
    upload = form.cleaned_data.get("file")
    if upload is not None:
        return upload.read(), upload.name
    kept = form.cleaned_data.get("kept") or ""
    return base64.b64decode(kept), form.cleaned_data.get("kept_name") or "import.csv"


def _run(request: HttpRequest, options: dict, data: bytes, name: str) -> dict:
    dry_run = "import" not in request.POST
    suffix = Path(name).suffix.lower() if Path(name).suffix else ".csv"
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(data)
        handle.flush()
        try:
            report = importer_for(options["kind"])(
                actor=request.user,
                rows=read_table(handle.name),
                dry_run=dry_run,
                skip_invalid=options["skip_invalid"],
            )
        except ImportRefused as refused:
            return {"report": refused.report, "error": str(refused)}
        except OrtakError as error:
            return {"error": str(error)}
    return {"report": report}
