from __future__ import annotations

import inspect

from editor.commands.context import WindowActions
from editor.commands.testing import RecordingWindow


def test_recording_window_implements_every_window_method() -> None:
    wanted = {
        name
        for name, member in inspect.getmembers(WindowActions, inspect.isfunction)
        if not name.startswith("_")
    }
    missing = {name for name in wanted if not callable(getattr(RecordingWindow, name, None))}
    assert "show_find" in wanted
    assert missing == set()


def test_snapshot_reads_once_and_only_inside(ctx) -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert ctx.remember("k", compute) == 1
    assert ctx.remember("k", compute) == 2  # outside a snapshot: always fresh
    with ctx.snapshot():
        assert ctx.remember("k", compute) == 3
        with ctx.snapshot():  # nested: the same snapshot
            assert ctx.remember("k", compute) == 3
        assert ctx.remember("k", compute) == 3
    assert ctx.remember("k", compute) == 4


def test_refreshing_every_predicate_reads_the_article_once(registry, ctx, workspace, window):
    article = workspace.articles.create(title="Once")
    window.article_id = article.id
    reads: list[int] = []
    original = workspace.articles.get

    def counting_get(article_id: int):
        reads.append(article_id)
        return original(article_id)

    workspace.articles.get = counting_get  # type: ignore[method-assign]
    with ctx.snapshot():
        enabled = {c.id for c in registry if c.is_enabled(ctx)}
    assert reads == [article.id]
    assert "workflow.submit_for_review" in enabled
