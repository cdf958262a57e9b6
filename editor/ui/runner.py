"""The window's one runner of operations (``editor.app.operations``).

Every piece of work the window does off the GUI thread goes through one
:class:`Runner`: one shared thread pool; reads run side by side, writes run one
at a time in the order they were submitted.  The outcome (result or error)
comes back on the GUI thread, to the callbacks given with the operation.

Stale results are dropped, never delivered:

- an operation with a ``key`` is superseded by the next one with the same key
  (asked to stop; its result dropped), so a panel that follows the current
  article only ever sees the answer for the article on screen;
- an operation whose ``owner`` widget was destroyed delivers nothing;
- :meth:`Runner.shutdown` (the window closing) cancels everything.

An error for which no ``on_error`` was given is announced by the
:attr:`Runner.failed` signal, which the window shows in its status bar.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import Shiboken

from editor.app.operations import Cancelled, Operation, OperationContext

T = TypeVar("T")

# Two threads: a long write (publishing a site) must not keep a panel's quick
# query waiting, and the machine this is measured on has two cores.
THREADS = 2
# Progress reaches the GUI thread at most this often per operation: a loop that
# reports every item must not flood the event queue.
PROGRESS_INTERVAL = 0.05


class Ticket(Generic[T]):
    """One submitted operation: cancel it, or ask whether it is still wanted."""

    def __init__(
        self,
        operation: Operation[T],
        *,
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int], None] | None,
        owner: QObject | None,
    ) -> None:
        self.operation = operation
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.owner = owner
        self._cancel = threading.Event()
        self.finished = False
        self._last_progress = 0.0

    @property
    def label(self) -> str:
        return self.operation.label

    def cancel(self) -> None:
        """Ask the work to stop; whatever it returns is dropped."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wanted(self) -> bool:
        """Whether the outcome may still be delivered."""
        if self._cancel.is_set():
            return False
        return self.owner is None or Shiboken.isValid(self.owner)

    def context(self, relay: _Relay) -> OperationContext:
        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done < total and now - self._last_progress < PROGRESS_INTERVAL:
                return
            self._last_progress = now
            relay.progress.emit(self, done, total)

        return OperationContext(on_progress=progress, cancel_event=self._cancel)


class _Relay(QObject):
    """Carries outcomes across threads; parentless, so a late worker never emits
    into a deleted object."""

    done = Signal(object, object)  # ticket, result
    error = Signal(object, object)  # ticket, exception
    progress = Signal(object, int, int)  # ticket, done, total


class _Task(QRunnable):
    """Runs one read, or drains the queue of writes one after another."""

    def __init__(self, take: Callable[[], Ticket[Any] | None], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._take = take
        self._relay = relay

    def run(self) -> None:
        while (ticket := self._take()) is not None:
            _execute(ticket, self._relay)


def _execute(ticket: Ticket[Any], relay: _Relay) -> None:
    if ticket.cancelled:
        relay.error.emit(ticket, Cancelled())
        return
    try:
        result = ticket.operation.work(ticket.context(relay))
    except BaseException as error:  # delivered to the GUI thread, which reports it
        relay.error.emit(ticket, error)
    else:
        relay.done.emit(ticket, result)


class Runner(QObject):
    """Runs :class:`~editor.app.operations.Operation` objects for the window."""

    failed = Signal(str, object)  # label, exception: an error nobody asked to handle
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, threads: int = THREADS) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay()
        self._relay.done.connect(self._on_relay_done)
        self._relay.error.connect(self._on_relay_error)
        self._relay.progress.connect(self._on_relay_progress)
        self._lock = threading.Lock()
        self._writes: deque[Ticket[Any]] = deque()
        self._draining = False
        self._latest: dict[Hashable, Ticket[Any]] = {}
        self._open: set[Ticket[Any]] = set()
        self._closed = False
        app = QCoreApplication.instance()
        if app is not None:  # quitting must not wait for long work to run to its end
            app.aboutToQuit.connect(self.cancel_all)

    # ------------------------------------------------------------ submitting

    def run(
        self,
        operation: Operation[T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        owner: QObject | None = None,
    ) -> Ticket[T]:
        """Start ``operation``; its outcome comes to the callbacks on the GUI thread."""
        ticket = Ticket(
            operation, on_done=on_done, on_error=on_error, on_progress=on_progress, owner=owner
        )
        if self._closed:
            ticket.cancel()
            return ticket
        if operation.key is not None:
            previous = self._latest.get(operation.key)
            if previous is not None:
                previous.cancel()
            self._latest[operation.key] = ticket
        was_busy = self.busy
        self._open.add(ticket)
        if operation.writes:
            self._queue_write(ticket)
        else:
            self._pool.start(_Task(_once(ticket), self._relay))
        if not was_busy:
            self.busy_changed.emit(True)
        return ticket

    def _queue_write(self, ticket: Ticket[Any]) -> None:
        with self._lock:
            self._writes.append(ticket)
            if self._draining:
                return
            self._draining = True
        self._pool.start(_Task(self._next_write, self._relay))

    def _next_write(self) -> Ticket[Any] | None:
        with self._lock:
            if self._writes:
                return self._writes.popleft()
            self._draining = False
            return None

    # ------------------------------------------------------------ state

    @property
    def busy(self) -> bool:
        """True while a submitted operation has not yet reported back."""
        return bool(self._open)

    def labels(self) -> list[str]:
        """What is running or waiting, for the status bar."""
        return [t.label for t in self._open if not t.cancelled]

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the pool is idle (tests, shutdown); False on timeout.

        Outcomes are delivered by the event loop afterwards (``qtbot.waitUntil``).
        """
        return self._pool.waitForDone(timeout_ms)

    def cancel_all(self) -> None:
        # Queued work is not removed from the pool: each task sees its ticket
        # cancelled, reports so at once, and so every ticket is settled.
        for ticket in list(self._open):
            ticket.cancel()

    def shutdown(self, timeout_ms: int = -1) -> bool:
        """Cancel everything and wait for running work to end (the window closes)."""
        self._closed = True
        self.cancel_all()
        return self._pool.waitForDone(timeout_ms)

    # ------------------------------------------------------------ delivery (GUI thread)

    def _settle(self, ticket: Ticket[Any]) -> bool:
        """Forget a ticket that reported back; True when its outcome is wanted."""
        ticket.finished = True
        self._open.discard(ticket)
        key = ticket.operation.key
        if key is not None and self._latest.get(key) is ticket:
            del self._latest[key]
        if not self._open:
            self.busy_changed.emit(False)
        return ticket.wanted()

    def _on_relay_done(self, ticket: Ticket[Any], result: object) -> None:
        if self._settle(ticket) and ticket.on_done is not None:
            ticket.on_done(result)

    def _on_relay_error(self, ticket: Ticket[Any], error: BaseException) -> None:
        if not self._settle(ticket) or isinstance(error, Cancelled):
            return
        if ticket.on_error is not None:
            ticket.on_error(error)
        else:
            self.failed.emit(ticket.label, error)

    def _on_relay_progress(self, ticket: Ticket[Any], done: int, total: int) -> None:
        if ticket.on_progress is not None and ticket.wanted():
            ticket.on_progress(done, total)


def _once(ticket: Ticket[Any]) -> Callable[[], Ticket[Any] | None]:
    """A taker that hands out one ticket, then nothing."""
    pending: list[Ticket[Any]] = [ticket]

    def take() -> Ticket[Any] | None:
        return pending.pop() if pending else None

    return take
