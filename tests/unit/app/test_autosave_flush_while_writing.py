"""flush() while a write is in progress waits for it instead of reporting a failure.

Found through the GUI tests: closing the window (or Ctrl+S) during a write made
flush() return False at once, because with nothing else pending "every pending
write has failed" was vacuously true; the window then asked the user whether to
lose changes that were in fact being saved.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

from editor.app.autosave import AutosaveWriter
from editor.core.article import Article
from editor.core.workflow import Status


class SlowArticles:
    """update() blocks until released, so a test can flush in the middle of a write."""

    def __init__(self) -> None:
        self.writing = threading.Event()
        self.release = threading.Event()
        self.written: list[dict[str, Any]] = []

    def update(self, article_id: int, changes: dict[str, Any], **_stated: Any) -> Any:
        self.writing.set()
        assert self.release.wait(5.0), "never released"
        self.written.append(dict(changes))
        now = datetime.now(UTC)
        return Article(
            id=article_id, uuid="u", external_id=None, slug="s", slug_locked=False, title="",
            teaser="", body=changes.get("body", ""), language="en", status=Status.DRAFT,
            author="", created_at=now, updated_at=now, published_at=None, deleted=False,
            group_id=None, version=2,
        )  # fmt: skip


def test_flush_waits_for_the_write_in_progress() -> None:
    articles = SlowArticles()
    writer = AutosaveWriter(articles, idle_delay=0.0, max_delay=0.0, periodic_revision_seconds=None)
    try:
        writer.submit(1, {"body": "Text"})
        assert articles.writing.wait(5.0)
        threading.Timer(0.2, articles.release.set).start()
        assert writer.flush(timeout=5.0) is True
        assert articles.written == [{"body": "Text"}]
    finally:
        articles.release.set()
        writer.close(timeout=5.0)
