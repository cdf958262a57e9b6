"""Full-text search: speed on a big archive, index size and build time, known-item quality.

    python tests/benchmarks/bench_search.py [--n 100000] [--runs 5] [--rebuild]
                                            [--quality-only | --speed-only]

Speed (targets: median ≤ 20 ms, p95 ≤ 60 ms, and no more than 1.5× the raw FTS5
query): a copy of the synthetic archive (``synthetic.py``, cached in the temp
folder) with 2,000 invented Chinese and Japanese articles added through the
import path, indexed once (the build time and the index size are printed when
it is built, or with ``--rebuild``).  A fixed set of queries (single words,
phrases, prefixes, filters, exclusions, CJK) is run through
``SearchService.search`` (parse, index query with filters, hit rows, marked
passages: everything the window or the command line gets) and, in turns, as
the raw FTS5 statement for the same words (``SELECT rowid … MATCH … ORDER BY
bm25 LIMIT 20`` on a plain sqlite3 connection): the ratio is of the medians,
and of the totals.  Each is given in wall time and in CPU time of this process
(``time.process_time``; SQLite works in-process): on a loaded machine the wall
figures are inflated by the other processes, the CPU figures far less.

Known-item quality (target ≥ 95 %): the 10kGNAD test articles
(``../shared/data/10kgnad_test``) in a fresh archive; for each of the first 500,
three distinct words of five letters or more picked (seeded) from its body (not
its title) are the query, and the article must be among the first 10 hits.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.guibench import CACHE_DIR, cached_archive, isolate_user_folders, percentile

GNAD = Path(__file__).resolve().parents[3] / "shared" / "data" / "10kgnad_test" / "articles.jsonl"
LIMIT = 20
QUERIES = {
    "word": ["Quantora", "Halbleiter", "Datenschutz", "smartphones", "Finanzierung", "München"],
    "folded": ["Munchen", "Bruessel", "Zurich", "elektromobilitat"],
    "phrase": ['"Nordwerk Systems"', '"Mira Castellan"', '"Open Source"', '"Kalyra OS 5"'],
    "prefix": ["Helio*", "Cyber*", "Tessa*", "Quill*"],
    "several": ["Kestrel Robotics Berlin", "Gridwell Home Cloud", "Oxilon M4 Dresden"],
    "filters": [
        "Quantora lang:de status:published",
        "Halbleiter after:2026-01-01",
        "Cloud lang:en before:2025-06-01",
        "Lumetric tag:KI",
        "Sonaric -Berlin",
    ],
    "cjk": ["人工智能", "芯片", "数据中心", "東京", "半導体メーカー"],
}

# Invented CJK sentences for the CJK share of the archive (common words only).
_ZH = "人工智能 芯片 公司 发布 市场 数据中心 云计算 投资 研究 用户 政府".split()
_JA = "東京 半導体メーカー 発表 市場 人工知能 企業 投資 研究 新しい 技術".split()


def _cjk_records(count: int, seed: int = 7) -> list[dict[str, object]]:
    rng = random.Random(seed)
    records = []

    def sentence(words: list[str]) -> str:
        return "".join(rng.choices(words, k=rng.randint(4, 9))) + "。"

    for i in range(count):
        words, lang = (_ZH, "zh") if i % 2 else (_JA, "ja")
        records.append(
            {
                "id": f"cjk-{i}",
                "lang": lang,
                "title": sentence(words),
                "teaser": sentence(words),
                "body": "\n\n".join("".join(sentence(words) for _ in range(6)) for _ in range(5)),
                "status": "published",
                "published_at": "2026-03-01T10:00:00Z",
            }
        )
    return records


def _search_archive(n: int, rebuild: bool) -> tuple[Path, float | None]:
    """The indexed copy of the synthetic archive; the build time if it was built now."""
    from editor.app.importing import ImportService
    from editor.app.workspace import Workspace
    from editor.store.migrations import head_revision

    target = CACHE_DIR / f"search-{n}-schema{head_revision()}.sqlite"
    done = target.with_suffix(".complete")
    if done.exists() and not rebuild:
        return target, None
    if not done.exists():
        source = cached_archive(n)
        print(f"copying {source.name} and adding 2,000 CJK articles …", flush=True)
        shutil.copyfile(source, target)
        ws = Workspace.open(str(target))
        jsonl = Path(tempfile.mkdtemp()) / "cjk.jsonl"
        jsonl.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _cjk_records(2000)),
            encoding="utf-8",
        )
        ImportService(ws).import_path(jsonl)
        ws.close()
    ws = Workspace.open(str(target))
    print("building the search index …", flush=True)
    start = time.perf_counter()
    ws.search.reindex()
    built = time.perf_counter() - start
    ws.db.optimize(analyze=True)
    ws.close()
    done.touch()
    return target, built


def _raw_match(query: str) -> str | None:
    from editor.core.search import parse
    from editor.store.search.sqlite import match_expression

    positive, negative = match_expression(parse(query))
    if positive is None:
        return None
    return positive if negative is None else f"({positive}) NOT ({negative})"


def bench_speed(n: int, runs: int, rebuild: bool) -> None:
    from editor.app.workspace import Workspace
    from editor.store.search.sqlite import TABLE, WEIGHTS

    path, built = _search_archive(n, rebuild)
    ws = Workspace.open(str(path))
    stats = ws.search.stats()
    size = path.stat().st_size
    print(f"archive: {stats.articles} articles, file {size / 1e6:.0f} MB")
    index_mb = (stats.size_bytes or 0) / 1e6
    print(f"index: {stats.indexed} articles, {index_mb:.0f} MB ({stats.backend})")
    if built is not None:
        print(f"index build: {built:.1f} s ({stats.articles / built:.0f} articles/s)")
    raw = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    weights = ", ".join(str(w) for w in WEIGHTS)
    raw_sql = (
        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? "
        f"ORDER BY bm25({TABLE}, {weights}) LIMIT {LIMIT}"
    )
    ours: dict[str, list[float]] = {}
    theirs: dict[str, list[float]] = {}
    # CPU time of this process (SQLite runs in it): unlike wall time, barely inflated by
    # other processes on a loaded machine.
    ours_cpu: dict[str, list[float]] = {}
    theirs_cpu: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    flat = [(kind, q) for kind, qs in QUERIES.items() for q in qs]
    for _kind, q in flat:  # warm the page cache
        counts[q] = len(ws.search.search(q, limit=LIMIT))
        match = _raw_match(q)
        if match:
            raw.execute(raw_sql, (match,)).fetchall()
    for _ in range(runs):
        for _kind, q in flat:
            start, cpu = time.perf_counter(), time.process_time()
            ws.search.search(q, limit=LIMIT)
            ours.setdefault(q, []).append(time.perf_counter() - start)
            ours_cpu.setdefault(q, []).append(time.process_time() - cpu)
            match = _raw_match(q)
            if match:
                start, cpu = time.perf_counter(), time.process_time()
                raw.execute(raw_sql, (match,)).fetchall()
                theirs.setdefault(q, []).append(time.perf_counter() - start)
                theirs_cpu.setdefault(q, []).append(time.process_time() - cpu)
    ws.close()
    print(f"\n{'query':42} {'hits':>5} {'ours ms':>8} {'raw ms':>8} {'ours cpu':>9} {'raw cpu':>8}")
    for kind, q in flat:
        cells = [
            statistics.median(times[q]) * 1000 if q in times else float("nan")
            for times in (ours, theirs, ours_cpu, theirs_cpu)
        ]
        print(f"{kind + ': ' + q:42.42} {counts[q]:5d} " + _cells(cells))
    print(f"\nsearch over {len(flat)} queries × {runs}:")
    wall_ok = _summary("wall", ours, theirs)
    cpu_ok = _summary("cpu ", ours_cpu, theirs_cpu)
    verdict = {True: "met", False: "NOT met"}
    print(
        "targets (median ≤ 20 ms, p95 ≤ 60 ms, ≤ 1.5× raw):",
        f"wall {verdict[wall_ok]}, cpu {verdict[cpu_ok]}",
    )


def _cells(values: list[float]) -> str:
    return " ".join(f"{v:{w}.2f}" for v, w in zip(values, (8, 8, 9, 8), strict=True))


def _summary(label: str, ours: dict[str, list[float]], theirs: dict[str, list[float]]) -> bool:
    """Print median and p95 of ours and the ratio to raw FTS5; whether the targets hold."""
    all_ours = [t for ts in ours.values() for t in ts]
    paired = [q for q in ours if q in theirs]
    our_paired = [t for q in paired for t in ours[q]]
    raw_paired = [t for q in paired for t in theirs[q]]
    median, p95 = statistics.median(all_ours) * 1000, percentile(all_ours, 0.95) * 1000
    raw_median = statistics.median(raw_paired)
    ratio_median = statistics.median(our_paired) / raw_median if raw_median else float("inf")
    ratio_total = sum(our_paired) / sum(raw_paired) if sum(raw_paired) else float("inf")
    print(
        f"  {label} ms: ours median {median:.1f}, p95 {p95:.1f}; "
        f"raw FTS5 (same words) median {raw_median * 1000:.1f}; "
        f"ratio of medians {ratio_median:.2f}×, of totals {ratio_total:.2f}×"
    )
    return median <= 20 and p95 <= 60 and ratio_median <= 1.5


_WORD = re.compile(r"[^\W\d_]{5,}")


def bench_quality(limit: int = 500) -> None:
    if not GNAD.exists():
        print(f"known-item quality: skipped (no {GNAD})")
        return
    from editor.app.importing import ImportService
    from editor.app.workspace import Workspace

    folder = Path(tempfile.mkdtemp(prefix="newsdesk-search-quality-"))
    ws = Workspace.open(str(folder / "gnad.sqlite"))
    ImportService(ws).import_path(GNAD)
    records = [json.loads(line) for line in GNAD.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(13)
    found = tried = 0
    ranks: list[int] = []
    for record in records[:limit]:
        words = list(dict.fromkeys(_WORD.findall(record["body"])))
        if len(words) < 3:
            continue
        query = " ".join(rng.sample(words, 3))
        hits = [h.external_id for h in ws.search.search(query, limit=10)]
        tried += 1
        if record["id"] in hits:
            found += 1
            ranks.append(hits.index(record["id"]) + 1)
    ws.close()
    shutil.rmtree(folder, ignore_errors=True)
    share = found / tried if tried else 0.0
    print(
        f"known-item: {found}/{tried} in the top 10 ({share:.1%}; target ≥ 95 %), "
        f"first place {ranks.count(1)}/{tried}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="build the index again (timed)")
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument("--speed-only", action="store_true")
    args = parser.parse_args()
    isolate_user_folders()
    if not args.speed_only:
        bench_quality()
    if not args.quality_only:
        bench_speed(args.n, args.runs, args.rebuild)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
