"""Where a start's time goes, stage by stage (target: first paint ≤ 2× a bare QMainWindow).

    python tests/benchmarks/bench_gui_startup.py [--n 100000] [--db PATH] [--runs 3]

Builds a synthetic archive of ``--n`` articles (or uses ``--db``), then starts
fresh Python processes (so imports are counted, as on a real start) that each
measure from the first line of the process to the first paint of

* a bare ``QMainWindow`` (the baseline: Python + Qt start-up), and
* the Newsdesk main window on the archive through the real start
  (``editor.ui.app.start``), list filled, last article open,

and, after that paint, until the archive is open and the window editable.
Prints the median of ``--runs`` starts of each, per stage, and the ratio.
``bench_startup.py`` is the canonical pass/fail figure (time from spawning the
process, interleaved runs); this one explains it.  Both time a start as
installed: Python's bytecode cache is on (in a temporary folder), as after
``pip install``, so that no run compiles the project's modules.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a child process: measures from interpreter start-up of the script body.
_CHILD = r"""
import time
started = time.perf_counter()
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

stages = []

def stage():
    stages.append(time.perf_counter() - started)

def report():
    print(" ".join(f"{{t:.4f}}" for t in stages), flush=True)

class FirstPaint(QObject):
    # The window's first Paint event; its children paint in the same pass, so a zero
    # timer started then runs when the whole window is painted: that moment is taken.
    def __init__(self, then):
        super().__init__()
        self.then = then
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False

mode, db = sys.argv[1], sys.argv[2]
if mode == "bare":
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    def painted():
        stage()
        report()
        app.quit()
    watcher = FirstPaint(painted)
    window.installEventFilter(watcher)
    window.show()
    app.exec()
else:
    from editor.ui import app as ui_app
    from editor.ui.i18n import install_translators
    app = ui_app.application()
    settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
    install_translators(app, settings)  # as run() does: the .qm of the locale's language
    stage()
    import editor.app.config, editor.store.snapshot, editor.ui.main_window
    stage()
    window = ui_app.start(db, settings=settings)  # shows the window
    stage()
    def ready():
        if not window.is_ready:
            QTimer.singleShot(1, ready)
            return
        stage()
        report()
        window.close()
        app.quit()
    def painted():
        assert window.list_model.rowCount() > 0, "painted without the list"
        stage()
        ready()
    watcher = FirstPaint(painted)
    window.installEventFilter(watcher)
    app.exec()
"""


STAGES = (
    "Python, Qt and the QApplication",
    "importing the window (no SQLAlchemy)",
    "start(): snapshot of the first page, building the window",
    "first paint",
    "after it: opening the archive (SQLAlchemy), menus, counts",
)
PAINT = STAGES.index("first paint")


def _env(folder: Path) -> dict[str, str]:
    """Offscreen, temporary user folders, and a bytecode cache as an installed program has."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(folder / "pyc"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("NEWSDESK_DB", None)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(folder / name.lower())
    return env


def _start(mode: str, db: Path, settings: Path) -> list[float]:
    """The moments (seconds since the process began) of each stage (bare: only the paint)."""
    code = _CHILD.format(root=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code, mode, str(db), str(settings)],
        check=True,
        capture_output=True,
        text=True,
        env=_env(settings.parent),
    )
    return [float(t) for t in out.stdout.strip().splitlines()[-1].split()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles (default 100000)")
    parser.add_argument("--db", type=Path, help="an existing archive instead of a new one")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            sys.path.insert(0, str(ROOT))
            from tests.benchmarks.synthetic import build_database

            db = build_database(Path(tmp) / "archive.sqlite", args.n)
        settings = Path(tmp) / "settings.ini"
        _start("bare", db, settings)  # warm the OS file cache and the bytecode cache
        _start("newsdesk", db, settings)  # (and write the settings once)
        bare: list[float] = []
        runs: list[list[float]] = []
        for _ in range(args.runs):  # in turns, so that both see the same machine load
            bare.append(_start("bare", db, settings)[-1])
            runs.append(_start("newsdesk", db, settings))
    ours = [run[PAINT] for run in runs]
    bare_s, ours_s = statistics.median(bare), statistics.median(ours)
    print(f"archive: {db}")
    print("Newsdesk start, median time spent in each stage:")
    previous = [0.0] * len(runs)
    for index, name in enumerate(STAGES):
        spent = statistics.median(
            run[index] - prev for run, prev in zip(runs, previous, strict=True)
        )
        previous = [run[index] for run in runs]
        print(f"  {name:58} {spent * 1000:6.0f} ms")
    print(f"bare QMainWindow first paint:     {bare_s * 1000:7.0f} ms (median of {args.runs})")
    print(f"Newsdesk window, list filled:     {ours_s * 1000:7.0f} ms (median of {args.runs})")
    ready_s = statistics.median(run[-1] for run in runs)
    print(f"Newsdesk window, archive open:    {ready_s * 1000:7.0f} ms (editable from then)")
    print(f"ratio: {ours_s / bare_s:.2f}× (target ≤ 2×)")
    return 0 if ours_s / bare_s <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
