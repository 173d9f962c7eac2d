"""Backup and restore round-trip: every record, the search index and the kept files return."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ortak.core.backup import row_counts
from ortak.events.tests.factories import EventFactory
from ortak.registry.models import Institution, Person
from ortak.registry.reference import reference_load
from ortak.search.selectors import search
from ortak.search.services import index_rebuild

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def records(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "articles").mkdir(parents=True)
    (settings.MEDIA_ROOT / "articles" / "001.html").write_text("<p>kept upload</p>")
    reference_load()
    EventFactory.create_batch(3)
    Person.objects.create(name="Kadyr Çiviler")
    index_rebuild()


def test_backup_then_restore_into_an_empty_database_finds_every_record(records, settings, tmp_path):
    before = row_counts()
    found = [hit.object_id for hit in search("Чивилер", published_only=False)]
    archive = tmp_path / "backups" / "ortak.tar.gz"
    call_command("backup", str(archive))

    call_command("flush", interactive=False, verbosity=0)
    (settings.MEDIA_ROOT / "articles" / "001.html").unlink()
    assert not Institution.objects.exists()

    call_command("restore", str(archive))
    assert row_counts() == before
    assert sum(before.values()) > 100 and before["registry.Person"] == 1
    assert [hit.object_id for hit in search("Чивилер", published_only=False)] == found != []
    assert (settings.MEDIA_ROOT / "articles" / "001.html").read_text() == "<p>kept upload</p>"


def test_restore_refuses_a_database_that_holds_records(records, tmp_path):
    archive = tmp_path / "ortak.tar.gz"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="E501"):
        call_command("restore", str(archive))
    call_command("restore", str(archive), "--replace")
    assert Person.objects.filter(name="Kadyr Çiviler").exists()


@pytest.mark.parametrize("folder", ["existing", "new/"])
def test_backup_into_a_folder_writes_a_dated_archive(records, tmp_path, folder):
    (tmp_path / "existing").mkdir()
    call_command("backup", f"{tmp_path}/{folder}")
    written = list((tmp_path / folder.rstrip("/")).glob("ortak-*.tar.gz"))
    assert len(written) == 1


def test_restore_of_something_else_says_it_is_not_a_backup(db, tmp_path):
    bogus = tmp_path / "x.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="E504"):
        call_command("restore", str(bogus))
