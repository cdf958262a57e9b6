"""The table of segments: source | target | status, one row current, the target cell
edited in place (:class:`~editor.ui.translation.delegate.SegmentDelegate`)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPlainTextEdit, QTableView, QWidget

from editor.ui.translation.delegate import SegmentDelegate
from editor.ui.translation.model import SOURCE, STATUS, TARGET, SegmentModel


class SegmentTable(QTableView):
    def __init__(self, model: SegmentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translation_table")
        self.segments = model
        self.setModel(model)
        self.delegate = SegmentDelegate(self)
        self.setItemDelegateForColumn(TARGET, self.delegate)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        model.modelReset.connect(self.resizeRowsToContents)

    def current_key(self) -> str | None:
        line = self.segments.line(self.currentIndex().row())
        return None if line is None else line.key

    def select_segment(self, key: str) -> None:
        row = self.segments.row_of(key)
        if row is None:
            return
        index = self.segments.index(row, TARGET)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def select_open(self, after: str | None = None) -> None:
        """Select the first segment that needs work (after the segment `after`, if given);
        with none and no `after`, the first segment."""
        lines = self.segments.lines()
        start = 0
        if after is not None:
            start = next((n for n, ln in enumerate(lines) if ln.key == after), -1) + 1
        for line in lines[start:]:
            if line.editable and (line.stale or not line.status.done):
                self.select_segment(line.key)
                return
        if after is None and lines:
            self.select_segment(lines[0].key)

    def commit_open_editor(self) -> None:
        """A cell being edited is stored first (Ctrl+Return confirms what is typed)."""
        for editor in self.viewport().findChildren(QPlainTextEdit, "segment_editor"):
            if editor.isVisible():
                self.delegate.commit(editor)
                self.setFocus()
