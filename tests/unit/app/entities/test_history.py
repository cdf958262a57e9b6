"""Undoable entity edits: undo puts back names, ids and taggings; redo does it again."""

from __future__ import annotations

import pytest

from editor.app.changes import EntitiesChanged
from editor.app.entities.history import EntityEdits
from editor.app.workspace import Workspace
from editor.core.entities.model import EntityError


def test_undo_a_merge_brings_the_source_back_with_its_id_names_and_articles(
    workspace: Workspace,
) -> None:
    ws = workspace
    munich = ws.entities.add("München", "place", labels={"en": "Munich"})
    minga = ws.entities.add("Minga", "place", aliases=["Minchen"], wikidata="Q1726")
    only_minga = ws.articles.create(title="Wiesn", body="In Minga.", tags=["Minga"])
    both = ws.articles.create(title="Beide", body="x", tags=["München", "Minga"])
    assert munich.id is not None and minga.id is not None
    heard: list[EntitiesChanged] = []
    ws.changes.subscribe(EntitiesChanged, heard.append)
    edits = EntityEdits(ws)

    edit = edits.merge(minga.id, munich.id)
    assert ws.articles.get(only_minga.id).tags == ("München",)
    assert ws.entities.get(munich.id).wikidata == "Q1726"

    edits.undo(edit)
    back = ws.entities.get(minga.id)
    assert (back.name, back.aliases, back.wikidata) == ("Minga", ("Minchen",), "Q1726")
    target = ws.entities.get(munich.id)
    assert target.aliases == () and target.wikidata is None
    assert ws.articles.get(only_minga.id).tags == ("Minga",)
    assert ws.articles.get(both.id).tags == ("München", "Minga")
    assert set(heard[-1].ids) == {munich.id, minga.id}
    assert set(heard[-1].articles) == {only_minga.id, both.id}

    edits.redo(edit)
    assert ws.articles.get(only_minga.id).tags == ("München",)
    assert [e.name for e in ws.entities.list(kind="place")] == ["München"]


def test_undo_delete_and_rename(workspace: Workspace) -> None:
    ws = workspace
    scholz = ws.entities.add("Olaf Scholz", "person", labels={"de": "Olaf Scholz"})
    article = ws.articles.create(title="Kanzler", body="x", tags=["Olaf Scholz", "KI"])
    assert scholz.id is not None
    edits = EntityEdits(ws)
    renamed = edits.rename(scholz.id, "Scholz")
    assert ws.entities.get(scholz.id).name == "Scholz"
    edits.undo(renamed)
    assert ws.entities.get(scholz.id).name == "Olaf Scholz"
    assert ws.entities.get(scholz.id).aliases == ()

    deleted = edits.delete(scholz.id)
    assert ws.articles.get(article.id).tags == ("KI",)
    edits.undo(deleted)
    assert ws.articles.get(article.id).tags == ("Olaf Scholz", "KI")
    assert ws.entities.get(scholz.id).kind.value == "person"


def test_a_refused_edit_changes_nothing(workspace: Workspace) -> None:
    ws = workspace
    ws.entities.add("Siemens", "organisation")
    bosch = ws.entities.add("Bosch", "organisation")
    assert bosch.id is not None
    with pytest.raises(EntityError, match="already"):
        EntityEdits(ws).rename(bosch.id, "siemens")
    assert ws.entities.get(bosch.id).name == "Bosch"
