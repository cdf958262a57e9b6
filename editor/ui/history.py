"""The History tab: revisions of the open article, a diff against the current text, Restore.

Imported only when the tab is first shown (difflib and the panel are not part
of start-up).  Restoring is the window's job (it goes through the use case,
which itself records a new revision); the panel only asks for it.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.core.article import RevisionInfo

if TYPE_CHECKING:
    from editor.app.articles import ArticleService

REASONS = {
    "save": "Saved",
    "status": "Status",
    "periodic": "Auto (10 min)",
    "restore": "Restored",
    "import": "Imported",
}
_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_STYLE = (
    "<style>"
    "pre{font-family:monospace;white-space:pre-wrap;margin:0}"
    ".add{background:#dcf5e3;color:#0f5323}.del{background:#fbe0dd;color:#7d1d14}"
    ".hunk{color:#6b7280}"
    "</style>"
)


def article_text(title: str, teaser: str, body: str) -> str:
    """The text a diff compares: title, teaser and body, as the editor sees them."""
    return f"# {title}\n\n{teaser}\n\n{body}"


def diff_html(old: str, new: str) -> str:
    """A unified diff of ``old`` → ``new`` as coloured HTML (escaped)."""
    lines = list(
        difflib.unified_diff(
            old.splitlines(), new.splitlines(), "revision", "current", n=3, lineterm=""
        )
    )[2:]  # drop the ---/+++ header
    if not lines:
        return _STYLE + "<p>The current text is the same as this revision.</p>"
    out = []
    for line in lines:
        css = {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "")
        text = html.escape(line) or " "
        out.append(f'<span class="{css}">{text}</span>' if css else text)
    return _STYLE + "<pre>" + "\n".join(out) + "</pre>"


class HistoryPanel(QWidget):
    restore_requested = Signal(int, int)  # article id, revision id

    def __init__(
        self,
        articles: ArticleService,
        current_text: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_panel")
        self._articles = articles
        self._current_text = current_text
        self._article_id: int | None = None
        self.table = QTableWidget(0, 4, objectName="revision_table")
        self.table.setHorizontalHeaderLabels(["#", "When", "Who", "Why"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.diff = QTextBrowser(objectName="revision_diff")
        self.restore_button = QPushButton("Restore this revision", objectName="restore_revision")
        self.restore_button.setEnabled(False)
        self.empty = QLabel("No revisions yet. Save (Ctrl+S) to keep one.", objectName="no_revs")

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.diff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty, 1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self.table.itemSelectionChanged.connect(self._on_table_itemSelectionChanged)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)

    def show_article(self, article_id: int | None) -> None:
        self._article_id = article_id
        self.refresh()

    def refresh(self) -> None:
        revisions = self._articles.revisions(self._article_id) if self._article_id else []
        selected = self.selected_revision_id()
        self.table.setRowCount(0)
        for info in revisions:
            self._add_row(info)
        self.empty.setVisible(not revisions)
        if revisions:
            row = next((r for r in range(self.table.rowCount()) if self._row_id(r) == selected), 0)
            self.table.selectRow(row)
        else:
            self.diff.clear()
            self.restore_button.setEnabled(False)

    def revision_count(self) -> int:
        return self.table.rowCount()

    def select_revision(self, revision_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self._row_id(row) == revision_id:
                self.table.selectRow(row)
                return

    def selected_revision_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self._row_id(rows[0].row()) if rows else None

    def _row_id(self, row: int) -> int:
        return int(self.table.item(row, 0).data(_ID_ROLE))

    def _add_row(self, info: RevisionInfo) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        why = REASONS.get(info.reason, info.reason)
        if info.note:
            why = f"{why}: {info.note}"
        cells = [
            str(info.number),
            info.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            info.author,
            why,
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(_ID_ROLE, info.id)
            self.table.setItem(row, column, item)

    def _on_table_itemSelectionChanged(self) -> None:
        revision_id = self.selected_revision_id()
        self.restore_button.setEnabled(revision_id is not None)
        if revision_id is None:
            self.diff.clear()
            return
        snapshot = self._articles.revision(revision_id)
        old = article_text(snapshot.title, snapshot.teaser, snapshot.body)
        self.diff.setHtml(diff_html(old, self._current_text()))

    def _on_restore_button_clicked(self) -> None:
        revision_id = self.selected_revision_id()
        if self._article_id is not None and revision_id is not None:
            self.restore_requested.emit(self._article_id, revision_id)
