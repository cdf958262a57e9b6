"""The command palette on a bare main window with a recording WindowActions."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from editor.commands.builtin import register_builtin
from editor.commands.context import CommandContext
from editor.commands.registry import CommandRegistry
from editor.commands.testing import RecordingWindow
from editor.ui.actions import install_actions
from editor.ui.palette import PLACEHOLDER, CommandPalette, ShortcutRole
from tests.gui.helpers import press, type_text


class PaletteWindow(RecordingWindow):
    """Records like the fake, but really opens and closes the palette."""

    palette: CommandPalette | None = None

    def toggle_panel(self, name: str) -> None:
        if name == "palette" and self.palette is not None:
            self.palette.toggle()
        else:
            super().toggle_panel(name)

    def panel_visible(self, name: str) -> bool:
        if name == "palette" and self.palette is not None:
            return self.palette.isVisible()
        return super().panel_visible(name)


@dataclass
class Host:
    main: QMainWindow
    palette: CommandPalette
    window: PaletteWindow
    registry: CommandRegistry
    actions: dict[str, QAction]


@pytest.fixture
def host(qtbot, workspace):
    main = QMainWindow()
    main.resize(900, 600)
    main.setCentralWidget(QPlainTextEdit(objectName="body"))
    qtbot.addWidget(main)
    registry = CommandRegistry()
    register_builtin(registry)
    window = PaletteWindow()
    ctx = CommandContext(workspace=workspace, window=window)
    palette = CommandPalette(registry, ctx, main)
    window.palette = palette
    actions = install_actions(main, registry, ctx)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitActive(main)
    return Host(main, palette, window, registry, actions)


def shown_titles(host: Host) -> list[str]:
    return [r.title for r in host.palette.results()]


def test_opens_with_placeholder_and_focus(host, qtbot) -> None:
    host.palette.open_palette()
    assert host.palette.isVisible()
    assert host.palette.line_edit.placeholderText() == PLACEHOLDER == "Search for a command to run…"
    assert host.palette.line_edit.hasFocus()
    # Centred near the top of the window.
    centre = host.palette.geometry().center().x()
    assert abs(centre - host.main.width() // 2) <= 2
    assert host.palette.geometry().top() < host.main.height() // 4


@pytest.mark.parametrize("shortcut", ["Ctrl+K", "Ctrl+Shift+P"])
def test_shortcuts_open_it(host, qtbot, shortcut: str) -> None:
    body = host.main.centralWidget()
    body.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier
    if "Shift" in shortcut:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    key = Qt.Key.Key_K if shortcut.endswith("K") else Qt.Key.Key_P
    qtbot.keyClick(body, key, modifiers)
    qtbot.waitUntil(host.palette.isVisible)
    press(host.palette.line_edit, Qt.Key.Key_Escape)
    assert not host.palette.isVisible()
    assert body.hasFocus()  # focus went back where it was


def test_filters_as_you_type_and_shows_shortcuts(host, qtbot) -> None:
    host.palette.open_palette()
    everything = shown_titles(host)
    qtbot.keyClicks(host.palette.line_edit, "new art")
    qtbot.waitUntil(lambda: shown_titles(host)[:1] == ["New Article"])
    assert len(shown_titles(host)) < len(everything)
    first = host.palette.model.index(0, 0)
    assert first.data(ShortcutRole) == "Ctrl+N"


def test_enter_runs_the_selected_command(host, qtbot, workspace) -> None:
    host.palette.open_palette()
    qtbot.keyClicks(host.palette.line_edit, "new article")
    qtbot.waitUntil(lambda: shown_titles(host)[:1] == ["New Article"])
    with qtbot.waitSignal(host.palette.commandExecuted) as signal:
        press(host.palette.line_edit, Qt.Key.Key_Return)
    assert signal.args == ["article.new"]
    assert not host.palette.isVisible()
    assert workspace.articles.count() == 1
    assert host.window.opened == [workspace.articles.list()[0].id]
    assert host.registry.recent()[0] == "article.new"


def test_down_arrow_picks_the_next_match(host, qtbot) -> None:
    host.palette.open_palette()
    qtbot.keyClicks(host.palette.line_edit, ">find")
    qtbot.waitUntil(lambda: shown_titles(host)[:2] == ["Find…", "Find and Replace…"])
    press(host.palette.line_edit, Qt.Key.Key_Down)
    press(host.palette.line_edit, Qt.Key.Key_Return)
    assert host.window.calls == ["replace"]


def test_opens_an_article_by_title(host, qtbot, workspace) -> None:
    wanted = workspace.articles.create(title="Überwachung: Neue Chatkontrolle geplant")
    workspace.articles.create(title="Something else entirely")
    host.palette.open_palette()
    type_text(host.palette.line_edit, "Überwachung chat")
    qtbot.waitUntil(
        lambda: host.palette.results()[:1] and host.palette.results()[0].kind == "article"
    )
    with qtbot.waitSignal(host.palette.articleOpened):
        press(host.palette.line_edit, Qt.Key.Key_Return)
    assert host.window.opened == [wanted.id]


def test_recent_commands_come_first(host, qtbot) -> None:
    host.palette.open_palette(">about")
    host.palette.activate()
    host.palette.open_palette()
    assert shown_titles(host)[0] == "About Newsdesk"
    assert host.palette.current_row() == 0


def test_nothing_found(host, qtbot) -> None:
    host.palette.open_palette("zzqxvw")
    assert host.palette.results() == []
    assert host.palette.empty_label.isVisible()
    press(host.palette.line_edit, Qt.Key.Key_Return)  # nothing to run, nothing happens
    assert host.palette.isVisible()
