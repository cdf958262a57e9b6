"""A fake window and a registry with the built-in commands, on a real temporary archive."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from editor.commands.builtin import register_builtin
from editor.commands.context import CommandContext
from editor.commands.registry import CommandRegistry


@dataclass
class FakeWindow:
    """Records what handlers ask of the window; answers like a cooperative user."""

    article_id: int | None = None
    confirm_answer: bool = True
    flush_ok: bool = True
    opened: list[int] = field(default_factory=list)
    messages: list[tuple[str, bool]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    panels: set[str] = field(default_factory=set)
    calls: list[str] = field(default_factory=list)

    def current_article_id(self) -> int | None:
        return self.article_id

    def open_article(self, article_id: int) -> None:
        self.article_id = article_id
        self.opened.append(article_id)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.messages.append((text, error))

    def confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.confirm_answer

    def toggle_panel(self, name: str) -> None:
        self.panels ^= {name}

    def panel_visible(self, name: str) -> bool:
        return name in self.panels

    def flush_autosave(self) -> bool:
        self.calls.append("flush")
        return self.flush_ok

    def quit(self) -> None:
        self.calls.append("quit")

    def undo(self) -> None:
        self.calls.append("undo")

    def redo(self) -> None:
        self.calls.append("redo")

    def show_find(self, replace: bool = False) -> None:
        self.calls.append("replace" if replace else "find")

    @property
    def errors(self) -> list[str]:
        return [text for text, error in self.messages if error]


@pytest.fixture
def window() -> FakeWindow:
    return FakeWindow()


@pytest.fixture
def ctx(workspace, window: FakeWindow) -> CommandContext:
    return CommandContext(workspace=workspace, window=window)


@pytest.fixture
def registry() -> CommandRegistry:
    registry = CommandRegistry()
    register_builtin(registry)
    return registry
