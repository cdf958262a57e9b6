"""How fast the editor window paints with its list filled (target: ≤ 2× a bare QMainWindow).

    python tests/benchmarks/bench_gui_startup.py [--n 100000] [--db PATH] [--runs 3]

Builds a synthetic archive of ``--n`` articles (or uses ``--db``), then starts
fresh Python processes (so imports are counted, as on a real start) that each
measure from the first line of the process to the first paint of

* a bare ``QMainWindow`` (the baseline: Python + Qt start-up), and
* the Newsdesk main window on the archive, list filled, last article open.

Prints the median of ``--runs`` starts of each and the ratio.
"""

from __future__ import annotations

import argparse
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

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            stage()
            print(" ".join(f"{{t:.4f}}" for t in stages), flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False

mode, db = sys.argv[1], sys.argv[2]
if mode == "bare":
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    target = window
else:
    from editor.ui.app import application
    app = application()
    stage()
    from editor.app.workspace import Workspace
    stage()
    workspace = Workspace.open(db, user="bench")
    stage()
    from editor.ui.main_window import MainWindow
    settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings=settings)
    stage()
    target = window.list_view.viewport()
    assert window.list_model.rowCount() > 0 or window.list_model.total == 0
watcher = FirstPaint()
target.installEventFilter(watcher)
window.show()
app.exec()
if mode != "bare":
    window.close()
"""


STAGES = (
    "Python, Qt and the QApplication",
    "importing the workspace (SQLAlchemy, Alembic, services)",
    "opening the archive (schema check)",
    "building the window (first list page, menus)",
    "first paint",
)


def _start(mode: str, db: Path, settings: Path) -> list[float]:
    """The moments (seconds since the process began) of each stage; the last is the paint."""
    code = _CHILD.format(root=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code, mode, str(db), str(settings)],
        check=True,
        capture_output=True,
        text=True,
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
        _start("newsdesk", db, settings)  # warm the OS file cache and write settings once
        bare = [_start("bare", db, settings)[-1] for _ in range(args.runs)]
        runs = [_start("newsdesk", db, settings) for _ in range(args.runs)]
    ours = [run[-1] for run in runs]
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
    print(f"ratio: {ours_s / bare_s:.2f}× (target ≤ 2×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
