"""A rebuild builds a new index beside the one in use: suggestions and saves go on
meanwhile, and what changed during the build reaches the new index."""

from __future__ import annotations

import threading
from typing import Any

from editor.core.workflow import Status


def _publish(ws: Any, title: str, body: str) -> int:
    return ws.articles.create(title=title, body=body, language="de", status=Status.PUBLISHED).id


def test_suggestions_come_from_the_old_index_while_a_rebuild_runs(workspace: Any) -> None:
    ws = workspace
    rocket = _publish(ws, "Rakete startet", "Die Rakete startet vom Weltraumbahnhof.")
    other = _publish(ws, "Rakete explodiert", "Die Rakete explodiert kurz nach dem Start.")
    for n in range(4):
        _publish(ws, f"Wetter {n}", "Regen und Wind über Wien.")
    assert other in [s.id for s in ws.related.suggest(rocket)]

    building, release = threading.Event(), threading.Event()

    def slow_progress(done: int, total: int) -> None:
        building.set()
        assert release.wait(10), "the test never let the build finish"

    result: list[int] = []
    rebuild = threading.Thread(
        target=lambda: result.append(ws.related.rebuild(progress=slow_progress))
    )
    rebuild.start()
    try:
        assert building.wait(10)
        # Both answered while the build is held in its first progress report.
        late = _publish(ws, "Rakete landet", "Die Rakete landet sicher nach dem Start.")
        found = [s.id for s in ws.related.suggest(rocket, top=10)]
        assert other in found and late in found
    finally:
        release.set()
        rebuild.join(10)
    assert result == [6], "the build indexed the archive as it was when it started"
    # The article saved during the build was applied to the old index; the new one has it too.
    after = _publish(ws, "Wetter 9", "Sonne.")
    assert late in [s.id for s in ws.related.suggest(rocket, top=10)]
    assert after not in [s.id for s in ws.related.suggest(rocket, top=10)]
