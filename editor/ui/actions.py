"""QActions, menus and the toolbar, all built from the command registry.

One QAction per command carries its title, shortcuts, icon and checked state;
triggering it runs the command through ``CommandRegistry.execute`` so that a
failure becomes a message in the window, never an exception in the event loop.

Enabled and checked states come from the commands' predicates.  Qt ignores the
shortcut of a disabled action, so the window calls :func:`refresh_actions`
whenever what they depend on changes (the open article, its status, a panel);
actions also refresh after every command they run and when a menu opens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMenuBar, QToolBar, QWidget

from editor.commands.builtin import MENU_ORDER
from editor.commands.context import CommandContext
from editor.commands.registry import Command, CommandRegistry
from editor.core.resources import resource_path
from editor.ui.i18n import command_text, menu_text

COMMAND_ID_PROPERTY = "newsdesk_command_id"


def command_icon(name: str | None) -> QIcon:
    """The icon ``name``: our own SVG under resources/icons/, else the desktop theme's."""
    if not name:
        return QIcon()
    own = resource_path("icons", f"{name}.svg")
    if own.is_file():
        return QIcon(str(own))
    return QIcon.fromTheme(name)


def build_actions(
    registry: CommandRegistry, ctx: CommandContext, parent_window: QWidget
) -> dict[str, QAction]:
    """A QAction per registered command, added to ``parent_window`` so that shortcuts work
    even for commands in no visible menu; keyed by command id."""
    actions: dict[str, QAction] = {}
    for command in registry:
        action = _make_action(command, parent_window)
        action.triggered.connect(
            lambda _checked=False, cid=command.id: _trigger(registry, ctx, actions, cid)
        )
        parent_window.addAction(action)
        actions[command.id] = action
    refresh_actions(registry, ctx, actions)
    _ShortcutPriority.install(registry, parent_window)
    return actions


class _ShortcutPriority(QObject):
    """Lets the shortcuts of ``overrides_text_fields`` commands beat text fields.

    Before a shortcut fires, Qt asks the focused widget (a ShortcutOverride
    event) whether it wants the keys itself; QLineEdit and QPlainTextEdit say
    yes to their platform bindings, e.g. Ctrl+K (delete to end of line) on
    X11, so the palette would never open from the title or the body.  This
    filter answers "no" for those few key sequences first.  It sits on each
    widget of the window as it gets the focus, rather than on the whole
    application, so ordinary events never pass through Python for it.
    """

    def __init__(self, sequences: list[QKeySequence], window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._sequences = {s.toString() for s in sequences}

    @classmethod
    def install(cls, registry: CommandRegistry, window: QWidget) -> None:
        sequences = [
            QKeySequence(s) for c in registry if c.overrides_text_fields for s in c.shortcuts
        ]
        app = QApplication.instance()
        if not sequences or not isinstance(app, QApplication):
            return
        watcher = cls(sequences, window)  # parented to the window: goes away with it
        app.focusChanged.connect(watcher._on_focus_changed)
        watcher._on_focus_changed(None, QApplication.focusWidget())

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and (new is self._window or self._window.isAncestorOf(new)):
            new.installEventFilter(self)  # installing again is harmless

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination()).toString()
            if pressed in self._sequences:
                event.ignore()  # not for the text field: the shortcut may fire
                return True
        return False


def _make_action(command: Command, parent: QWidget) -> QAction:
    action = QAction(command_text(command.title), parent)
    action.setObjectName(f"action_{command.id.replace('.', '_')}")
    action.setProperty(COMMAND_ID_PROPERTY, command.id)
    action.setIcon(command_icon(command.icon))
    action.setCheckable(command.checkable)
    show_shortcuts(action, command)
    return action


def show_shortcuts(action: QAction, command: Command) -> None:
    """The command's shortcuts on its action, and the first one in its tooltip."""
    action.setShortcuts([QKeySequence(s) for s in command.shortcuts])
    tip = command_text(command.title).rstrip("…")
    if command.shortcut:
        native = QKeySequence(command.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{tip} ({native})"
    action.setToolTip(tip)
    action.setStatusTip(tip)


def rebind_shortcuts(
    registry: CommandRegistry, actions: dict[str, QAction], chosen: dict[str, tuple[str, ...]]
) -> None:
    """Give the commands the person's shortcuts (``CommandRegistry.rebind``) and their
    actions the same; a clash raises ValueError and changes nothing."""
    registry.rebind(chosen)
    for command in registry:
        action = actions.get(command.id)
        if action is not None:
            show_shortcuts(action, command)


def _trigger(
    registry: CommandRegistry, ctx: CommandContext, actions: dict[str, QAction], command_id: str
) -> None:
    registry.execute(command_id, ctx)
    # The command may have changed what others depend on (a status, a panel).
    refresh_actions(registry, ctx, actions)


def refresh_actions(
    registry: CommandRegistry,
    ctx: CommandContext,
    actions: dict[str, QAction],
    only: Iterable[str] | None = None,
) -> None:
    """Bring enabled and checked states up to date (all actions, or the ids in ``only``)."""
    with ctx.snapshot():  # the open article is read once, not once per command
        for command_id in actions if only is None else only:
            command = registry.get(command_id)
            action = actions[command_id]
            action.setEnabled(command.is_enabled(ctx))
            if command.checkable and command.checked is not None:
                # Setting the state programmatically does not emit triggered: no toggle loop.
                action.setChecked(bool(command.checked(ctx)))


def _menus_in_order(registry: CommandRegistry) -> list[str]:
    names: list[str] = []
    for command in registry:
        if command.menu_name and command.menu_name not in names:
            names.append(command.menu_name)
    known = [m for m in MENU_ORDER if m in names]
    return known + [m for m in names if m not in MENU_ORDER]


def populate_menus(
    menubar: QMenuBar,
    registry: CommandRegistry,
    actions: dict[str, QAction],
    ctx: CommandContext | None = None,
) -> dict[str, QMenu]:
    """One top-level menu per command ``menu`` (File, Edit, View, Workflow, Help, then any
    other), commands in registration order, a separator where the category changes.
    With ``ctx`` each menu refreshes its actions' states as it opens."""
    menus: dict[str, QMenu] = {}
    for name in _menus_in_order(registry):
        menu = menubar.addMenu(f"&{menu_text(name)}")
        menu.setObjectName(f"menu_{name.lower()}")
        commands = [c for c in registry if c.menu_name == name]
        previous_category: str | None = None
        for command in commands:
            if previous_category is not None and command.category != previous_category:
                menu.addSeparator()
            menu.addAction(actions[command.id])
            previous_category = command.category
        if ctx is not None:
            ids = [c.id for c in commands]
            menu.aboutToShow.connect(
                lambda ids=ids: refresh_actions(registry, ctx, actions, only=ids)
            )
        menus[name] = menu
    return menus


def populate_toolbar(
    toolbar: QToolBar, registry: CommandRegistry, actions: dict[str, QAction]
) -> list[QAction]:
    """The commands marked ``toolbar=True``, in registration order, grouped by category."""
    added: list[QAction] = []
    previous_category: str | None = None
    for command in registry:
        if not command.toolbar:
            continue
        if previous_category is not None and command.category != previous_category:
            toolbar.addSeparator()
        toolbar.addAction(actions[command.id])
        added.append(actions[command.id])
        previous_category = command.category
    return added


def install_actions(
    window: QMainWindow,
    registry: CommandRegistry,
    ctx: CommandContext,
    toolbar: QToolBar | None = None,
) -> dict[str, QAction]:
    """All of the above for a main window: actions (with their shortcuts) on ``window``,
    its menu bar filled, and ``toolbar`` (default: the window's ``toolbar`` attribute,
    if it is a QToolBar) given the toolbar commands.  Returns the actions by command id."""
    actions = build_actions(registry, ctx, window)
    populate_menus(window.menuBar(), registry, actions, ctx)
    if toolbar is None:
        candidate = getattr(window, "toolbar", None)
        toolbar = candidate if isinstance(candidate, QToolBar) else None
    if toolbar is not None:
        populate_toolbar(toolbar, registry, actions)
    return actions


def install_window_commands(
    window: QMainWindow,
    registry: CommandRegistry,
    ctx: CommandContext,
    toolbar: QToolBar,
    trailing: QWidget,
    held: QAction | None = None,
) -> dict[str, QAction]:
    """:func:`install_actions` for the main window, with ``trailing`` (the quick
    filter) after the toolbar's commands; ``held``: its toolbar action while it held
    its place before the commands came (it moves behind them)."""
    actions = install_actions(window, registry, ctx, toolbar)
    toolbar.addSeparator()
    if held is None:
        toolbar.addWidget(trailing)
    else:
        toolbar.removeAction(held)
        toolbar.addAction(held)
    return actions


def escape_action(window: QWidget, title: str, triggered: Callable[[], None]) -> QAction:
    """A window-wide Esc action, disabled until the mode it leaves is on."""
    action = QAction(title, window, objectName="leave_distraction_free")
    action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    action.setEnabled(False)
    action.triggered.connect(triggered)
    window.addAction(action)
    return action
