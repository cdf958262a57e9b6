"""Helpers for a window that paints first and does the rest right after."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget


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
            menu = window.menuBar().addMenu(f"&{title}")
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
