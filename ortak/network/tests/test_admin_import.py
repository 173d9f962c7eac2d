"""The back office imports with a preview first."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from ortak.accounts.tests.factories import sign_in_with_code
from ortak.registry.models import DiasporaOrganization
from ortak.registry.tests.factories import StateFactory

CSV = (
    "name,kind,country,city,community\n"
    "Birlik Derneği,association,DE,Köln,AZ\n"
    "Ata Yurt,school,Atlantis,,KG\n"
).encode()


def test_preview_then_import_with_the_invalid_rows_skipped(client, secretariat):
    StateFactory(key="AZ"), StateFactory(key="KG")
    secretariat.is_staff = True
    secretariat.save()
    sign_in_with_code(client, secretariat)
    upload = SimpleUploadedFile("organizations.csv", CSV, content_type="text/csv")
    preview = client.post(
        "/admin/import/", {"kind": "organizations", "file": upload, "preview": "1"}
    )
    page = preview.content.decode()
    assert "country: “Atlantis” is no country Ortak knows" in page
    assert not DiasporaOrganization.objects.exists()
    kept = preview.context["form"].data["kept"]

    refused = client.post("/admin/import/", {"kind": "organizations", "kept": kept, "import": "1"})
    assert "E228" in refused.content.decode()
    assert not DiasporaOrganization.objects.exists()

    client.post(
        "/admin/import/",
        {
            "kind": "organizations",
            "kept": kept,
            "kept_name": "o.csv",
            "skip_invalid": "on",
            "import": "1",
        },
    )
    assert list(DiasporaOrganization.objects.values_list("name", flat=True)) == ["Birlik Derneği"]


def test_the_import_page_is_for_staff_only(client, az_editor):
    client.force_login(az_editor)
    assert client.get("/admin/import/").status_code == 302
