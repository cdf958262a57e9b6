"""Entity commands: what they ask of the window, when they are offered, the palette's offer."""

from __future__ import annotations

import pytest

from editor.commands.registry import CommandDisabledError
from editor.commands.search import search, search_entities


def test_tag_selection_needs_an_open_live_article(registry, ctx, workspace, window) -> None:
    with pytest.raises(CommandDisabledError):
        registry.run("entities.tag_selection", ctx)
    window.article_id = workspace.articles.create(title="Rede").id
    registry.run("entities.tag_selection", ctx)
    registry.run("entities.manage", ctx)
    assert window.calls == ["tool tag_selection", "tool entities"]


def test_the_panel_and_the_marks_are_view_toggles(registry, ctx, window) -> None:
    for command_id in ("view.entities", "view.entity_mentions"):
        command = registry.get(command_id)
        assert command.checkable and not command.checked(ctx)
        registry.run(command_id, ctx)
        assert command.checked(ctx)
    assert window.panels == {"entities", "entity_mentions"}


def test_the_palette_offers_entities_by_any_of_their_names(registry, ctx, workspace) -> None:
    munich = workspace.entities.add("München", "place", labels={"en": "Munich"})
    workspace.entities.add("Münster", "place")
    found = search_entities(workspace, "munich")
    assert [(r.kind, r.id, r.title, r.detail) for r in found] == [
        ("entity", munich.id, "München", "place")
    ]
    assert search_entities(workspace, "m") == []  # one letter offers nothing
    assert any(r.kind == "entity" for r in search("Münch", registry, ctx))
    assert not any(r.kind == "entity" for r in search(">Münch", registry, ctx))
