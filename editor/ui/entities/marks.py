"""Marks on the mentions of the article's tagged entities in the body editor.

The spans come from a query on the window's runner (a moment after the text changed,
:func:`editor.core.entities.mentions.line_mentions`); the body's highlighter only looks
a line up by its text (:attr:`MarkdownHighlighter.mentions`), so typing costs one
dictionary look-up per line coloured.  A line being edited loses its marks until the
next answer; when an answer arrives only the lines whose marks changed are coloured
again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPlainTextEdit

Marks = Mapping[str, Sequence[tuple[int, int]]]


class MentionMarks(QObject):
    def __init__(self, body: QPlainTextEdit, highlighter: Callable[[], Any]) -> None:
        super().__init__(body)
        self._body = body
        self._highlighter = highlighter  # the body's (attached after a fast start)
        self.enabled = True

    @property
    def marks(self) -> Marks:
        highlighter = self._highlighter()
        return highlighter.mentions if highlighter is not None else {}

    def apply(self, marks: Marks) -> None:
        """Show ``marks`` (by line text); nothing when switched off."""
        highlighter = self._highlighter()
        if highlighter is None:
            return
        old = highlighter.mentions
        new = dict(marks) if self.enabled else {}
        if old == new:
            return
        highlighter.mentions = new
        self._recolour(highlighter, old, new)

    def clear(self) -> None:
        self.apply({})

    def set_enabled(self, on: bool, marks: Marks | None = None) -> None:
        self.enabled = on
        self.apply(marks or {})

    def _recolour(self, highlighter: Any, old: Marks, new: Marks) -> None:
        changed = {t for t in (*old, *new) if old.get(t) != new.get(t)}
        if not changed:
            return
        # Colouring makes the editor report a text change; it is none (no autosave).
        was_blocked = self._body.blockSignals(True)
        try:
            block = self._body.document().firstBlock()
            while block.isValid():
                if block.text() in changed:
                    highlighter.rehighlightBlock(block)
                block = block.next()
        finally:
            self._body.blockSignals(was_blocked)
