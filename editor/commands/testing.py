"""A stand-in for the main window, for tests and headless runs of commands.

It implements :class:`~editor.commands.context.WindowActions` by recording
what handlers ask for and answering like a cooperative user, so handlers (and
widgets built on the registry) can be exercised without the real window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar, Unpack

from editor.app.operations import ForegroundRunner, Operation

if TYPE_CHECKING:
    from editor.commands.context import RunOptions

T = TypeVar("T")


@dataclass
class RecordingWindow:
    article_id: int | None = None
    confirm_answer: bool = True  # what confirm() answers
    flush_ok: bool = True  # what flush_autosave() answers
    opened: list[int] = field(default_factory=list)
    messages: list[tuple[str, bool]] = field(default_factory=list)  # (text, error)
    questions: list[str] = field(default_factory=list)
    panels: set[str] = field(default_factory=set)  # the visible ones
    calls: list[str] = field(default_factory=list)  # flush, quit, undo, redo, find, replace
    operations: list[str] = field(default_factory=list)  # labels of the operations run

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

    def edited_version(self, article_id: int) -> int | None:
        return None  # no text on screen: the saves state no version

    def quit(self) -> None:
        self.calls.append("quit")

    def undo(self) -> None:
        self.calls.append("undo")

    def redo(self) -> None:
        self.calls.append("redo")

    def show_find(self, replace: bool = False) -> None:
        self.calls.append("replace" if replace else "find")

    def show_publish_dialog(self, article_ids: list[int] | None, action: str = "publish") -> None:
        self.calls.append(
            f"publish {article_ids}" if action == "publish" else f"{action} {article_ids}"
        )

    def run_operation(self, operation: Operation[T], **options: Unpack[RunOptions[T]]) -> None:
        """Runs it at once, in the foreground (the outcome is there when this returns)."""
        self.operations.append(operation.label)
        on_done, on_error = options.get("on_done"), options.get("on_error")
        try:
            result = ForegroundRunner().run(operation)
        except Exception as error:
            if on_error is None:
                self.show_message(f"{operation.label} failed: {error}", error=True)
            else:
                on_error(error)
            return
        if on_done is not None:
            on_done(result)

    def open_tool(self, name: str) -> None:
        self.calls.append(f"tool {name}")

    @property
    def errors(self) -> list[str]:
        return [text for text, error in self.messages if error]
