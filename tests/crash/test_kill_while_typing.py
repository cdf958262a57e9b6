"""Kill the editor while it types: the archive stays sound and keeps the text.

A typist process writes through the real autosave path and is killed with
SIGKILL at random moments (twenty times, into the same archive).  After each
kill the file must pass SQLite's integrity check, open normally, and hold at
least everything typed up to two seconds before the kill — autosave's promise.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from tests.crash.harness import GRACE_SECONDS, GUI_TYPIST, CrashRig, KillOutcome, typed_text

KILLS = 20
GUI_KILLS = 3

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def kill_schedule(rng: random.Random) -> list[float]:
    """Half the kills early (start-up, first keystrokes), half past the grace period.

    The late half is what tests the promise: there "typed two seconds before"
    is not empty, and the kill can land during the first or second write.
    """
    early = [rng.uniform(0.05, 0.8) for _ in range(KILLS // 2)]
    late = [rng.uniform(GRACE_SECONDS, 3.2) for _ in range(KILLS - KILLS // 2)]
    delays = early + late
    rng.shuffle(delays)
    return delays


def describe(n: int, outcome: KillOutcome) -> str:
    return (
        f"kill {n} after {outcome.delay:.2f} s: typed {outcome.typed}, kept {outcome.kept}, "
        f"required {outcome.required}, lost {outcome.seconds_lost:.2f} s"
    )


@pytest.mark.slow  # about 30 s: twenty runs of up to three seconds each
def test_sigkill_while_typing_keeps_the_archive_sound_and_the_text(tmp_path: Path) -> None:
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    print(f"crash test seed {seed}")
    delays = kill_schedule(random.Random(seed))
    with CrashRig(tmp_path, seed=seed) as rig:
        outcomes = []
        for n, delay in enumerate(delays, start=1):
            outcome = rig.run(delay)
            outcomes.append(outcome)
            assert outcome.integrity == "ok", describe(n, outcome)
            assert outcome.consistent, f"{describe(n, outcome)}: {outcome.detail}"
            assert outcome.kept_enough, describe(n, outcome)
        final_body = rig.body
    assert sum(o.required > 0 for o in outcomes) >= KILLS // 2
    assert final_body == typed_text(len(final_body))
    assert len(final_body) == sum(o.kept for o in outcomes)


@pytest.mark.slow  # about 10 s: three runs, and the window takes a while to start
def test_sigkill_of_the_real_window_while_typing_keeps_the_text(tmp_path: Path) -> None:
    """The same through the whole program: key events to the main window's body editor."""
    seed = random.randrange(1 << 30)
    print(f"GUI crash test seed {seed}")
    rng = random.Random(seed)
    with CrashRig(tmp_path, seed=seed, reserve=2, typist=GUI_TYPIST) as rig:
        for n in range(1, GUI_KILLS + 1):
            outcome = rig.run(rng.uniform(GRACE_SECONDS, 3.2))
            assert outcome.integrity == "ok", describe(n, outcome)
            assert outcome.consistent, f"{describe(n, outcome)}: {outcome.detail}"
            assert outcome.required > 0, describe(n, outcome)
            assert outcome.kept_enough, describe(n, outcome)
        final_body = rig.body
    assert len(final_body) > 0
    assert final_body == typed_text(len(final_body))
