"""The History tab: revisions of the open article, a diff against the current text, Restore.

Imported only when the tab is first shown (difflib and the panel are not part
of start-up).  The revisions and the revision compared are read on the
window's runner; the diff follows the text as it is saved.  Restoring is the
panel's (a change on the runner); the window puts the restored text into the
editor, where it can be undone like any edit.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from editor.app.changes import ArticleSaved, Change, RevisionCreated
from editor.app.operations import plain
from editor.core.article import RevisionInfo
from editor.ui.formatting import date_time_text
from editor.ui.i18n import QT_TRANSLATE_NOOP
from editor.ui.panels.base import ArticlePanel, PanelServices

REASONS = {
    "save": QT_TRANSLATE_NOOP("HistoryPanel", "Saved"),
    "status": QT_TRANSLATE_NOOP("HistoryPanel", "Status"),
    "periodic": QT_TRANSLATE_NOOP("HistoryPanel", "Auto (10 min)"),
    "restore": QT_TRANSLATE_NOOP("HistoryPanel", "Restored"),
    "import": QT_TRANSLATE_NOOP("HistoryPanel", "Imported"),
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
        same = QCoreApplication.translate(
            "HistoryPanel", "The current text is the same as this revision."
        )
        return _STYLE + f"<p>{html.escape(same)}</p>"
    out = []
    for line in lines:
        css = {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "")
        text = html.escape(line) or " "
        out.append(f'<span class="{css}">{text}</span>' if css else text)
    return _STYLE + "<pre>" + "\n".join(out) + "</pre>"


class HistoryPanel(ArticlePanel):
    revision_restored = Signal(object)  # the Article, with the restored text
    revisions_shown = Signal(int)  # the article whose revisions are now listed

    def __init__(
        self,
        services: PanelServices,
        current_text: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self.setObjectName("history_panel")
        self._current_text = current_text
        self._revision_text: tuple[int, str] | None = None  # the selected one's, for diffs
        self.table = QTableWidget(0, 4, objectName="revision_table")
        self.table.setHorizontalHeaderLabels(["#", self.tr("When"), self.tr("Who"), self.tr("Why")])
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
        self.restore_button = QPushButton(
            self.tr("Restore this revision"), objectName="restore_revision"
        )
        self.restore_button.setEnabled(False)
        self.empty = QLabel(
            self.tr("No revisions yet. Save (Ctrl+S) to keep one."), objectName="no_revs"
        )

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

    def refresh(self) -> None:
        """List the revisions of the shown article again (read on the runner)."""
        article_id = self.article_id
        if article_id is None:
            self._show_revisions(None, [])
            return
        articles = self.ws.articles
        self.run_query(
            "revisions",
            self.tr("Reading the revisions"),
            plain(lambda: articles.revisions(article_id)),
            lambda revisions: self._show_revisions(article_id, revisions),
        )

    def on_change(self, change: Change) -> None:
        if self.article_id is None or not change.touches(self.article_id):
            return
        if isinstance(change, RevisionCreated):
            self.refresh()
        elif isinstance(change, ArticleSaved):
            self._show_diff()  # the current text moved on: the diff follows it

    def _show_revisions(self, article_id: int | None, revisions: list[RevisionInfo]) -> None:
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
        if article_id is not None:
            self.revisions_shown.emit(article_id)

    def revision_count(self) -> int:
        return self.table.rowCount()

    def selected_revision_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self._row_id(rows[0].row()) if rows else None

    def _row_id(self, row: int) -> int:
        return int(self.table.item(row, 0).data(_ID_ROLE))

    def _add_row(self, info: RevisionInfo) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        why = self.tr(REASONS[info.reason]) if info.reason in REASONS else info.reason
        if info.note:
            why = f"{why}: {info.note}"
        cells = [
            str(info.number),
            date_time_text(info.created_at),
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
            self._revision_text = None
            self.diff.clear()
            return
        articles = self.ws.articles

        def read() -> tuple[int, str]:
            snapshot = articles.revision(revision_id)
            return revision_id, article_text(snapshot.title, snapshot.teaser, snapshot.body)

        self.run_query("diff", self.tr("Reading a revision"), plain(read), self._on_revision_read)

    def _on_revision_read(self, revision: tuple[int, str]) -> None:
        self._revision_text = revision
        self._show_diff()

    def _show_diff(self) -> None:
        read = self._revision_text
        if read is not None and read[0] == self.selected_revision_id():
            self.diff.setHtml(diff_html(read[1], self._current_text()))

    def _on_restore_button_clicked(self) -> None:
        self.restore_selected()

    def restore_selected(self) -> None:
        """Restore the selected revision (on the runner, after the pending edits are
        written); the use case keeps the text before it as a revision too."""
        article_id, revision_id = self.article_id, self.selected_revision_id()
        if article_id is None or revision_id is None or not self.services.flush():
            return
        articles = self.ws.articles
        self.run_change(
            self.tr("Restoring the revision"),
            lambda: articles.restore_revision(article_id, revision_id),
            self.revision_restored.emit,
        )
