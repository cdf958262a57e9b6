"""How much typing a SIGKILL costs: hundreds of kills at random moments.

    python tests/benchmarks/bench_crash.py [--kills 200] [--max-delay 5] [--seed N] [--gui]

A typist process types into one article through the real autosave path
(``tests/crash/typist.py``; with ``--gui`` the real main window, typed into
with key events, ``tests/crash/gui_typist.py``) and is killed after a random
0.05–``max-delay`` seconds of typing.  After each kill the archive must pass
PRAGMA integrity_check, open, and hold a prefix of what was typed.  Prints how many
seconds of typing were lost (from the first lost keystroke to the kill) as
max and percentiles, and how often the 2-second promise was broken.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.crash.harness import GRACE_SECONDS, GUI_TYPIST, TYPIST, CrashRig, KillOutcome


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def report(outcomes: list[KillOutcome], elapsed: float) -> None:
    lost = [o.seconds_lost for o in outcomes]
    late = [o for o in outcomes if o.delay >= GRACE_SECONDS]
    broken = [o for o in outcomes if not o.kept_enough]
    damaged = [o for o in outcomes if o.integrity != "ok" or not o.consistent]
    print(f"{len(outcomes)} kills in {elapsed:.0f} s ({len(late)} after ≥ {GRACE_SECONDS:.0f} s)")
    print(
        "seconds of typing lost per kill: "
        f"median {statistics.median(lost):.2f}, p90 {percentile(lost, 0.90):.2f}, "
        f"p99 {percentile(lost, 0.99):.2f}, max {max(lost):.2f}"
    )
    if late:
        late_lost = [o.seconds_lost for o in late]
        print(
            f"kills after ≥ {GRACE_SECONDS:.0f} s of typing: "
            f"median {statistics.median(late_lost):.2f}, "
            f"p90 {percentile(late_lost, 0.90):.2f}, max {max(late_lost):.2f} s lost"
        )
    typed = sum(o.typed for o in outcomes)
    kept = sum(o.kept for o in outcomes)
    print(f"characters typed {typed}, kept {kept} ({kept / max(typed, 1):.0%})")
    print(f"kept less than everything typed {GRACE_SECONDS:.0f} s before the kill: {len(broken)}")
    print(f"integrity failures or bodies that differ from the typing: {len(damaged)}")
    for outcome in (broken + damaged)[:10]:
        print(
            f"  after {outcome.delay:.2f} s: typed {outcome.typed}, kept {outcome.kept}, "
            f"required {outcome.required}, integrity {outcome.integrity}"
        )
        if outcome.detail:
            print(f"    {outcome.detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--max-delay", type=float, default=5.0, help="seconds of typing at most")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--gui", action="store_true", help="type into the real main window (key events)"
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"seed {seed}")
    outcomes: list[KillOutcome] = []
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="newsdesk-crash-") as folder,
        CrashRig(Path(folder), seed=seed, typist=GUI_TYPIST if args.gui else TYPIST) as rig,
    ):
        for n in range(1, args.kills + 1):
            outcomes.append(rig.run(rng.uniform(0.05, args.max_delay)))
            if n % 25 == 0:
                print(f"  {n} kills …", flush=True)
    report(outcomes, time.perf_counter() - started)
    return 1 if any(not o.kept_enough or o.integrity != "ok" for o in outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
