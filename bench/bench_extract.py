"""Throughput of the extractor: articles per second on one core, and peak memory.

    .venv/bin/python bench/bench_extract.py [--articles 1000]

Extracts the dev corpus (../shared/corpus/dev, else the sample articles Ortak ships in
ortak/ingest/samples) repeated to 1,000 articles in one process, the pipeline loaded once,
and prints the rate against the target of 100 articles per second per core.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ortak.ingest.extract import extract, read_path  # noqa: E402
from ortak.ingest.extract.pipeline import pipeline  # noqa: E402

TARGET = 100.0  # articles per second per core
_TRACED = 100  # articles extracted under tracemalloc for the peak of Python allocations
CORPORA = (ROOT / ".." / "shared" / "corpus" / "dev", ROOT / "ortak" / "ingest" / "samples")


def _articles():
    for corpus in CORPORA:
        paths = sorted(corpus.glob("*.txt"))
        if paths:
            return corpus.resolve(), [read_path(p) for p in paths]
    raise SystemExit("no articles found: neither ../shared/corpus/dev nor ortak/ingest/samples")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    corpus, articles = _articles()
    started = time.perf_counter()
    pipeline("latin"), pipeline("cyrillic")
    load = time.perf_counter() - started
    for article in articles:  # warm the caches once, as a long-running process would be
        extract(article)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for article in itertools.islice(itertools.cycle(articles), args.articles):
        extract(article)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    # tracemalloc slows Python several times over: memory is measured on a separate pass.
    tracemalloc.start()
    for article in itertools.islice(itertools.cycle(articles), _TRACED):
        extract(article)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rate = args.articles / cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus               {corpus} ({len(articles)} distinct articles)")
    print(f"articles             {args.articles}")
    print(f"pipeline load        {load:.2f} s")
    print(f"wall time            {wall:.2f} s")
    print(f"cpu time             {cpu:.2f} s")
    print(f"articles/s/core      {rate:.1f}")
    print(f"target               {TARGET:.0f} articles/s/core")
    print(f"ratio to target      {rate / TARGET:.2f}")
    print(
        f"peak traced memory   {traced_peak / 2**20:.1f} MiB "
        f"(Python allocations, {_TRACED} articles)"
    )
    print(f"peak RSS             {rss:.0f} MiB (whole process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
