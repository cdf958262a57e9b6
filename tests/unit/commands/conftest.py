"""A recording window and a registry with the built-in commands, on a real temporary archive."""

from __future__ import annotations

import pytest

from editor.commands.builtin import register_builtin
from editor.commands.context import CommandContext
from editor.commands.registry import CommandRegistry
from editor.commands.testing import RecordingWindow


@pytest.fixture
def window() -> RecordingWindow:
    return RecordingWindow()


@pytest.fixture
def ctx(workspace, window: RecordingWindow) -> CommandContext:
    return CommandContext(workspace=workspace, window=window)


@pytest.fixture
def registry() -> CommandRegistry:
    registry = CommandRegistry()
    register_builtin(registry)
    return registry


@pytest.fixture
def index(workspace):
    """A loaded title index (it follows later changes through the workspace's events)."""
    from editor.commands.title_index import TitleIndex

    built = TitleIndex(workspace)
    built.load()
    yield built
    built.close()
