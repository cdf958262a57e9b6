"""How fast ``newsdesk import`` takes a large JSON Lines file (target: 10k in ≤ 15 s).

    python tests/benchmarks/bench_import.py [--n 10000]

Prints the time to parse the file, to import it into an empty archive, to
import it again (every record found unchanged), and to import it with every
body changed (every article updated, each with a new revision).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.app.importing import ImportService, read_source
from editor.app.workspace import Workspace
from tests.benchmarks.synthetic import write_jsonl


def _timed_import(workspace: Workspace, path: Path) -> tuple[float, float, str]:
    started = time.perf_counter()
    parsed = read_source(path)
    parsed_at = time.perf_counter()
    report = ImportService(workspace).import_records(
        parsed.records, rejected=parsed.rejected, source=path.name
    )
    done = time.perf_counter()
    return parsed_at - started, done - parsed_at, report.summary()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles (default 10000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = write_jsonl(Path(tmp) / "articles.jsonl", args.n)
        size_mb = source.stat().st_size / 1e6
        print(f"{args.n} synthetic articles, {size_mb:.1f} MB of JSON Lines")
        workspace = Workspace.open(str(Path(tmp) / "archive.sqlite"), user="bench")
        try:
            for label in ("first import (empty archive)", "second import (same file)"):
                parse_s, import_s, summary = _timed_import(workspace, source)
                total = parse_s + import_s
                print(
                    f"{label}: parse {parse_s:.2f} s + write {import_s:.2f} s = {total:.2f} s "
                    f"({args.n / total:,.0f} articles/s) — {summary}"
                )
            parsed = read_source(source)
            edited = [dataclasses.replace(r, body=r.body + "\n\nUpdate.") for r in parsed.records]
            started = time.perf_counter()
            report = ImportService(workspace).import_records(edited)
            took = time.perf_counter() - started
            print(
                f"third import (every body changed): write {took:.2f} s "
                f"({args.n / took:,.0f} articles/s) — {report.summary()}"
            )
        finally:
            workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
