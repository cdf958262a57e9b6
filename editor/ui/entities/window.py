"""What entities add to the main window, wired in one place.

- the "entity_mentions" view (marks on mentions of tagged entities, on by default,
  remembered), which the tags panel computes: with the marks on, the panel is built
  (hidden if need be) shortly after the start;
- "Tag Selection as…" in the body's context menu, and its dialog;
- the entity manager;
- a filter of the article list by entity, with a bar above the list that says so and
  clears it (the tags panel, the manager and the palette set it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from editor.app.changes import Change, EntitiesChanged
from editor.app.operations import plain, query
from editor.core.article import Article
from editor.core.entities.model import Entity
from editor.ui.entities.kinds import kind_icon

if TYPE_CHECKING:
    from editor.ui.entities.panel import EntitiesPanel
    from editor.ui.main_window import MainWindow

HIGHLIGHT_KEY = "entities/highlight_mentions"
BUILD_PANEL_AFTER_MS = 1500  # the marks' panel is built after the start, not during it


class EntityFilterBar(QWidget):
    """ "Tagged: Siemens ✕" above the article list while it is filtered by an entity."""

    def __init__(self) -> None:
        super().__init__(objectName="entity_filter_bar")
        self.icon = QLabel()
        self.label = QLabel(objectName="entity_filter_label")
        self.clear_button = QPushButton(self.tr("Show all"), objectName="entity_filter_clear")
        self.clear_button.setToolTip(self.tr("Stop filtering the list by this entity"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear_button)
        self.hide()

    def show_entity(self, entity: Entity | None) -> None:
        if entity is None:
            self.hide()
            return
        self.icon.setPixmap(kind_icon(entity.kind).pixmap(16, 16))
        self.label.setText(self.tr("Articles tagged “%1”").replace("%1", entity.name))
        self.show()


class EntityTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.highlighting = _setting_on(window.settings.value(HIGHLIGHT_KEY, True))
        self.filter_entity: Entity | None = None
        window._views["entity_mentions"] = (self.toggle_highlighting, lambda: self.highlighting)
        self.filter_bar = EntityFilterBar()
        cast("QVBoxLayout", window.list_panel.layout()).insertWidget(1, self.filter_bar, 0)
        self.filter_bar.clear_button.clicked.connect(self._on_clear_button_clicked)
        body = window.editor.body
        body.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        body.customContextMenuRequested.connect(self._on_body_customContextMenuRequested)
        window.panels.panel_built.connect(self._on_panels_panel_built)
        window.bridge.changed.connect(self._on_bridge_changed)
        if self.highlighting:
            QTimer.singleShot(BUILD_PANEL_AFTER_MS, self, self._build_panel)

    # ------------------------------------------------------------ the marks

    def panel(self) -> EntitiesPanel | None:
        return cast("EntitiesPanel | None", self._window.panels.built("entities"))

    def _build_panel(self) -> None:
        if self._window.is_ready:
            self._window.panels.panel("entities")

    def toggle_highlighting(self) -> None:
        self.set_highlighting(not self.highlighting)

    def set_highlighting(self, on: bool) -> None:
        self.highlighting = on
        self._window.settings.setValue(HIGHLIGHT_KEY, on)
        panel = self.panel() if not on else self._window.panels.panel("entities")
        if panel is not None:
            cast("EntitiesPanel", panel).set_highlighting(on)

    def _on_panels_panel_built(self, name: str, panel: QWidget) -> None:
        if name != "entities":
            return
        entities = cast("EntitiesPanel", panel)
        entities.marks.enabled = self.highlighting
        entities.filter_requested.connect(self.filter_by_entity)

    def _on_bridge_changed(self, change: Change) -> None:
        # A merge, rename, delete or undo in the manager changes the open article's tag
        # names without saving it: the metadata's Tags field shows them as they are now.
        window = self._window
        article_id = window.current_article_id()
        if not isinstance(change, EntitiesChanged) or article_id is None or window.ws is None:
            return
        articles = window.ws.articles
        window.runner.run(
            query(
                self.tr("Reading the tags"),
                plain(lambda: articles.get(article_id)),
                key=(id(self), 0),
            ),
            on_done=self._on_article_read,
            on_error=lambda _error: None,  # it was deleted meanwhile: nothing to show
            owner=self,
        )

    def _on_article_read(self, article: Article) -> None:
        if article.id == self._window.current_article_id():
            self._window.metadata.show_saved(article)

    # ------------------------------------------------------------ tagging a selection

    def tag_selection(self) -> None:
        from editor.ui.entities.tag_dialog import TagSelectionDialog

        window = self._window
        article_id = window.current_article_id()
        selected = window.editor.body.textCursor().selectedText().replace("\u2029", " ")
        if article_id is None or window.ws is None:
            window.show_message(self.tr("Open an article first."), error=True)
            return
        if not selected.strip():
            window.show_message(
                self.tr("Select the name in the text first, then tag it."), error=True
            )
            return
        if not window.flush_autosave():
            return
        dialog = TagSelectionDialog(window.ws, window.runner, article_id, selected, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.tagged.connect(self._on_dialog_tagged)
        self.tag_dialog = dialog
        dialog.open()

    def _on_dialog_tagged(self, entity: Entity) -> None:
        self._window.show_message(self.tr("Tagged with “%1”.").replace("%1", entity.name))

    def body_menu(self) -> QMenu:
        """The body's own context menu, with "Tag Selection as…" at its end."""
        body = self._window.editor.body
        menu = body.createStandardContextMenu()
        menu.addSeparator()
        action = menu.addAction(self.tr("Tag Selection as…"))
        action.setObjectName("tag_selection_action")
        action.setEnabled(
            body.textCursor().hasSelection() and self._window.current_article_id() is not None
        )
        action.triggered.connect(lambda: self._window.run_command("entities.tag_selection"))
        return menu

    def _on_body_customContextMenuRequested(self, pos: QPoint) -> None:
        menu = self.body_menu()
        menu.exec(self._window.editor.body.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # ------------------------------------------------------------ the manager

    def open_manager(self) -> None:
        from editor.ui.entities.manager import EntityManager

        window = self._window
        if window.ws is None:
            return
        manager = getattr(self, "manager", None)
        if manager is None:
            manager = EntityManager(window.ws, window.runner, window)
            manager.filter_requested.connect(self.filter_by_entity)
            self.manager = manager
        if manager.isVisible():  # open already: bring it to the front
            manager.raise_()
            manager.activateWindow()
        manager.show()

    # ------------------------------------------------------------ the list by entity

    def filter_by_entity(self, entity_id: int | None) -> None:
        """Show only the articles tagged with ``entity_id`` (None: all of them again)."""
        window = self._window
        if window.ws is None:
            return
        entity = None
        if entity_id is not None:
            entity = window._attempt(window.ws.entities.get, entity_id)
            if entity is None:
                return
        self.filter_entity = entity
        window._attempt(window.list_model.set_filter, entity_id=entity_id)
        self.filter_bar.show_entity(entity)

    def _on_clear_button_clicked(self) -> None:
        self.filter_by_entity(None)


def _setting_on(value: object) -> bool:
    # QSettings in INI files gives "true"/"false" back as text.
    return value not in (False, "false", "0", 0)


def open_entity_tool(window: MainWindow, name: str) -> None:
    tools: EntityTools = window.entity_tools
    if name == "tag_selection":
        tools.tag_selection()
    else:
        tools.open_manager()
