"""Throughput of the extractor: articles per second on one core per language, against bare
spaCy tokenization of the same texts in the same run, and peak memory.

    .venv/bin/python bench/bench_extract.py [--articles 300]

Extracts the dev corpora (../shared/corpus/dev in English and ../shared/corpus/dev-regional
in the region's languages, else the sample articles Ortak ships in ortak/ingest/samples),
each language's articles repeated to `--articles` in one process, the pipelines loaded once,
and prints per language the rate against the target of 100 articles per second per core and
the ratio to tokenizing the same texts with the pipeline's own tokenizer.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ortak.ingest.extract import extract, read_path  # noqa: E402
from ortak.ingest.extract.pipeline import _script, pipeline  # noqa: E402

TARGET = 100.0  # articles per second per core, in every language
_TRACED = 100  # articles extracted under tracemalloc for the peak of Python allocations
SHARED = Path(os.environ.get("ORTAK_SHARED") or ROOT / ".." / "shared") / "corpus"
CORPORA = (SHARED / "dev", SHARED / "dev-regional")
SAMPLES = ROOT / "ortak" / "ingest" / "samples"


def _articles() -> tuple[list[Path], list]:
    paths = [p for corpus in CORPORA for p in sorted(corpus.glob("*.txt"))]
    if not paths:
        paths = sorted(SAMPLES.glob("*.txt"))
    if not paths:
        raise SystemExit("no articles found: neither ../shared/corpus nor ortak/ingest/samples")
    return paths, [read_path(p) for p in paths]


def _cpu_rate(work, items: list, count: int) -> float:
    """Items per CPU second of `work` over `count` items cycled from `items`."""
    started = time.process_time()
    for item in itertools.islice(itertools.cycle(items), count):
        work(item)
    return count / (time.process_time() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles per language")
    args = parser.parse_args()
    paths, articles = _articles()
    by_language: dict[str, list] = defaultdict(list)
    for article in articles:
        by_language[article.language or "unknown"].append(article)
    started = time.perf_counter()
    for script in ("latin", "regional"):
        pipeline(script)
    load = time.perf_counter() - started
    for article in articles:  # warm the caches once, as a long-running process would be
        extract(article)
    print(f"corpora              {', '.join(sorted({str(p.parent.resolve()) for p in paths}))}")
    print(f"pipeline load        {load:.2f} s")
    print(f"{'language':10s} {'texts':>5s} {'articles/s/core':>16s} {'tokenize/s':>11s} "
          f"{'ratio':>7s} {'target':>7s}")  # fmt: skip
    slowest = None
    for language in sorted(by_language):
        group = by_language[language]
        tokenizer = pipeline(_script(group[0]))
        rate = _cpu_rate(extract, group, args.articles)
        bare = _cpu_rate(lambda a, nlp=tokenizer: nlp.make_doc(a.text), group, args.articles)
        slowest = rate if slowest is None else min(slowest, rate)
        verdict = "ok" if rate >= TARGET else "BELOW"
        print(f"{language:10s} {len(group):5d} {rate:16.1f} {bare:11.0f} "
              f"{rate / bare:7.3f} {verdict:>7s}")  # fmt: skip
    # tracemalloc slows Python several times over: memory is measured on a separate pass.
    tracemalloc.start()
    for article in itertools.islice(itertools.cycle(articles), _TRACED):
        extract(article)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"slowest language     {slowest:.1f} articles/s/core (target {TARGET:.0f})")
    print(f"ratio to target      {slowest / TARGET:.2f}")
    print(
        f"peak traced memory   {traced_peak / 2**20:.1f} MiB "
        f"(Python allocations, {_TRACED} articles)"
    )
    print(f"peak RSS             {rss:.0f} MiB (whole process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
