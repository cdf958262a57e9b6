"""The left sidebar: the workflow's piles (with counts), the trash, the languages.

Picking an entry only changes the list's filter; the window reads
:meth:`Sidebar.list_filter` and hands it to the article list model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.workflow import Status
from editor.ui.formatting import number_text
from editor.ui.i18n import QT_TRANSLATE_NOOP, language_display
from editor.ui.icons import icon, status_icon

# How the piles read in the sidebar (a pile of drafts, not "Draft").
PILE_NAMES = {
    Status.DRAFT: QT_TRANSLATE_NOOP("Sidebar", "Drafts"),
    Status.IN_REVIEW: QT_TRANSLATE_NOOP("Sidebar", "In review"),
    Status.READY: QT_TRANSLATE_NOOP("Sidebar", "Ready"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("Sidebar", "Published"),
    Status.CORRECTED: QT_TRANSLATE_NOOP("Sidebar", "Corrected"),
    Status.UNPUBLISHED: QT_TRANSLATE_NOOP("Sidebar", "Unpublished"),
    Status.ARCHIVED: QT_TRANSLATE_NOOP("Sidebar", "Archived"),
}
ALL = "all"
TRASH = "trash"
_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class Sidebar(QWidget):
    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.piles = QListWidget(
            objectName="sidebar_piles", accessibleName=self.tr("Article piles")
        )
        self.languages = QListWidget(
            objectName="sidebar_languages", accessibleName=self.tr("Languages")
        )
        for widget in (self.piles, self.languages):
            widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            widget.setFrameShape(QListWidget.Shape.NoFrame)
        self._build_piles()
        self._set_language_items([])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.piles, 3)
        heading = QLabel(self.tr("Languages"), objectName="sidebar_heading")
        layout.addWidget(heading)
        layout.addWidget(self.languages, 2)
        self.piles.setCurrentRow(0)
        self.languages.setCurrentRow(0)
        self.piles.currentItemChanged.connect(self._on_piles_currentItemChanged)
        self.languages.currentItemChanged.connect(self._on_languages_currentItemChanged)

    def _build_piles(self) -> None:
        self.piles.addItem(self._item(self.tr("All articles"), ALL, icon("newsdesk")))
        for status in Status:
            self.piles.addItem(self._item(self.tr(PILE_NAMES[status]), status, status_icon(status)))
        self.piles.addItem(self._item(self.tr("Trash"), TRASH, icon("status/trash")))

    @staticmethod
    def _item(text: str, key: Any, item_icon: Any = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(_KEY_ROLE, key)
        item.setData(Qt.ItemDataRole.UserRole + 2, text)  # the name without a count
        if item_icon is not None:
            item.setIcon(item_icon)
        return item

    # ------------------------------------------------------------ reading the choice

    def list_filter(self) -> dict[str, Any]:
        """The ListQuery fields the current choice stands for."""
        pile = self.piles.currentItem()
        key = _pile_key(pile.data(_KEY_ROLE)) if pile is not None else ALL
        language_item = self.languages.currentItem()
        language = language_item.data(_KEY_ROLE) if language_item is not None else None
        return {
            "status": key if isinstance(key, Status) else None,
            "trashed": key == TRASH,
            "language": language or None,
        }

    def select_pile(self, key: Status | str) -> None:
        for row in range(self.piles.count()):
            if _pile_key(self.piles.item(row).data(_KEY_ROLE)) == key:
                self.piles.setCurrentRow(row)
                return

    def select_language(self, code: str | None) -> None:
        for row in range(self.languages.count()):
            if self.languages.item(row).data(_KEY_ROLE) == (code or ""):
                self.languages.setCurrentRow(row)
                return

    # ------------------------------------------------------------ counts

    def set_counts(self, counts: dict[str, int], languages: list[str]) -> None:
        """Show fresh numbers (``counts`` from ``articles.counts_by_status()``)."""
        live = sum(n for key, n in counts.items() if key != TRASH)
        for row in range(self.piles.count()):
            item = self.piles.item(row)
            key = _pile_key(item.data(_KEY_ROLE))
            name = item.data(Qt.ItemDataRole.UserRole + 2)
            number = live if key == ALL else counts.get(str(key), 0)
            item.setText(f"{name} ({number_text(number)})")
        self._set_language_items(languages)

    def pile_text(self, key: Status | str) -> str:
        for row in range(self.piles.count()):
            if _pile_key(self.piles.item(row).data(_KEY_ROLE)) == key:
                return self.piles.item(row).text()
        raise KeyError(key)

    def language_codes(self) -> list[str]:
        return [
            self.languages.item(row).data(_KEY_ROLE) for row in range(1, self.languages.count())
        ]

    def _set_language_items(self, languages: list[str]) -> None:
        if languages == self.language_codes() and self.languages.count():
            return
        current = self.list_filter()["language"] if self.languages.count() else None
        self.languages.blockSignals(True)
        self.languages.clear()
        self.languages.addItem(self._item(self.tr("All languages"), ""))
        for code in languages:
            self.languages.addItem(self._item(f"{code} — {language_display(code)}", code))
        self.select_language(current if current in languages else None)
        self.languages.blockSignals(False)
        if current and current not in languages:
            self.filter_changed.emit()  # the language the list showed is gone

    # ------------------------------------------------------------ slots

    def _on_piles_currentItemChanged(self, *_: Any) -> None:
        self.filter_changed.emit()

    def _on_languages_currentItemChanged(self, *_: Any) -> None:
        self.filter_changed.emit()


def _pile_key(value: str) -> Status | str:
    """Item data comes back from Qt as a plain str; statuses become Status again."""
    return Status(value) if value in Status._value2member_map_ else value
