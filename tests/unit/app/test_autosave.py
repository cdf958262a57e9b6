"""AutosaveWriter: writes after a pause or a maximum delay, keeps and retries on failure.

Short real delays (tenths of a second) keep these fast; the assertions are
about order (saved after the pause, saved before typing stopped), not about
exact times, so a busy machine does not make them flaky.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event

from editor.app import autosave
from editor.app.autosave import AutosaveWriter, SaveReport, SaveState
from editor.app.workspace import Workspace
from editor.core.article import Article


class Recorder:
    """Collects the writer's state reports (called on the worker thread)."""

    def __init__(self) -> None:
        self.reports: list[SaveReport] = []
        self._lock = threading.Lock()

    def __call__(self, report: SaveReport) -> None:
        with self._lock:
            self.reports.append(report)

    def states(self) -> list[SaveState]:
        with self._lock:
            return [r.state for r in self.reports]

    def wait_for(self, state: SaveState, timeout: float = 5.0) -> SaveReport:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for report in self.reports:
                    if report.state is state:
                        return report
            time.sleep(0.01)
        raise AssertionError(f"no {state} report within {timeout} s: {self.states()}")


@pytest.fixture
def writer_factory(workspace: Workspace) -> Iterator[Callable[..., AutosaveWriter]]:
    writers: list[AutosaveWriter] = []

    def make(articles: Any = None, **options: Any) -> AutosaveWriter:
        options.setdefault("periodic_revision_seconds", None)
        writer = AutosaveWriter(articles or workspace.articles, **options)
        writers.append(writer)
        return writer

    yield make
    for writer in writers:
        writer.close(timeout=2.0)


def test_a_pause_in_typing_saves_the_newest_text(
    workspace: Workspace, writer_factory: Callable[..., AutosaveWriter]
) -> None:
    article = workspace.articles.create(language="de", title="Alt")
    recorder = Recorder()
    writer = writer_factory(idle_delay=0.3, max_delay=5.0, on_state=recorder)
    writer.submit(article.id, {"title": "Ne"})
    writer.submit(article.id, {"title": "Neu", "body": "Text"})
    assert writer.has_pending(article.id)
    assert workspace.articles.get(article.id).title == "Alt"  # not before the pause

    saved = recorder.wait_for(SaveState.SAVED)
    stored = workspace.articles.get(article.id)
    assert (stored.title, stored.body) == ("Neu", "Text")
    assert saved.version == stored.version == article.version + 1  # one write for both edits
    assert not writer.has_pending(article.id)
    assert recorder.states()[:2] == [SaveState.PENDING, SaveState.PENDING]


def test_continuous_typing_is_saved_after_the_maximum_delay(
    workspace: Workspace, writer_factory: Callable[..., AutosaveWriter]
) -> None:
    article = workspace.articles.create(language="en", title="T")
    recorder = Recorder()
    writer = writer_factory(idle_delay=1.0, max_delay=0.3, on_state=recorder)
    typed = ""
    saved_while_typing = False
    started = time.monotonic()
    while time.monotonic() - started < 2.5:  # never pauses for idle_delay
        typed += "x"
        writer.submit(article.id, {"body": typed})
        if SaveState.SAVED in recorder.states():
            saved_while_typing = True
            break
        time.sleep(0.05)
    assert saved_while_typing
    assert workspace.articles.get(article.id).body.startswith("x")


def test_flush_writes_at_once(
    workspace: Workspace, writer_factory: Callable[..., AutosaveWriter]
) -> None:
    article = workspace.articles.create(language="en", title="T")
    writer = writer_factory(idle_delay=60.0, max_delay=60.0)
    writer.submit(article.id, {"body": "saved on close"})
    assert writer.flush(timeout=5.0) is True
    assert workspace.articles.get(article.id).body == "saved on close"


class FailingArticles:
    """The real service, but ``update`` fails the first ``failures`` times (a full disk)."""

    def __init__(self, real: Any, failures: int) -> None:
        self._real = real
        self.failures = failures
        self.attempts: list[dict[str, Any]] = []

    def update(self, article_id: int, changes: dict[str, Any], **kw: Any) -> Article:
        self.attempts.append(dict(changes))
        if len(self.attempts) <= self.failures:
            raise OSError(28, "No space left on device")
        return self._real.update(article_id, changes, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def test_a_failed_write_keeps_the_text_and_retries_with_newer_edits_winning(
    workspace: Workspace,
    writer_factory: Callable[..., AutosaveWriter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(autosave, "RETRY_DELAYS", (0.3, 0.3))
    article = workspace.articles.create(language="de", title="T", body="alt")
    failing = FailingArticles(workspace.articles, failures=1)
    recorder = Recorder()
    writer = writer_factory(failing, idle_delay=0.05, max_delay=0.1, on_state=recorder)

    writer.submit(article.id, {"title": "Titel", "body": "erster"})
    failed = recorder.wait_for(SaveState.FAILED)
    assert "disk full" in failed.message
    assert writer.has_pending(article.id)  # kept for the retry
    assert workspace.articles.get(article.id).body == "alt"
    writer.submit(article.id, {"body": "zweiter"})  # typed while the disk was full

    recorder.wait_for(SaveState.SAVED)
    stored = workspace.articles.get(article.id)
    assert (stored.title, stored.body) == ("Titel", "zweiter")
    assert failing.attempts[-1] == {"title": "Titel", "body": "zweiter"}
    assert not writer.has_pending(article.id)


def test_a_write_to_a_read_only_archive_fails_and_succeeds_once_writable(
    workspace: Workspace,
    writer_factory: Callable[..., AutosaveWriter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The database itself refusing writes (not an injected error) is retried the same way."""
    monkeypatch.setattr(autosave, "RETRY_DELAYS", (0.3, 0.3, 0.3))
    article = workspace.articles.create(language="de", title="T", body="alt")
    read_only = threading.Event()
    read_only.set()

    def on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        flag = "ON" if read_only.is_set() else "OFF"
        dbapi_connection.execute(f"PRAGMA query_only = {flag}")

    event.listen(workspace.db.engine, "checkout", on_checkout)
    recorder = Recorder()
    writer = writer_factory(idle_delay=0.05, max_delay=0.1, on_state=recorder)
    writer.submit(article.id, {"body": "neu"})
    failed = recorder.wait_for(SaveState.FAILED)
    assert "readonly" in failed.message or "read-only" in failed.message
    assert writer.has_pending(article.id)
    read_only.clear()
    recorder.wait_for(SaveState.SAVED)
    assert workspace.articles.get(article.id).body == "neu"
