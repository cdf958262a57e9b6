"""Translation commands with a recording window: Translate to…, moving between versions."""

from __future__ import annotations

from typing import Any

import pytest

from editor.commands.registry import CommandDisabledError


def test_translate_to_asks_the_window_for_a_language(registry, ctx, window, workspace) -> None:
    command = registry.get("translation.translate_to")
    assert command.shortcut == "Ctrl+Alt+T" and command.menu_name == "Workflow"
    assert not command.is_enabled(ctx), "nothing open"
    window.article_id = workspace.articles.create(language="de", title="Quelle").id
    registry.run("translation.translate_to", ctx)
    assert window.calls == ["flush", "tool translate"]


def test_versions_are_visited_in_language_order(registry, ctx, window, workspace: Any) -> None:
    source = workspace.articles.create(language="de", title="Quelle")
    english = workspace.translation.translate_to(source.id, "en")
    window.article_id = english.id
    registry.run("translation.next_version", ctx)
    assert window.opened == [source.id]  # en → de, round the end
    registry.run("translation.previous_version", ctx)
    assert window.opened == [source.id, english.id]


def test_an_article_alone_has_no_version_to_go_to(registry, ctx, window, workspace) -> None:
    window.article_id = workspace.articles.create(language="de", title="Allein").id
    assert not registry.get("translation.next_version").is_enabled(ctx)
    with pytest.raises(CommandDisabledError):
        registry.run("translation.next_version", ctx)


def test_the_view_is_a_panel_command(registry, ctx, window) -> None:
    registry.run("view.translation", ctx)
    assert window.panel_visible("translation")
    assert registry.get("view.translation").checked(ctx)
