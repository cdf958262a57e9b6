"""What the window remembers between sessions: its geometry and docks, and per
archive the open article, its cursor and the editor's tab."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from editor.ui.article_editor import WRITE_TAB

if TYPE_CHECKING:
    from editor.ui.window_layout import WindowLayout


class WindowMemory:
    def __init__(self, settings: QSettings, archive_url: str) -> None:
        self.settings = settings
        digest = hashlib.sha1(archive_url.encode(), usedforsecurity=False).hexdigest()
        self._group = "archives/" + digest[:16]  # one per archive, without its path in clear

    def remember_article(self, article_id: int | None) -> None:
        self.settings.beginGroup(self._group)
        self.settings.setValue("article_id", article_id or 0)
        self.settings.endGroup()

    def remember(
        self,
        window: QMainWindow,
        article_id: int | None,
        cursor: int,
        tab: int,
        layout: WindowLayout | None = None,
    ) -> None:
        """Everything, at close (``layout``: the list's columns and the splitter too)."""
        self.settings.beginGroup(self._group)
        self.settings.setValue("article_id", article_id or 0)
        self.settings.setValue("cursor", cursor)
        self.settings.setValue("tab", tab)
        self.settings.endGroup()
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/state", window.saveState())
        if layout is not None:
            layout.save(self.settings)
        self.settings.sync()

    def restore_window(self, window: QMainWindow, layout: WindowLayout | None = None) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            window.restoreState(state)
        if layout is not None:
            layout.restore(self.settings)

    def article(self) -> tuple[int, int, int]:
        """The article open at the last close, its cursor position and editor tab."""
        self.settings.beginGroup(self._group)
        article_id = _int(self.settings.value("article_id", 0))
        cursor = _int(self.settings.value("cursor", 0))
        tab = _int(self.settings.value("tab", WRITE_TAB))
        self.settings.endGroup()
        return article_id, cursor, tab


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
