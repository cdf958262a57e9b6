"""The window's one runner: outcomes on the GUI thread, writes in order, stale results dropped."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from editor.app.operations import Cancelled, OperationContext, change, query
from editor.ui.runner import Runner


@pytest.fixture
def runner(qtbot):
    runner = Runner()
    yield runner
    runner.shutdown()


def test_a_result_arrives_on_the_gui_thread(qtbot, runner):
    seen: list[tuple[int, bool]] = []
    worker_threads: list[bool] = []

    def work(_context: OperationContext) -> int:
        worker_threads.append(QThread.currentThread() is runner.thread())
        return 42

    runner.run(
        query("answer", work),
        on_done=lambda result: seen.append((result, QThread.currentThread() is runner.thread())),
    )
    qtbot.waitUntil(lambda: seen == [(42, True)], timeout=2000)
    assert worker_threads == [False]  # the work itself ran off the GUI thread
    assert not runner.busy


def test_an_error_goes_to_on_error_or_else_to_the_failed_signal(qtbot, runner):
    def broken(_context: OperationContext) -> None:
        raise ValueError("disk full")

    errors: list[str] = []
    runner.run(query("a", broken), on_error=lambda e: errors.append(str(e)))
    qtbot.waitUntil(lambda: errors == ["disk full"], timeout=2000)
    with qtbot.waitSignal(runner.failed, timeout=2000) as blocker:
        runner.run(query("Saving links", broken))
    label, error = blocker.args
    assert (label, str(error)) == ("Saving links", "disk full")


def test_writes_run_one_at_a_time_in_the_order_submitted(qtbot, runner):
    order: list[int] = []
    overlapping: list[bool] = []
    running = threading.Lock()

    def write(n: int):
        def work(_context: OperationContext) -> int:
            if not running.acquire(blocking=False):
                overlapping.append(True)
                return n
            try:
                time.sleep(0.01 if n % 2 else 0.02)
                order.append(n)
            finally:
                running.release()
            return n

        return work

    done: list[int] = []
    for n in range(8):
        runner.run(change(f"write {n}", write(n)), on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 8, timeout=5000)
    assert order == list(range(8))
    assert done == list(range(8))
    assert overlapping == []


def test_a_newer_operation_with_the_same_key_drops_the_older_result(qtbot, runner):
    release = threading.Event()
    started = threading.Event()
    saw_cancel: list[bool] = []

    def slow(context: OperationContext) -> str:
        started.set()
        release.wait(2)
        saw_cancel.append(context.cancelled())
        return "old article"

    results: list[str] = []
    runner.run(query("suggest", slow, key="related"), on_done=results.append)
    assert started.wait(2)
    runner.run(query("suggest", lambda _c: "new article", key="related"), on_done=results.append)
    qtbot.waitUntil(lambda: results == ["new article"], timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    assert results == ["new article"]
    assert saw_cancel == [True]  # the older work was told it is not wanted any more


def test_a_superseded_operation_that_has_not_started_never_runs(qtbot):
    runner = Runner(threads=1)
    gate = threading.Event()
    ran: list[str] = []
    runner.run(query("busy", lambda _c: gate.wait(2)))
    runner.run(query("s", lambda _c: ran.append("old"), key="k"))
    runner.run(query("s", lambda _c: ran.append("new"), key="k"))
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    runner.shutdown()
    assert ran == ["new"]


def test_an_operation_whose_owner_is_gone_delivers_nothing(qtbot, runner):
    owner = QWidget()
    release = threading.Event()
    results: list[str] = []
    runner.run(
        query("preview", lambda _c: release.wait(2) and "page"),
        on_done=results.append,
        owner=owner,
    )
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner), timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    assert results == []


def test_progress_reaches_the_gui_thread_and_cancel_stops_the_work(qtbot, runner):
    progress: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    started = threading.Event()

    def long(context: OperationContext) -> int:
        started.set()
        for n in range(1000):
            context.progress(n, 1000)
            context.check_cancelled()
            time.sleep(0.002)
        return 1000

    results: list[int] = []
    ticket = runner.run(
        query("build", long),
        on_done=results.append,
        on_error=errors.append,
        on_progress=lambda done, total: progress.append((done, total)),
    )
    qtbot.waitUntil(lambda: len(progress) >= 2, timeout=2000)
    ticket.cancel()
    qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    assert results == [] and errors == []  # cancelling is not an error
    assert all(total == 1000 for _done, total in progress)
    # Throttled: far fewer reports than items.
    assert len(progress) < 200


def test_shutdown_cancels_queued_writes_and_settles_every_ticket(qtbot, runner):
    gate = threading.Event()
    ran: list[int] = []

    def write(n: int):
        def work(context: OperationContext) -> None:
            if n == 0:
                gate.wait(2)
            if context.cancelled():
                raise Cancelled
            ran.append(n)

        return work

    for n in range(3):
        runner.run(change("w", write(n)))
    runner.cancel_all()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    assert ran == []


def _valid(obj) -> bool:
    from shiboken6 import Shiboken

    return Shiboken.isValid(obj)
