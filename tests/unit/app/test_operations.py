"""Operations run the same in the foreground (command line) as on the window's runner."""

from __future__ import annotations

import pytest

from editor.app.changes import ArticleChange, Change, ChangeBus, LinksDecided, SitePublished
from editor.app.operations import Cancelled, ForegroundRunner, OperationContext, change, query


def test_the_foreground_runner_returns_the_result_and_passes_progress_on():
    seen: list[tuple[int, int]] = []

    def work(context: OperationContext) -> str:
        for n in range(3):
            context.progress(n + 1, 3)
        return "built"

    assert ForegroundRunner(on_progress=lambda d, t: seen.append((d, t))).run(
        change("Build", work)
    ) == ("built")
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_cancelled_context_stops_work_that_checks():
    context = OperationContext()
    context.check_cancelled()  # not yet
    context.cancel()
    assert context.cancelled()
    with pytest.raises(Cancelled):
        context.check_cancelled()


def test_queries_read_and_changes_write():
    assert not query("q", lambda _c: 1).writes
    assert change("c", lambda _c: 1).writes
    assert query("q", lambda _c: 1, key=("related", 3)).key == ("related", 3)


def test_the_bus_delivers_a_change_to_listeners_of_its_type_and_its_bases():
    bus = ChangeBus()
    everything: list[Change] = []
    per_article: list[Change] = []
    published: list[Change] = []
    bus.subscribe(Change, everything.append)
    bus.subscribe(ArticleChange, per_article.append)
    bus.subscribe(SitePublished, published.append)
    bus.publish(LinksDecided(3))
    bus.publish(SitePublished((3, 4), "publish"))
    assert [type(c) for c in everything] == [LinksDecided, SitePublished]
    assert per_article == [LinksDecided(3)]
    assert published == [SitePublished((3, 4), "publish")]
    assert published[0].touches(4) and not published[0].touches(5)
