"""An article from what the user gave: pasted text, a file's bytes, or a public address.

The reader (ortak.ingest.extract.reader) checks size, encoding and HTML, and fetches an
address through ortak.core.fetch, which never reaches inside the server's own network.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def _reader() -> Any:
    # Imported when an article arrives: the extract package loads spaCy, which the rest of
    # the workspace does not need.
    from ortak.ingest.extract import reader

    return reader


def from_text(text: str, *, url: str | None, published: dt.date | None) -> Any:
    return _reader().read_text(text, url=url, published=published)


def from_file(data: bytes, *, name: str, url: str | None, published: dt.date | None) -> Any:
    lowered = name.lower()
    html = True if lowered.endswith((".html", ".htm", ".xhtml")) else None
    return _reader().read_bytes(data, path=name or None, url=url, published=published, html=html)


def from_url(url: str, *, published: dt.date | None) -> Any:
    """Fetch a public page; ortak.core.fetch refuses (E106) one inside the server's network."""
    return _reader().read_url(url, published=published)
