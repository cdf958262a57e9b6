"""The segments of a translation as a table: source | target | status.

Rows come from the app's :class:`~editor.app.translation.service.TranslationState`; the
model holds what is on screen (a target typed but not yet stored included). An edit of
a target cell is not applied here: it is announced (:attr:`SegmentModel.edit_requested`)
so that the view makes it an undoable command, which calls :meth:`SegmentModel.apply`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from editor.core.translation.staleness import Change, SegmentStatus

if TYPE_CHECKING:
    from editor.app.translation.service import SegmentRow, TranslationState
    from editor.core.translation.checks import SegmentProblem

ModelIndex = QModelIndex | QPersistentModelIndex
SOURCE, TARGET, STATUS = range(3)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
STALE_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

STALE_COLOUR = QColor(255, 196, 120, 90)  # a quiet orange behind a segment behind its source
REMOVED_COLOUR = QColor(128, 128, 128)


@dataclass(frozen=True)
class Line:
    """One row as shown."""

    key: str
    source: str
    target: str
    status: SegmentStatus
    change: Change
    previous_source: str = ""
    translatable: bool = True

    @property
    def stale(self) -> bool:
        return self.change in (Change.CHANGED, Change.ADDED, Change.REMOVED)

    @property
    def editable(self) -> bool:
        return self.translatable and self.change is not Change.REMOVED


def _line(row: SegmentRow) -> Line:
    return Line(
        row.key,
        row.source,
        row.target,
        row.status,
        row.change,
        row.previous_source,
        row.translatable,
    )


class SegmentModel(QAbstractTableModel):
    edit_requested = Signal(str, str)  # key, the text typed into the target cell

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self._problems: dict[str, list[str]] = {}  # the checks' messages by segment key
        self._status_names = {
            SegmentStatus.UNTRANSLATED: self.tr("untranslated"),
            SegmentStatus.DRAFT: self.tr("draft"),
            SegmentStatus.TRANSLATED: self.tr("translated"),
            SegmentStatus.REVIEWED: self.tr("reviewed"),
        }
        self._headers = (self.tr("Source"), self.tr("Translation"), self.tr("Status"))

    # ------------------------------------------------------------ filling

    def show_state(self, state: TranslationState | None) -> None:
        """Show a translation's rows; rows with the same keys are updated in place (the
        selection and the scroll position stay)."""
        lines = [_line(row) for row in state.rows] if state is not None else []
        if [ln.key for ln in lines] == [ln.key for ln in self._lines] and lines:
            self._lines = lines
            self.dataChanged.emit(self.index(0, 0), self.index(len(lines) - 1, STATUS))
            return
        self.beginResetModel()
        self._lines = lines
        self._problems = {}  # another translation's, or none: the next check tells
        self.endResetModel()

    def show_problems(self, problems: list[SegmentProblem]) -> None:
        """Mark the segments the article's checks found something wrong with."""
        found: dict[str, list[str]] = {}
        for problem in problems:
            found.setdefault(problem.key, []).append(problem.message)
        self._problems = found
        if self._lines:
            last = len(self._lines) - 1
            self.dataChanged.emit(self.index(0, STATUS), self.index(last, STATUS))

    def problems(self, key: str) -> list[str]:
        return list(self._problems.get(key, ()))

    def apply(self, key: str, text: str, status: SegmentStatus) -> None:
        """Put a target text and status on screen (the undo commands call this)."""
        row = self.row_of(key)
        if row is None:
            return
        self._lines[row] = replace(self._lines[row], target=text, status=status)
        self.dataChanged.emit(self.index(row, TARGET), self.index(row, STATUS))

    # ------------------------------------------------------------ reading

    def lines(self) -> list[Line]:
        return list(self._lines)

    def line(self, row: int) -> Line | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, key: str) -> int | None:
        for row, line in enumerate(self._lines):
            if line.key == key:
                return row
        return None

    def by_key(self, key: str) -> Line | None:
        row = self.row_of(key)
        return None if row is None else self._lines[row]

    def stale_lines(self) -> list[Line]:
        return [line for line in self._lines if line.stale]

    def status_name(self, status: SegmentStatus) -> str:
        return self._status_names[status]

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        line = self.line(index.row())
        if line is not None and index.column() == TARGET and line.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line(index.row()) if index.isValid() else None
        if line is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, column)
        if role == KEY_ROLE:
            return line.key
        if role == STALE_ROLE:
            return line.stale
        if role == STATUS_ROLE:
            return line.status.value
        if role == Qt.ItemDataRole.BackgroundRole and line.stale:
            return STALE_COLOUR
        if role == Qt.ItemDataRole.ForegroundRole and not line.editable:
            return REMOVED_COLOUR
        if role == Qt.ItemDataRole.FontRole and line.change is Change.REMOVED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line)
        return None

    def _text(self, line: Line, column: int) -> str:
        if column == SOURCE:
            return line.source or line.previous_source
        if column == TARGET:
            return line.target
        text = self._status_names[line.status]
        if line.change is Change.CHANGED:
            text += " · " + self.tr("source changed")
        elif line.change is Change.ADDED:
            text += " · " + self.tr("new in the source")
        elif line.change is Change.REMOVED:
            text = self.tr("removed from the source")
        if line.key in self._problems:
            text += " · ⚠ " + self.tr("check")
        return text

    def _tooltip(self, line: Line) -> str | None:
        if line.key in self._problems:
            return "\n".join(self._problems[line.key])
        if line.change is Change.CHANGED:
            return self.tr("The source of this segment changed since it was translated.")
        if line.change is Change.ADDED:
            return self.tr("This segment is new in the source.")
        if line.change is Change.REMOVED:
            return self.tr("This segment was removed from the source; its translation goes.")
        if not line.translatable:
            return self.tr("Code is not translated.")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        line = self.line(index.row()) if index.isValid() else None
        if line is None or index.column() != TARGET or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value)
        if text != line.target:
            self.edit_requested.emit(line.key, text)
        return True
