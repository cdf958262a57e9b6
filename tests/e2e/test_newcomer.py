"""Issue 10's newcomer, replayed on a real X display (Xvfb, not offscreen): start, load
the samples, set the site up, write in German with umlauts, move to ready, accept a
related link, publish everything ready, restart, and check each step
(scripts/newcomer.py; screenshots in the test's folder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.xdisplay import x_environment, xvfb

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "newcomer.py"


def _phase(workdir: Path, phase: str, display: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--workdir", str(workdir), "--phase", phase],
        env=x_environment(
            display,
            XDG_CONFIG_HOME=str(workdir / "config"),
            XDG_DATA_HOME=str(workdir / "data"),
            NEWSDESK_MEANING_VECTORS="0",
            # this checkout's code, not whichever `editor` the venv has installed
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        ),
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    start = done.stdout.find("{")
    assert start >= 0, f"no report from the {phase} phase: {done.stderr[-2000:]}"
    report: dict = json.loads(done.stdout[start:])
    return report


def test_a_newcomers_first_day_on_a_real_display(tmp_path: Path) -> None:
    with xvfb() as display:
        first = _phase(tmp_path, "first", display)
        again = _phase(tmp_path, "restart", display)
    steps = [(f"{r['phase']}: {s['name']}", s) for r in (first, again) for s in r["steps"]]
    assert any(name.endswith("on a real X display") and s["ok"] for name, s in steps)
    failed = {name: s["detail"] for name, s in steps if not s["ok"]}
    assert failed == {}
    assert len(first["shots"]) >= 5 and all(Path(p).is_file() for p in first["shots"])
    assert again["shots"]
