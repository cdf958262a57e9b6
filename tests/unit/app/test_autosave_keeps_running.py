"""The autosave worker survives failures that come after the text is saved.

A periodic revision that cannot be taken, or a state listener that raises
(a window's bridge already deleted while the last edits are flushed), must
not end the worker thread: every later edit would then stay unsaved.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from editor.app.autosave import AutosaveWriter, SaveReport, SaveState
from editor.app.workspace import Workspace


class RevisionsFail:
    """The real service, except that snapshots fail (say, the disk is full)."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.revision_attempts = 0

    def save_revision(self, article_id: int, **kw: Any) -> Any:
        self.revision_attempts += 1
        raise OSError(28, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def wait_until(condition: Any, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_a_failing_periodic_revision_does_not_stop_autosave(workspace: Workspace) -> None:
    article = workspace.articles.create(language="de", title="T", body="alt")
    articles = RevisionsFail(workspace.articles)
    # A revision is due at every write (the period is 0 s), and every one fails.
    writer = AutosaveWriter(articles, idle_delay=0.05, max_delay=0.1, periodic_revision_seconds=0.0)
    try:
        writer.submit(article.id, {"body": "erster"})
        assert wait_until(lambda: articles.revision_attempts >= 1)
        writer.submit(article.id, {"body": "zweiter"})
        assert wait_until(lambda: workspace.articles.get(article.id).body == "zweiter")
        # The revision is tried after the write lands: wait for it, do not race the thread.
        assert wait_until(lambda: articles.revision_attempts >= 2)  # tried again
    finally:
        assert writer.close(timeout=2.0)


def test_a_raising_state_listener_does_not_stop_autosave(workspace: Workspace) -> None:
    article = workspace.articles.create(language="de", title="T", body="alt")
    calls: list[SaveState] = []
    lock = threading.Lock()

    def broken_listener(report: SaveReport) -> None:
        with lock:
            calls.append(report.state)
        raise RuntimeError("Internal C++ object (EventBridge) already deleted.")

    writer = AutosaveWriter(
        workspace.articles,
        idle_delay=0.05,
        max_delay=0.1,
        periodic_revision_seconds=None,
        on_state=broken_listener,
    )
    try:
        writer.submit(article.id, {"body": "erster"})
        assert wait_until(lambda: workspace.articles.get(article.id).body == "erster")
        writer.submit(article.id, {"body": "zweiter"})
        assert wait_until(lambda: workspace.articles.get(article.id).body == "zweiter")
        with lock:
            assert SaveState.SAVED in calls
    finally:
        assert writer.close(timeout=2.0)
