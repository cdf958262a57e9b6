"""Publishing and related-links commands, with a recording window."""

from __future__ import annotations

from typing import Any

import pytest

from editor.commands.builtin import register_builtin
from editor.commands.context import CommandContext
from editor.commands.registry import CommandDisabledError, CommandRegistry
from editor.commands.testing import RecordingWindow
from editor.core.workflow import Status


@pytest.fixture
def setup(workspace: Any) -> tuple[CommandRegistry, CommandContext, RecordingWindow]:
    registry = CommandRegistry()
    register_builtin(registry)
    window = RecordingWindow()
    return registry, CommandContext(workspace, window), window


def test_publish_is_offered_only_for_ready_or_public_articles(setup: Any, workspace: Any) -> None:
    registry, ctx, window = setup
    command = registry.get("publish.article")
    assert command.toolbar and command.shortcut == "Ctrl+Shift+U"
    assert not command.is_enabled(ctx), "nothing open"
    draft = workspace.articles.create(title="Entwurf")
    window.article_id = draft.id
    assert not command.is_enabled(ctx)
    with pytest.raises(CommandDisabledError):
        command.run(ctx)
    ready = workspace.articles.create(title="Fertig", status=Status.READY)
    window.article_id = ready.id
    assert command.is_enabled(ctx)
    command.run(ctx)
    assert window.calls[-2:] == ["flush", f"publish {[ready.id]}"]


def test_publish_everything_ready_and_rebuild_index(setup: Any) -> None:
    registry, ctx, window = setup
    registry.run("publish.ready", ctx)
    assert window.calls[-1] == "publish None"
    registry.run("related.rebuild", ctx)
    assert window.operations == ["Building the related-links index"]
    assert window.messages[-1] == ("Related-links index rebuilt: 0 articles.", False)
    registry.run("related.embed", ctx)  # the tests run without the multilingual model
    assert window.errors[-1].startswith("No multilingual model is installed")


def test_related_and_page_panels_toggle(setup: Any) -> None:
    registry, ctx, window = setup
    registry.run("view.related", ctx)
    assert window.panel_visible("related")
    assert registry.get("view.related").checked(ctx)  # type: ignore[misc]
    registry.run("view.page", ctx)
    assert window.panel_visible("page")


def test_rebuilding_the_search_index_is_an_operation_that_reports_its_count(
    setup: Any, workspace: Any
) -> None:
    registry, ctx, window = setup
    for title in ("Eins", "Zwei"):
        workspace.articles.create(title=title, body="Text.")
    registry.run("view.search_reindex", ctx)
    assert window.operations == ["Rebuild the search index"]
    assert window.messages[-1] == ("Search index rebuilt: 2 articles.", False)
