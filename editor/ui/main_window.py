"""The main window: sidebar | article list | editor, metadata dock, status bar.

The window is thin: it shows what the workspace's use cases return and hands
every edit to the :class:`~editor.app.autosave.AutosaveWriter`; it never writes
on the keystroke path.  Workspace events (which may arrive on worker threads)
reach it through :class:`~editor.ui.events.EventBridge` on the GUI thread.

It implements :class:`editor.commands.context.WindowActions`, so the built-in
commands (menus, toolbar, shortcuts, palette) drive it.

A fast start builds the window from a :class:`~editor.store.snapshot.Snapshot`
(the list's first page, read without SQLAlchemy) with no workspace yet: it
paints read-only, and :meth:`MainWindow.open_after_first_paint` opens the
archive right after the first paint and hands it to :meth:`attach_workspace`,
which builds the menus and connects the editing paths.  Until then nothing can
be typed into the article (its fields are read-only), and a filter, sort or
row picked meanwhile is applied once the archive is open.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.app.autosave import AutosaveWriter, SaveReport, SaveState
from editor.app.changes import (
    ArticleCreated,
    ArticleRestored,
    ArticleSaved,
    ArticlesImported,
    ArticleTrashed,
    Change,
    RevisionCreated,
    StatusMoved,
    TrashEmptied,
)
from editor.core.article import Article
from editor.core.workflow import Status
from editor.store.errors import ConflictError, NotFoundError
from editor.ui.article_editor import HISTORY_TAB, PAGE_TAB, PREVIEW_TAB, WRITE_TAB, ArticleEditor
from editor.ui.article_list import (
    ARTICLE_ID_ROLE,
    AUTHOR,
    LANGUAGE,
    STATUS,
    UPDATED,
    ArticleListModel,
)
from editor.ui.events import EventBridge
from editor.ui.icons import app_icon
from editor.ui.metadata import MetadataPanel
from editor.ui.sidebar import Sidebar
from editor.ui.status_bar import MainStatusBar

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from editor.app.workspace import Workspace
    from editor.commands.registry import CommandRegistry
    from editor.store.snapshot import Snapshot
    from editor.ui.background import BackgroundJobs
    from editor.ui.conflict.handling import ConflictHandling
    from editor.ui.find_replace import FindReplaceBar
    from editor.ui.history import HistoryPanel
    from editor.ui.page_preview import PagePreview
    from editor.ui.palette import CommandPalette
    from editor.ui.preview import PreviewPane
    from editor.ui.related_panel import RelatedPanel

T = TypeVar("T")

STATS_DELAY_MS = 300  # word count after typing pauses, not on every key
FILTER_DELAY_MS = 250  # the quick filter queries after typing pauses
REFRESH_DELAY_MS = 150  # bursts of events (an import) refresh the list once
COUNTS_AT_THE_LATEST_MS = 500  # sidebar counts even if the list is never painted
OPEN_AT_THE_LATEST_MS = 1000  # a snapshot start opens the archive even if never painted
# How often saved and imported articles get their meaning vectors (with the optional model).
MEANING_EVERY_MS = 30_000
# editor.commands.builtin.MENU_ORDER, without importing the commands before the first paint.
MENU_TITLES = ("File", "Edit", "View", "Workflow", "Help")
# Changes after which the list is read again (saves update their row in place).
LIST_CHANGES = (
    ArticleCreated,
    ArticleTrashed,
    ArticleRestored,
    StatusMoved,
    TrashEmptied,
    ArticlesImported,
)


class MainWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace | None,
        *,
        snapshot: Snapshot | None = None,
        first_paint_style: str = "",
        settings: QSettings | None = None,
        registry: CommandRegistry | None = None,
        autosave_delays: tuple[float, float] | None = None,
    ) -> None:
        """A window on ``workspace``; or, with ``workspace=None``, on ``snapshot`` until
        :meth:`attach_workspace` (a fast start: see the module's docstring).

        ``first_paint_style``: a style sheet for the widgets it names by object name,
        until the application gets it (a fast start defers that past the first paint).
        """
        super().__init__()
        if workspace is not None:
            url, description = workspace.db.url, workspace.db.description
        elif snapshot is not None:
            url, description = snapshot.url, snapshot.description
        else:
            raise ValueError("a window needs a workspace or a snapshot of the archive")
        self.ws: Workspace | None = workspace
        self.settings = settings if settings is not None else QSettings()
        self._settings_group = (
            "archives/" + hashlib.sha1(url.encode(), usedforsecurity=False).hexdigest()[:16]
        )
        self._registry_wanted = registry
        self._autosave_delays = autosave_delays or (1.0, 1.5)
        self._closing = False
        self.open_failed = False  # a fast start's archive could not be opened after all
        self._article: Article | None = None
        self._selecting = False  # the window itself moves the list's selection
        self._history: HistoryPanel | None = None
        self._preview: PreviewPane | None = None
        self._find_bar: FindReplaceBar | None = None
        self._palette: CommandPalette | None = None
        self._publish_dialog: QWidget | None = None
        self._conflicts: ConflictHandling | None = None  # made on the first merge or conflict
        self._page_preview: PagePreview | None = None
        self._reindex: QWidget | None = None  # progress dialog of a running related-links job
        self._related: RelatedPanel | None = None
        self._distraction_free_state: dict[str, Any] | None = None

        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self._build_widgets(description)
        self._build_timers()
        self._counts_loaded = False
        self._open_workspace: Callable[[], Workspace | None] | None = None
        self._filter_action: QAction | None = None
        self._menu_placeholders: list[QMenu] = []
        if workspace is not None:
            self._attach(workspace)
            self.list_model.reload()
            # The sidebar's counts scan the whole archive: fill them in just after
            # the first paint rather than making the window wait for them.
            self.installEventFilter(self)
            QTimer.singleShot(COUNTS_AT_THE_LATEST_MS, self._load_counts_once)
            self._restore_window_state()
            self._restore_last_article()
        else:
            assert snapshot is not None
            self._style_named_widgets(first_paint_style)
            self._hold_command_places()
            self.list_model.show_rows(snapshot.rows)
            self._restore_window_state()
            self._preview_last_article(snapshot)
        self._update_title()

    @property
    def is_ready(self) -> bool:
        """True once the archive is open (at once, unless the window started from a snapshot)."""
        return self.ws is not None

    def _attach(self, workspace: Workspace) -> None:
        """Everything that needs the open archive: autosave, events, commands, the slots."""
        self.ws = workspace
        self.editor.attach_highlighter()
        self.bridge = EventBridge(workspace.changes, self)
        idle, longest = self._autosave_delays
        self.autosave = AutosaveWriter(
            workspace.articles,
            idle_delay=idle,
            max_delay=longest,
            on_state=self.bridge.forward_save_report,
        )
        self._connect()
        registry = self._registry_wanted
        self.registry = registry if registry is not None else _builtin_registry()
        self._install_commands()
        self.list_model.set_service(workspace.articles)
        from editor.ui.settings import apply_personal

        apply_personal(self)  # name as author, editor font, theme, own shortcuts

    # ================================================================ a snapshot start

    def open_after_first_paint(self, open_workspace: Callable[[], Workspace | None]) -> None:
        """Call ``open_workspace`` once the window has painted (or after a second if it
        never does) and attach what it returns; None means it failed and told the user:
        the window closes."""
        self._open_workspace = open_workspace
        self.installEventFilter(self)
        QTimer.singleShot(OPEN_AT_THE_LATEST_MS, self._open_workspace_once)

    def _open_workspace_once(self) -> None:
        opener, self._open_workspace = self._open_workspace, None
        if opener is None or self._closing or self.ws is not None:
            return
        workspace = opener()
        if workspace is None:
            self.open_failed = True
            self._closing = True
            self.close()
        elif self._closing:
            workspace.close()  # the window was closed while the archive opened
        else:
            self.attach_workspace(workspace)

    def attach_workspace(self, workspace: Workspace) -> None:
        """Switch a snapshot-started window to the open archive, keeping what was done."""
        if self.ws is not None:
            raise RuntimeError("the window already has a workspace")
        preview = self._article
        self._article = None
        self._attach(workspace)
        picked = self._selected_list_id()
        self._apply_choices_made_meanwhile()
        if picked is not None and (preview is None or picked != preview.id):
            self.open_article(picked)  # a row clicked before the archive was open
        else:
            self._restore_last_article(shown=preview)
        if not self.related_dock.isHidden():
            self._ensure_related()  # restored visible before there was an archive to read
        if self.editor.current_tab() != WRITE_TAB:
            self._on_editor_tab_shown(self.editor.current_tab())  # a tab picked meanwhile
        QTimer.singleShot(0, self._load_counts_once)
        self.refresh_actions()
        self._update_title()

    def _apply_choices_made_meanwhile(self) -> None:
        """A pile, language or quick-filter text chosen before the archive was open."""
        default = {"status": None, "trashed": False, "language": None}
        if self.sidebar.list_filter() != default or self.quick_filter.text().strip():
            self._apply_list_filter()

    def _hold_command_places(self) -> None:
        """Menu titles (disabled) and the filter field in their places before there are
        commands, so that nothing moves when the real menus and toolbar come."""
        for title in MENU_TITLES:
            menu = self.menuBar().addMenu(f"&{title}")
            menu.setEnabled(False)
            self._menu_placeholders.append(menu)
        self._filter_action = self.toolbar.addWidget(self.quick_filter)

    def _style_named_widgets(self, qss: str) -> None:
        """``qss`` on each widget of this window that one of its ``Class#name`` selectors names."""
        for name in dict.fromkeys(re.findall(r"[A-Za-z]\w*#([A-Za-z_]\w*)", qss)):
            widget = self.findChild(QWidget, name)
            if widget is not None:
                widget.setStyleSheet(qss)

    def _preview_last_article(self, snapshot: Snapshot) -> None:
        """The article open last time, read-only until the archive is open."""
        from editor.store.snapshot import read_article

        article_id, cursor, _tab = self._remembered_article()
        article = read_article(snapshot, article_id) if article_id else None
        if article is None:
            self.editor.set_read_only(True)
            return
        self._article = article
        self.editor.show_article(article, cursor=cursor)
        self.editor.set_read_only(True)
        self.metadata.show_article(article)
        self.metadata.setEnabled(False)
        self.status.save_state.reset(article.updated_at)
        self.status.show_language(article.language)
        self._select_in_list(article.id)

    # ================================================================ building

    def _build_widgets(self, description: str) -> None:
        self.sidebar = Sidebar()
        self.list_model = ArticleListModel(None, self)  # the service comes with _attach
        self.list_view = _article_table(self.list_model)
        self.trash_bar = _TrashBar()
        self.trash_bar.hide()
        list_panel = QWidget(objectName="list_panel")
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.trash_bar)
        list_layout.addWidget(self.list_view)
        self.list_panel = list_panel

        self.editor = ArticleEditor(highlight=self.ws is not None)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="main_splitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([170, 520, 600])
        self.setCentralWidget(self.splitter)

        self.metadata = MetadataPanel()
        self.metadata_dock = QDockWidget("Metadata", self, objectName="metadata_dock")
        self.metadata_dock.setWidget(self.metadata)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.metadata_dock)
        # Related links: built the first time the dock is shown (it reads the archive).
        self.related_dock = QDockWidget("Related links", self, objectName="related_dock")
        self.related_dock.setWidget(QWidget(objectName="related_placeholder"))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.related_dock)
        self.tabifyDockWidget(self.metadata_dock, self.related_dock)
        self.metadata_dock.raise_()
        self.related_dock.hide()

        self.toolbar = QToolBar("Main", self, objectName="main_toolbar", movable=False)
        self.addToolBar(self.toolbar)
        self.quick_filter = QLineEdit(
            objectName="quick_filter", clearButtonEnabled=True, accessibleName="Filter articles"
        )
        self.quick_filter.setPlaceholderText("Filter articles…")
        self.quick_filter.setMaximumWidth(280)

        self.status = MainStatusBar(description, self)
        self.setStatusBar(self.status)
        self.resize(1280, 800)

    def _build_timers(self) -> None:
        self._stats_timer = _single_shot(self, STATS_DELAY_MS, self._on_stats_timer_timeout)
        self._filter_timer = _single_shot(self, FILTER_DELAY_MS, self._on_filter_timer_timeout)
        self._refresh_timer = _single_shot(self, REFRESH_DELAY_MS, self._on_refresh_timer_timeout)
        self._clock_timer = QTimer(self, interval=60_000)  # "2 min" ages in the list
        self._clock_timer.timeout.connect(self.list_model.refresh_times)
        self._clock_timer.start()
        self._meaning_timer = QTimer(self, interval=MEANING_EVERY_MS)
        self._meaning_timer.timeout.connect(self._on_meaning_timer_timeout)
        self._meaning_timer.start()
        self._meaning_jobs: BackgroundJobs | None = None

    def _connect(self) -> None:
        self.bridge.changed.connect(self._on_bridge_changed)
        self.bridge.save_reported.connect(self._on_bridge_save_reported)
        self.sidebar.filter_changed.connect(self._on_sidebar_filter_changed)
        self.list_view.selectionModel().currentRowChanged.connect(
            self._on_list_selection_currentRowChanged
        )
        self.list_model.modelReset.connect(self._on_list_model_modelReset)
        self.quick_filter.textChanged.connect(self._on_quick_filter_textChanged)
        self.editor.edited.connect(self._on_editor_edited)
        self.editor.tab_shown.connect(self._on_editor_tab_shown)
        self.metadata.edited.connect(self._on_metadata_edited)
        self.metadata.status_requested.connect(self._on_metadata_status_requested)
        self.trash_bar.restore.clicked.connect(self._on_trash_bar_restore_clicked)
        self.trash_bar.empty.clicked.connect(self._on_trash_bar_empty_clicked)
        self.related_dock.visibilityChanged.connect(self._on_related_dock_visibilityChanged)

    def _install_commands(self) -> None:
        """Menus, toolbar and shortcuts from the command registry (editor/ui/actions.py)."""
        from PySide6.QtGui import QAction, QKeySequence

        from editor.commands.context import CommandContext
        from editor.ui import actions

        self.command_context = CommandContext(self.ws, self)
        self.actions_by_id = actions.build_actions(self.registry, self.command_context, self)
        for placeholder in self._menu_placeholders:
            self.menuBar().removeAction(placeholder.menuAction())
            placeholder.deleteLater()
        self._menu_placeholders = []
        menus = actions.populate_menus(
            self.menuBar(), self.registry, self.actions_by_id, self.command_context
        )
        del menus  # every menu entry, Publish and Related Links too, comes from the registry
        actions.populate_toolbar(self.toolbar, self.registry, self.actions_by_id)
        self.toolbar.addSeparator()
        if self._filter_action is None:
            self._filter_action = self.toolbar.addWidget(self.quick_filter)
        else:  # it held its place before the commands came: it goes after them
            self.toolbar.removeAction(self._filter_action)
            self.toolbar.addAction(self._filter_action)
        leave = QAction("Leave Distraction-Free Mode", self, objectName="leave_distraction_free")
        leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        leave.setEnabled(False)
        leave.triggered.connect(self._on_leave_action_triggered)
        self.addAction(leave)
        self.leave_action = leave

    def refresh_actions(self) -> None:
        """Enable/check the actions for what is open now (Qt ignores disabled shortcuts)."""
        if self.ws is None:
            return  # no actions yet: they are built with the open archive
        from editor.ui.actions import refresh_actions

        refresh_actions(self.registry, self.command_context, self.actions_by_id)

    # ================================================================ WindowActions

    def current_article_id(self) -> int | None:
        return self._article.id if self._article is not None else None

    def current_article(self) -> Article | None:
        return self._article

    def open_article(self, article_id: int) -> None:
        if self._article is not None and self._article.id == article_id:
            self._select_in_list(article_id)
            return
        self.flush_autosave()
        article = self._attempt(self.ws.articles.get, article_id)
        if article is not None:
            self._show_article(article)
            if not article.title and not article.deleted:
                self.editor.title.setFocus()  # a new article: start with its title

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.status.show_message(text, error=error)

    def confirm(self, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Newsdesk",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def toggle_panel(self, name: str) -> None:
        if name in ("preview", "history"):
            tab = PREVIEW_TAB if name == "preview" else HISTORY_TAB
            self.editor.tabs.setCurrentIndex(WRITE_TAB if self.panel_visible(name) else tab)
        elif name == "metadata":
            if self.metadata_dock.isHidden():
                self.metadata_dock.show()
                self.metadata_dock.raise_()  # it may share a tab with Related links
            else:
                self.metadata_dock.hide()
        elif name == "sidebar":
            visible = self.list_panel.isHidden()
            self.sidebar.setVisible(visible)
            self.list_panel.setVisible(visible)
        elif name == "distraction_free":
            self.set_distraction_free(self._distraction_free_state is None)
        elif name == "palette":
            self._toggle_palette()
        elif name == "find":
            self.show_find()
        elif name == "related":
            if self.related_dock.isHidden():
                self.related_dock.show()
                self.related_dock.raise_()  # it may share a tab with Metadata
            else:
                self.related_dock.hide()
        elif name == "page":
            showing = self.panel_visible("page")
            self.editor.tabs.setCurrentIndex(WRITE_TAB if showing else PAGE_TAB)
        else:
            raise ValueError(f"no panel {name!r}")
        self.refresh_actions()

    def panel_visible(self, name: str) -> bool:
        if name == "preview":
            return self.editor.current_tab() == PREVIEW_TAB
        if name == "history":
            return self.editor.current_tab() == HISTORY_TAB
        if name == "metadata":
            return not self.metadata_dock.isHidden()
        if name == "sidebar":
            return not self.list_panel.isHidden()
        if name == "distraction_free":
            return self._distraction_free_state is not None
        if name == "palette":
            return self._palette is not None and self._palette.isVisible()
        if name == "find":
            return self._find_bar is not None and not self._find_bar.isHidden()
        if name == "related":
            return not self.related_dock.isHidden()
        if name == "page":
            return self.editor.current_tab() == PAGE_TAB
        return False

    def flush_autosave(self) -> bool:
        """Write pending edits now; False (and a message) if they could not be written."""
        if self.ws is None:
            return True  # nothing can have been typed yet
        saved = self.autosave.flush(timeout=5.0)
        if not saved:
            self.show_message(
                "Some changes are not saved yet — your text is kept here and saving is retried.",
                error=True,
            )
        return saved

    def quit(self) -> None:
        self.close()

    def undo(self) -> None:
        widget = self._focused_text_widget()
        if widget is not None:
            widget.undo()

    def redo(self) -> None:
        widget = self._focused_text_widget()
        if widget is not None:
            widget.redo()

    def show_find(self, replace: bool = False) -> None:
        """The find bar on the focused text field (the body unless the teaser has focus)."""
        bar = self._ensure_find_bar()
        if self._focused_text_widget() is self.editor.teaser:
            target = self.editor.teaser
        else:
            target = self.editor.body
            self.editor.show_tab("write")
        bar.set_editor(target)
        bar.open(replace=replace)

    # ================================================================ showing an article

    def _show_article(
        self, article: Article | None, *, cursor: int | None = None, keep_text: bool = False
    ) -> None:
        """Show ``article`` everywhere; ``keep_text``: the editor already holds its text."""
        self._article = article
        if keep_text and article is not None:
            self.editor.set_read_only(article.deleted)
        else:
            self.editor.show_article(article, cursor=cursor)
        if article is not None and not keep_text:
            self.autosave.track(article)  # later edits state the version shown here
        self.metadata.show_article(article)
        self.status.save_state.reset(article.updated_at if article else None)
        self.status.show_language(article.language if article else None)
        self._on_stats_timer_timeout()
        if self._history is not None:
            self._history.show_article(article.id if article else None)
        if self._preview is not None and self.panel_visible("preview"):
            self._update_preview()
        for panel in (self._page_preview, self._related):
            if panel is not None:
                panel.set_article(article.id if article else None)
        self._select_in_list(article.id if article else None)
        self._remember_article()
        self._update_title()
        self.refresh_actions()

    def _select_in_list(self, article_id: int | None) -> None:
        row = self.list_model.row_of(article_id) if article_id is not None else None
        self._selecting = True
        try:
            if row is None:
                self.list_view.clearSelection()
                self.list_view.selectionModel().clearCurrentIndex()
            else:
                self.list_view.selectRow(row)
                self.list_view.scrollTo(self.list_model.index(row, 0))
        finally:
            self._selecting = False

    def _update_title(self) -> None:
        if self._article is None:
            self.setWindowTitle("Newsdesk")
        else:
            self.setWindowTitle(f"{self._article.title or 'Untitled'} — Newsdesk")

    def _focused_text_widget(self) -> QLineEdit | QPlainTextEdit | None:
        widget = self.focusWidget()
        return widget if isinstance(widget, QLineEdit | QPlainTextEdit) else None

    # ================================================================ lazy panels

    def _ensure_history(self) -> HistoryPanel:
        if self._history is None:
            from editor.ui.history import HistoryPanel, article_text

            panel = HistoryPanel(
                self.ws.articles,
                lambda: article_text(
                    self.editor.title.text(),
                    self.editor.teaser.toPlainText(),
                    self.editor.body.toPlainText(),
                ),
            )
            panel.restore_requested.connect(self._on_history_restore_requested)
            self.editor.set_tab_widget(HISTORY_TAB, panel)
            self._history = panel
            panel.show_article(self.current_article_id())
        return self._history

    def _ensure_preview(self) -> PreviewPane:
        if self._preview is None:
            from editor.ui.preview import PreviewPane

            self._preview = PreviewPane()
            self.editor.set_tab_widget(PREVIEW_TAB, self._preview)
        return self._preview

    def _update_preview(self, *, now: bool = False) -> None:
        pane = self._ensure_preview()
        pane.set_markdown(self.editor.body.toPlainText() if self._article is not None else "")
        if now:
            pane.render_now()

    def _ensure_page_preview(self) -> PagePreview:
        if self._page_preview is None:
            from editor.ui.page_preview import PagePreview

            self._page_preview = PagePreview(self.ws, events=self.bridge)
            self.editor.set_tab_widget(PAGE_TAB, self._page_preview)
            self._page_preview.set_article(self.current_article_id())
        return self._page_preview

    def _ensure_related(self) -> RelatedPanel:
        if self._related is None:
            from editor.ui.related_panel import RelatedPanel

            self._related = RelatedPanel(self.ws, events=self.bridge)
            self._related.open_article_requested.connect(self.open_article)
            old = self.related_dock.widget()
            self.related_dock.setWidget(self._related)
            old.deleteLater()
            self._related.set_article(self.current_article_id())
        return self._related

    def _on_related_dock_visibilityChanged(self, visible: bool) -> None:
        if visible:
            self._ensure_related()

    def _ensure_find_bar(self) -> FindReplaceBar:
        if self._find_bar is None:
            from editor.ui.find_replace import FindReplaceBar

            self._find_bar = FindReplaceBar(self.editor.body)
            self._find_bar.setObjectName("find_bar")
            self.editor.add_bottom_widget(self._find_bar)
        return self._find_bar

    def _toggle_palette(self) -> None:
        if self._palette is None:
            from editor.ui.palette import CommandPalette

            self._palette = CommandPalette(self.registry, self.command_context, self)
            self._palette.commandExecuted.connect(self._on_palette_commandExecuted)
        self._palette.toggle()

    def _on_palette_commandExecuted(self, _command_id: str) -> None:
        self.refresh_actions()

    # ================================================================ distraction-free

    def set_distraction_free(self, on: bool) -> None:
        if on == (self._distraction_free_state is not None):
            return
        widgets = [self.sidebar, self.list_panel, self.toolbar, self.metadata_dock]
        if on:
            self._distraction_free_state = {
                "visible": {w: not w.isHidden() for w in widgets},
                "maximized": self.isMaximized(),
                "menubar": not self.menuBar().isHidden(),
            }
            for widget in widgets:
                widget.hide()
            self.menuBar().hide()
            self.editor.show_tab("write")
            self.showFullScreen()
            self.editor.body.setFocus()
            self.show_message("Distraction-free mode: press Esc to leave.")
        else:
            state = self._distraction_free_state or {}
            self._distraction_free_state = None
            for widget, visible in state.get("visible", {}).items():
                widget.setVisible(visible)
            self.menuBar().setVisible(state.get("menubar", True))
            self.showMaximized() if state.get("maximized") else self.showNormal()
        self.leave_action.setEnabled(on)
        self.refresh_actions()

    # ================================================================ sidebar and list

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window's own first paint: its children (the list) paint in the same pass,
        # so a zero timer started here runs once the whole window is on screen.  (Not
        # the list's viewport: wrapping it for Python costs ~10 ms before that paint.)
        if event.type() == QEvent.Type.Paint and watched is self:
            self.removeEventFilter(self)
            if self.ws is None:
                QTimer.singleShot(0, self._open_workspace_once)
            else:
                QTimer.singleShot(0, self._load_counts_once)
        return super().eventFilter(watched, event)

    def _load_counts_once(self) -> None:
        if not self._counts_loaded and self.ws is not None:
            self._counts_loaded = True
            self._refresh_counts()

    def _refresh_counts(self) -> None:
        counts = self._attempt(self.ws.articles.counts_by_status)
        languages = self._attempt(self.ws.articles.languages)
        if counts is not None and languages is not None:
            self.sidebar.set_counts(counts, languages)

    def _apply_list_filter(self) -> None:
        query = dict(self.sidebar.list_filter(), text=self.quick_filter.text().strip())
        self.trash_bar.setVisible(query["trashed"])
        self._attempt(self.list_model.set_filter, **query)
        self.trash_bar.update_count(self.list_model.total)

    # ================================================================ slots: list, sidebar, filter

    def _on_sidebar_filter_changed(self) -> None:
        self._apply_list_filter()

    def _on_quick_filter_textChanged(self, _text: str) -> None:
        self._filter_timer.start()

    def _on_filter_timer_timeout(self) -> None:
        self._apply_list_filter()

    def _on_list_selection_currentRowChanged(self, current: QModelIndex, _previous: Any) -> None:
        if self._selecting or not current.isValid():
            return
        article_id = current.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self.open_article(int(article_id))

    def _on_list_model_modelReset(self) -> None:
        if self._article is not None:
            self._select_in_list(self._article.id)
        self.trash_bar.update_count(self.list_model.total)

    def _on_refresh_timer_timeout(self) -> None:
        self._attempt(self.list_model.reload, keep_loaded=True)
        self._refresh_counts()
        self.refresh_actions()

    def _on_trash_bar_restore_clicked(self) -> None:
        article_id = self._selected_list_id()
        if article_id is None:
            self.show_message("Pick an article in the trash to restore.")
            return
        if self._attempt(self.ws.articles.restore, article_id) is not None:
            self.show_message("Restored from the trash.")

    def _on_trash_bar_empty_clicked(self) -> None:
        count = self.list_model.total
        noun = "article" if count == 1 else "articles"
        if count and self.confirm(
            f"Delete the {count} {noun} in the trash for good? This cannot be undone."
        ):
            removed = self._attempt(self.ws.articles.empty_trash)
            if removed is not None:
                self.show_message(f"Deleted {removed} {noun} for good.")

    def _selected_list_id(self) -> int | None:
        index = self.list_view.currentIndex()
        value = index.data(ARTICLE_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else self.current_article_id()

    # ================================================================ slots: editing

    def _on_editor_edited(self, changes: dict[str, Any]) -> None:
        if self._article is None or self._article.deleted:
            return
        self.autosave.submit(self._article.id, changes)
        if "title" in changes:
            self.metadata.follow_title(changes["title"])
        if "body" in changes:
            self._stats_timer.start()
            if self._preview is not None and self.panel_visible("preview"):
                self._update_preview()

    def _on_metadata_edited(self, changes: dict[str, Any]) -> None:
        if self._article is None or self._article.deleted:
            return
        self.autosave.submit(self._article.id, changes)
        if "language" in changes:
            self.status.show_language(changes["language"])

    def _on_metadata_status_requested(self, target: Status) -> None:
        if self._article is None:
            return
        self.flush_autosave()
        article = self._attempt(
            self.ws.articles.change_status,
            self._article.id,
            target,
            expected_version=self.edited_version(self._article.id),
        )
        if article is not None:
            self._article = article
            self.metadata.show_article(article)
            self.refresh_actions()
            self.show_message(f"Status: {target.label} (a revision was kept).")

    def _on_stats_timer_timeout(self) -> None:
        if self._article is None:
            self.status.show_stats(None)
            return
        from editor.core.text import text_stats  # not needed for the first paint

        self.status.show_stats(text_stats(self.editor.body.toPlainText()))

    def _on_editor_tab_shown(self, index: int) -> None:
        if index == HISTORY_TAB:
            self._ensure_history()
        elif index == PREVIEW_TAB:
            self._update_preview(now=True)
        elif index == PAGE_TAB:
            self._ensure_page_preview()
        self.refresh_actions()

    def _on_history_restore_requested(self, article_id: int, revision_id: int) -> None:
        if not self.flush_autosave():
            return
        article = self._attempt(
            self.ws.articles.restore_revision,
            article_id,
            revision_id,
            expected_version=self.edited_version(article_id),
        )
        if article is not None and self._article is not None and self._article.id == article_id:
            self.show_saved_text(article)
            self.show_message("Revision restored; the text before it is kept as a revision too.")

    def show_publish_dialog(self, article_ids: list[int] | None) -> None:
        """The publish dialog (checks, then the run, on worker threads); None: all ready."""
        from editor.ui.publish_dialog import PublishDialog

        if self.ws is None:
            return
        dialog = PublishDialog(self.ws, article_ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._publish_dialog = dialog
        dialog.open()

    def rebuild_related_index(self) -> None:
        """Rebuild the related-links index on a worker, with a cancellable progress dialog."""
        from editor.core.related import BuildCancelled

        if self.ws is None:
            return
        related = self.ws.related

        def ended(outcome: object) -> tuple[str, bool]:
            if isinstance(outcome, BuildCancelled):
                return "Rebuilding the related-links index was cancelled.", False
            if isinstance(outcome, Exception):
                return f"The related-links index was not rebuilt: {outcome}", True
            return f"Related-links index rebuilt: {outcome} articles.", False

        self._run_related_job(
            "Building the related-links index…",
            lambda progress, cancelled: related.rebuild(progress, cancelled),
            ended,
        )

    def open_tool(self, name: str) -> None:
        """Settings, import, export, samples, shortcuts, help, about (editor/ui/desktop)."""
        from editor.ui.desktop import open_tool

        open_tool(self, name)

    def compute_meaning_vectors(self) -> None:
        """Embed the articles without meaning vectors on a worker, with cancellable progress.

        Slow (a quarter of a second an article), so it runs only when asked; what was
        embedded before a cancel is kept, and the next run goes on from there.
        """
        if self.ws is None:
            return
        related = self.ws.related
        if not related.has_meaning_model:
            self.show_message(
                "No multilingual model is installed: pip install 'newsdesk[embeddings]'.",
                error=True,
            )
            return

        def ended(outcome: object) -> tuple[str, bool]:
            if isinstance(outcome, Exception):
                return f"Meaning vectors were not computed: {outcome}", True
            return f"Meaning vectors computed for {outcome} articles.", False

        # embed_missing keeps the vectors itself (the index needs no saving for them).
        self._run_related_job("Computing meaning vectors…", related.embed_missing, ended)

    def _run_related_job(
        self,
        label: str,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], object],
        ended: Callable[[object], tuple[str, bool]],
    ) -> None:
        """Run one long related-links job at a time on a worker, behind a progress dialog
        whose Cancel the job sees; `ended(outcome)` gives the status message (and whether
        it is an error) for the result or the exception."""
        from PySide6.QtWidgets import QProgressDialog

        from editor.ui.background import BackgroundJobs

        if self._reindex is not None:
            return
        dialog = QProgressDialog(label, "Cancel", 0, 0, self)
        dialog.setWindowTitle("Related links")
        dialog.setMinimumDuration(300)
        jobs = BackgroundJobs(dialog)
        self._reindex = dialog

        def on_progress(_token: object, done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def on_end(_token: object, outcome: object) -> None:
            self._reindex = None
            dialog.close()
            dialog.deleteLater()
            message, error = ended(outcome)
            self.show_message(message, error=error)

        jobs.progress.connect(on_progress)
        jobs.finished.connect(on_end)
        jobs.failed.connect(on_end)
        dialog.canceled.connect(jobs.cancel)
        jobs.submit("related", lambda progress: work(progress, jobs.is_cancelled))

    def _on_meaning_timer_timeout(self) -> None:
        """Give saved and imported articles their meaning vectors, on a worker.

        Only once the related-links index is in use (nothing is loaded for it otherwise)
        and only with the optional model; one run at a time, a few dozen articles each.
        """
        from editor.ui.background import BackgroundJobs

        ws = self.ws
        if ws is None or self._reindex is not None or not ws.has_started("related"):
            return
        related = ws.related
        if not related.is_built:
            return
        if self._meaning_jobs is None:
            self._meaning_jobs = BackgroundJobs(self)
        if not self._meaning_jobs.busy:
            self._meaning_jobs.submit("meaning", lambda _progress: related.embed_changed())

    def _on_leave_action_triggered(self) -> None:
        self.set_distraction_free(False)

    # ================================================================ slots: workspace events

    def _on_bridge_changed(self, change: Change) -> None:
        if isinstance(change, ArticleSaved):
            self._on_article_saved(change.article)
        elif isinstance(change, LIST_CHANGES):
            self._refresh_timer.start()
            concerns_open = self._article is not None and (
                change.touches(self._article.id) or isinstance(change, TrashEmptied)
            )
            if concerns_open:
                self._reload_current()
        elif isinstance(change, RevisionCreated):
            self._on_revision_created(change.article_id)

    def _on_revision_created(self, article_id: int | None) -> None:
        if self._history is not None and article_id == self.current_article_id():
            self._history.refresh()

    def _on_article_saved(self, article: Article) -> None:
        # The change carries the saved article: nothing is read again here.
        article_id = article.id
        row = self.list_model.row_of(article_id)
        old = self.list_model.summary(row) if row is not None else None
        self.list_model.replace_summary(article.summary())
        if old is not None and old.language != article.language:
            self._refresh_counts()
        if self._article is not None and self._article.id == article_id:
            if article.version < self._article.version:
                # A save announced from the autosave thread can arrive after a
                # newer change (a trash, a status move) was shown: keep the newer.
                return
            self._article = article
            self.metadata.show_saved(article)
            self._update_title()

    def _reload_current(self) -> None:
        """The open article changed status, went to the trash or came back from it."""
        assert self._article is not None
        try:
            article = self.ws.articles.get(self._article.id)
        except NotFoundError:  # the trash was emptied
            self._show_article(None)
            return
        if article.deleted != self._article.deleted:
            self._show_article(article, cursor=self.editor.cursor_position())
        else:
            self._article = article
            self.metadata.show_article(article)
            self.refresh_actions()

    def edited_version(self, article_id: int) -> int | None:
        """The version the text on screen is based on (what a save from here states)."""
        return self.autosave.base_version(article_id) if self.ws is not None else None

    def show_saved_text(self, article: Article) -> None:
        """Show text saved elsewhere or merged (undoable); later edits are based on it."""
        self._article = article
        self.editor.replace_text(article)
        self.metadata.show_saved(article)
        self.autosave.track(article)

    def _on_bridge_save_reported(self, report: SaveReport) -> None:
        if report.merged or report.state is SaveState.CONFLICT:
            from editor.ui.conflict.handling import ConflictHandling

            if self._conflicts is None:
                self._conflicts = ConflictHandling(self)
            self._conflicts.on_report(report)
        if self._article is not None and report.article_id == self._article.id:
            self.status.save_state.report(report)
        elif report.state is SaveState.FAILED:
            self.show_message(f"Another article is not saved yet: {report.message}", error=True)

    # ================================================================ errors

    def _attempt(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run a use case; show what went wrong instead of crashing (None on failure)."""
        try:
            return use_case(*args, **kwargs)
        except ConflictError as exc:
            self._offer_reload(str(exc))
        except Exception as exc:  # the editor keeps working whatever a use case raises
            self.show_message(_describe(exc), error=True)
        return None

    def _offer_reload(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self,
            "Changed elsewhere",
            f"{message}\n\nReload the article from the archive?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self._article is not None:
            article_id = self._article.id
            self._article = None
            self.open_article(article_id)

    # ================================================================ remembering

    def _remember_article(self) -> None:
        self.settings.beginGroup(self._settings_group)
        self.settings.setValue("article_id", self.current_article_id() or 0)
        self.settings.endGroup()

    def _remember_state(self) -> None:
        self.settings.beginGroup(self._settings_group)
        self.settings.setValue("article_id", self.current_article_id() or 0)
        self.settings.setValue("cursor", self.editor.cursor_position())
        self.settings.setValue("tab", self.editor.current_tab())
        self.settings.endGroup()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def _restore_window_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _remembered_article(self) -> tuple[int, int, int]:
        """The article open at the last close, its cursor position and editor tab."""
        self.settings.beginGroup(self._settings_group)
        article_id = _int(self.settings.value("article_id", 0))
        cursor = _int(self.settings.value("cursor", 0))
        tab = _int(self.settings.value("tab", WRITE_TAB))
        self.settings.endGroup()
        return article_id, cursor, tab

    def _restore_last_article(self, *, shown: Article | None = None) -> None:
        """Open the article of the last session; ``shown``: its snapshot already on screen."""
        assert self.ws is not None
        article_id, cursor, tab = self._remembered_article()
        if not article_id:
            return
        try:
            article = self.ws.articles.get(article_id)
        except NotFoundError:
            if shown is not None:
                self._show_article(None)
            return
        except Exception as exc:
            self.show_message(_describe(exc), error=True)
            return
        if article == shown:  # the usual case: keep the text, its cursor and scrolling
            self._show_article(article, keep_text=True)
        else:
            self._show_article(article, cursor=cursor)
        if tab in (PREVIEW_TAB, HISTORY_TAB, PAGE_TAB):
            self.editor.tabs.setCurrentIndex(tab)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.set_distraction_free(False)  # the next start shows the normal window
        if self.ws is None:  # closed before the archive was open: nothing to save
            self._closing = True
            self._remember_state()
            super().closeEvent(event)
            return
        self._remember_state()
        if not self.autosave.close(timeout=10.0) and not self._confirm_losing_changes():
            event.ignore()
            return
        for panel in (self._page_preview, self._related):
            if panel is not None:
                panel.shutdown()  # waits for their worker threads
        self._meaning_timer.stop()
        if self._meaning_jobs is not None:
            self._meaning_jobs.shutdown()
        self.bridge.close()
        super().closeEvent(event)

    def _confirm_losing_changes(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        return (
            QMessageBox.warning(
                self,
                "Not saved",
                "Some changes could not be written to the archive. Close anyway and lose them?",
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            == QMessageBox.StandardButton.Close
        )


# ==================================================================== helpers


class _TrashBar(QWidget):
    """Shown above the list while the trash is shown."""

    def __init__(self) -> None:
        super().__init__(objectName="trash_bar")
        self.restore = QPushButton("Restore", objectName="trash_restore")
        self.empty = QPushButton("Empty Trash…", objectName="trash_empty")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addStretch(1)
        layout.addWidget(self.restore)
        layout.addWidget(self.empty)

    def update_count(self, count: int) -> None:
        self.empty.setEnabled(count > 0)
        self.restore.setEnabled(count > 0)


def _article_table(model: ArticleListModel) -> QTableView:
    view = QTableView(objectName="article_list")
    view.setAccessibleName("Articles")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # Fixed starting widths: sizing to contents would ask for every cell of the page.
    metrics = view.fontMetrics()
    samples = {LANGUAGE: ("Lang.", 20), STATUS: ("Unpublished", 40), AUTHOR: ("Firstname L.", 16)}
    samples[UPDATED] = ("yesterday", 16)
    for column, (sample, margin) in samples.items():  # margin: sort arrow, status icon
        header.resizeSection(column, metrics.horizontalAdvance(sample) + margin)
    header.setSortIndicator(UPDATED, Qt.SortOrder.DescendingOrder)
    view.setSortingEnabled(True)
    return view


def _single_shot(parent: QWidget, ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent, singleShot=True, interval=ms)
    timer.timeout.connect(slot)
    return timer


def _builtin_registry() -> CommandRegistry:
    from editor.commands.builtin import register_builtin
    from editor.commands.registry import CommandRegistry

    registry = CommandRegistry()
    register_builtin(registry)
    return registry


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:1].upper() + text[1:]


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
