"""Every command reachable from the keyboard, every interactive widget named for a screen
reader: walked over the real main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from editor.ui.actions import COMMAND_ID_PROPERTY

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


def test_every_command_has_a_shortcut_or_is_in_the_palette(window):
    unreachable = [c.id for c in window.registry if not c.shortcuts and not c.palette]
    assert unreachable == [], unreachable


def _named_by_its_text(widget: QWidget) -> bool:
    """A button is read out by its text, a tab bar by its tabs' titles."""
    if isinstance(widget, QAbstractButton):
        return bool(widget.text().replace("&", "").strip())
    if isinstance(widget, QTabBar):
        return widget.count() > 0 and all(widget.tabText(i) for i in range(widget.count()))
    return False


def _panel_toggles(window) -> dict[QAction, str]:
    """Qt's own show/hide actions of docks and toolbars (in their context menu)."""
    return {
        bar.toggleViewAction(): bar.objectName()
        for bar in [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
    }


def test_every_dock_can_be_shown_by_a_command(window):
    docks = {
        name.removesuffix("_dock")
        for name in _panel_toggles(window).values()
        if name.endswith("_dock")
    }
    assert docks and {f"view.{d}" for d in docks} <= {c.id for c in window.registry}


def test_every_action_of_the_window_is_reachable_from_the_keyboard(window):
    toggles = _panel_toggles(window)
    actions = set(window.findChildren(QAction)) - set(toggles)
    for menu_action in window.menuBar().actions():
        if menu_action.menu() is not None:
            actions.update(menu_action.menu().actions())
    unreachable = []
    for action in actions:
        if action.isSeparator() or action.menu() is not None or not action.text():
            continue
        command_id = action.property(COMMAND_ID_PROPERTY)
        in_palette = command_id is not None and window.registry.get(command_id).palette
        in_menu = any(
            action in m.menu().actions() for m in window.menuBar().actions() if m.menu()
        )  # menus open with Alt+letter
        if action.shortcut().isEmpty() and not in_palette and not in_menu:
            unreachable.append(action.text())
    assert unreachable == [], unreachable


def test_menus_have_mnemonics(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles and all("&" in t for t in titles)


def test_interactive_widgets_have_accessible_names(qtbot, window):
    window.ws.articles.create(title="Ein Artikel", body="Text")
    window.registry.run("article.new", window.command_context)
    window.toggle_panel("related")  # built when first shown
    qtbot.waitUntil(lambda: window.panels.built("related") is not None)
    nameless = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not widget.isVisibleTo(window) or widget.accessibleName():
            continue
        if _named_by_its_text(widget):
            continue
        nameless.append(f"{type(widget).__name__}#{widget.objectName()}")
    assert nameless == [], ", ".join(nameless)
