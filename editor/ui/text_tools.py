"""What the window offers around the text fields: undo and redo in the focused
field, the find bar, and the rendered Markdown preview tab (both built on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from editor.ui.article_editor import PREVIEW_TAB, ArticleEditor

if TYPE_CHECKING:
    from editor.ui.find_replace import FindReplaceBar
    from editor.ui.preview import PreviewPane


class TextTools:
    def __init__(self, editor: ArticleEditor) -> None:
        self._editor = editor
        self.find_bar: FindReplaceBar | None = None
        self.preview: PreviewPane | None = None

    def focused(self) -> QLineEdit | QPlainTextEdit | None:
        widget = QApplication.focusWidget()
        return widget if isinstance(widget, QLineEdit | QPlainTextEdit) else None

    def undo(self) -> None:
        widget = self.focused()
        if widget is not None:
            widget.undo()
        elif (stack := self.view_undo_stack()) is not None:
            stack.undo()

    def redo(self) -> None:
        widget = self.focused()
        if widget is not None:
            widget.redo()
        elif (stack := self.view_undo_stack()) is not None:
            stack.redo()

    def view_undo_stack(self) -> QUndoStack | None:
        """The ``undo_stack`` of the focused view (the translation view's segments), so that
        Edit › Undo acts there too: one shortcut, no second action for the same keys."""
        widget: QWidget | None = QApplication.focusWidget() or self._editor.window().focusWidget()
        while widget is not None:
            stack = getattr(widget, "undo_stack", None)
            if isinstance(stack, QUndoStack):
                return stack
            widget = widget.parentWidget()
        return None

    def show_find(self, replace: bool = False) -> None:
        """The find bar on the focused text field (the body unless the teaser has focus)."""
        if self.find_bar is None:
            from editor.ui.find_replace import FindReplaceBar

            self.find_bar = FindReplaceBar(self._editor.body)
            self.find_bar.setObjectName("find_bar")
            self._editor.add_bottom_widget(self.find_bar)
        target: QLineEdit | QPlainTextEdit
        teaser = self._editor.teaser
        if self.focused() == teaser:
            target = teaser
        else:
            target = self._editor.body
            self._editor.show_tab("write")
        self.find_bar.set_editor(target)  # type: ignore[arg-type]  # it edits a line too
        self.find_bar.open(replace=replace)

    def find_visible(self) -> bool:
        return self.find_bar is not None and not self.find_bar.isHidden()

    def preview_visible(self) -> bool:
        return self._editor.current_tab() == PREVIEW_TAB

    def preview_shown(self) -> bool:
        """The Preview tab is built and on screen (so it follows the typing)."""
        return self.preview is not None and self.preview_visible()

    def update_preview(self, markdown: str, *, now: bool = False) -> None:
        """Render ``markdown`` in the Preview tab (after a pause, or ``now``)."""
        if self.preview is None:
            from editor.ui.preview import PreviewPane

            self.preview = PreviewPane()
            self._editor.set_tab_widget(PREVIEW_TAB, self.preview)
        self.preview.set_markdown(markdown)
        if now:
            self.preview.render_now()
