"""The main text, title and publication date of an HTML page, with trafilatura."""

from __future__ import annotations

import datetime as dt

import trafilatura

# Fewer words than this after cleaning is a menu, an index page or an error page.
MIN_ARTICLE_WORDS = 12


def main_text(html: str, *, url: str | None = None) -> tuple[str, dt.date | None, str | None]:
    """(text, published, title) of a page; the text is empty when the page has no article."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=True)
    if doc is None or isinstance(doc, dict):  # a dict only when asked for one
        return "", None, None
    text = doc.text or ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        text = ""
    return text, _iso_date(doc.date), doc.title


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
