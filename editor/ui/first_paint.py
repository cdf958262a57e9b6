"""A window that paints first and does the rest right after.

A fast start builds the window from a :class:`~editor.store.snapshot.Snapshot`
(the list's first page, read without SQLAlchemy) with no workspace yet: it
paints read-only, and :class:`SnapshotStart` opens the archive right after the
first paint and hands it to the window, which builds the menus and connects the
editing paths.  Until then nothing can be typed into the article (its fields
are read-only), and a filter, sort or row picked meanwhile is applied once the
archive is open.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from editor.ui.i18n import menu_text

if TYPE_CHECKING:
    from editor.app.snapshot import Snapshot
    from editor.app.workspace import Workspace
    from editor.core.article import Article
    from editor.ui.main_window import MainWindow

OPEN_AT_THE_LATEST_MS = 1000  # a snapshot start opens the archive even if never painted
# editor.commands.builtin.MENU_ORDER, without importing the commands before the first paint.
MENU_TITLES = ("File", "Edit", "View", "Workflow", "Help")


class AfterFirstPaint(QObject):
    """Calls ``then`` once, right after ``window`` first painted, or after
    ``at_the_latest_ms`` if it never paints (offscreen, minimised).

    The window's own first paint: its children (the list) paint in the same pass,
    so a zero timer started then runs once the whole window is on screen.  (Not
    the list's viewport: wrapping it for Python costs ~10 ms before that paint.)
    """

    def __init__(self, window: QWidget, then: Callable[[], None], at_the_latest_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(at_the_latest_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._window:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


class CommandPlaces:
    """Menu titles (disabled) and the filter field in their places before there are
    commands, so that nothing moves when the real menus and toolbar come."""

    def __init__(self, window: QMainWindow, titles: Sequence[str], toolbar: QToolBar) -> None:
        self._window = window
        self._menus: list[QMenu] = []
        for title in titles:
            menu = window.menuBar().addMenu(f"&{menu_text(title)}")
            menu.setEnabled(False)
            self._menus.append(menu)
        self._toolbar = toolbar

    def hold_widget(self, widget: QWidget) -> QAction:
        return self._toolbar.addWidget(widget)

    def release(self) -> None:
        """The real menus come: the held titles go."""
        for menu in self._menus:
            self._window.menuBar().removeAction(menu.menuAction())
            menu.deleteLater()
        self._menus = []


def style_named_widgets(root: QWidget, qss: str) -> None:
    """``qss`` on each widget under ``root`` that one of its ``Class#name`` selectors names."""
    for name in dict.fromkeys(re.findall(r"[A-Za-z]\w*#([A-Za-z_]\w*)", qss)):
        widget = root.findChild(QWidget, name)
        if widget is not None:
            widget.setStyleSheet(qss)


class SnapshotStart:
    """The window's first moments on a snapshot, until the archive is open."""

    def __init__(self, window: MainWindow, snapshot: Snapshot, first_paint_style: str) -> None:
        self._window = window
        style_named_widgets(window, first_paint_style)
        self.places = CommandPlaces(window, MENU_TITLES, window.toolbar)
        self.filter_action = self.places.hold_widget(window.quick_filter)
        window.list_model.show_rows(snapshot.rows)
        window.memory.restore_window(window, window.window_layout)
        self.shown = self._show_last_article(snapshot)
        self._opener: Callable[[], Workspace | None] | None = None
        self.closing = False  # the window was closed before the archive was open

    def _show_last_article(self, snapshot: Snapshot) -> Article | None:
        """The article open last time, read-only until the archive is open."""
        from editor.app.snapshot import read_article

        window = self._window
        article_id, cursor, _tab = window.memory.article()
        article = read_article(snapshot, article_id) if article_id else None
        window.editor.set_read_only(True)
        if article is not None:
            window.editor.show_article(article, cursor=cursor)
            window.editor.set_read_only(True)
            window.metadata.show_article(article)
            window.metadata.setEnabled(False)
            window.status.save_state.reset(article.updated_at)
            window.status.show_language(article.language)
            window.browser.select(article.id)
        return article

    def open_after_first_paint(self, opener: Callable[[], Workspace | None]) -> None:
        """Call ``opener`` once the window has painted (or after a second if it never
        does) and attach what it returns; None means it failed and told the user: the
        window closes."""
        self._opener = opener
        AfterFirstPaint(self._window, self._open_once, OPEN_AT_THE_LATEST_MS)

    def _open_once(self) -> None:
        opener, self._opener = self._opener, None
        window = self._window
        if opener is None or self.closing or window.ws is not None:
            return
        workspace = opener()
        if workspace is None:
            window.open_failed = True
            self.closing = True
            window.close()
        elif self.closing:
            workspace.close()  # the window was closed while the archive opened
        else:
            window.attach_workspace(workspace)
