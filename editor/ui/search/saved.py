"""Saved searches in the sidebar: pick one to run it, remove one from its menu.

The list lives in the archive (see :mod:`editor.app.search`); it is read
through the runner and read again whenever a
:class:`~editor.app.changes.SavedSearchesChanged` notice arrives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu, QVBoxLayout, QWidget

from editor.app.operations import change, plain, query

if TYPE_CHECKING:
    from editor.app.changes import Change
    from editor.app.search import SavedSearch
    from editor.app.workspace import Workspace
    from editor.ui.runner import Runner

_QUERY_ROLE = Qt.ItemDataRole.UserRole + 1


class SavedSearchList(QWidget):
    query_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saved_searches")
        self._ws: Workspace | None = None
        self._runner: Runner | None = None
        self.heading = QLabel(self.tr("Saved searches"), objectName="sidebar_heading")
        self.list = QListWidget(objectName="saved_search_list")
        self.list.setAccessibleName(self.tr("Saved searches"))
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._on_activated)
        self.list.itemClicked.connect(self._on_activated)
        self.list.customContextMenuRequested.connect(self._menu)
        self.setVisible(False)  # until there is something saved

    def attach(self, workspace: Workspace, runner: Runner) -> None:
        self._ws, self._runner = workspace, runner
        self.reload()

    def on_change(self, notice: Change) -> None:
        """The window forwards every change notice (on the GUI thread)."""
        from editor.app.changes import SavedSearchesChanged

        if isinstance(notice, SavedSearchesChanged):
            self.reload()

    def reload(self) -> None:
        if self._ws is None or self._runner is None:
            return
        workspace = self._ws
        # ws.search is first touched on the worker: the search modules load off the GUI
        # thread (this runs while the window starts).
        self._runner.run(
            query(
                self.tr("Read saved searches"),
                lambda _c: workspace.search.saved(),
                key="search.saved",
            ),
            on_done=self._fill,
            owner=self,
        )

    def _fill(self, searches: list[SavedSearch]) -> None:
        self.list.clear()
        for saved in searches:
            item = QListWidgetItem(saved.name)
            item.setToolTip(saved.query)
            item.setData(_QUERY_ROLE, saved.query)
            self.list.addItem(item)
        self.setVisible(bool(searches))

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.query_chosen.emit(str(item.data(_QUERY_ROLE)))

    def _menu(self, where: QPoint) -> None:
        item = self.list.itemAt(where)
        if item is None:
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Remove “{name}”").format(name=item.text()))
        if menu.exec(self.list.mapToGlobal(where)) is remove:
            self.forget(item.text())

    def forget(self, name: str) -> None:
        if self._ws is None or self._runner is None:
            return
        search = self._ws.search
        self._runner.run(change(self.tr("Remove saved search"), plain(lambda: search.forget(name))))
