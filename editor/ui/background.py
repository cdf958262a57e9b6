"""Slow use cases off the GUI thread, with their results delivered back on it.

Suggestions, previews and publish runs read the whole archive and may take
seconds; a widget hands them to :class:`BackgroundJobs` with a *token* of its
choosing (say ``(generation, article_id)``) and gets ``finished(token, result)``
or ``failed(token, error)`` on the GUI thread, so it can drop results that no
longer match what it shows.

Each owner has its own small pool, which :meth:`BackgroundJobs.shutdown` waits
for: no worker outlives the widget whose data it computes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

# A job gets a function to report progress (done, total) through.
Progress = Callable[[int, int], None]
JobFunction = Callable[[Progress], Any]


class _Relay(QObject):
    """Carries the jobs' outcomes across threads.

    It has no parent and every job holds it, so a job that ends after its
    owner was destroyed emits into the void instead of into a deleted object.
    """

    finished = Signal(object, object)
    failed = Signal(object, object)
    progress = Signal(object, int, int)


class _Job(QRunnable):
    def __init__(self, token: object, function: JobFunction, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._token = token
        self._function = function
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._function(self._progress)
        except Exception as error:  # reported to the widget, which shows it
            self._relay.failed.emit(self._token, error)
        else:
            self._relay.finished.emit(self._token, result)

    def _progress(self, done: int, total: int) -> None:
        self._relay.progress.emit(self._token, done, total)


class BackgroundJobs(QObject):
    """Runs functions on a private thread pool; outcomes arrive as signals on the GUI thread."""

    finished = Signal(object, object)  # token, result
    failed = Signal(object, object)  # token, exception
    progress = Signal(object, int, int)  # token, done, total

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._cancelled = threading.Event()
        self._running = 0
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self.progress)
        app = QCoreApplication.instance()
        if app is not None:  # quitting must not wait for a long job to run to its end
            app.aboutToQuit.connect(self.cancel)

    @property
    def busy(self) -> bool:
        """True while a submitted job has not yet reported back."""
        return self._running > 0

    def submit(self, token: object, function: JobFunction) -> None:
        """Run ``function(progress)`` on the pool; ``token`` comes back with the outcome."""
        self._running += 1
        self._pool.start(_Job(token, function, self._relay))

    def is_cancelled(self) -> bool:
        """For long jobs to poll (any thread): the owner is going away."""
        return self._cancelled.is_set()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every job has ended (tests, shutdown); False on timeout."""
        return self._pool.waitForDone(timeout_ms)

    def cancel(self) -> None:
        """Ask running jobs to stop (they poll :meth:`is_cancelled`) and drop queued ones."""
        self._cancelled.set()
        self._pool.clear()

    def shutdown(self) -> None:
        """Cancel, then wait for the running job to end (the owner is going away)."""
        self.cancel()
        self._pool.waitForDone()
        self._running = 0

    def _on_finished(self, token: object, result: object) -> None:
        self._running -= 1
        self.finished.emit(token, result)

    def _on_failed(self, token: object, error: object) -> None:
        self._running -= 1
        self.failed.emit(token, error)
