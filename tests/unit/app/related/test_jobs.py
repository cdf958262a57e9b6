"""The related-links jobs the window and the command line share, and the lazy model."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from editor.app.related import jobs
from editor.core.workflow import Status
from tests.unit.core.related.concepts import ConceptEmbedder


def _publish(ws: Any, title: str, lang: str = "de") -> int:
    return ws.articles.create(
        title=title, body="Die Rakete startet.", language=lang, status=Status.PUBLISHED
    ).id


def test_computing_vectors_without_a_model_says_so(workspace: Any) -> None:
    with pytest.raises(jobs.NoMeaningModel, match="embeddings"):
        jobs.compute_meaning_vectors(workspace)


def test_computing_vectors_reports_progress_and_stops_when_cancelled(workspace: Any) -> None:
    for n in range(20):
        _publish(workspace, f"Meldung {n}")
    workspace.related.set_embedder(ConceptEmbedder())
    seen: list[tuple[int, int]] = []
    done = jobs.compute_meaning_vectors(
        workspace, lambda d, t: seen.append((d, t)), lambda: len(seen) >= 2
    )
    assert seen[0] == (0, 20) and 0 < done < 20
    assert jobs.compute_meaning_vectors(workspace) == 20 - done, "goes on where it stopped"


def test_recent_articles_are_embedded_only_once_related_links_are_in_use(workspace: Any) -> None:
    first = _publish(workspace, "Rakete startet")
    assert jobs.embed_recent(workspace) == 0
    assert not workspace.has_started("related"), "nothing was loaded for it"
    workspace.related.set_embedder(ConceptEmbedder())
    workspace.related.suggest(first, embed=False)
    _publish(workspace, "Rocket launches", "en")
    assert jobs.embed_recent(workspace) == 1, "the new one (the archive is embed_missing's)"
    assert jobs.embed_recent(workspace) == 0


def test_rebuild_counts_the_articles(workspace: Any) -> None:
    for n in range(3):
        _publish(workspace, f"Meldung {n}")
    assert jobs.rebuild_index(workspace) == 3


def test_the_model_is_loaded_once_when_many_threads_ask_at_once(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.app.related import RelatedService

    loads: list[int] = []

    def slow_load() -> ConceptEmbedder:
        loads.append(1)
        time.sleep(0.05)  # long enough for the other threads to ask meanwhile
        return ConceptEmbedder()

    monkeypatch.setenv("NEWSDESK_MEANING_VECTORS", "1")
    monkeypatch.setattr("editor.app.related.meaning.load_embedder", slow_load)
    related = RelatedService(workspace)
    models: list[object] = []
    threads = [
        threading.Thread(target=lambda: models.append(related.meaning.model())) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == [1]
    assert len(models) == 4 and all(m is models[0] and m is not None for m in models)
