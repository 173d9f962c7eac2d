"""Screenshots of the portal for docs/screenshots/: seeds a throwaway database, serves the
app on loopback and captures pages with headless Chromium (Playwright).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

The data is the portal's test data set (ortak/portal/tests/seed.py); with --samples, the
sample articles are also ingested and published, as `make run` does.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("ORTAK_CHROMIUM", "/usr/bin/chromium")
PAGES = [
    # file name, path (or a callable of the seeded data), viewport width
    ("home.png", lambda data: "/", 1280),
    ("event.png", lambda data: f"/events/{data['events']['roundtable'].pk}/", 1280),
    ("events-list.png", lambda data: "/events/", 1280),
    ("statistics.png", lambda data: "/statistics/", 1280),
    ("calendar.png", lambda data: "/calendar/?month=2025-06", 1280),
    ("home-phone.png", lambda data: "/", 390),
    ("event-phone.png", lambda data: f"/events/{data['events']['roundtable'].pk}/", 390),
]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):  # the screenshots need no access log
        pass


def _setup(data_dir: Path) -> None:
    os.environ["ORTAK_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'ortak.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["ORTAK_DEBUG"] = "false"  # the pages as the public sees them
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def _seed(samples: bool) -> dict:
    from ortak.portal.tests.seed import portal_seed

    data = portal_seed()
    if samples:
        _ingest_samples()
    return data


def _ingest_samples() -> None:
    """Publish the sample articles too, when the ingest pipeline can run here."""
    try:
        from ortak.accounts.services import operator_user
        from ortak.ingest.extract.reader import read_path
        from ortak.ingest.services import article_ingest
    except ImportError as error:
        print(f"sample articles not ingested ({error}); the seeded data set only")
        return
    for path in sorted((ROOT / "ortak" / "ingest" / "samples").glob("*.txt")):
        try:
            article_ingest(actor=operator_user(), article=read_path(str(path)), publish=True)
        except Exception as error:  # a sample that fails must not stop the screenshots
            print(f"{path.name}: not ingested ({error})")


def _serve() -> tuple[_Server, str]:
    from django.core.wsgi import get_wsgi_application

    server = make_server(
        "127.0.0.1", 0, get_wsgi_application(), server_class=_Server, handler_class=_QuietHandler
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def _capture(base: str, data: dict, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, path_of, width in PAGES:
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-GB")
            page = context.new_page()
            page.goto(base + path_of(data))
            page.screenshot(path=str(out / name), full_page=True)
            print(f"{out / name}")
            context.close()
        _capture_suggestions(browser, base, out / "search-suggestions.png")
        browser.close()


def _capture_suggestions(browser, base: str, path: Path) -> None:
    """The header's search box showing suggestions as one types."""
    context = browser.new_context(viewport={"width": 1280, "height": 500}, locale="en-GB")
    page = context.new_page()
    page.goto(base + "/")
    page.get_by_role("searchbox", name="Search").press_sequentially("Sabir", delay=60)
    page.locator("#search-suggest a, #search-suggest .suggest-note").first.wait_for()
    page.screenshot(path=str(path))
    print(path)
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--samples", action="store_true", help="ingest the sample articles too")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ortak-screens-") as tmp:
        _setup(Path(tmp))
        data = _seed(args.samples)
        server, base = _serve()
        try:
            _capture(base, data, args.out)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
