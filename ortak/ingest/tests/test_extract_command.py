"""`ortak extract`: JSON Lines out, coded errors on stderr, exit code 1 on any failure."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

GOOD = "The Diaspora Forum was held in Baku on 18 November 2024. Officials from Kazakhstan came."


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("extract", *args, stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return out.getvalue(), err.getvalue(), code


def test_extract_prints_one_json_line_per_article(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    out, _, code = _run(str(tmp_path))
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert json.loads(lines[0])["events"][0]["city"] == "Baku"


def test_extract_bad_article_goes_to_stderr_and_others_still_out(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out, err, code = _run(str(tmp_path / "*.txt"))
    assert code == 1
    assert "ortak.E101" in err
    assert len(out.strip().splitlines()) == 1


def test_extract_published_option_dates_a_plain_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The Diaspora Forum kicks off in Baku today.", encoding="utf-8")
    out, _, _ = _run(str(path), "--published", "2025-06-13")
    assert json.loads(out)["events"][0]["start_date"] == "2025-06-13"


def test_extract_keeps_cyrillic_unescaped(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text("Форум прошел в Бишкеке. Министр Равшанбек Сабиров выступил.", encoding="utf-8")
    out, _, _ = _run(str(path))
    assert "Сабиров" in out


@pytest.mark.parametrize("value", ["13.06.2025", "yesterday"])
def test_extract_rejects_a_bad_published_date(tmp_path, value):
    with pytest.raises(CommandError):
        call_command("extract", str(tmp_path), "--published", value)
