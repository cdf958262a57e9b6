"""How fast the command palette answers on a large archive.

    python tests/benchmarks/bench_palette_search.py [--n 100000] [--db PATH] [--runs 5]

Builds a synthetic archive of ``--n`` articles (or uses ``--db``) and times
:func:`editor.commands.search.search` (commands plus articles, as the palette
calls it after each pause in typing) for queries of several kinds: empty, a
command, a word in many titles, a title with a typo, and no match at all.
Prints the median and worst time per query and how many rows SQL handed to
the fuzzy ranking.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.app.workspace import Workspace
from editor.commands.builtin import register_builtin
from editor.commands.context import CommandContext
from editor.commands.registry import CommandRegistry
from editor.commands.search import search, search_articles
from editor.commands.testing import RecordingWindow
from editor.commands.title_index import TitleIndex
from editor.core.article import ListQuery
from tests.benchmarks.synthetic import build_database


def _typo(title: str) -> str:
    """The first long word of ``title`` with two letters swapped."""
    word = next((w for w in title.split() if len(w) >= 7), title.split()[0])
    middle = len(word) // 2
    swapped = word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]
    return swapped


def queries(ws: Workspace) -> dict[str, str]:
    sample = ws.articles.list(ListQuery(order_by="title", limit=1, offset=777))[0].title
    common = max(sample.split(), key=len)
    return {
        "empty": "",
        "command": "new art",
        "common word": common[:6],
        "exact title start": " ".join(sample.split()[:3]),
        "typo in a title word": _typo(sample),
        "no match": "zzqxv wvut",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None or not db.exists():
            db = db or Path(folder) / "archive.sqlite"
            started = time.perf_counter()
            build_database(db, args.n)
            print(f"built {args.n} articles in {time.perf_counter() - started:.1f} s")
        ws = Workspace.open(str(db), user="bench")
        registry = CommandRegistry()
        register_builtin(registry)
        ctx = CommandContext(workspace=ws, window=RecordingWindow())
        total = ws.articles.count()
        print(f"archive: {total} articles ({db})")
        index = TitleIndex(ws)
        started = time.perf_counter()
        index.load()
        print(f"title index: {len(index)} titles loaded in {time.perf_counter() - started:.2f} s")
        unloaded = TitleIndex(ws)  # never loaded: what the palette does before it is ready

        def with_index(text: str) -> None:
            search(text, registry, ctx, index=index)

        def before_ready(text: str) -> None:
            search(text, registry, ctx, index=unloaded)

        def sql_like(text: str) -> None:  # the small-archive path, forced
            search_articles(ws.articles, text)

        modes = (
            ("title index", with_index, args.runs),
            ("index still loading (recently edited only)", before_ready, args.runs),
            ("SQL LIKE (used below 5000 articles)", sql_like, 1),
        )
        for label, run, runs in modes:
            print(f"\n{label}")
            print(f"{'query':24} {'text':28} {'median ms':>10} {'worst ms':>9}")
            for name, text in queries(ws).items():
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    run(text)
                    times.append((time.perf_counter() - started) * 1000)
                print(
                    f"{name:24} {text[:28]!r:28} {statistics.median(times):10.1f} {max(times):9.1f}"
                )
        rows = {name: len(index.candidates(text)) for name, text in queries(ws).items() if text}
        print(f"\ntitles handed to rapidfuzz by the index: {rows}")
        index.close()
        unloaded.close()
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
