"""The interface catalogs: every message translated, the compiled .mo saying what the .po says,
and (where GNU gettext is installed) no string in the code missing from the catalogs."""

from __future__ import annotations

import gettext
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from ortak.workspace.tests.po import Entry, read_po

LOCALE = Path(settings.LOCALE_PATHS[0])
# English is the language the interface is written in; every other one has a catalog.
LANGUAGES = [code for code, _ in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]")
# What makemessages is told to leave out, as when the catalogs are made (see the report).
IGNORE = ["tests", "*/tests/*", "bench", "docs", "scripts", "var", "test-artifacts"]


def _po(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def _key(entry: Entry) -> str:
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_of_the_catalog_is_translated(language):
    untranslated = [e.msgid for e in read_po(_po(language)) if not e.translated]
    assert untranslated == [], f"{language}: {len(untranslated)} untranslated: {untranslated[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    for entry in read_po(_po(language)):
        allowed = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for form, text in entry.msgstr.items():
            used = set(PLACEHOLDER.findall(text))
            assert used <= allowed, f"{language}: {entry.msgid!r} form {form} adds {used - allowed}"
            if entry.msgid_plural is None:
                assert used == allowed, f"{language}: {entry.msgid!r} drops {allowed - used}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_says_what_the_po_says(language):
    """A stale .mo (the .po changed, compilemessages not run) fails here."""
    path = _po(language).with_suffix(".mo")
    with path.open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    catalog = compiled._catalog  # the parsed .mo: msgid (or (msgid, form)) -> msgstr
    for entry in read_po(_po(language)):
        for form, text in entry.msgstr.items():
            key = (_key(entry), form) if entry.msgid_plural else _key(entry)
            assert catalog.get(key) == text, f"{language}: {entry.msgid!r} is stale in the .mo"
    assert len({k if isinstance(k, str) else k[0] for k in catalog} - {""}) == len(
        read_po(_po(language))
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_header_names_its_language_and_plural_forms(language):
    header = _po(language).read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert f'"Language: {language}\\n"' in header
    assert "Plural-Forms: nplurals=" in header
    assert "fuzzy" not in header


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext is not installed")
def test_every_string_of_the_code_is_in_the_catalogs(tmp_path, monkeypatch):
    """Collect the strings afresh from a copy of the code and compare with the catalogs."""
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    skip = shutil.ignore_patterns("__pycache__", "*.mo", "*.po", "*.pyc")
    for folder in ("ortak", "config"):
        shutil.copytree(root / folder, copy / folder, ignore=skip)
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "ortak" / "locale"]):
        call_command("makemessages", locale=["ru"], ignore_patterns=IGNORE, verbosity=0)
    fresh_po = copy / "ortak" / "locale" / "ru" / "LC_MESSAGES" / "django.po"
    fresh = {_key(e) for e in read_po(fresh_po)}
    kept = {_key(e) for e in read_po(_po("ru"))}
    missing = sorted(fresh - kept)
    assert not missing, (
        f"{len(missing)} strings are not in the catalogs yet, e.g. {missing[:3]}; run "
        "`ortak makemessages -l ru -l tr -l az -l kk -l ky -l uz` with the ignore options of "
        "test_catalogs.IGNORE, translate, then `ortak compilemessages`"
    )
