"""One address per article: what a feed links to, made comparable.

News sites give one article many addresses: with a fragment, with `utm_*` and other
tracking parameters, with and without a trailing slash, and a page may name its own
canonical address. Plain Python, no Django.
"""

from __future__ import annotations

from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import courlan
import lxml.html
from lxml.etree import ParserError


def normalize_url(url: str) -> str:
    """`url` without fragment, tracking parameters (courlan's list: `utm_*`, `fbclid`,
    `ref`...), default port or trailing slash, the host in lower case, the query sorted.

    Other query parameters stay: `news.php?id=12` and `?id=13` are two articles.
    """
    parts = urlsplit(courlan.normalize_url(url.strip(), strict=False))
    path = parts.path.rstrip("/") if len(parts.path) > 1 else parts.path
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def as_uri(url: str) -> str:
    """`url` as a request may carry it: letters outside ASCII and spaces percent-encoded
    (sites write `/kk/жаңалықтар/45` in their links), what is already encoded kept."""
    return quote(url.strip(), safe="%/:=&?~#+!$,;'@()*[]")


def canonical_url(html: bytes, *, url: str) -> str | None:
    """The page's own `<link rel="canonical">`, absolute and normalized, when it names an
    http(s) address; None when the page names none (or is not HTML)."""
    try:
        document = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None
    for link in document.iterfind(".//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel:
            absolute = urljoin(url, link.get("href", "").strip())
            if urlsplit(absolute).scheme in {"http", "https"}:
                return normalize_url(absolute)
    return None


def same_site(url: str, other: str) -> bool:
    """Whether two addresses are on one host (a leading `www.` aside)."""

    def host(address: str) -> str:
        name = (urlsplit(address).hostname or "").lower()
        return name.removeprefix("www.")

    return host(url) == host(other)
