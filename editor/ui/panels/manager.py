"""The panels that follow the current article: where they live, when they are built.

The window declares its panels once (:class:`PanelSpec`: a name for commands,
a factory, and a place: a dock of the window or a tab of the editor) and hands
them to a :class:`PanelManager`, which

- builds a panel the first time it is shown (they read the archive; a panel
  never shown costs nothing at start-up),
- forwards the current article to every panel built so far,
- shows, hides and answers "is it visible" by name, for the View commands,
- shuts them all down when the window closes.

A new panel (entity tags, translation) is one more :class:`PanelSpec`; the
window and the commands do not change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from editor.ui.article_editor import WRITE_TAB, ArticleEditor
from editor.ui.panels.base import ArticlePanel, PanelServices

DOCK = "dock"
TAB = "tab"


@dataclass(frozen=True)
class PanelSpec:
    name: str  # what View commands call it: "history", "related", "page"
    title: str
    make: Callable[[PanelServices], ArticlePanel]
    place: str = DOCK  # DOCK: a dock of the window; TAB: the editor's tab ``tab``
    tab: int = -1


class PanelManager(QObject):
    """Builds, places and feeds the article panels of one window (module docstring)."""

    panel_built = Signal(str, object)  # name, the ArticlePanel: the window wires it

    def __init__(self, window: QMainWindow, editor: ArticleEditor) -> None:
        super().__init__(window)
        self._window = window
        self._editor = editor
        self._specs: dict[str, PanelSpec] = {}
        self._docks: dict[str, QDockWidget] = {}
        self._plain: dict[str, QDockWidget] = {}
        self._panels: dict[str, ArticlePanel] = {}
        self._services: PanelServices | None = None
        self._article_id: int | None = None
        editor.tab_shown.connect(self._on_tab_shown)

    def add(self, spec: PanelSpec, *, beside: QDockWidget | None = None) -> None:
        """Declare a panel; a dock panel gets its (hidden) dock now, tabified ``beside``."""
        self._specs[spec.name] = spec
        if spec.place != DOCK:
            return
        dock = QDockWidget(spec.title, self._window, objectName=f"{spec.name}_dock")
        dock.setWidget(QWidget(objectName=f"{spec.name}_placeholder"))
        self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if beside is not None:
            self._window.tabifyDockWidget(beside, dock)
            beside.raise_()
        dock.hide()
        dock.visibilityChanged.connect(lambda shown, name=spec.name: self._on_shown(name, shown))
        self._docks[spec.name] = dock

    def add_dock(self, name: str, dock: QDockWidget) -> None:
        """A dock of the window's own (not an article panel), shown and hidden by name."""
        self._plain[name] = dock

    def dock(self, name: str) -> QDockWidget:
        return self._docks[name]

    def __contains__(self, name: object) -> bool:
        return name in self._specs or name in self._plain

    # ------------------------------------------------------------ the archive is open

    def attach(self, services: PanelServices) -> None:
        """Panels can be built from now on; those already on screen are built at once."""
        self._services = services
        for name in self._specs:
            if self.visible(name):
                self.panel(name)

    def panel(self, name: str) -> ArticlePanel | None:
        """The panel ``name``, built now if need be (None until the archive is open)."""
        built = self._panels.get(name)
        if built is not None or self._services is None:
            return built
        spec = self._specs[name]
        built = spec.make(self._services)
        self._panels[name] = built
        if spec.place == DOCK:
            dock = self._docks[name]
            old = dock.widget()
            dock.setWidget(built)
            old.deleteLater()
        else:
            self._editor.set_tab_widget(spec.tab, built)
        self.panel_built.emit(name, built)
        built.show_article(self._article_id)
        return built

    def built(self, name: str) -> ArticlePanel | None:
        """The panel ``name`` if it was built (never builds it)."""
        return self._panels.get(name)

    # ------------------------------------------------------------ following the window

    def show_article(self, article_id: int | None) -> None:
        self._article_id = article_id
        for panel in self._panels.values():
            panel.show_article(article_id)

    def toggle(self, name: str) -> None:
        spec = self._specs.get(name)
        if spec is not None and spec.place == TAB:
            self._editor.tabs.setCurrentIndex(WRITE_TAB if self.visible(name) else spec.tab)
            return
        dock = self._docks.get(name) or self._plain[name]
        if dock.isHidden():
            dock.show()
            dock.raise_()  # it may share a tab with another dock
        else:
            dock.hide()

    def visible(self, name: str) -> bool:
        spec = self._specs.get(name)
        if spec is not None and spec.place == TAB:
            return self._editor.current_tab() == spec.tab
        return not (self._docks.get(name) or self._plain[name]).isHidden()

    def shutdown(self) -> None:
        for panel in self._panels.values():
            panel.shutdown()

    def _on_tab_shown(self, index: int) -> None:
        for spec in self._specs.values():
            if spec.place == TAB and spec.tab == index:
                self.panel(spec.name)

    def _on_shown(self, name: str, visible: bool) -> None:
        if visible:
            self.panel(name)
