"""``newsdesk related ID`` run once from the shell, on a synthetic archive (issue 9 §6).

    python tests/benchmarks/bench_related_one_shot.py                 # 25,000 articles
    python tests/benchmarks/bench_related_one_shot.py --code /tmp/old # an older tree

Each call is a fresh process, as from the shell, with bytecode cached (as after an
install) and the meaning model off.  First a call with no index saved (it builds one),
then ``--calls`` calls with the index saved, each for another article.  Per call: wall
seconds, CPU seconds of the process (user + system: on a loaded machine the honest
figure) and its peak resident memory.  ``--code DIR`` runs the command line of another
checkout (say an export of an older commit) on the same archive, for before/after.

Target: with the index saved, a call reads only what it needs (no second of CPU per
call on 25,000 articles); without, it says on stderr that it builds the index.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.synthetic import build_database

ROOT = Path(__file__).resolve().parents[2]
BUILDING = "Building the related-links index"


def call(code: Path, env: dict[str, str], *args: str) -> tuple[float, float, int, str, str]:
    """Run the command line once: wall s, CPU s, peak RSS in MB, stdout, stderr."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "editor", *args], cwd=code, env=env, stdout=out, stderr=err
        )
        _, status, usage = os.wait4(process.pid, 0)  # this child's own figures
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        printed, said = out.read(), err.read()
    if process.returncode != 0:
        raise SystemExit(f"newsdesk {' '.join(args)} failed:\n{said}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, printed, said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=25_000, help="articles in the archive")
    parser.add_argument("--calls", type=int, default=5, help="calls with the index saved")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--db", type=Path, help="reuse this synthetic archive")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newsdesk-one-shot-"))
    db = args.db or build_database(work / "archive.sqlite", args.n)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {
        "XDG_DATA_HOME": str(work / "data"),
        "XDG_CONFIG_HOME": str(work / "config"),
        "PYTHONPYCACHEPREFIX": str(work / "bytecode"),
        "NEWSDESK_MEANING_VECTORS": "0",
        "PYTHONPATH": str(args.code),
    }
    print(f"{args.n} articles, code from {args.code}, load average {os.getloadavg()[0]:.1f}")
    try:
        call(args.code, env, "--version")  # compiles the bytecode once, as an install does
        wall, cpu, rss, _, err = call(args.code, env, "--db", str(db), "related", "7")
        said = "says so" if BUILDING in err else "says nothing"
        print(f"no index yet:  {wall:6.2f} s wall {cpu:6.2f} s CPU {rss:5d} MB ({said})")
        walls, cpus, rsss = [], [], []
        for n in range(args.calls):
            article = str(101 + n * (args.n // max(args.calls, 1)))
            wall, cpu, rss, _, _ = call(args.code, env, "--db", str(db), "related", article)
            walls.append(wall)
            cpus.append(cpu)
            rsss.append(rss)
            print(
                f"index saved:   {wall:6.2f} s wall {cpu:6.2f} s CPU {rss:5d} MB"
                f" (article {article})"
            )
        print(
            f"index saved, median of {args.calls}: {statistics.median(walls):.2f} s wall, "
            f"{statistics.median(cpus):.2f} s CPU, {statistics.median(rsss):.0f} MB"
        )
    finally:
        shutil.rmtree(work / "data", ignore_errors=True)
        if args.db is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
