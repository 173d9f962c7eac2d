"""Which links of a news listing page are its articles. Plain Python, no Django.

An institution's site without a feed is read from its news page, and the page links to much
besides its articles: the menu, tags and categories, pages of the list, files, other sites.
A link is judged first by its address (`looks_like_article`): a slug of several words, a
dated address, a number under a news section in any of the member states' languages
(`/en/news/4521`, `/haberler/87`, `/жаңалықтар/12`) or a numbered query (`?id=812`). Then by
its place in the page (`article_links`): links in the page's chrome (menus, breadcrumbs,
pagination) are left, and short numbered addresses under a section no list names
(`/lenta/12`) are taken when the page lists several of them alike, each with a title.
The words each language's sites use are data, in sections.yaml beside this module.
"""

from __future__ import annotations

import enum
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urldefrag, urljoin, urlsplit

import courlan
import yaml

from ortak.feeds.addresses import as_uri, normalize_url, same_site

# Files and assets a news page links to that are not articles.
_NOT_ARTICLE = re.compile(
    r"\.(jpe?g|png|gif|svg|webp|pdf|docx?|xlsx?|pptx?|zip|rar|mp[34]|css|js|xml|rss)$", re.I
)
# Page extensions that say nothing of the page (`123.html` is the number 123).
_PAGE_EXTENSION = re.compile(r"\.(s?html?|php\d?|aspx?|jsp|cfm)$", re.I)
_WORD = re.compile(r"[^\W_]+")
_PART_WORDS = re.compile(r"[-_.+\s]+")
_YEAR = re.compile(r"(19[89]\d|20[0-4]\d)")
# The text of a link to a page of the list: its number, an arrow, an ellipsis.
_PAGER_TEXT = re.compile(r"[\d\s.…«»‹›<>←→|\-]+")
# Links alike on one page, each with a title of that many words, make a list of articles.
ALIKE_LINKS, TITLE_WORDS = 3, 3
# A link's place in the page: these elements are chrome, an article element is content.
_CHROME_TAGS = {"nav"}
_CHROME_UNLESS_IN_ARTICLE = {"header", "footer"}
_CONTENT_TAGS = {"article", "main"}


class Verdict(enum.Enum):
    """What an address alone says of a link: an article, not one, or an article if the
    page lists several like it."""

    ARTICLE = "article"
    NOT = "not"
    IF_ALIKE = "if alike"


@dataclass(frozen=True)
class Words:
    """The word lists of sections.yaml, case-folded."""

    sections: frozenset[str]
    navigation: frozenset[str]
    list_parameters: frozenset[str]
    chrome: frozenset[str]


@functools.cache
def words() -> Words:
    """The word lists, read once."""
    with (Path(__file__).parent / "sections.yaml").open(encoding="utf-8") as handle:
        table: dict[str, Any] = yaml.safe_load(handle)

    def flat(value: Any) -> frozenset[str]:
        lists = value.values() if isinstance(value, dict) else [value]
        return frozenset(str(word).casefold() for group in lists for word in group)

    return Words(
        sections=flat(table["sections"]) | flat(table["items"]),
        navigation=flat(table["navigation"]),
        list_parameters=flat(table["list_parameters"]),
        chrome=flat(table["chrome"]),
    )


def looks_like_article(link: str, *, listing: str) -> bool:
    """Whether the address alone names one article of the listing's own site (see
    `verdict`); a short number under an unknown section is not enough here."""
    return verdict(link, listing=listing) is Verdict.ARTICLE


def verdict(link: str, *, listing: str) -> Verdict:
    """NOT for another site, the listing itself, a file, a page of the archive (a tag,
    category, page of the list, author, sign-in) or a section; ARTICLE for a last part
    naming one article: a slug of three words or more, a number with letters or of five
    digits or more, a number or a slug under a news section or after a date, or a query
    with a number outside paging and filters (`news.php?id=12`); IF_ALIKE for a short
    number or a two-word slug under a section not known as news."""
    parts = urlsplit(link)
    if parts.scheme not in {"http", "https"} or not same_site(link, listing):
        return Verdict.NOT
    if normalize_url(link) == listing or _NOT_ARTICLE.search(parts.path):
        return Verdict.NOT
    if courlan.is_navigation_page(link) or courlan.is_not_crawlable(link):
        return Verdict.NOT
    segments = [unquote(s).casefold() for s in parts.path.split("/") if s]
    if any(segment in words().navigation for segment in segments):
        return Verdict.NOT
    if _numbered_query(urlsplit(normalize_url(link)).query):
        return Verdict.ARTICLE
    if not segments:
        return Verdict.NOT
    return _last_part(segments[:-1], _PAGE_EXTENSION.sub("", segments[-1]))


def _last_part(parents: list[str], last: str) -> Verdict:
    digits = re.sub(r"\D", "", last)
    letters = bool(re.search(r"[^\W\d_]", last))
    slug_words = len(_WORD.findall(last))
    if slug_words >= 3 or (digits and letters) or len(digits) >= 5:
        return Verdict.ARTICLE
    if all(word in words().sections for word in _PART_WORDS.split(last)):
        return Verdict.NOT
    dated = _dated(parents, last)
    if dated is not None:
        return dated
    if _YEAR.fullmatch(last) or (parents and _YEAR.fullmatch(parents[-1]) and _is_month(last)):
        return Verdict.NOT
    news = any(_is_section(parent) for parent in parents)
    if last.isdigit() or (letters and slug_words == 2 and parents):
        return Verdict.ARTICLE if news else Verdict.IF_ALIKE
    return Verdict.NOT


def _is_section(segment: str) -> bool:
    """Whether a part of the path, or one of its words, names a news section."""
    sections = words().sections
    return segment in sections or any(word in sections for word in _PART_WORDS.split(segment))


def _dated(parents: list[str], last: str) -> Verdict | None:
    """What a dated address is: an article after the date (`/2025/05/<slug>`,
    `/2025/05/12/1234`), a page of the archive when the last part is the date's own day
    (`/2025/05/12`); None when no year and month stand right before the last part."""
    for index, segment in enumerate(parents):
        month = parents[index + 1] if index + 1 < len(parents) else ""
        if not (_YEAR.fullmatch(segment) and _is_month(month)):
            continue
        rest = parents[index + 2 :]
        if len(rest) > 1 or (rest and not _is_day(rest[0])):
            return None
        if not rest and _is_day(last):
            return Verdict.NOT
        named = last.isdigit() or bool(re.search(r"[^\W\d_]", last))
        return Verdict.ARTICLE if named else Verdict.NOT
    return None


def _is_month(segment: str) -> bool:
    return segment.isdigit() and len(segment) <= 2 and 1 <= int(segment) <= 12


def _is_day(segment: str) -> bool:
    return segment.isdigit() and len(segment) <= 2 and 1 <= int(segment) <= 31


def _numbered_query(query: str) -> bool:
    listed = words().list_parameters
    return any(
        re.search(r"\d", value) and re.sub(r"_?\d+$", "", key.casefold()) not in listed
        for key, value in parse_qsl(query)
    )


@dataclass
class _Link:
    """A link of the page with what its anchors (one or several) say of it."""

    link: str
    verdict: Verdict
    texts: list[str] = field(default_factory=list)
    chrome: bool = True

    @property
    def title(self) -> str:
        return next((text for text in self.texts if not _PAGER_TEXT.fullmatch(text)), "")

    @property
    def pager(self) -> bool:
        """Whether the link's text is a page number or an arrow wherever it has text."""
        return bool(self.texts) and not self.title


def article_links(document: Any, *, url: str) -> list[tuple[str, str]]:
    """The article links of a parsed listing page as (link as written, title), in page
    order, one per normalized address: the links whose address names an article and the
    links alike (`verdict` IF_ALIKE) the page lists `ALIKE_LINKS` or more of, each with a
    title; links in the page's chrome or whose text is a page number are left unless the
    page has no other."""
    listing = normalize_url(url)
    found: dict[str, _Link] = {}
    for anchor in document.iterfind(".//a[@href]"):
        link = as_uri(urldefrag(urljoin(url, anchor.get("href", "").strip())).url)[:2000]
        judged = verdict(link, listing=listing)
        if judged is Verdict.NOT:
            continue
        entry = found.setdefault(normalize_url(link), _Link(link, judged))
        text = " ".join(anchor.text_content().split())[:500]
        entry.texts += [text] if text else []
        entry.chrome = entry.chrome and _in_chrome(anchor)
    links = [entry for entry in found.values() if not entry.pager]
    articles = _taken(links)
    return [(entry.link, entry.title) for entry in articles if not entry.chrome] or [
        (entry.link, entry.title) for entry in articles
    ]


def _taken(links: list[_Link]) -> list[_Link]:
    """The links naming articles, with the IF_ALIKE ones the page holds enough of."""
    titled = [
        entry
        for entry in links
        if entry.verdict is Verdict.IF_ALIKE and len(_WORD.findall(entry.title)) >= TITLE_WORDS
    ]
    alike = Counter(_shape(entry.link) for entry in titled)
    return [
        entry
        for entry in links
        if entry.verdict is Verdict.ARTICLE
        or (entry in titled and alike[_shape(entry.link)] >= ALIKE_LINKS)
    ]


def _shape(link: str) -> tuple[str, str, bool]:
    """What links of one list share: the path above the last part, and whether the last
    part is a number."""
    path = urlsplit(link).path.rstrip("/")
    parent, _, last = path.rpartition("/")
    return parent, urlsplit(link).query, _PAGE_EXTENSION.sub("", last).isdigit()


def _in_chrome(anchor: Any) -> bool:
    """Whether the link stands in a menu, breadcrumbs, pagination or the page's header or
    footer, rather than in its content."""
    chrome = words().chrome
    for element in anchor.iterancestors():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _CONTENT_TAGS:
            return False
        marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        tokens = {token for token in re.split(r"[\s_-]+", marks.casefold()) if token}
        if tag in _CHROME_TAGS or tokens & chrome:
            return True
        if tag in _CHROME_UNLESS_IN_ARTICLE and not any(
            parent.tag in _CONTENT_TAGS for parent in element.iterancestors()
        ):
            return True
    return False
