"""Operations: work the app describes once and any front end runs.

A use case that reads the archive for long, or writes to it, is handed to a
runner as an :class:`Operation`: a label for people, the function doing the
work, and whether it writes.  The window runs operations on its one shared pool
(``editor.ui.runner``) and gets the result or the error back on the GUI thread;
the command line runs the very same operation in the foreground with its
progress bar (:class:`ForegroundRunner`).  Anki's ``CollectionOp`` (writes)
and ``QueryOp`` (reads) are the model.

The work function receives an :class:`OperationContext` to report progress
through and to poll for cancellation; it raises :class:`Cancelled` (or just
returns early) when asked to stop.

Writes run one at a time, in the order they were submitted: accepting a link
and then reordering the links must reach the database in that order.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

ProgressCallback = Callable[[int, int], None]


class Cancelled(Exception):
    """The operation stopped because it was asked to; nothing is reported as an error."""


class OperationContext:
    """What a running operation may tell its runner, and ask it.

    ``progress(done, total)`` may be called from any thread, as often as the work
    likes: runners pass it on at a rate a person can read.
    """

    def __init__(
        self,
        *,
        on_progress: ProgressCallback | None = None,
        cancel_event: threading.Event | None = None,
    ) -> None:
        self._on_progress = on_progress
        self._cancel_event = cancel_event or threading.Event()

    def progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    def cancelled(self) -> bool:
        """True once the runner (or the person) asked the operation to stop."""
        return self._cancel_event.is_set()

    def check_cancelled(self) -> None:
        """Raise :class:`Cancelled` when asked to stop (for loops that can end anywhere)."""
        if self.cancelled():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel_event.set()


@dataclass(frozen=True)
class Operation(Generic[T]):
    """A unit of work: ``work(context)`` returns the result.

    ``key``: operations with the same key replace each other: when a newer one
    is submitted, the older one is asked to stop and its result is dropped (a
    panel that follows the current article keys its queries by panel, so only
    the answer for the article on screen arrives).
    """

    label: str
    work: Callable[[OperationContext], T]
    writes: bool = False
    key: Hashable | None = None
    cancellable: bool = True


def query(
    label: str, work: Callable[[OperationContext], T], *, key: Hashable | None = None
) -> Operation[T]:
    """An operation that only reads: it may run beside other reads."""
    return Operation(label, work, writes=False, key=key)


def change(
    label: str, work: Callable[[OperationContext], T], *, key: Hashable | None = None
) -> Operation[T]:
    """An operation that writes: it runs after every write submitted before it."""
    return Operation(label, work, writes=True, key=key)


def plain(function: Callable[[], T]) -> Callable[[OperationContext], T]:
    """Adapt a function that needs neither progress nor cancellation."""

    def work(_context: OperationContext) -> T:
        return function()

    return work


class ForegroundRunner:
    """Runs operations on the calling thread (the command line, tests, scripts).

    ``on_progress`` is the command line's progress bar; Ctrl+C interrupts the
    work like any other Python code.
    """

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._on_progress = on_progress

    def run(self, operation: Operation[T], on_progress: ProgressCallback | None = None) -> T:
        context = OperationContext(on_progress=on_progress or self._on_progress)
        return operation.work(context)
