"""What a user gives to be ingested, before any reading: light, so forms can build it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ortak.ingest.models import IngestJobKind


@dataclass(frozen=True)
class ArticleInput:
    """What a user gave: pasted text, a file (its name and bytes), or only an address.

    With text or a file, `url` is where the article was published; alone, it is fetched."""

    text: str = ""
    file_name: str = ""
    file_data: bytes = b""
    url: str = ""
    published: dt.date | None = None

    @property
    def kind(self) -> str:
        if self.text.strip():
            return IngestJobKind.TEXT
        return IngestJobKind.FILE if self.file_data else IngestJobKind.URL
