"""Every page sends a Content-Security-Policy and holds nothing that policy would block.

The pages are found by following links from the portal's, the workspace's and the back
office's front pages, one page of each kind (addresses that differ only in their numbers).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from ortak.accounts.tests.factories import UserFactory, sign_in_with_code

pytestmark = pytest.mark.django_db
PUBLIC_STARTS = [
    "/",
    "/search/?q=diaspora",
    "/statistics/",
    "/series/",
    "/calendar/",
    "/accounts/login/",
    "/api/docs",
    "/does-not-exist/",
]
SIGNED_IN_STARTS = ["/workspace/", "/workspace/reviews/", "/admin/", "/accounts/two-factor/"]
_HREF = re.compile(r'href="(/[^"#]*)"')
_SKIP = re.compile(r"\.(csv|ics|css|js|png|svg)$|^/(static|i18n|api/(?!docs))|logout")
# What a policy without 'unsafe-inline' refuses: a script element without src (JSON data
# blocks are not run and are allowed), a style element or attribute, an on* handler, a
# javascript: address.
_INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>"),
    "style element": re.compile(r"<style[\s>]"),
    "style attribute": re.compile(r"<[^>]+\sstyle\s*=", re.S),
    "event handler attribute": re.compile(r"<[^>]+\son[a-z]+\s*=", re.S),
    "javascript: address": re.compile(r"javascript:", re.I),
}


# django-simple-history's history list puts `style="border-top: 0"` on its paginator; the
# policy drops that one line of styling and nothing else on the page depends on it.
_THIRD_PARTY_STYLE = re.compile(r"^/admin/.*/history/$")


def _kind(path: str) -> str:
    return re.sub(r"\d+", "N", urlsplit(path).path)


def _crawl(client: Client, starts: list[str], *, limit: int = 120) -> dict[str, object]:
    """One response per kind of page reachable from `starts`, keyed by address."""
    seen_kinds, pages, queue = set(), {}, list(starts)
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if _kind(path) in seen_kinds or _SKIP.search(path):
            continue
        seen_kinds.add(_kind(path))
        response = client.get(path)
        pages[path] = response
        if "text/html" in response.get("Content-Type", ""):
            queue.extend(_HREF.findall(response.content.decode()))
    return pages


def _problems(pages: dict[str, object]) -> list[str]:
    problems = []
    for path, response in pages.items():
        policy = response.get("Content-Security-Policy", "")
        if "script-src 'self'" not in policy or "unsafe-inline" in policy:
            problems.append(f"{path}: Content-Security-Policy is {policy!r}")
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if _THIRD_PARTY_STYLE.match(path):
            html = html.replace('<p class="paginator" style="border-top: 0">', "")
        problems += [f"{path}: {name}" for name, rx in _INLINE.items() if rx.search(html)]
    return problems


def test_public_pages_send_the_policy_and_need_no_inline_code(seeded, client):
    pages = _crawl(client, PUBLIC_STARTS)
    kinds = {_kind(path) for path in pages}
    assert {"/events/N/", "/people/N/", "/plans/N/", "/institutions/N/"} <= kinds
    assert _problems(pages) == []


def test_workspace_and_back_office_pages_send_the_policy_and_need_no_inline_code(seeded, client):
    sign_in_with_code(client, UserFactory(is_staff=True, is_superuser=True))
    pages = _crawl(client, SIGNED_IN_STARTS)
    kinds = {_kind(path) for path in pages}
    assert {"/workspace/", "/admin/", "/workspace/reviews/"} <= kinds
    assert _problems(pages) == []


def test_the_two_factor_setup_page_sends_the_policy_and_needs_no_inline_code(db, client):
    client.force_login(UserFactory())
    page = client.get("/accounts/two-factor/setup/")
    assert page.status_code == 200 and _problems({"/accounts/two-factor/setup/": page}) == []
