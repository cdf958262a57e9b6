"""Shared pieces of the GUI benchmarks: archives, a private settings file, paint timing."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.synthetic import DEFAULT_SEED, build_database

CACHE_DIR = Path(tempfile.gettempdir()) / "newsdesk-bench"


def cached_archive(n: int, seed: int = DEFAULT_SEED) -> Path:
    """A synthetic archive of ``n`` articles, built once and kept in the temp folder.

    Benchmarks that write to their archive must copy it first.  Delete
    ``CACHE_DIR`` to free the space (about 5 kB per article).
    """
    from editor.store.migrations import head_revision

    CACHE_DIR.mkdir(exist_ok=True)
    # One per schema revision: an older file would be upgraded (and copied) on open.
    path = CACHE_DIR / f"archive-{n}-{seed}-schema{head_revision()}.sqlite"
    done = path.with_suffix(".complete")
    if not done.exists():
        print(f"building a synthetic archive of {n} articles at {path} …", flush=True)
        build_database(path, n, seed)
        done.touch()
    return path


def cached_entity_archive(n: int, entities: int, seed: int = DEFAULT_SEED) -> Path:
    """:func:`cached_archive` with ``entities`` known entities in all (made-up names
    added to the synthetic tags), built once from a copy and kept beside it."""
    import random
    import shutil

    from sqlalchemy import func, insert, select

    from editor.core.entities.model import name_key
    from editor.store.database import open_database, sqlite_url
    from editor.store.models import Entity

    source = cached_archive(n, seed)
    path = source.with_name(f"{source.stem}-entities{entities}.sqlite")
    done = path.with_suffix(".complete")
    if done.exists():
        return path
    print(f"adding entities to a copy of the archive: {entities} at {path} …", flush=True)
    shutil.copyfile(source, path)
    db = open_database(sqlite_url(path))
    try:
        with db.engine.connect() as conn:
            have = {key for (key,) in conn.execute(select(Entity.key))}
            next_id = (conn.execute(select(func.max(Entity.id))).scalar() or 0) + 1
            rng = random.Random(seed)
            syllables = ["ka", "lo", "mi", "ber", "tan", "sch", "ul", "rie", "don", "ve", "ar"]
            kinds = ["person", "organisation", "place", "product", "topic", "event"]
            rows = []
            while len(have) < entities:
                words = rng.choice((1, 2, 2, 3))
                name = " ".join(
                    "".join(rng.choice(syllables) for _ in range(rng.choice((2, 3)))).title()
                    for _ in range(words)
                )
                if name_key(name) in have:
                    continue
                have.add(name_key(name))
                kind = rng.choice(kinds)
                rows.append({"id": next_id, "name": name, "key": name_key(name), "kind": kind})
                next_id += 1
            if rows:
                conn.execute(insert(Entity), rows)
            conn.commit()
    finally:
        db.close()
    done.touch()
    return path


def isolate_user_folders() -> Path:
    """Point HOME's data and config folders somewhere temporary (no real settings read)."""
    home = Path(tempfile.mkdtemp(prefix="newsdesk-bench-home-"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())
    os.environ.pop("NEWSDESK_DB", None)
    return home


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(values: list[float]) -> str:
    """Seconds as "p50 … ms, p95 … ms, max … ms"."""
    return (
        f"p50 {statistics.median(values) * 1000:.1f} ms, "
        f"p95 {percentile(values, 0.95) * 1000:.1f} ms, "
        f"max {max(values) * 1000:.1f} ms (n={len(values)})"
    )


def idle(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds (timers, autosave reports, repaints)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def run_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the event loop until ``condition()`` holds (e.g. ``lambda: window.is_ready``)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the condition did not come true")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def start_window(archive: Path, settings_file: Path) -> tuple[object, object]:
    """The program's own start on ``archive``: (application, main window with its archive open).

    ``editor.ui.app.start`` may show the window before the archive is open
    (a fast start from a read-only snapshot); this waits for the real thing.
    """
    from PySide6.QtCore import QSettings

    from editor.store.database import sqlite_url
    from editor.ui.app import application, start

    app = application()
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = start(sqlite_url(archive), settings=settings)
    if window is None:
        raise RuntimeError(f"{archive} did not open")
    run_until(lambda: getattr(window, "is_ready", True))
    return app, window


class PaintWatch:
    """Tells when a widget has painted after a moment: an event filter on Paint.

    ``until_painted(action)`` runs ``action`` and then the event loop (a real
    one that sleeps while idle, like the application's) until the watched
    widget receives a Paint event; it returns the seconds in between.
    """

    def __init__(self, widget: object) -> None:
        from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

        watch = self

        class _Filter(QObject):
            def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and watch.painted_at is None:
                    watch.painted_at = time.perf_counter()
                    watch.loop.quit()
                return False

        self.painted_at: float | None = None
        self.loop = QEventLoop()
        self.timer = QTimer(singleShot=True)
        self.timer.timeout.connect(self.loop.quit)
        self._filter = _Filter()
        widget.installEventFilter(self._filter)  # type: ignore[attr-defined]

    def until_painted(self, action: Callable[[], object], timeout: float = 5.0) -> float:
        self.painted_at = None
        started = time.perf_counter()
        action()
        if self.painted_at is None:
            self.timer.start(int(timeout * 1000))
            self.loop.exec()
            self.timer.stop()
        if self.painted_at is None:
            raise TimeoutError("the widget did not paint")
        return self.painted_at - started
