"""Articles in: plain text, HTML, a URL or standard input, checked before anything is parsed.

Every way in ends in `Article`, whose `text` is what the pipeline reads and what evidence
offsets point into. Bad input raises `InputError` with a code and what to do about it:
E101 empty, E102 binary, E103 too large, E104 no text after HTML cleaning,
E105 not decodable, E106 unreadable path or URL (or a folder without articles).
"""

from __future__ import annotations

import datetime as dt
import glob
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ortak.core import fetch
from ortak.core.errors import InputError
from ortak.ingest.extract import language as lang_detect
from ortak.ingest.extract import published as publication
from ortak.ingest.extract.settings import reader_settings

_HTML_SNIFF = re.compile(
    rb"^\s*(<!doctype html|<html|<head|<body|<\?xml)|<(p|div|article)[\s>]", re.I
)
# Legacy single-byte encodings of the region's news sites, tried when UTF-8 fails.
_FALLBACK_ENCODINGS = ("cp1251", "cp1254", "cp1252")
# The files a folder given on the command line is read for (any case), in name order.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".md")
# Control bytes text never holds (all but tab, line feed, vertical tab, form feed, return).
_CONTROL = bytes([*range(1, 9), *range(14, 32), 127])
# Stray NUL bytes (from a copy and paste, a broken export) are removed from a text; past
# these shares of the first 8 KB it is binary data (E102), not text with a few NULs.
_MAX_NUL_SHARE = 0.05
_MAX_CONTROL_SHARE = 0.01


@dataclass
class Article:
    """One article as the pipeline reads it; `notes` carries warnings a reviewer should see."""

    text: str
    path: str | None = None
    url: str | None = None
    published: dt.date | None = None
    # The month of publication where only the month is known (a ` date 2022-03` line).
    published_month: dt.date | None = None
    language: str | None = None
    title: str | None = None
    notes: list[str] = field(default_factory=list)


def read_text(
    text: str,
    *,
    path: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """An article from plain text; a leading dateline supplies the publication date."""
    _check_size(len(text.encode("utf-8", "surrogatepass")))
    text, removed = _without_nul(text)
    # One form for letters like "Ç": some sites send them decomposed (C + combining cedilla).
    month = publication.published_month(text)
    text, dateline = _strip_dateline(unicodedata.normalize("NFC", text))
    text = text.strip("\ufeff")
    if not text.strip():
        raise InputError("the article is empty; give a file or URL with text", code="E101")
    article = Article(text=text, path=path, url=url, published=published or dateline)
    article.published_month = None if article.published else month
    if removed:
        article.notes.append(
            f"ortak.W102: {removed} stray NUL byte(s) were removed from the text; "
            "check the values read near them"
        )
    _set_language(article)
    return article


def read_bytes(
    data: bytes,
    *,
    path: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    html: bool | None = None,
) -> Article:
    """An article from raw bytes: size and binary checks first, then decoding and HTML."""
    _check_size(len(data))
    if not data.strip():
        raise InputError("the article is empty; give a file or URL with text", code="E101")
    if _looks_binary(data[:8192]) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _binary()
    text = decode(data)
    if html if html is not None else bool(_HTML_SNIFF.search(data[:4096])):
        return read_html(text, path=path, url=url, published=published)
    return read_text(text, path=path, url=url, published=published)


def read_html(
    html: str,
    *,
    path: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """An article from an HTML page: its main text and its publication date."""
    from ortak.ingest.extract import html as html_text

    body, page_date, title = html_text.main_text(html, url=url)
    if not body or not body.strip():
        raise InputError(
            "the article has no text after HTML cleaning; is it an index page?", code="E104"
        )
    article = read_text(body, path=path, url=url, published=published or page_date)
    article.title = title
    return article


def read_path(path: str | Path, *, published: dt.date | None = None) -> Article:
    """An article from a file; the size is checked before the file is read."""
    path = Path(path)
    try:
        _check_size(path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read {path}: {exc.strerror}; check the path", code="E106"
        ) from exc
    html = True if path.suffix.lower() in {".html", ".htm", ".xhtml"} else None
    return read_bytes(data, path=str(path), published=published, html=html)


def read_url(
    url: str, *, published: dt.date | None = None, timeout: float | None = None
) -> Article:
    """An article fetched from a public http(s) address (see ortak.core.fetch), within limits."""
    settings = reader_settings()
    options = fetch.FetchOptions(
        max_bytes=settings["max_bytes"],
        timeout=timeout or settings["url_timeout"],
        user_agent=settings["user_agent"],
        allowed_hosts=fetch.allowed_hosts_from_environment(),
    )
    return read_bytes(fetch.fetch(url, options).data, url=url, published=published)


def article_paths(item: str) -> list[str]:
    """The articles one command-line input names, in the order they are read.

    A folder: its article files (ARTICLE_SUFFIXES, any case), sorted by name; a folder
    without any is E106. A glob: its matches, sorted. A file, a URL or `-`: itself.
    """
    if item == "-" or "://" in item:
        return [item]
    path = Path(item)
    if path.is_dir():
        found = sorted(
            str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        )
        if not found:
            kinds = ", ".join(f"*{suffix}" for suffix in ARTICLE_SUFFIXES)
            raise InputError(
                f"the folder {item} holds no articles ({kinds}); give the files themselves "
                "or a folder of articles",
                code="E106",
            )
        return found
    if any(ch in item for ch in "*?[") and not path.exists():
        return sorted(glob.glob(item)) or [item]
    return [item]


def read_source(source: str, *, published: dt.date | None = None) -> Article:
    """An article from one source of article_paths(): `-`, a URL or a file."""
    if source == "-":
        return read_stdin(published=published)
    if "://" in source:
        return read_url(source, published=published)
    return read_path(source, published=published)


def read_stdin(stream: BinaryIO | None = None, *, published: dt.date | None = None) -> Article:
    """An article from standard input (`ortak extract -`)."""
    return read_bytes(_read_limited(stream or sys.stdin.buffer), path="-", published=published)


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16, else a legacy code page."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in _FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text, encoding):
            return text
    raise InputError(
        "the article is not UTF-8 and no known encoding fits; save it as UTF-8 and try again",
        code="E105",
    )


def _plausible(text: str, encoding: str) -> bool:
    """Whether a legacy decoding reads as words rather than mojibake."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < 0.5 * len(text.replace(" ", "")):
        return False
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    # cp1251 turns any high byte into Cyrillic: trust it only when Cyrillic dominates.
    return cyrillic > 0.3 * letters if encoding == "cp1251" else cyrillic == 0


def _read_limited(stream: BinaryIO) -> bytes:
    limit = reader_settings()["max_bytes"]
    data = stream.read(limit + 1)
    _check_size(len(data))
    return data


def _check_size(size: int) -> None:
    limit = reader_settings()["max_bytes"]
    if size > limit:
        raise InputError(
            f"the article is {size:,} bytes, over the limit of {limit:,}; "
            "give the article alone, not a whole site or archive",
            code="E103",
        )


def _looks_binary(sample: bytes) -> bool:
    """Binary data, not text with a few stray NUL bytes: many NULs, or other control bytes."""
    nul = sample.count(0)
    if not nul:
        return False
    control = sum(sample.count(byte) for byte in _CONTROL)
    return nul > _MAX_NUL_SHARE * len(sample) or control > _MAX_CONTROL_SHARE * len(sample)


def _without_nul(text: str) -> tuple[str, int]:
    """The text without its stray NUL characters, and how many there were (E102 if many)."""
    removed = text.count("\x00")
    if not removed:
        return text, 0
    if removed > _MAX_NUL_SHARE * len(text):
        raise _binary()
    return text.replace("\x00", ""), removed


def _binary() -> InputError:
    return InputError(
        "the input is binary (it holds NUL bytes); give the article as text or HTML", code="E102"
    )


def _strip_dateline(text: str) -> tuple[str, dt.date | None]:
    """Remove a leading ` date YYYY-MM-DD` line; else read a date from the article's top."""
    return publication.published_date(text)


def _set_language(article: Article) -> None:
    language = lang_detect.detect(article.text)
    if language is None:
        article.notes.append(
            "ortak.W101: the article's language was not recognised (en, ru, tr, az, kk, ky, uz "
            "are known); the record is a best effort, check it closely"
        )
    article.language = language
