"""Meaning vectors in the related-links service: embedded on demand and in bulk, kept in
the data folder, dropped when the text changes, unused without a model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from editor.core.workflow import Status
from tests.unit.core.related.concepts import ConceptEmbedder


class CountingEmbedder(ConceptEmbedder):
    """The toy model, counting the texts it is given."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().embed(texts)


def _publish(ws: Any, title: str, body: str, lang: str) -> int:
    return ws.articles.create(title=title, body=body, language=lang, status=Status.PUBLISHED).id


@pytest.fixture
def stories(workspace: Any) -> dict[str, int]:
    ws = workspace
    ids = {
        "rakete": _publish(ws, "Rakete explodiert nach dem Start", "Die Rakete explodiert.", "de"),
        "rocket": _publish(ws, "Rocket exploded after launch", "The explosion was loud.", "en"),
        "union": _publish(ws, "Union agrees on wages", "The union wants higher wages.", "en"),
        "cake": _publish(ws, "A cake from the oven", "Bake the cake in the oven.", "en"),
    }
    for n in range(4):  # filler, so that words are not all rare
        _publish(ws, f"Wetter am Tag {n}", "Regen, Wind und Sonne wechseln sich ab.", "de")
    return ids


def test_without_a_model_nothing_is_embedded_and_links_still_work(
    workspace: Any, stories: dict[str, int]
) -> None:
    assert not workspace.related.has_meaning_model  # the test setup turns the model off
    assert workspace.related.embed_missing() == 0
    assert workspace.related.missing_vectors() == 0
    found = [s.id for s in workspace.related.suggest(stories["rakete"], top=3)]
    assert stories["rocket"] not in found  # nothing bridges these two texts without a model


def test_the_article_asked_about_is_embedded_and_the_rest_in_bulk(
    workspace: Any, stories: dict[str, int]
) -> None:
    related = workspace.related
    model = CountingEmbedder()
    related.set_embedder(model)
    total = len(workspace.articles.list())

    related.suggest(stories["rakete"], top=3)
    assert len(model.texts) == 1 and model.texts[0].startswith("Rakete explodiert")
    assert related.missing_vectors() == total - 1

    seen: list[tuple[int, int]] = []
    assert related.embed_missing(progress=lambda done, all_: seen.append((done, all_))) == (
        total - 1
    )
    assert seen[-1] == (total - 1, total - 1)
    assert related.missing_vectors() == 0

    found = related.suggest(stories["rakete"], top=3, ui_language="en")
    assert found[0].id == stories["rocket"]
    assert "similar in meaning" in found[0].reasons
    assert related.embed_missing() == 0  # nothing left: the model is not asked again
    assert len(model.texts) == total


def test_vectors_are_kept_for_the_next_start_and_follow_edits(
    workspace: Any, stories: dict[str, int]
) -> None:
    related = workspace.related
    related.set_embedder(CountingEmbedder())
    related.embed_missing()  # keeps the vectors itself
    assert related.files.vectors.exists()

    # Another program run on the same archive: the vectors are read, not computed again.
    from editor.app.related import RelatedService

    again = RelatedService(workspace)
    model = CountingEmbedder()
    again.set_embedder(model)
    assert again.missing_vectors() == 0 and model.texts == []

    # A new title: that article's vector is stale and goes.
    workspace.articles.update(stories["union"], {"title": "Cake sale at the union hall"})
    assert again.missing_vectors() == 1
    assert again.embed_missing() == 1
    assert model.texts == ["Cake sale at the union hall. The union wants higher wages."]

    # A change past the embedded opening words keeps the vector.
    long_body = " ".join(f"Wort{n}" for n in range(100))
    workspace.articles.update(stories["rakete"], {"body": long_body})
    assert again.embed_missing() == 1
    workspace.articles.update(stories["rakete"], {"body": long_body + " Nachtrag"})
    assert again.missing_vectors() == 0

    workspace.articles.trash(stories["cake"])
    again.suggest(stories["rakete"])
    assert str(stories["cake"]) not in again.meaning.vectors


def test_a_damaged_vectors_file_starts_afresh(workspace: Any, stories: dict[str, int]) -> None:
    related = workspace.related
    related.set_embedder(CountingEmbedder())
    related.keeper.ready()
    path = related.files.vectors
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not vectors at all")

    related.set_embedder(CountingEmbedder())  # reads the file again

    assert related.missing_vectors() == len(workspace.articles.list())
    assert related.embed_missing() > 0
    related.meaning.save()
    assert path.read_bytes().startswith(b"NEWSDESK-RELATED")


def test_cancelling_keeps_what_was_embedded(
    workspace: Any, stories: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("editor.app.related.meaning.EMBED_BATCH", 2)
    related = workspace.related
    related.set_embedder(CountingEmbedder())
    total = len(workspace.articles.list())
    asked = iter([False, True])

    done = related.embed_missing(is_cancelled=lambda: next(asked, True))

    assert 0 < done < total
    assert related.missing_vectors() == total - done


def test_saved_and_imported_articles_are_embedded_by_embed_changed(
    workspace: Any, stories: dict[str, int]
) -> None:
    related = workspace.related
    model = CountingEmbedder()
    related.set_embedder(model)
    assert related.embed_changed() == 0  # nothing in use yet: nothing loaded for it
    related.embed_missing()
    model.texts.clear()

    workspace.articles.update(stories["cake"], {"title": "Rocket cake from the oven"})
    new = _publish(workspace, "Raumfahrt: Rakete startet", "Der Start gelingt.", "de")
    gone = _publish(workspace, "Kurz da", "Gleich wieder weg.", "de")
    related.suggest(stories["rakete"], embed=False)  # the changes reach the index
    workspace.articles.trash(gone)

    assert related.embed_changed() == 2
    assert sorted(model.texts) == [
        "Raumfahrt: Rakete startet. Der Start gelingt.",
        "Rocket cake from the oven. Bake the cake in the oven.",
    ]
    assert related.missing_vectors() == 0 and str(new) in related.meaning.vectors
    assert related.embed_changed() == 0  # nothing left
    # Kept for the next run of the program without asking.
    from editor.app.related import RelatedService

    again = RelatedService(workspace)
    again.set_embedder(CountingEmbedder())
    assert again.missing_vectors() == 0


def test_a_backlog_is_saved_when_worked_off_not_on_every_run(
    workspace: Any, stories: dict[str, int]
) -> None:
    related = workspace.related
    related.set_embedder(CountingEmbedder())
    related.embed_missing()
    path = related.files.vectors
    saved = path.stat().st_ino  # each save replaces the file: a new inode
    for n in range(3):
        _publish(workspace, f"Neue Meldung {n}", "Die Rakete startet.", "de")
    related.suggest(stories["rakete"], embed=False)

    assert related.embed_changed(limit=2) == 2
    assert path.stat().st_ino == saved  # one left: not written yet
    assert related.embed_changed(limit=2) == 1
    assert path.stat().st_ino != saved
    assert related.missing_vectors() == 0
