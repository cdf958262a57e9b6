"""QActions, menus and toolbar built from the command registry."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QToolBar

from editor.commands.builtin import register_builtin
from editor.commands.context import CommandContext
from editor.commands.registry import Command, CommandRegistry
from editor.commands.testing import RecordingWindow
from editor.core.workflow import Status
from editor.ui.actions import build_actions, install_actions, populate_menus, refresh_actions


@dataclass
class Setup:
    main: QMainWindow
    registry: CommandRegistry
    ctx: CommandContext
    window: RecordingWindow
    actions: dict[str, QAction]


@pytest.fixture
def setup(qtbot, workspace) -> Setup:
    main = QMainWindow()
    main.toolbar = QToolBar("Main", main)  # where install_actions looks for it
    main.addToolBar(main.toolbar)
    qtbot.addWidget(main)
    registry = CommandRegistry()
    register_builtin(registry)
    window = RecordingWindow()
    ctx = CommandContext(workspace=workspace, window=window)
    actions = install_actions(main, registry, ctx)
    return Setup(main, registry, ctx, window, actions)


def menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(menu_actions(action.menu()))
        elif not action.isSeparator():
            found.append(action)
    return found


def all_menu_actions(main: QMainWindow) -> list[QAction]:
    found: list[QAction] = []
    for top in main.menuBar().actions():
        found.extend(menu_actions(top.menu()))
    return found


def test_every_command_has_an_action_with_its_shortcuts(setup) -> None:
    assert set(setup.actions) == {c.id for c in setup.registry}
    for command in setup.registry:
        action = setup.actions[command.id]
        assert action.text() == command.title
        assert action.shortcuts() == [QKeySequence(s) for s in command.shortcuts]
        assert action in setup.main.actions()  # shortcuts work even when no menu shows it
    assert setup.actions["view.palette"].shortcuts() == [
        QKeySequence("Ctrl+K"),
        QKeySequence("Ctrl+Shift+P"),
    ]


def test_every_command_is_reachable_from_a_menu_or_the_palette(setup) -> None:
    in_menus = set(map(id, all_menu_actions(setup.main)))
    for command in setup.registry:
        assert command.palette or id(setup.actions[command.id]) in in_menus, command.id


def test_menus_follow_the_registry(setup) -> None:
    titles = [a.text().replace("&", "") for a in setup.main.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Workflow", "Help"]
    file_menu = setup.main.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts[0] == "New Article"
    assert texts[-1] == "Quit"
    assert file_menu.actions()[-2].isSeparator()  # categories are separated
    workflow = setup.main.menuBar().actions()[3].menu()
    assert {a.text() for a in menu_actions(workflow)} == {
        c.title for c in setup.registry if c.menu_name == "Workflow"
    }


def test_toolbar_holds_the_toolbar_commands(setup) -> None:
    on_toolbar = [a for a in setup.main.toolbar.actions() if not a.isSeparator()]
    assert on_toolbar == [setup.actions[c.id] for c in setup.registry if c.toolbar]
    assert setup.actions["article.new"] in on_toolbar


def test_triggering_runs_the_command(setup, workspace) -> None:
    setup.actions["article.new"].trigger()
    assert workspace.articles.count() == 1
    assert setup.window.opened == [workspace.articles.list()[0].id]


def test_enabled_state_follows_the_article(setup, workspace) -> None:
    assert not setup.actions["article.save"].isEnabled()
    assert not setup.actions["publish.article"].isEnabled()
    article = workspace.articles.create(title="Fertig", status=Status.IN_REVIEW)
    setup.window.article_id = article.id
    refresh_actions(setup.registry, setup.ctx, setup.actions)
    assert setup.actions["article.save"].isEnabled()
    assert not setup.actions["publish.article"].isEnabled()
    setup.actions["workflow.mark_ready"].trigger()
    assert workspace.articles.get(article.id).status is Status.READY
    # Actions refresh after a command ran: marking ready again is not offered.
    assert not setup.actions["workflow.mark_ready"].isEnabled()
    assert setup.actions["publish.article"].isEnabled()


def test_checkable_actions_mirror_the_panels(setup) -> None:
    preview = setup.actions["view.preview"]
    assert preview.isCheckable() and not preview.isChecked()
    preview.trigger()
    assert setup.window.panels == {"preview"}
    assert preview.isChecked()
    preview.trigger()
    assert setup.window.panels == set()
    assert not preview.isChecked()


def test_errors_become_messages(qtbot, workspace) -> None:
    registry = CommandRegistry()

    def broken(ctx):
        raise RuntimeError("database is locked")

    registry.register(Command(id="test.broken", title="Broken", category="Test", handler=broken))
    window = RecordingWindow()
    ctx = CommandContext(workspace=workspace, window=window)
    main = QMainWindow()
    qtbot.addWidget(main)
    actions = build_actions(registry, ctx, main)
    menus = populate_menus(main.menuBar(), registry, actions, ctx)
    assert list(menus) == ["Test"]
    actions["test.broken"].trigger()
    assert window.errors == ["Broken failed: database is locked"]


class GreedyLineEdit(QLineEdit):
    """Claims Ctrl+K for itself, as Qt's text fields do on X11 (delete to end of line)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination() == QKeySequence("Ctrl+K")[0]
        ):
            event.accept()
            return True
        return super().event(event)


def test_palette_shortcut_beats_a_text_fields_own_binding(qtbot, workspace) -> None:
    registry = CommandRegistry()
    register_builtin(registry)
    window = RecordingWindow()
    ctx = CommandContext(workspace=workspace, window=window)
    main = QMainWindow()
    field = GreedyLineEdit()
    main.setCentralWidget(field)
    qtbot.addWidget(main)
    install_actions(main, registry, ctx)
    main.show()
    qtbot.waitActive(main)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.panels == {"palette"}


def test_a_claimed_shortcut_without_the_privilege_stays_with_the_field(qtbot, workspace) -> None:
    registry = CommandRegistry()
    opened: list[str] = []
    registry.register(
        Command(
            id="test.k",
            title="K",
            category="Test",
            handler=lambda c: opened.append("k"),
            shortcuts=("Ctrl+K",),
        )
    )
    ctx = CommandContext(workspace=workspace, window=RecordingWindow())
    main = QMainWindow()
    field = GreedyLineEdit()
    main.setCentralWidget(field)
    qtbot.addWidget(main)
    install_actions(main, registry, ctx)
    main.show()
    qtbot.waitActive(main)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert opened == []


def test_a_menu_refreshes_its_actions_as_it_opens(setup, workspace) -> None:
    article = workspace.articles.create(title="Offen")
    setup.window.article_id = article.id  # changed behind the actions' back
    assert not setup.actions["article.save"].isEnabled()
    file_menu = setup.main.menuBar().actions()[0].menu()
    file_menu.aboutToShow.emit()
    assert setup.actions["article.save"].isEnabled()
