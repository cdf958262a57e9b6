"""The rows of the related-links panel: accepted links, suggestions, search results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from editor.app.related import RelatedSuggestion
from editor.core.links import RelatedChoice

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LANGUAGE_ROLE = Qt.ItemDataRole.UserRole + 2
SCORE_ROLE = Qt.ItemDataRole.UserRole + 3
REASONS_ROLE = Qt.ItemDataRole.UserRole + 4
PINNED_ROLE = Qt.ItemDataRole.UserRole + 5
LINK_IDS_MIME = "application/x-newsdesk-related-ids"


@dataclass(frozen=True, slots=True)
class RelatedRow:
    """One row of either list."""

    id: int
    title: str
    language: str
    reasons: str = ""
    score: float | None = None  # suggestions only: 1.0 is the best match
    pinned: bool = False

    @classmethod
    def from_suggestion(cls, s: RelatedSuggestion) -> RelatedRow:
        return cls(s.id, s.title, s.language, s.reasons, s.score)

    @classmethod
    def from_choice(cls, c: RelatedChoice) -> RelatedRow:
        return cls(c.target_id, c.target_title, c.target_language, c.reasons, None, c.pinned)


class RelatedListModel(QAbstractListModel):
    """Rows of :class:`RelatedRow`, with custom roles for the delegate and tests."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RelatedRow] = []

    @property
    def rows(self) -> list[RelatedRow]:
        return list(self._rows)

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def set_rows(self, rows: Sequence[RelatedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> RelatedRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, article_id: int) -> int:
        """The row showing ``article_id``, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.id == article_id), -1)

    def remove_id(self, article_id: int) -> None:
        row = self.row_of(article_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title or self.tr("(untitled)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row)
        return {
            ARTICLE_ID_ROLE: row.id,
            LANGUAGE_ROLE: row.language,
            SCORE_ROLE: row.score,
            REASONS_ROLE: row.reasons,
            PINNED_ROLE: row.pinned,
        }.get(role)


class AcceptedLinksModel(RelatedListModel):
    """The accepted links in page order; rows can be moved (drag and drop, buttons)."""

    order_changed = Signal(list)  # the ids in their new order

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [LINK_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [str(row.id) for i in indexes if (row := self.row_at(i)) is not None]
        data = QMimeData()
        data.setData(LINK_IDS_MIME, QByteArray(",".join(ids).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """A drop in this list moves the dragged link to where it was dropped.

        QListView usually moves rows through :meth:`moveRows` itself; this is
        the path when it hands the drop to the model instead.
        """
        if action != Qt.DropAction.MoveAction or not data.hasFormat(LINK_IDS_MIME):
            return False
        raw = bytes(data.data(LINK_IDS_MIME).data()).decode()
        ids = [int(part) for part in raw.split(",") if part.isdigit()]
        if len(ids) != 1 or (source := self.row_of(ids[0])) < 0:
            return False
        destination = len(self._rows) if row < 0 else row
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), destination)

    def moveRows(
        self,
        source_parent: QModelIndex | QPersistentModelIndex,
        source_row: int,
        count: int,
        destination_parent: QModelIndex | QPersistentModelIndex,
        destination_child: int,
    ) -> bool:
        """Move rows to before ``destination_child`` (what QListView's internal move asks)."""
        last = source_row + count - 1
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or count < 1
            or source_row < 0
            or last >= len(self._rows)
            or not 0 <= destination_child <= len(self._rows)
            or source_row <= destination_child <= last + 1  # onto itself: nothing to do
        ):
            return False
        self.beginMoveRows(QModelIndex(), source_row, last, QModelIndex(), destination_child)
        moving = self._rows[source_row : last + 1]
        rest = self._rows[:source_row] + self._rows[last + 1 :]
        at = destination_child if destination_child < source_row else destination_child - count
        self._rows = rest[:at] + moving + rest[at:]
        self.endMoveRows()
        self.order_changed.emit(self.ids())
        return True


def _tooltip(row: RelatedRow) -> str:
    translate = QCoreApplication.translate
    lines = [
        row.title or translate("RelatedListModel", "(untitled)"),
        translate("RelatedListModel", "Language: {code}").format(code=row.language or "?"),
    ]
    if row.score is not None:
        match = translate("RelatedListModel", "Match: {percent} % of the best suggestion")
        lines.append(match.format(percent=round(row.score * 100)))
    if row.reasons:
        lines.append(row.reasons)
    if row.pinned:
        lines.append(translate("RelatedListModel", "Pinned: stays at the top of the list"))
    return "\n".join(lines)


class CompletionModel(RelatedListModel):
    """The completer's rows: "Title" shown, language and status in the second line."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index)
        if row is not None and role == Qt.ItemDataRole.DisplayRole:
            title = row.title or self.tr("(untitled)")
            return f"{title}  [{row.language} · {row.reasons}]"
        return super().data(index, role)
