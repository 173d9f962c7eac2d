"""Latency of the public portal under load: the home page, an event page, the events list.

Run: .venv/bin/python bench/bench_portal.py [--events 10000] [--users 50] [--requests 3000]

It creates a throwaway PostgreSQL database (`ortak_bench` on the server of
ORTAK_TEST_DATABASE_URL), fills it with the reference data and --events published events
with participants, institutions and states, serves the app with a threaded WSGI server in a
second process on loopback, and loads it from a third process: one user at a time (the
pages' own cost); then --users concurrent users, each reading a page for about --think
seconds before the next, as people do (the target: p95 < 100 ms per page); then the same
users without pause, which saturates the server and shows its capacity in requests per
second. Every run is bounded by --requests and --seconds. It prints requests per second
and the 50th and 95th percentile latencies per page, and drops the database at the end.
Everything is seeded, so the data repeat; the timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test"
BENCH_DATABASE = "ortak_bench"
TARGET_P95_MS = 100.0
PAGES = ("home", "event", "events list")


# The database -----------------------------------------------------------------------------


def _bench_url(server_url: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))


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
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def generate(events: int, seed: int) -> list[int]:
    """The reference data and `events` published events; returns a sample of event ids."""
    from django.core.management import call_command
    from django.db import connection

    from ortak.registry.reference import reference_load

    call_command("migrate", verbosity=0)
    reference_load()
    sample = _fill(events, random.Random(seed))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum would gather them
    return sample


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
    return [event.pk for event in rng.sample(created, 200)]


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


# The server (a second process) ------------------------------------------------------------


def serve(port: int, workers: int) -> None:
    """Serve the app with wsgiref and a fixed pool of worker threads until killed.

    A pool, as production WSGI servers have (gunicorn's gthread, waitress), rather than a
    thread per connection: each worker keeps its database connection (CONN_MAX_AGE), so a
    request does not pay for connecting to PostgreSQL.
    """
    from concurrent.futures import ThreadPoolExecutor
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from django.core.wsgi import get_wsgi_application

    class Server(WSGIServer):
        request_queue_size = 128  # 50 users connect at once
        pool = ThreadPoolExecutor(max_workers=workers)

        def process_request(self, request, client_address):
            self.pool.submit(self._work, request, client_address)

        def _work(self, request, client_address):
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    class Handler(WSGIRequestHandler):
        # wsgiref sends headers and body in separate writes; with Nagle's algorithm the body
        # would wait for the client's delayed acknowledgement (some 40 ms) on every request.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

    server = make_server("127.0.0.1", port, get_wsgi_application(), Server, Handler)
    print("ready", flush=True)
    server.serve_forever()


# The load (a third process) ---------------------------------------------------------------


def _get(port: int, path: str) -> float:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return time.perf_counter() - started


def load(
    port: int, event_ids: list[int], users: int, requests: int, seconds: float, think: float
) -> dict:
    """Closed-loop load: `users` threads, each requesting the three pages in turn and
    reading each page for about `think` seconds (0.5 to 1.5 times it) before the next."""
    paths = {"home": lambda r: "/", "events list": lambda r: "/events/",
             "event": lambda r: f"/events/{r.choice(event_ids)}/"}  # fmt: skip
    latencies: dict[str, list[float]] = {page: [] for page in PAGES}
    lock, issued, deadline = threading.Lock(), [0], time.perf_counter() + seconds

    def user(number: int) -> None:
        rng = random.Random(number)
        while time.perf_counter() < deadline:
            with lock:
                if issued[0] >= requests:
                    return
                issued[0] += 1
                page = PAGES[issued[0] % len(PAGES)]
            took = _get(port, paths[page](rng))
            with lock:
                latencies[page].append(took)
            if think:
                time.sleep(think * rng.uniform(0.5, 1.5))

    started = time.perf_counter()
    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"elapsed": time.perf_counter() - started, "latencies": latencies}


# Report -----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def report(title: str, result: dict) -> bool:
    print(f"\n{title} ({result['elapsed']:.1f} s)")
    print(f"{'page':<12} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'ratio':>6}")
    ok = True
    for page in PAGES:
        values = result["latencies"][page]
        p50, p95 = percentile(values, 0.5) * 1000, percentile(values, 0.95) * 1000
        ratio = p95 / TARGET_P95_MS
        ok &= ratio <= 1
        rate = len(values) / result["elapsed"]
        print(f"{page:<12} {len(values):>8} {rate:>7.1f} {p50:>7.1f} {p95:>7.1f} {ratio:>6.2f}")
    total = sum(len(v) for v in result["latencies"].values())
    print(f"{'all':<12} {total:>8} {total / result['elapsed']:>7.1f}")
    return ok


def _child(env: dict, *args: str) -> subprocess.Popen:
    command = [sys.executable, __file__, *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="at most, all pages")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most, per run")
    parser.add_argument("--think", type=float, default=1.0, help="seconds a user reads a page")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=8, help="server threads")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--load", metavar="JSON", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _django(os.environ["DATABASE_URL"])
        serve(args.port, args.workers)
        return 0
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
    server = None
    try:
        database_url = _bench_url(server_url)
        _django(database_url)
        started = time.perf_counter()
        event_ids = generate(args.events, args.seed)
        print(f"{args.events} events generated in {time.perf_counter() - started:.0f} s")
        from django.db import connections

        connections.close_all()
        # Each server thread keeps its connection: ?CONN_MAX_AGE reads as Django's setting.
        env = {**os.environ, "DATABASE_URL": f"{database_url}?CONN_MAX_AGE=600"}
        server = _child(env, "--serve", "--port", str(args.port), "--workers", str(args.workers))
        assert server.stdout.readline().strip() == "ready"
        ok = _measure(args, env, event_ids)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        _admin(server_url, f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
    print(f"\ntarget: p95 < {TARGET_P95_MS:.0f} ms per page under {args.users} users: "
          f"{'met' if ok else 'NOT met'}")  # fmt: skip
    return 0


def _measure(args, env: dict, event_ids: list[int]) -> bool:
    def run_load(users: int, requests: int, think: float = 0.0) -> dict:
        options = {"event_ids": event_ids, "users": users, "requests": requests,
                   "seconds": args.seconds, "think": think}  # fmt: skip
        loader = _child(env, "--port", str(args.port), "--load", json.dumps(options))
        out, _ = loader.communicate(timeout=args.seconds + 120)
        return json.loads(out)

    run_load(users=5, requests=60)  # warm up: templates, connections, caches
    # The figures depend on what else the machine runs; say how busy it was.
    cores, load = os.cpu_count(), os.getloadavg()[0]
    print(f"\nmachine: {cores} cores, load average {load:.1f} before the runs")
    report("one user at a time: the pages' own cost", run_load(users=1, requests=150))
    ok = report(
        f"{args.users} concurrent users, each reading a page ~{args.think:g} s",
        run_load(args.users, args.requests, think=args.think),
    )
    report(
        f"capacity: {args.users} users without pause (saturation, for reference)",
        run_load(args.users, args.requests // 2),
    )
    return ok


if __name__ == "__main__":
    sys.exit(main())
