"""An article from what the user gave: pasted text, a file's bytes, or a public address.

The reader (ortak.ingest.extract.reader) checks size, encoding and HTML; this module adds
the one rule a web form needs on top: the server fetches only public addresses, never one
inside its own network.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from ortak.core.errors import InputError


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
    """Fetch a public page (E106 for an address inside the server's own network)."""
    require_public_address(url)
    return _reader().read_url(url, published=published)


def require_public_address(url: str) -> None:
    """Refuse addresses that resolve to loopback, private or link-local networks."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError) as error:
        raise InputError(f"cannot resolve {host!r}; check the address", code="E106") from error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            raise InputError(f"{host} is not a public address", code="E106")
