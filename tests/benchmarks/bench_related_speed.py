"""Speed of the related-links engine on a synthetic archive.

Targets (issue 3): index build of 100,000 articles <= 60 s with progress; suggestions for one
article median <= 20 ms, p95 <= 50 ms. Also prints update/remove and save/load times.

    PYTHONPATH=. python tests/benchmarks/bench_related_speed.py            # 100,000 articles
    PYTHONPATH=. python tests/benchmarks/bench_related_speed.py --n 10000  # quicker

The archive comes from tests/benchmarks/synthetic.py (invented de/en tech news, tagged, with
translation pairs and a mix of statuses).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np

from editor.core.related import RelatedDoc, RelatedIndex
from editor.core.related.semantic import SemanticVectors
from tests.benchmarks.synthetic import generate_records


def to_doc(record: dict[str, Any], tagged: bool = True) -> RelatedDoc:
    """The record as the app's RelatedService would hand it over (teaser joins the body)."""
    published = record.get("published_at")
    return RelatedDoc(
        id=record["id"],
        lang=record["lang"],
        title=record["title"],
        body=f"{record['teaser']}\n\n{record['body']}",
        entities=tuple(record["tags"]) if tagged else (),
        group=record.get("group"),
        published_at=datetime.fromisoformat(published.replace("Z", "+00:00"))
        if published
        else None,
        status=record["status"],
    )


def resident_mb() -> float | None:
    """Current resident memory (Linux), to see what the index itself takes."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_suggestions(index: RelatedIndex, queries: list) -> tuple[list[float], list[float]]:
    """Milliseconds per query, wall and CPU."""
    times, cpu_times = [], []
    for doc in queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        index.suggest(doc.id, 5)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
    return times, cpu_times


def measure_with_vectors(index: RelatedIndex, docs: list, queries: list) -> None:
    """The cost of meaning vectors when every article has one (random unit vectors of the
    model's size: what is measured is time, not quality; see bench_related_crosslang.py)."""
    rng = np.random.default_rng(3)
    vectors = SemanticVectors(384, "random")
    for start in range(0, len(docs), 4096):
        chunk = docs[start : start + 4096]
        rows = rng.standard_normal((len(chunk), 384)).astype(np.float32)
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        for doc, row in zip(chunk, rows, strict=True):
            vectors.put(doc.id, doc.lang, "", row)
    index.semantic = vectors
    times, _ = time_suggestions(index, queries)
    index.semantic = None
    print(
        f"suggest with meaning vectors for all {len(vectors):,}: median"
        f" {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meaning.bin"
        started = time.perf_counter()
        vectors.save(path)
        saved = time.perf_counter() - started
        started = time.perf_counter()
        SemanticVectors.load(path)
        loaded = time.perf_counter() - started
        print(
            f"  vectors file: save {saved:.1f} s, load {loaded:.1f} s,"
            f" {path.stat().st_size / 1e6:.0f} MB"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles in the archive")
    parser.add_argument("--queries", type=int, default=300, help="articles to suggest for")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--untagged", action="store_true", help="drop the tags: names are found in the text"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    docs = [to_doc(r, tagged=not args.untagged) for r in generate_records(args.n)]
    print(f"generated {len(docs):,} articles in {time.perf_counter() - started:.1f} s")

    last_report = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last_report[0] > 5 or done == total:
            last_report[0] = now
            print(f"  build progress {done:,}/{total:,}  {now - started:.1f} s", flush=True)

    memory_before = resident_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    index = RelatedIndex.build(docs, progress=progress)
    build_seconds = time.perf_counter() - started
    build_cpu = time.process_time() - cpu_started
    print(
        f"build: {build_seconds:.1f} s wall, {build_cpu:.1f} s CPU for {len(index):,} articles"
        " (target <= 60 s)"
    )
    memory_after = resident_mb()
    if memory_before is not None and memory_after is not None:
        print(f"index memory: about {memory_after - memory_before:.0f} MB resident")

    rng = random.Random(args.seed)
    queries = rng.sample(docs, min(args.queries, len(docs)))
    index.suggest(queries[0].id)  # first call loads the dictionary when installed
    times, cpu_times = time_suggestions(index, queries)
    for label, values in (("wall", times), ("CPU", cpu_times)):
        print(
            f"suggest ({label}): median {statistics.median(values):.1f} ms,"
            f" p95 {percentile(values, 0.95):.1f} ms, max {max(values):.1f} ms"
            f" over {len(values)} articles (target median <= 20, p95 <= 50)"
        )
    print("  (CPU time is the steadier figure on a shared machine; os.getloadavg():", end=" ")
    print(", ".join(f"{x:.1f}" for x in os.getloadavg()) + ")")
    measure_with_vectors(index, docs, queries)

    started = time.perf_counter()
    for doc in queries[:50]:
        index.add_or_update(doc)
    update_ms = (time.perf_counter() - started) * 1000 / min(50, len(queries))
    started = time.perf_counter()
    for doc in queries[:50]:
        index.remove(doc.id)
    remove_ms = (time.perf_counter() - started) * 1000 / min(50, len(queries))
    print(f"add_or_update: {update_ms:.1f} ms per article; remove: {remove_ms:.2f} ms")
    for doc in queries[:50]:
        index.add_or_update(doc)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "related.idx"
        started = time.perf_counter()
        index.save(path)
        save_seconds = time.perf_counter() - started
        started = time.perf_counter()
        loaded = RelatedIndex.load(path)
        load_seconds = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6
    print(
        f"save: {save_seconds:.1f} s, load: {load_seconds:.1f} s, file {size_mb:.1f} MB,"
        f" {len(loaded):,} articles"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole run, incl. the generated articles): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
