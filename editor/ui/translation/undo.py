"""Undoable edits of target segments: one command changes one or many segments (a fill
from the memory is one step to undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from editor.core.translation.staleness import SegmentStatus

Value = tuple[str, SegmentStatus]  # a target text and its status
Apply = Callable[[dict[str, Value]], None]  # shows and stores these values


class SegmentEdit(QUndoCommand):
    def __init__(self, text: str, before: dict[str, Value], after: dict[str, Value], apply: Apply):
        super().__init__(text)
        self._before = before
        self._after = after
        self._apply = apply

    @property
    def keys(self) -> list[str]:
        return list(self._after)

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)
