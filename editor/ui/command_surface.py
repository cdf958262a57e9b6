"""What the commands may ask of the main window: the
:class:`~editor.commands.context.WindowActions` it implements, and the actions,
menus and palette built from the command registry.

A mixin of :class:`~editor.ui.main_window.MainWindow`, kept apart so that the
window's own class is about layout and following the open article.  It adds
no state of its own beyond the actions it builds; the window's parts it uses
are listed below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, Unpack

from PySide6.QtCore import QCoreApplication

from editor.ui import dialogs
from editor.ui.article_editor import PREVIEW_TAB, WRITE_TAB

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QToolBar, QWidget

    from editor.app.operations import Operation
    from editor.app.workspace import Workspace
    from editor.commands.context import CommandContext, RunOptions
    from editor.commands.registry import CommandRegistry
    from editor.core.article import Article
    from editor.ui.article_editor import ArticleEditor
    from editor.ui.distraction_free import DistractionFree
    from editor.ui.editing import EditSession
    from editor.ui.first_paint import SnapshotStart
    from editor.ui.palette import CommandPalette
    from editor.ui.panels.manager import PanelManager
    from editor.ui.runner import Runner
    from editor.ui.search import SearchPanel
    from editor.ui.sidebar import Sidebar
    from editor.ui.status_bar import MainStatusBar
    from editor.ui.text_tools import TextTools
    from editor.ui.work import WindowWork

T = TypeVar("T")


if TYPE_CHECKING:  # the window's mixins are always part of a QMainWindow (MainWindow)
    from PySide6.QtWidgets import QMainWindow as WindowPart
else:
    WindowPart = object


class CommandSurface(WindowPart):
    # The window's parts this uses (MainWindow builds them).
    ws: Workspace | None
    _article: Article | None
    _palette: CommandPalette | None
    _publish_dialog: QWidget | None
    _snapshot_start: SnapshotStart | None
    registry: CommandRegistry
    command_context: CommandContext
    actions_by_id: dict[str, QAction]
    leave_action: QAction
    editor: ArticleEditor
    text_tools: TextTools
    distraction_free: DistractionFree
    panels: PanelManager
    sidebar: Sidebar
    list_panel: QWidget
    search_panel: SearchPanel
    runner: Runner
    toolbar: QToolBar
    quick_filter: QWidget
    status: MainStatusBar
    editing: EditSession
    work: WindowWork

    def set_distraction_free(self, on: bool) -> None: ...  # the window's

    def _install_commands(self) -> None:
        """Menus, toolbar and shortcuts from the command registry (editor/ui/actions.py)."""
        from editor.commands.context import CommandContext
        from editor.ui import actions

        held = None
        if self._snapshot_start is not None:
            self._snapshot_start.places.release()
            held = self._snapshot_start.filter_action
        assert self.ws is not None  # commands are installed once the archive is open
        self.command_context = ctx = CommandContext(self.ws, self)  # type: ignore[arg-type]  # MainWindow is the WindowActions
        self.actions_by_id = actions.install_window_commands(
            self, self.registry, ctx, self.toolbar, self.quick_filter, held
        )
        self.leave_action = actions.escape_action(
            self,
            QCoreApplication.translate("CommandSurface", "Leave Distraction-Free Mode"),
            lambda: self.set_distraction_free(False),
        )

    def run_command(self, command_id: str) -> None:
        """Run a command as its action would (a failure is shown, not raised), even if
        its action was not yet refreshed to enabled."""
        self.registry.execute(command_id, self.command_context)
        self.refresh_actions()

    def refresh_actions(self) -> None:
        """Enable/check the actions for what is open now (Qt ignores disabled shortcuts)."""
        if self.ws is None:
            return  # no actions yet: they are built with the open archive
        from editor.ui.actions import refresh_actions

        refresh_actions(self.registry, self.command_context, self.actions_by_id)

    def current_article_id(self) -> int | None:
        return self._article.id if self._article is not None else None

    def current_article(self) -> Article | None:
        return self._article

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.status.show_message(text, error=error)

    def confirm(self, question: str) -> bool:
        return dialogs.confirm(self, question)

    def toggle_panel(self, name: str) -> None:
        if name in self.panels:
            self.panels.toggle(name)
        elif name in self._views:
            self._views[name][0]()
        else:
            raise ValueError(f"no panel {name!r}")
        self.refresh_actions()

    def panel_visible(self, name: str) -> bool:
        if name in self.panels:
            return self.panels.visible(name)
        return name in self._views and self._views[name][1]()

    def _build_views(self) -> None:
        """The views that are not article panels: name -> (toggle, is it visible)."""
        tools, free = self.text_tools, self.distraction_free

        def preview() -> None:
            self.editor.tabs.setCurrentIndex(WRITE_TAB if tools.preview_visible() else PREVIEW_TAB)

        def sidebar() -> None:
            visible = self.list_panel.isHidden()
            self.sidebar.setVisible(visible)
            self.list_panel.setVisible(visible)

        self._views: dict[str, tuple[Callable[[], None], Callable[[], bool]]] = {
            "preview": (preview, tools.preview_visible),
            "sidebar": (sidebar, lambda: not self.list_panel.isHidden()),
            "distraction_free": (lambda: free.set(not free.active), lambda: free.active),
            "palette": (
                self._toggle_palette,
                lambda: bool(self._palette and self._palette.isVisible()),
            ),
            "find": (self.show_find, tools.find_visible),
            "search": (self.search_panel.focus, self.search_panel.field.hasFocus),
        }

    def edited_version(self, article_id: int) -> int | None:
        """The version the text on screen is based on (what a save from here states)."""
        return self.editing.autosave.base_version(article_id) if self.ws is not None else None

    def show_publish_dialog(self, article_ids: list[int] | None, action: str = "publish") -> None:
        """The publish dialog (checks, then the run, on the window's runner); None: all
        ready; ``action``: publish, correct or unpublish."""
        from PySide6.QtCore import Qt

        from editor.ui.publish_dialog import PublishDialog

        if self.ws is None:
            return
        dialog = PublishDialog(self.ws, article_ids, self, runner=self.runner, action=action)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._publish_dialog = dialog
        dialog.open()

    def run_operation(self, operation: Operation[T], **options: Unpack[RunOptions[T]]) -> None:
        self.work.run(operation, **options)

    def flush_autosave(self) -> bool:
        """Write pending edits now; False (and a message) if they could not be written."""
        return self.ws is None or self.editing.flush()  # nothing typed before the archive

    def open_tool(self, name: str) -> None:
        """Settings, import, export, samples, shortcuts, help, about (editor/ui/desktop)."""
        from editor.ui.desktop import open_tool

        open_tool(self, name)  # type: ignore[arg-type]  # the MainWindow this is part of

    def quit(self) -> None:
        self.close()

    def undo(self) -> None:
        self.text_tools.undo()

    def redo(self) -> None:
        self.text_tools.redo()

    def show_find(self, replace: bool = False) -> None:
        self.text_tools.show_find(replace)

    def _toggle_palette(self) -> None:
        if self._palette is None:
            from editor.ui.palette import CommandPalette

            self._palette = CommandPalette(self.registry, self.command_context, self)
            self._palette.commandExecuted.connect(self._on_palette_commandExecuted)
            self._palette.entityChosen.connect(self._on_palette_entityChosen)
        self._palette.toggle()

    def _on_palette_commandExecuted(self, _command_id: str) -> None:
        self.refresh_actions()

    def _on_palette_entityChosen(self, entity_id: int) -> None:
        self.entity_tools.filter_by_entity(entity_id)  # type: ignore[attr-defined]  # MainWindow's
