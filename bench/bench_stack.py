"""Latency of the production stack while it ingests a news feed: the portal under load, with
and without the task queue's workers reading articles at the same time.

Run: .venv/bin/python bench/bench_stack.py [--events 2000] [--articles 40] [--users 50]

It creates a throwaway PostgreSQL database (`ortak_bench_stack` on the server of
ORTAK_TEST_DATABASE_URL) filled as bench_portal.py fills its own (2,000 events by default
rather than 10,000, so that the run stays within a few minutes), and empties a Redis
database (ORTAK_BENCH_REDIS_URL, redis://127.0.0.1:6379/8); it is skipped with a message
when either does not answer. It then starts the production stack with scripts/production.sh
(`make production`: gunicorn, two Celery workers on Redis, celery beat with the database
scheduler, the production settings) pointed at that database, that Redis database and a data
directory of its own, and serves on loopback an RSS feed of --articles real articles (the
development corpus and the sample articles, each with its own title; ORTAK_FETCH_ALLOWED_HOSTS
lets the workers fetch them). A poll reads at most ITEMS_PER_POLL articles, so the articles
are split between that many feeds, each registered with `feed_add` for an institution.

1. baseline: bench_portal's load model (--users people reading a page ~--think seconds
   each, the home page, an event page and the events list) with the workers idle;
2. the same load while the workers ingest: one `ortak.feeds.poll` task per feed is sent when
   the load starts, as a poll asked for by hand, and both workers read articles into drafts.

It prints requests per second and p50/p95/p99 per page for both runs, their p95 ratio, the
feed side (articles ingested during the window, articles per second, the time from the poll
to the last draft) and the load average (other processes share the machine). The target is
p95 < 100 ms on every page with no error while the feed is ingested. Every step is bounded
in time; the stack is stopped, the database dropped and the Redis database emptied at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import html
import math
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import bench_portal as portal

ROOT = portal.ROOT
BENCH_DATABASE = "ortak_bench_stack"
DEFAULT_REDIS = "redis://127.0.0.1:6379/8"
STARTUP_SECONDS = 180  # migrate, load-reference, collectstatic, check, the workers ready
STOP_SECONDS = 30  # a Celery worker finishes its task before it stops; then it is killed


# The articles and the feeds, served on loopback --------------------------------------------


def article_texts() -> list[str]:
    """The development corpus and the sample articles, each text once."""
    shared = Path(os.environ.get("ORTAK_SHARED", ROOT.parent / "shared"))
    files = sorted((shared / "corpus" / "dev").glob("*.txt"))
    files += sorted((ROOT / "ortak" / "ingest" / "samples").glob("*.txt"))
    texts: dict[str, None] = {}
    for path in files:
        texts.setdefault(path.read_text(encoding="utf-8").strip(), None)
    return list(texts)


def articles(count: int, base: str) -> list[dict]:
    """`count` articles with distinct titles and texts: the texts in turn; a text met again
    gets a line of its own (an agency's update), so it is not the same article twice."""
    texts, made = article_texts(), []
    published = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
    for number in range(count):
        text, round_ = texts[number % len(texts)], number // len(texts)
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        title = " ".join(paragraphs[0].split()[:9]).strip(" .,:;-")
        if round_:
            title += f" (update {round_})"
            paragraphs.append(f"Updated on {published + dt.timedelta(hours=number):%d %B %Y}.")
        made.append(
            {
                "title": title,
                "url": f"{base}/news/{number + 1}.html",
                "published": published + dt.timedelta(hours=number),
                "paragraphs": paragraphs,
            }
        )
    return made


def article_page(article: dict) -> bytes:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in article["paragraphs"])
    title = html.escape(article["title"])
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="canonical" href="{article["url"]}">'
        f'<meta property="article:published_time" content="{article["published"].isoformat()}">'
        f"</head><body><header><nav><a href='/'>News</a></nav></header><main><article>"
        f"<h1>{title}</h1>\n{body}</article></main><footer>Press service</footer></body></html>"
    ).encode()


def rss(title: str, link: str, items: list[dict]) -> bytes:
    entries = "".join(
        f"<item><title>{html.escape(a['title'])}</title><link>{a['url']}</link>"
        f"<guid>{a['url']}</guid><pubDate>{format_datetime(a['published'])}</pubDate></item>"
        for a in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>{link}</link>"
        f"<description>News</description>{entries}</channel></rss>"
    ).encode()


def site(port: int, count: int, per_feed: int) -> tuple[dict[str, tuple[str, bytes]], list[str]]:
    """The pages of the loopback site by path, and the addresses of its feeds."""
    base = f"http://127.0.0.1:{port}"
    made = articles(count, base)
    pages = {urlsplit(a["url"]).path: ("text/html; charset=utf-8", article_page(a)) for a in made}
    feeds = []
    for number in range(math.ceil(count / per_feed)):
        path = f"/feeds/{number + 1}.xml"
        chunk = made[number * per_feed : (number + 1) * per_feed]
        pages[path] = ("application/rss+xml", rss(f"News {number + 1}", base, chunk))
        feeds.append(base + path)
    return pages, feeds


def serve_site(port: int, pages: dict[str, tuple[str, bytes]]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            kind, body = pages.get(self.path, ("text/plain", b"not found"))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # the workers' own log says what they read
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def feeds_register(addresses: list[str]) -> list[int]:
    """Each feed registered as the back office does, for its own institution; the schedule
    is told to leave them alone (the bench sends their polls when the load starts)."""
    from django.utils import timezone

    from ortak.accounts.services import operator_user
    from ortak.feeds import services
    from ortak.feeds.models import Feed
    from ortak.registry.models import Institution

    actor = operator_user()
    institutions = Institution.objects.order_by("pk")[: len(addresses)]
    ids = [
        services.feed_add(
            actor=actor, url=url, institution=institution, language="en", kind="rss"
        ).pk
        for url, institution in zip(addresses, institutions, strict=True)
    ]
    Feed.objects.filter(pk__in=ids).update(next_poll_at=timezone.now() + dt.timedelta(days=1))
    return ids


# The production stack ------------------------------------------------------------------------


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def stack_start(env: dict, log: Path) -> subprocess.Popen:
    """scripts/production.sh in a session of its own (so it can be stopped as a whole)."""
    with log.open("w") as out:
        return subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "production.sh")],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stack_ready(stack: subprocess.Popen, port: int, log: Path) -> None:
    """Return once gunicorn answers and both Celery workers answer a ping."""
    from config.celery import app

    deadline = time.perf_counter() + STARTUP_SECONDS
    web = workers = False
    while time.perf_counter() < deadline:
        if stack.poll() is not None:
            raise RuntimeError(f"production.sh exited with {stack.returncode}:\n{tail(log)}")
        if not web:
            with contextlib.suppress(OSError):
                web = portal._get(port, "/")[0] == 200
        if web and not workers:
            workers = len(app.control.ping(timeout=1.0) or []) >= 2
        if web and workers:
            return
        time.sleep(0.5)
    raise RuntimeError(f"the stack was not ready within {STARTUP_SECONDS} s:\n{tail(log)}")


def stack_stop(stack: subprocess.Popen) -> None:
    """production.sh stops its parts on SIGTERM; whatever is left after STOP_SECONDS (a
    worker in the middle of a poll) is killed with the whole session."""
    if stack.poll() is None:
        stack.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            stack.wait(timeout=STOP_SECONDS)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(stack.pid, signal.SIGKILL)
    stack.wait(timeout=10)


def tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def redis_flush(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_connect_timeout=3).flushdb()


# The feed side -------------------------------------------------------------------------------


def polls_send(feed_ids: list[int]) -> dt.datetime:
    """One poll per feed on the task queue, as a poll asked for by hand; when they left."""
    from django.utils import timezone

    from ortak.feeds.tasks import feed_poll

    sent = timezone.now()
    for feed_id in feed_ids:
        feed_poll.delay(feed_id)
    return sent


def feed_figures(feed_ids: list[int], sent: dt.datetime, window_end: dt.datetime) -> dict:
    from django.db.models import Count, Max, Min

    from ortak.feeds.models import FeedItem, FeedItemStatus

    items = FeedItem.objects.filter(feed_id__in=feed_ids)
    read = items.exclude(status=FeedItemStatus.NEW)
    drafts = items.filter(review__isnull=False).aggregate(
        first=Min("review__created_at"), last=Max("review__created_at")
    )
    return {
        "listed": items.count(),
        "in_window": read.filter(updated_at__lte=window_end).count(),
        "by_status": dict(items.values_list("status").annotate(n=Count("pk"))),
        "errors": sorted(set(items.exclude(error_code="").values_list("error_code", "error"))),
        "first": drafts["first"],
        "last": drafts["last"],
        "sent": sent,
        "window_end": window_end,
    }


def feed_wait(feed_ids: list[int], expected: int, seconds: float) -> None:
    """Until every article is read (or `seconds` have passed)."""
    from ortak.feeds.models import FeedItem, FeedItemStatus

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        items = FeedItem.objects.filter(feed_id__in=feed_ids)
        if items.count() >= expected and not items.filter(status=FeedItemStatus.NEW).exists():
            return
        time.sleep(1)


def feed_report(figures: dict, expected: int, window: float) -> bool:
    """Print the feed side; True when every article became a draft, none failed."""
    statuses = figures["by_status"]
    ingested = statuses.get("ingested", 0)
    print(f"\nfeed side: {expected} articles in {figures['listed']} listed items: {statuses}")
    print(
        f"  read during the {window:.1f} s window: {figures['in_window']} "
        f"({figures['in_window'] / window:.2f} articles/s)"
    )
    if figures["last"]:
        whole = (figures["last"] - figures["sent"]).total_seconds()
        first = (figures["first"] - figures["sent"]).total_seconds()
        covered = min(whole, window)
        print(
            f"  from the poll to the first draft {first:.1f} s, to the last draft {whole:.1f} s "
            f"({ingested / whole:.2f} articles/s); the ingestion spans {covered:.0f} s "
            f"of the {window:.0f} s window"
        )
    for code, error in figures["errors"][:5]:
        print(f"  error: {code} {error[:160]}")
    return ingested == expected


def while_ingesting(loaded: dict, figures: dict) -> dict | None:
    """The part of the loaded run asked while the workers ingested (from the poll to the
    last draft): the window is longer than the ingestion when the workers are quick. The
    run's errors are all kept, whenever they happened."""
    begin = figures["sent"].timestamp()
    end = min(figures["last"].timestamp(), figures["window_end"].timestamp())
    if end <= begin:
        return None
    latencies = {
        page: [took for took, at in zip(values, loaded["sent_at"][page], strict=True)
               if begin <= at <= end]
        for page, values in loaded["latencies"].items()
    }  # fmt: skip
    return {"elapsed": end - begin, "latencies": latencies, "errors": loaded["errors"]}


def comparison(baseline: dict, loaded: dict, during: dict) -> None:
    print(
        f"\np95 (ms) {'page':<12} {'idle':>8} {'window':>8} {'ingesting':>9} "
        f"{'ratio':>6}  (ingesting / idle)"
    )
    for page in (*portal.PAGES, "all"):
        pages = portal.PAGES if page == "all" else (page,)
        idle, window, ingesting = (
            portal.percentile([v for name in pages for v in run["latencies"][name]], 0.95) * 1000
            for run in (baseline, loaded, during)
        )
        ratio = ingesting / idle if idle else float("nan")
        print(f"{'':<8} {page:<12} {idle:>8.1f} {window:>8.1f} {ingesting:>9.1f} {ratio:>6.2f}")


# The run -------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=40, help="articles the feeds list")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0, help="seconds a user reads a page")
    parser.add_argument("--requests", type=int, default=3000, help="at most, per run")
    parser.add_argument("--seconds", type=float, default=45.0, help="at most, per run")
    parser.add_argument("--drain", type=float, default=90.0, help="at most, after the load")
    parser.add_argument("--port", type=int, default=8766, help="gunicorn's")
    parser.add_argument("--feed-port", type=int, default=8767, help="the feeds' site")
    parser.add_argument(
        "--worker-nice", type=int, help="the workers' nice (production.sh's ORTAK_WORKER_NICE)"
    )
    parser.add_argument("--seed", type=int, default=1)
    return run(parser.parse_args())


def run(args) -> int:
    server_url = os.environ.get("ORTAK_TEST_DATABASE_URL", portal.DEFAULT_URL)
    redis_url = os.environ.get("ORTAK_BENCH_REDIS_URL", DEFAULT_REDIS)
    try:
        portal._admin(server_url, f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
    except Exception as error:
        print(f"!! PostgreSQL not reachable at {server_url} ({error}): bench SKIPPED")
        return 0
    try:
        redis_flush(redis_url)
    except Exception as error:
        print(f"!! Redis not reachable at {redis_url} ({error}): bench SKIPPED")
        return 0
    busy = [port for port in (args.port, args.feed_port) if not port_free(port)]
    if busy:
        print(f"!! port(s) {busy} in use on 127.0.0.1: choose others (--port, --feed-port)")
        return 1
    portal._admin(server_url, f"CREATE DATABASE {BENCH_DATABASE}")
    with tempfile.TemporaryDirectory(prefix="ortak-bench-stack-") as data_dir:
        try:
            ok = _bench(args, server_url, redis_url, Path(data_dir))
        finally:
            portal._admin(server_url, f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
            redis_flush(redis_url)
    print(
        f"\n{'PASS' if ok else 'FAIL'}: p95 < {portal.TARGET_P95_MS:.0f} ms on every page, "
        f"without errors, for {args.users} users reading a page ~{args.think:g} s each, while "
        f"two workers ingest {args.articles} articles"
    )
    return 0


def _bench(args, server_url: str, redis_url: str, data_dir: Path) -> bool:
    database_url = portal._bench_url(server_url, BENCH_DATABASE)
    allowed = f"127.0.0.1:{args.feed_port}"
    # The stack's environment: the caller's, before this process sets up its own Django.
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ORTAK_BROKER_URL": redis_url,
        "ORTAK_DATA_DIR": str(data_dir),
        "ORTAK_BIND": f"127.0.0.1:{args.port}",
        "ORTAK_FETCH_ALLOWED_HOSTS": allowed,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if args.worker_nice is not None:
        env["ORTAK_WORKER_NICE"] = str(args.worker_nice)
    os.environ.update(ORTAK_BROKER_URL=redis_url, ORTAK_FETCH_ALLOWED_HOSTS=allowed)
    portal._django(database_url)
    started = time.perf_counter()
    readers = portal.generate(args.events, args.seed)
    print(f"{args.events} events generated in {time.perf_counter() - started:.0f} s")

    from ortak.feeds.services import ITEMS_PER_POLL

    pages, addresses = site(args.feed_port, args.articles, ITEMS_PER_POLL)
    site_server = serve_site(args.feed_port, pages)
    feed_ids = feeds_register(addresses)
    print(f"{args.articles} articles in {len(addresses)} RSS feeds on {allowed}, registered")
    from django.db import connections

    connections.close_all()

    log = data_dir / "production.log"
    stack = stack_start(env, log)
    try:
        started = time.perf_counter()
        stack_ready(stack, args.port, log)
        print(f"stack ready in {time.perf_counter() - started:.0f} s (scripts/production.sh):")
        for line in log.read_text().splitlines():
            if line.startswith("== ") and "started" in line:
                print("  " + line[3:])
        nice = env.get("ORTAK_WORKER_NICE", "production.sh's default")
        print(f"  the Celery workers at nice {nice} (ORTAK_WORKER_NICE)")
        return _measure(args, readers, feed_ids)
    finally:
        stack_stop(stack)
        site_server.shutdown()


def _measure(args, readers: dict, feed_ids: list[int]) -> bool:
    from django.utils import timezone

    options = {**readers, "pages": args.events // 25, "users": args.users,
               "requests": args.requests, "seconds": args.seconds, "think": args.think}  # fmt: skip
    portal.load_in_child(args.port, {**options, "users": 5, "requests": 150, "think": 0.0})
    print(f"\nmachine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before")
    model = (
        f"{args.users} users, each reading a page ~{args.think:g} s (0.5-1.5x), at most "
        f"{args.requests} requests or {args.seconds:g} s"
    )
    baseline = portal.load_in_child(args.port, options)
    portal.report(f"baseline, the workers idle: {model}", baseline)
    sent = polls_send(feed_ids)
    loaded = portal.load_in_child(args.port, options)
    window_end = timezone.now()
    ok = portal.report(f"while {len(feed_ids)} feed polls ingest: {model}", loaded)
    feed_wait(feed_ids, args.articles, args.drain)
    figures = feed_figures(feed_ids, sent, window_end)
    feed_ok = feed_report(figures, args.articles, loaded["elapsed"])
    during = while_ingesting(loaded, figures) if figures["last"] else None
    if during is None:
        print("\nno article became a draft: the ingestion was not measured")
        return False
    ok &= portal.report("the requests sent while the workers ingested (poll to last draft)", during)
    comparison(baseline, loaded, during)
    return ok and feed_ok


if __name__ == "__main__":
    sys.exit(main())
