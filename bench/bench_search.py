"""Latency of ortak.search over a large index, on SQLite and on PostgreSQL.

Run: .venv/bin/python bench/bench_search.py [--records 1000000] [--queries 1000] [--seed N]

For each backend, in a process of its own, it migrates a throwaway database (a SQLite file
in a temporary directory; `ortak_bench_search` on the server of ORTAK_TEST_DATABASE_URL,
skipped with a message when that server does not answer), bulk-loads --records generated
entries straight into the index table, and runs --queries searches through
`ortak.search.selectors.search`: exact names, prefixes as typed, one typo, and the other
script (a name stored in Latin asked in Cyrillic and the other way round). Names are built
from Turkic syllables; a third of the records are written in Cyrillic. It prints p50/p95
latency per query kind, how often the record looked for is among the hits, and the same
for a plain `name__icontains` query over the same table (on the first 100 queries: each
one reads the whole table), with the ratio between the two.
Target: p95 under 30 ms. Everything is seeded, so the data and queries repeat.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test"
BENCH_DATABASE = "ortak_bench_search"
TARGET_P95_MS = 30.0
QUERY_KINDS = ("exact", "prefix", "typo", "cross-script")
BATCH = 50_000
ICONTAINS_QUERIES = 100  # a full scan each, half a second at a million rows

# Phonemic code: S sh/ш, C ch/ч, Z zh/ж, X kh/х, G gh/ғ, Q q/қ, I ы; lowercase is itself.
SYLLABLES = [
    "nur", "ay", "Zan", "Qay", "er", "as", "bol", "dau", "gul", "mar", "sa", "tal", "ul",
    "Sax", "Cin", "XA", "il", "Jam", "ras", "kan", "mir", "baQ", "al", "bek", "tur", "emin",
    "ka", "rim", "yus", "up", "or", "az", "bay", "ter", "kur", "ban", "sul", "tan", "mu",
    "rat", "ab", "dul", "la", "Ga", "ni", "zar", "ib", "ra", "Xim", "to", "Qi", "dos",
]  # fmt: skip
ENDINGS = ["ov", "ev", "ova", "eva", "uly", "qIzI", "bekov", "li", "zade", ""]
LATIN = {"S": "sh", "C": "ch", "Z": "zh", "X": "kh", "G": "gh", "Q": "q", "I": "y", "J": "j"}
CYRILLIC = dict(
    a="а", b="б", d="д", e="е", g="г", h="х", i="и", j="дж", k="к", l="л", m="м", n="н",
    o="о", p="п", q="қ", r="р", s="с", t="т", u="у", v="в", y="й", z="з", S="ш", C="ч",
    Z="ж", X="х", G="ғ", Q="қ", I="ы", A="ә", J="дж",
)  # fmt: skip
STATES = ["AZ", "KZ", "KG", "TR", "UZ", "HU"]
KINDS = [("person", "registry.person")] * 8 + [
    ("organization", "registry.diasporaorganization"),
    ("event", "events.event"),
]


# The data ---------------------------------------------------------------------------------


def spell(code: str, table: dict[str, str]) -> str:
    words = ("".join(table.get(c, c) for c in word) for word in code.split())
    return " ".join(word[:1].upper() + word[1:] for word in words)


def make_code(rng: random.Random) -> str:
    """A coded "First Surname": names of two or three syllables, surnames a root and an
    ending; a few thousand of each, as a registry of the region has, in millions of pairs."""
    first = "".join(rng.choice(SYLLABLES) for _ in range(2))
    if rng.random() < 0.3:
        first += rng.choice(SYLLABLES[:12])
    surname = rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(ENDINGS)
    return f"{first} {surname}"


@lru_cache(maxsize=1 << 20)
def fold_word(word: str) -> str:
    from ortak.names import fold

    return fold(word)


def make_row(index: int, code: str, rng: random.Random) -> tuple:
    """One entry row: a third of the names are written in Cyrillic, a tenth are drafts."""
    from ortak.search.terms import document_from_folded

    kind, model = KINDS[index % len(KINDS)]
    cyrillic = rng.random() < 1 / 3
    name = spell(code, CYRILLIC if cyrillic else LATIN)
    doc = document_from_folded([" ".join(fold_word(word) for word in name.split())])
    year = rng.randrange(2010, 2026)
    return (
        kind, model, index + 1, name, doc.folded, doc.terms, rng.choice(STATES),
        year, year if kind == "event" else None, rng.random() > 0.1,
    )  # fmt: skip


def generate(path: Path, records: int, seed: int) -> list[tuple[int, str, bool]]:
    """Write `records` entry rows to `path` in batches; returns (id, code, in Cyrillic) of a
    sample of published ones to look for. Done once, for both backends, on every core."""
    chunks = [(offset, min(BATCH, records - offset), seed) for offset in range(0, records, BATCH)]
    sample: list[tuple[int, str, bool]] = []
    with path.open("wb") as out, multiprocessing.Pool() as pool:
        for rows, chosen in pool.imap(generate_chunk, chunks):
            pickle.dump(rows, out)
            sample.extend(chosen)
    return sample


def generate_chunk(chunk: tuple[int, int, int]) -> tuple[list[tuple], list[tuple]]:
    """The rows of one batch, seeded by its offset: the same whatever the number of cores."""
    offset, count, seed = chunk
    rng = random.Random(seed * 1_000_003 + offset)
    rows, sample = [], []
    for index in range(offset, offset + count):
        code = make_code(rng)
        rows.append(make_row(index, code, rng))
        if rows[-1][-1] and rng.random() < 0.01:  # a published one to look for
            sample.append((index + 1, code, rows[-1][3] != spell(code, LATIN)))
    return rows, sample


def load(path: Path) -> dict[str, float]:
    """Bulk-load the rows of `path` into the index table; returns timings in seconds."""
    from django.db import connection, transaction

    from ortak.search.backends import backend_for

    start = time.perf_counter()
    with transaction.atomic(), backend_for().bulk_load(exclusive=True):
        with path.open("rb") as rows:
            while True:
                try:
                    insert(connection, pickle.load(rows))
                except EOFError:
                    break
        loaded = time.perf_counter()
    done = time.perf_counter()  # leaving bulk_load built the full-text index
    return {"insert": loaded - start, "index": done - loaded, "total": done - start}


COLUMNS = "kind, model, object_id, name, folded, terms, state, year, year_to, published"


def insert(connection, rows: list[tuple]) -> None:
    """COPY on PostgreSQL, executemany on SQLite: the fastest each has."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY search_searchentry ({COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * 10)
            cursor.executemany(f"INSERT INTO search_searchentry ({COLUMNS}) VALUES ({marks})", rows)


# The queries ------------------------------------------------------------------------------


def typo(rng: random.Random, text: str) -> str:
    """One slip in the surname, never its first letter."""
    first, surname = text.split()
    pos = rng.randrange(1, len(surname) - 1)
    letter = rng.choice("aeiklmnorstu")
    surname = rng.choice(
        [
            surname[:pos] + surname[pos + 1 :],
            surname[:pos] + letter + surname[pos:],
            surname[:pos] + letter + surname[pos + 1 :],
            surname[:pos] + surname[pos + 1] + surname[pos] + surname[pos + 2 :],
        ]
    )
    return f"{first} {surname}"


def prefix(rng: random.Random, text: str) -> str:
    """What the box holds while the name is typed: a surname's start, or first + start."""
    first, surname = text.split()
    typed = surname[: rng.randrange(3, max(4, len(surname)))]
    return typed if rng.random() < 0.5 else f"{first} {typed}"


def make_queries(sample: list[tuple[int, str, bool]], count: int, seed: int) -> list[tuple]:
    """(kind, target id, query) for `count` queries, the kinds in turn."""
    rng = random.Random(seed + 1)
    queries = []
    for n in range(count):
        object_id, code, cyrillic = rng.choice(sample)
        kind = QUERY_KINDS[n % len(QUERY_KINDS)]
        queries.append((kind, object_id, query_text(rng, kind, code, cyrillic)))
    return queries


def query_text(rng: random.Random, kind: str, code: str, cyrillic: bool) -> str:
    """What a user types for a record stored in Cyrillic (or not), by kind of query."""
    stored = spell(code, CYRILLIC if cyrillic else LATIN)
    if kind == "prefix":
        return prefix(rng, stored)
    if kind == "typo":
        return typo(rng, stored)
    if kind == "cross-script":
        return spell(code, LATIN if cyrillic else CYRILLIC)
    return stored


def timed(run, queries: list[tuple]) -> dict[str, tuple[list[float], int]]:
    """Per query kind: latencies in ms and how many found their record."""
    results: dict[str, tuple[list[float], int]] = {}
    for kind, object_id, text in queries:
        start = time.perf_counter()
        ids = run(text)
        elapsed = (time.perf_counter() - start) * 1000
        times, hits = results.setdefault(kind, ([], 0))
        times.append(elapsed)
        results[kind] = (times, hits + (object_id in ids))
    return results


def run_search(text: str) -> list[int]:
    from ortak.search.selectors import search

    return [hit.object_id for hit in search(text, limit=20)]


def run_icontains(text: str) -> list[int]:
    from ortak.search.models import SearchEntry

    found = SearchEntry.objects.filter(name__icontains=text, published=True)
    return list(found.values_list("object_id", flat=True)[:20])


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


Timings = dict[str, tuple[list[float], int]]


def report(backend: str, ours: Timings, plain: Timings) -> bool:
    """Print the figures of one backend; True when the search p95 meets the target."""
    print(f"  {'query':<14}{'search p50':>11}{'p95':>8}{'found':>8}", end="")
    print(f"   {'icontains p50':>14}{'p95':>8}{'found':>8}")
    for kind in QUERY_KINDS:
        print(f"  {kind:<14}{_figures(*ours[kind], 9)}   {_figures(*plain[kind], 12)}")
    every, every_plain = _all(ours), _all(plain)
    print(f"  {'all':<14}{_figures(*every, 9)}   {_figures(*every_plain, 12)}")
    p50, p95 = percentile(every[0], 0.5), percentile(every[0], 0.95)
    print(
        f"  icontains / search: p50 x{percentile(every_plain[0], 0.5) / p50:.1f}, "
        f"p95 x{percentile(every_plain[0], 0.95) / p95:.1f}"
    )
    passed = p95 < TARGET_P95_MS
    verdict = "PASS" if passed else "FAIL"
    print(f"  {backend}: search p95 {p95:.1f} ms, target < {TARGET_P95_MS:.0f} ms: {verdict}")
    return passed


def _all(timings: Timings) -> tuple[list[float], int]:
    return [t for times, _ in timings.values() for t in times], sum(h for _, h in timings.values())


def _figures(times: list[float], hits: int, width: int) -> str:
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    return f"{p50:{width}.1f}ms{p95:6.1f}ms{hits / len(times):8.1%}"


# One backend, in its own process ----------------------------------------------------------


def bench_backend(backend: str, database_url: str, data: Path) -> bool:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"  # DEBUG off, as served
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "search", verbosity=0)
    timings = load(data / "rows.pickle")
    queries = pickle.loads((data / "queries.pickle").read_bytes())
    print(
        f"{backend}: loaded in {timings['total']:.0f} s "
        f"(insert {timings['insert']:.0f} s, full-text index {timings['index']:.0f} s)"
    )
    timed(run_search, queries[:50])  # warm caches, as a served process has them
    ours = timed(run_search, queries)
    # icontains scans the table: a sample of each kind is enough to show its cost.
    plain = timed(run_icontains, queries[:ICONTAINS_QUERIES])
    return report(backend, ours, plain)


def _server(url: str) -> dict:
    parts = urlsplit(url)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "user": parts.username or "postgres",
        "password": parts.password,
        "dbname": "postgres",
        "autocommit": True,
        "connect_timeout": 5,
    }


def postgres_database(server_url: str, drop: bool = False) -> str | None:
    """Create (or drop) the throwaway database; None when the server does not answer."""
    import psycopg

    try:
        with psycopg.connect(**_server(server_url)) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
            if not drop:
                connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    except psycopg.OperationalError as error:
        print(f"postgresql: SKIPPED, the server at {server_url} does not answer ({error})".strip())
        return None
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{BENCH_DATABASE}"))


def child(args: list[str]) -> bool:
    command = [sys.executable, __file__, *args]
    return subprocess.run(command, check=False).returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--backend", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        return 0 if bench_backend(args.backend, args.database, args.data) else 1
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="ortak-bench-search-") as directory:
        data = Path(directory)
        start = time.perf_counter()
        sample = generate(data / "rows.pickle", args.records, args.seed)
        queries = make_queries(sample, args.queries, args.seed)
        (data / "queries.pickle").write_bytes(pickle.dumps(queries))
        print(f"{args.records:,} entries generated in {time.perf_counter() - start:.0f} s, "
              f"{len(queries)} queries, seed {args.seed}")  # fmt: skip
        return 0 if all(run_backends(data)) else 1


def run_backends(data: Path) -> list[bool]:
    """Each backend in a process of its own: Django is set up once per process."""
    sqlite = f"sqlite:///{data / 'search.sqlite3'}"
    results = [child(["--backend", "sqlite", "--database", sqlite, "--data", str(data)])]
    server = os.environ.get("ORTAK_TEST_DATABASE_URL", DEFAULT_URL)
    database = postgres_database(server)
    if database:
        try:
            results.append(
                child(["--backend", "postgresql", "--database", database, "--data", str(data)])
            )
        finally:
            postgres_database(server, drop=True)
    return results


if __name__ == "__main__":
    sys.exit(main())
