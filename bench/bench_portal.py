"""Latency of the public portal under load: the home page, an event page, the events list.

Run: .venv/bin/python bench/bench_portal.py [--events 10000] [--users 50] [--think 1]

It creates a throwaway PostgreSQL database (`ortak_bench` on the server of
ORTAK_TEST_DATABASE_URL; skipped with a message when that server does not answer), fills
it with the reference data and --events published events with participants, institutions
and states, serves the app as production does (gunicorn, --workers processes of --threads
threads, config.settings.prod, persistent database connections, the file cache in a
temporary folder) in a second process on loopback, and loads it from a third:

1. one user at a time: the pages' own cost;
2. the load model: --users people at once, each reading a page for about --think seconds
   (uniformly 0.5 to 1.5 times it) before the next, arriving over the first --think
   seconds; the target is p95 < 100 ms on every page, with no error;
3. capacity: the same users without pause (a closed loop), which saturates the server and
   shows how many requests per second it answers.

The readers ask for the home page, an event page (one of SAMPLE events, so that a page's
own data are rarely in a cache) and the events list: half of the time its first page,
a quarter a random later page, a quarter filtered by one type, state or year. Every
request is a first visit (no cookie, no If-None-Match); a separate check shows the 304 a
returning reader gets. Every run is bounded by --requests and --seconds and stops by itself.
It prints requests per second, p50/p95/p99 latencies and errors per page, the load
average of the machine (other processes share it), and drops the database at the end.
Everything is seeded, so the data repeat; the timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import importlib.metadata
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test"
BENCH_DATABASE = "ortak_bench"
TARGET_P95_MS = 100.0
PAGES = ("home", "event", "events list")
SAMPLE = 2000  # event pages the readers open


# The database -----------------------------------------------------------------------------


def _bench_url(server_url: str, name: str = BENCH_DATABASE) -> str:
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(server_url: str, statement: str) -> None:
    """Run CREATE/DROP DATABASE on the server, from its maintenance database."""
    import psycopg

    parts = urlsplit(server_url)
    with psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
        autocommit=True,
        connect_timeout=5,
    ) as connection:
        connection.execute(statement)


def _django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["ORTAK_DEBUG"] = "false"  # DEBUG keeps every query in memory: not production
    os.environ["ORTAK_CACHE_URL"] = "locmemcache://"  # not the cache of var/: its own
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def generate(events: int, seed: int) -> dict:
    """The reference data and `events` published events; returns what the readers ask for:
    a sample of event ids and the values the events list's filters take."""
    from django.core.management import call_command
    from django.db import connection

    from ortak.registry.reference import reference_load

    call_command("migrate", verbosity=0)
    reference_load()
    sample = _fill(events, random.Random(seed))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum would gather them
    return {"event_ids": sample, "filters": _filter_values()}


def _filter_values() -> list[str]:
    """One-filter query strings of the events list: each type, state and year."""
    from ortak.events.models import Event, EventType
    from ortak.registry.models import State

    years = Event.objects.dates("start_date", "year")
    states = State.objects.exclude(ots_status="none").values_list("key", flat=True)
    return (
        [f"type={value}" for value in EventType.values]
        + [f"state={key}" for key in states]
        + [f"year={day.year}" for day in years]
    )


def _fill(count: int, rng: random.Random) -> list[int]:
    from ortak.events.models import Event, EventSeries, EventStatus, EventType, Participation
    from ortak.registry.models import DiasporaOrganization, Institution, Person, State

    states = list(State.objects.exclude(ots_status="none"))
    institutions = list(Institution.objects.all())
    series = list(EventSeries.objects.all())
    people = Person.objects.bulk_create(
        Person(name=f"Bench Person {n}", state=rng.choice(states)) for n in range(2000)
    )
    DiasporaOrganization.objects.bulk_create(
        DiasporaOrganization(
            name=f"Bench Association {n}", kind="association", host_country="DE",
            city="Berlin", latitude=rng.uniform(35, 60), longitude=rng.uniform(-10, 70),
            community_state=rng.choice(states),
        )
        for n in range(200)
    )  # fmt: skip
    types, rounds = EventType.values, {s.pk: 0 for s in series}
    batch = []
    for n in range(count):
        start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(12 * 365))
        chosen = rng.choice(series) if rng.random() < 0.2 else None
        if chosen:
            rounds[chosen.pk] += 1
        batch.append(
            Event(
                title=f"Bench event {n}", event_type=rng.choice(types),
                status=EventStatus.PLANNED if start.year >= 2026 else EventStatus.HELD,
                start_date=start, city=rng.choice(["Baku", "Astana", "Bishkek", "Ankara"]),
                country="AZ", state=rng.choice(states), series=chosen,
                number=rounds[chosen.pk] if chosen else None,
            )
        )  # fmt: skip
    created = Event.objects.bulk_create(batch, batch_size=2000)
    _links(created, people, institutions, states, rng, Participation)
    return [event.pk for event in rng.sample(created, SAMPLE)]


def _links(events, people, institutions, states, rng, participation_model) -> None:
    from ortak.events.models import Event

    named, took_part, participations = [], [], []
    for event in events:
        for institution in rng.sample(institutions, 3):
            named.append(Event.institutions.through(event=event, institution=institution))
        for state in rng.sample(states, 3):
            took_part.append(Event.countries.through(event=event, state=state))
        for person in rng.sample(people, 4):
            participations.append(
                participation_model(event=event, person=person, role="Delegate",
                                    state=person.state, institution=rng.choice(institutions))
            )  # fmt: skip
    Event.institutions.through.objects.bulk_create(named, batch_size=5000)
    Event.countries.through.objects.bulk_create(took_part, batch_size=5000)
    participation_model.objects.bulk_create(participations, batch_size=5000)


# The server (a second process): gunicorn, as in production ---------------------------------


def server_env(database_url: str, cache_dir: str) -> dict:
    """The production settings, on plain HTTP on loopback, with the bench's database."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DATABASE_URL": database_url,
        "ORTAK_SECRET_KEY": secrets.token_urlsafe(50),
        "ORTAK_SECURE_SSL_REDIRECT": "false",  # no TLS proxy in front on loopback
        "ORTAK_DB_CONN_MAX_AGE": "600",  # each worker thread keeps its connection
        "ORTAK_CACHE_URL": f"filecache://{cache_dir}",  # starts empty, shared by the workers
        "PYTHONWARNINGS": "ignore:No directory at",  # whitenoise: no collectstatic; no assets asked
    }


def serve(args, env: dict) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:--port; returns once it answers."""
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers),
        "--threads", str(args.threads), "--worker-class", "gthread",
        "--backlog", "256", "--log-level", "warning", "--chdir", str(ROOT),
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            if _get(args.port, "/")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer within 60 s")


def describe_server(args, env: dict) -> str:
    from django.db import connection

    gunicorn = importlib.metadata.version("gunicorn")
    server = connection.cursor().connection.info.server_version
    return (
        f"gunicorn {gunicorn}: {args.workers} worker processes x {args.threads} threads "
        f"(gthread), {env['DJANGO_SETTINGS_MODULE']} (DEBUG off)\n"
        f"PostgreSQL {server // 10000}.{server % 10000} on loopback, persistent connections "
        f"(CONN_MAX_AGE={env['ORTAK_DB_CONN_MAX_AGE']} s, health checks); "
        f"cache: {env['ORTAK_CACHE_URL']}"
    )


# The load (a third process) ---------------------------------------------------------------


def _get(port: int, path: str, headers: dict | None = None) -> tuple[int, float]:
    """(status, seconds) of one GET on a new connection, as a browser's first visit."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    return response.status, time.perf_counter() - started


def _paths(event_ids: list[int], filters: list[str], pages: int):
    def events_list(rng: random.Random) -> str:
        share = rng.random()
        if share < 0.5:
            return "/events/"
        if share < 0.75:
            return f"/events/?page={rng.randint(2, pages)}"
        return f"/events/?{rng.choice(filters)}"

    return {
        "home": lambda rng: "/",
        "event": lambda rng: f"/events/{rng.choice(event_ids)}/",
        "events list": events_list,
    }


def load(port: int, *, event_ids, filters, pages, users, requests, seconds, think) -> dict:
    """`users` threads, each requesting the three pages in turn and reading each page for
    about `think` seconds (0.5 to 1.5 times it) before the next; none when `think` is 0.
    With a think time, users arrive spread over the first `think` seconds."""
    paths = _paths(event_ids, filters, pages)
    latencies: dict[str, list[float]] = {page: [] for page in PAGES}
    sent_at: dict[str, list[float]] = {page: [] for page in PAGES}  # time.time() of each
    errors: dict[str, list[str]] = {page: [] for page in PAGES}
    lock, issued = threading.Lock(), [0]
    started = time.perf_counter()
    deadline = started + seconds

    def user(number: int) -> None:
        rng = random.Random(number)
        if think:
            time.sleep(rng.uniform(0, think))
        while time.perf_counter() < deadline:
            with lock:
                if issued[0] >= requests:
                    return
                issued[0] += 1
                page = PAGES[issued[0] % len(PAGES)]
            path, at = paths[page](rng), time.time()
            try:
                status, took = _get(port, path)
            except OSError as error:  # refused, reset, timed out: an error, not a latency
                status, took = f"{type(error).__name__}", None
            with lock:
                if status == 200:
                    latencies[page].append(took)
                    sent_at[page].append(at)
                else:
                    errors[page].append(f"{status} {path}")
            if think:
                time.sleep(think * rng.uniform(0.5, 1.5))

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"elapsed": elapsed, "latencies": latencies, "sent_at": sent_at, "errors": errors}


# Report -----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def report(title: str, result: dict) -> bool:
    """Print the run's figures per page; True when every page met the target, error-free."""
    load_now = os.getloadavg()[0]
    print(f"\n{title}: {result['elapsed']:.1f} s, load average {load_now:.1f} after")
    print(
        f"{'page':<12} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'p95/target':>10}"
    )
    ok = True
    for page in PAGES:
        values, errors = result["latencies"][page], result["errors"][page]
        p50, p95, p99 = (percentile(values, share) * 1000 for share in (0.5, 0.95, 0.99))
        ratio = p95 / TARGET_P95_MS
        ok &= ratio < 1 and not errors and bool(values)
        rate = (len(values) + len(errors)) / result["elapsed"]
        print(
            f"{page:<12} {len(values) + len(errors):>8} {rate:>7.1f} {p50:>7.1f} {p95:>7.1f} "
            f"{p99:>7.1f} {len(errors):>6} {ratio:>10.2f}"
        )
    every = [v for values in result["latencies"].values() for v in values]
    failed = [e for errors in result["errors"].values() for e in errors]
    p50, p95, p99 = (percentile(every, share) * 1000 for share in (0.5, 0.95, 0.99))
    total = len(every) + len(failed)
    print(
        f"{'all':<12} {total:>8} {total / result['elapsed']:>7.1f} {p50:>7.1f} {p95:>7.1f} "
        f"{p99:>7.1f} {len(failed):>6}"
    )
    for error in sorted(set(failed))[:5]:
        print(f"  error: {error}")
    return ok


def _child(*args: str) -> subprocess.Popen:
    command = [sys.executable, __file__, *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def load_in_child(port: int, options: dict) -> dict:
    """One bounded run of `load` (its keyword arguments in `options`) from a process of its
    own, so the load's threads share no interpreter with whoever measures."""
    loader = _child("--port", str(port), "--load", json.dumps(options))
    try:
        out, _ = loader.communicate(timeout=options["seconds"] + 60)  # requests time out at 30 s
    finally:
        loader.kill()  # a no-op when it has finished
    return json.loads(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0, help="seconds a user reads a page")
    parser.add_argument("--requests", type=int, default=3000, help="at most, per run")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most, per run")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--load", metavar="JSON", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        options = json.loads(args.load)  # the load needs no Django
        print(json.dumps(load(args.port, **options)))
        return 0
    return run(args)


def run(args) -> int:
    server_url = os.environ.get("ORTAK_TEST_DATABASE_URL", DEFAULT_URL)
    try:
        _admin(server_url, f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
    except Exception as error:  # no server: say so loudly, as the test run does
        print(f"!! PostgreSQL not reachable at {server_url} ({error}): bench SKIPPED")
        return 0
    _admin(server_url, f"CREATE DATABASE {BENCH_DATABASE}")
    server, cache_dir = None, tempfile.mkdtemp(prefix="ortak-bench-cache-")
    try:
        database_url = _bench_url(server_url)
        _django(database_url)
        started = time.perf_counter()
        readers = generate(args.events, args.seed)
        print(f"{args.events} events generated in {time.perf_counter() - started:.0f} s")
        env = server_env(database_url, cache_dir)
        print("server:", describe_server(args, env))
        from django.db import connections

        connections.close_all()
        server = serve(args, env)
        ok = _measure(args, readers)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(cache_dir, ignore_errors=True)
        _admin(server_url, f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
    print(
        f"\n{'PASS' if ok else 'FAIL'}: p95 < {TARGET_P95_MS:.0f} ms on every page, without "
        f"errors, for {args.users} users reading a page ~{args.think:g} s each"
    )
    return 0


def _measure(args, readers: dict) -> bool:
    pages = args.events // 25  # the events list's pages, 25 events each

    def run_load(users: int, requests: int, think: float = 0.0, seconds=args.seconds) -> dict:
        options = {**readers, "pages": pages, "users": users, "requests": requests,
                   "seconds": seconds, "think": think}  # fmt: skip
        return load_in_child(args.port, options)

    run_load(users=5, requests=150)  # warm up: templates, connections, the first counts
    print(f"\nmachine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before")
    revalidation(args.port)
    report("one user at a time: the pages' own cost", run_load(users=1, requests=150))
    ok = report(
        f"load model: {args.users} users, each reading a page ~{args.think:g} s "
        f"(0.5-1.5x), at most {args.requests} requests or {args.seconds:g} s",
        run_load(args.users, args.requests, think=args.think),
    )
    report(
        f"capacity: {args.users} users without pause (closed loop, saturation), "
        f"at most {args.requests} requests or {args.seconds / 2:g} s",
        run_load(args.users, args.requests, seconds=args.seconds / 2),
    )
    return ok


def revalidation(port: int) -> None:
    """A returning reader sends the ETag it has: the page is not drawn again."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/events/", headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    etag, control = response.getheader("ETag"), response.getheader("Cache-Control")
    connection.close()
    status, took = _get(port, "/events/", {"If-None-Match": etag or ""})
    print(f"returning reader: /events/ with its ETag -> {status} in {took * 1000:.1f} ms "
          f"(Cache-Control: {control})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
