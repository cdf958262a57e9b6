"""The article list's language badges: one grouped query per page of 200 rows.

    python tests/benchmarks/bench_list_versions.py [--n 100000] [--pages 50]

On a synthetic archive of ``--n`` articles (de/en translation pairs among them), pages
of the list are read at random offsets as the list reads them (newest first), and the
time of :func:`editor.app.translation.groups.group_languages` for each page's ids is
measured beside the time of reading the page itself. Prints p50/p95/max of both.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.guibench import cached_archive, isolate_user_folders, percentile

PAGE = 200


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args(argv)
    isolate_user_folders()

    from editor.app.translation import groups
    from editor.app.workspace import Workspace
    from editor.core.article import ListQuery

    ws = Workspace.open(str(cached_archive(args.n)), create=False)
    try:
        total = ws.articles.count(ListQuery())
        rng = random.Random(7)
        page_times, badge_times, grouped = [], [], 0
        for _ in range(args.pages):
            offset = rng.randrange(0, max(1, total - PAGE))
            start = time.perf_counter()
            rows = ws.articles.list(ListQuery(offset=offset, limit=PAGE))
            page_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            found = groups.group_languages(ws, [r.id for r in rows])
            badge_times.append(time.perf_counter() - start)
            grouped += sum(1 for langs in found.values() if len(langs) > 1)
        print(f"{total} articles, {args.pages} pages of {PAGE} rows at random offsets")
        print(f"rows with badges: {grouped / (args.pages * PAGE):.0%}")
        for name, times in (("page read", page_times), ("badges", badge_times)):
            print(
                f"{name:>10}: p50 {statistics.median(times) * 1000:.1f} ms, "
                f"p95 {percentile(times, 0.95) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms"
            )
    finally:
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
