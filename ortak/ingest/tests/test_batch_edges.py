"""Edge cases of the reader and the batch commands: long articles, folders, stray NULs."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ortak.core.errors import InputError
from ortak.events.models import Source
from ortak.ingest.extract import extract, read_bytes, read_text
from ortak.ingest.extract.reader import article_paths

GOOD = "The Diaspora Forum was held in Baku on 18 November 2024. Officials from Kazakhstan came."
OTHER = "The Youth Camp was held in Astana on 2 July 2025. Young people from Türkiye came."
# Over spaCy's 1,000,000 characters, under the 2 MB limit of the reader.
LONG = (GOOD + " ") * (1_000_000 // len(GOOD) + 10)


def _run(command: str, *args: str) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *args, stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return out.getvalue(), err.getvalue(), code


def test_an_article_over_the_pipelines_length_is_refused_with_a_code():
    assert len(LONG.encode()) < 2_000_000 < 2 * len(LONG)
    with pytest.raises(InputError) as raised:
        extract(read_text(LONG))
    assert raised.value.code == "E108"
    assert "one by one" in str(raised.value)


def test_extract_batch_goes_on_after_a_long_article(tmp_path):
    (tmp_path / "1.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "2.txt").write_text(LONG, encoding="utf-8")
    (tmp_path / "3.txt").write_text(OTHER, encoding="utf-8")
    out, err, code = _run("extract", *(str(tmp_path / n) for n in ("1.txt", "2.txt", "3.txt")))
    cities = [json.loads(line)["events"][0]["city"] for line in out.splitlines()]
    assert cities == ["Baku", "Astana"]
    assert "2.txt: ortak.E108" in err and "Traceback" not in err
    assert code == 1


def test_extract_batch_goes_on_after_an_unexpected_failure(tmp_path, monkeypatch):
    from ortak.ingest.extract import record

    build = record.build

    def fragile(article, doc, **kwargs):
        if "Astana" in article.text:
            raise ValueError("[E088] Text of length 1000001 exceeds maximum")
        return build(article, doc, **kwargs)

    monkeypatch.setattr(record, "build", fragile)
    for name, text in (("1.txt", OTHER), ("2.txt", GOOD)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out, err, code = _run("extract", str(tmp_path))
    assert [json.loads(line)["events"][0]["city"] for line in out.splitlines()] == ["Baku"]
    assert "1.txt: ortak.E109" in err and "E088" in err
    assert code == 1


def test_extract_a_folder_reads_its_articles_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "a.HTML").write_text(f"<html><body><article><p>{GOOD}</p></article></body></html>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02")
    (tmp_path / "sub").mkdir()
    assert article_paths(str(tmp_path)) == [str(tmp_path / "a.HTML"), str(tmp_path / "b.txt")]
    out, err, code = _run("extract", str(tmp_path))
    assert code == 0, err
    assert [json.loads(line)["events"][0]["city"] for line in out.splitlines()] == [
        "Baku",
        "Astana",
    ]


def test_extract_a_folder_without_articles_says_why(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    out, err, code = _run("extract", str(tmp_path))
    assert out == "" and code == 1
    assert "ortak.E106" in err and "holds no articles" in err and "*.txt" in err


@pytest.mark.parametrize(
    "data",
    [
        GOOD.replace(" was", "\x00 was").replace("Baku", "Ba\x00ku").encode() + b"\x00",
        b"\x00" + GOOD.encode(),
    ],
    ids=["three-stray-nuls", "leading-nul"],
)
def test_an_english_article_with_stray_nul_bytes_is_read(data):
    article = read_bytes(data)
    assert "\x00" not in article.text
    assert article.text.startswith("The Diaspora Forum was held in Baku")
    assert article.language == "en"
    assert any("ortak.W102" in note for note in article.notes)
    assert extract(article).record.events[0].city == "Baku"


def test_pasted_text_with_a_stray_nul_is_read():
    assert read_text(GOOD.replace("Forum", "Fo\x00rum")).text == GOOD


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4,
        "Diaspora".encode("utf-16-le") * 20,
    ],
    ids=["png", "zip", "utf-16-without-bom"],
)
def test_real_binary_is_still_refused(data):
    with pytest.raises(InputError) as raised:
        read_bytes(data)
    assert raised.value.code == "E102"


@pytest.mark.django_db
def test_ingest_batch_reports_a_bad_article_and_goes_on(reference, tmp_path):
    (tmp_path / "1.txt").write_text(LONG, encoding="utf-8")
    (tmp_path / "2.txt").write_text("", encoding="utf-8")
    (tmp_path / "3.txt").write_text(GOOD, encoding="utf-8")
    out, err, code = _run("ingest", str(tmp_path))
    assert "1.txt: ortak.E108" in err and "2.txt: ortak.E101" in err
    assert "3.txt: 1 new events" in out
    assert code == 1
    assert list(Source.objects.values_list("path", flat=True)) == [str(tmp_path / "3.txt")]
