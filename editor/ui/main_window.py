"""The main window: sidebar | article list | editor, metadata dock, status bar.

The window is thin: it lays out its parts (the article browser, the editor,
the metadata dock, the article panels) and wires them.  It shows what the
workspace's use cases return and hands every edit to the
:class:`~editor.app.autosave.AutosaveWriter`; it never writes on the keystroke
path, and other writes are operations on its one runner.  Change notices (which
may arrive on worker threads) reach it through
:class:`~editor.ui.events.EventBridge` on the GUI thread.

It implements :class:`editor.commands.context.WindowActions` (through
:class:`~editor.ui.command_surface.CommandSurface`), so the built-in commands
(menus, toolbar, shortcuts, palette) drive it.  A fast start paints it
from a snapshot before the archive is open (:mod:`editor.ui.first_paint`).  Keeping
the open article in step with changes announced on the bus is the mixin
:class:`~editor.ui.following.FollowsTheArchive`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.app.errors import ConflictError
from editor.core.article import Article
from editor.core.workflow import SITE_ACTIONS, Status
from editor.ui import dialogs
from editor.ui.article_editor import PREVIEW_TAB, WRITE_TAB, ArticleEditor
from editor.ui.browser import ArticleBrowser
from editor.ui.command_surface import CommandSurface
from editor.ui.distraction_free import DistractionFree
from editor.ui.editing import EditSession
from editor.ui.events import EventBridge
from editor.ui.first_paint import AfterFirstPaint, SnapshotStart
from editor.ui.following import FollowsTheArchive, describe_error
from editor.ui.i18n import status_text
from editor.ui.icons import app_icon
from editor.ui.metadata import MetadataPanel
from editor.ui.panels.base import PanelServices
from editor.ui.panels.catalog import builtin_panels
from editor.ui.panels.manager import PanelManager
from editor.ui.search import SavedSearchList, SearchPanel
from editor.ui.status_bar import MainStatusBar
from editor.ui.text_tools import TextTools
from editor.ui.window_memory import WindowMemory
from editor.ui.work import WindowWork

if TYPE_CHECKING:
    from editor.app.snapshot import Snapshot
    from editor.app.workspace import Workspace
    from editor.commands.registry import CommandRegistry
    from editor.ui.palette import CommandPalette
    from editor.ui.panels.history import HistoryPanel
    from editor.ui.panels.related import RelatedPanel
    from editor.ui.translation.panel import TranslationPanel

T = TypeVar("T")

COUNTS_AT_THE_LATEST_MS = 500  # sidebar counts even if the list is never painted


class MainWindow(CommandSurface, FollowsTheArchive, QMainWindow):
    # The daily backup waits this long after the archive opened: the start comes first.
    BACKUP_DELAY_MS = 20_000

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
        self.memory = WindowMemory(self.settings, url)
        self._registry_wanted = registry
        self._autosave_delays = autosave_delays  # None: the writer's own (the README's)
        self.open_failed = False  # a fast start's archive could not be opened after all
        self._article: Article | None = None
        self._palette: CommandPalette | None = None
        self._publish_dialog: QWidget | None = None
        # The one runner of work off the GUI thread, for the window and its panels.
        self.work = WindowWork(self, show_message=self.show_message, on_failed=self._on_failed)
        self.runner = self.work.runner

        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self._build_widgets(description)
        self._snapshot_start: SnapshotStart | None = None
        if workspace is not None:
            self._attach(workspace)
            self.list_model.reload()
            # The sidebar's counts scan the whole archive: fill them in just after
            # the first paint rather than making the window wait for them.
            AfterFirstPaint(self, self.browser.load_counts_once, COUNTS_AT_THE_LATEST_MS)
            self.memory.restore_window(self)
            self._restore_last_article()
        else:
            assert snapshot is not None
            self._snapshot_start = SnapshotStart(self, snapshot, first_paint_style)
            self._article = self._snapshot_start.shown
        self._update_title()

    @property
    def is_ready(self) -> bool:
        """True once the archive is open (at once, unless the window started from a snapshot)."""
        return self.ws is not None

    def _attach(self, workspace: Workspace) -> None:
        """Everything that needs the open archive: autosave, events, commands, the slots."""
        self.ws = workspace
        self.work.attach(workspace)
        self.editor.attach_highlighter()
        self.bridge = EventBridge(workspace.changes, self)
        self.panels.attach(
            PanelServices(workspace, self.runner, self.bridge, flush=self.flush_autosave)
        )
        self.editing = EditSession(
            self,
            workspace,
            self.bridge,
            self.status,
            current=lambda: (self.current_article_id(), self.editor.body.toPlainText()),
            delays=self._autosave_delays,
        )
        self.autosave = self.editing.autosave
        from editor.ui.translation.paragraph_flags import ParagraphLanguageFlags

        # A paragraph in another language than the article's is flagged, off the keystroke path.
        self.language_flags = ParagraphLanguageFlags(
            self.editor.body, self.runner, workspace, self._shown_language, self.current_article_id
        )
        self._connect()
        registry = self._registry_wanted
        self.registry = registry if registry is not None else _builtin_registry()
        self._install_commands()
        self.browser.attach(
            workspace.articles,
            self._attempt,
            (lambda: self.run_command("trash.restore"), lambda: self.run_command("trash.empty")),
        )
        from editor.ui.settings import apply_personal

        apply_personal(self)  # name as author, editor font, theme, own shortcuts
        self._attach_search(workspace)
        from editor.ui.entities.window import EntityTools

        self.entity_tools = EntityTools(self)  # tags panel marks, list filter, dialogs
        self._attach_versions(workspace)
        # The daily backup of an SQLite archive (last seven kept), once the start is over.
        QTimer.singleShot(self.BACKUP_DELAY_MS, self, self._start_daily_backup)

    def _start_daily_backup(self) -> None:
        from editor.app.backup import daily_backup_operation

        if self.ws is not None:
            self.runner.run(daily_backup_operation(self.ws), owner=self)

    def _attach_versions(self, workspace: Workspace) -> None:
        """The list's language column shows each row's language versions as badges."""
        from editor.app.translation import groups
        from editor.ui.article_list import LANGUAGE
        from editor.ui.translation.badges import LanguageBadgeDelegate

        self.list_view.setItemDelegateForColumn(LANGUAGE, LanguageBadgeDelegate(self.list_view))
        self.list_model.set_versions_source(lambda ids: groups.group_languages(workspace, ids))

    def _attach_search(self, workspace: Workspace) -> None:
        self.search_panel.attach(workspace, self.runner)
        self.saved_searches.attach(workspace, self.runner)
        self.bridge.changed.connect(self.saved_searches.on_change)
        self.search_panel.article_chosen.connect(self.open_article)
        self.search_panel.results_shown.connect(
            lambda _n: self.list_view.setHidden(bool(self.search_panel.field.text().strip()))
        )
        self.saved_searches.query_chosen.connect(self.search_panel.run_query)

    # ================================================================ a snapshot start

    def open_after_first_paint(self, open_workspace: Callable[[], Workspace | None]) -> None:
        """A snapshot start: open the archive once the window has painted (see
        :class:`~editor.ui.first_paint.SnapshotStart`)."""
        assert self._snapshot_start is not None, "the window did not start from a snapshot"
        self._snapshot_start.open_after_first_paint(open_workspace)

    def attach_workspace(self, workspace: Workspace) -> None:
        """Switch a snapshot-started window to the open archive, keeping what was done."""
        if self.ws is not None:
            raise RuntimeError("the window already has a workspace")
        preview = self._article
        self._article = None
        self._attach(workspace)
        picked = self.browser.selected_id()
        self.browser.apply_choices_made_meanwhile()
        if picked is not None and (preview is None or picked != preview.id):
            self.open_article(picked)  # a row clicked before the archive was open
        else:
            self._restore_last_article(shown=preview)
        if self.editor.current_tab() != WRITE_TAB:
            self._on_editor_tab_shown(self.editor.current_tab())  # a tab picked meanwhile
        QTimer.singleShot(0, self.browser.load_counts_once)
        self.refresh_actions()
        self._update_title()

    # ================================================================ building

    def _build_widgets(self, description: str) -> None:
        self.browser = ArticleBrowser(self)
        # The browser's widgets, by the names the rest of the window (and tests) use.
        self.sidebar, self.list_panel = self.browser.sidebar, self.browser.panel
        self.list_model, self.list_view = self.browser.model, self.browser.view
        self.trash_bar, self.quick_filter = self.browser.trash_bar, self.browser.quick_filter
        list_panel = self.list_panel
        # Full-text search above the list, saved searches under the sidebar's piles.
        self.search_panel, self.saved_searches = SearchPanel(), SavedSearchList()
        cast("QVBoxLayout", list_panel.layout()).insertWidget(0, self.search_panel, 0)
        cast("QVBoxLayout", self.sidebar.layout()).addWidget(self.saved_searches)

        self.editor = ArticleEditor(highlight=self.ws is not None)
        self.text_tools = TextTools(self.editor)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="main_splitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([170, 520, 600])
        self.setCentralWidget(self.splitter)

        self.metadata = MetadataPanel()
        self.metadata_dock = QDockWidget(self.tr("Metadata"), self, objectName="metadata_dock")
        self.metadata_dock.setWidget(self.metadata)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.metadata_dock)
        # Panels that follow the article: each built the first time it is shown.
        self.panels = PanelManager(self, self.editor)
        for spec in builtin_panels(self.editor):
            self.panels.add(spec, beside=self.metadata_dock)
        self.panels.add_dock("metadata", self.metadata_dock)
        self.related_dock = self.panels.dock("related")

        self.toolbar = QToolBar(
            self.tr("Main toolbar"), self, objectName="main_toolbar", movable=False
        )
        self.addToolBar(self.toolbar)

        self.distraction_free = DistractionFree(
            self,
            self.editor,
            [self.sidebar, self.list_panel, self.toolbar, self.metadata_dock],
            self._on_distraction_free_changed,
        )
        self._build_views()
        self.status = MainStatusBar(description, self)
        self.setStatusBar(self.status)
        self.resize(1280, 800)

    def _connect(self) -> None:
        self.bridge.changed.connect(self._on_bridge_changed)
        self.browser.follow(self.bridge)
        self.browser.article_picked.connect(self.open_article)
        self.browser.refreshed.connect(self.refresh_actions)
        self.editor.edited.connect(self._on_editor_edited)
        self.editor.tab_shown.connect(self._on_editor_tab_shown)
        self.metadata.edited.connect(self._on_metadata_edited)
        self.language_flags.draft_language_found.connect(self.metadata.adopt_language)
        self.metadata.status_requested.connect(self._on_metadata_status_requested)
        self.panels.panel_built.connect(self._on_panels_panel_built)

    # ================================================================ WindowActions

    def open_article(self, article_id: int) -> None:
        if self._article is not None and self._article.id == article_id:
            self.browser.select(article_id)
            return
        self.flush_autosave()
        assert self.ws is not None
        article = self._attempt(self.ws.articles.get, article_id)
        if article is not None:
            self._show_article(article)
            if not article.title and not article.deleted:
                self.editor.title.setFocus()  # a new article: start with its title

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
            if article is not None:
                self.autosave.track(article)  # later edits state the version shown here
        self.metadata.show_article(article)
        self.status.save_state.reset(article.updated_at if article else None)
        self.status.show_language(article.language if article else None)
        self.editing.count_words()
        if self.text_tools.preview_shown():
            self._update_preview()
        self.panels.show_article(article.id if article else None)
        self.browser.select(article.id if article else None)
        self.memory.remember_article(self.current_article_id())
        self._update_title()
        self.refresh_actions()

    def _update_title(self) -> None:
        if self._article is None:
            self.setWindowTitle("Newsdesk")
        else:
            self.setWindowTitle(f"{self._article.title or self.tr('Untitled')} — Newsdesk")

    # ================================================================ lazy panels

    def _on_panels_panel_built(self, name: str, panel: QWidget) -> None:
        if name == "history":
            cast("HistoryPanel", panel).revision_restored.connect(
                self._on_history_revision_restored
            )
        elif name == "related":
            cast("RelatedPanel", panel).open_article_requested.connect(self.open_article)
        elif name == "translation":
            cast("TranslationPanel", panel).article_rewritten.connect(
                self._on_translation_article_rewritten
            )

    def _on_translation_article_rewritten(self, article: Article) -> None:
        """The translation view stored segments: the editor shows the text they make."""
        if self._article is not None and self._article.id == article.id:
            self.show_saved_text(article)

    def _shown_language(self) -> str | None:
        """The open article's language as the metadata box shows it (maybe not saved yet)."""
        if self._article is None:
            return None
        chosen = self.metadata.language.currentData()
        return str(chosen) if chosen else self._article.language

    def _update_preview(self, *, now: bool = False) -> None:
        body = self.editor.body.toPlainText() if self._article is not None else ""
        self.text_tools.update_preview(body, now=now)

    # ================================================================ distraction-free

    def set_distraction_free(self, on: bool) -> None:
        self.distraction_free.set(on)

    def _on_distraction_free_changed(self, on: bool) -> None:
        if on:
            self.show_message(self.tr("Distraction-free mode: press Esc to leave."))
        self.leave_action.setEnabled(on)
        self.refresh_actions()

    # ================================================================ slots: editing

    def _on_editor_edited(self, changes: dict[str, Any]) -> None:
        if self._article is None or self._article.deleted:
            return
        self.editing.submit(self._article.id, changes)
        if "title" in changes:
            self.metadata.follow_title(changes["title"])
        if "body" in changes and self.text_tools.preview_shown():
            self._update_preview()

    def _on_metadata_edited(self, changes: dict[str, Any]) -> None:
        if self._article is None or self._article.deleted:
            return
        self.editing.submit(self._article.id, changes)
        if "language" in changes:
            self.status.show_language(changes["language"])
            self.language_flags.refresh()

    def _on_metadata_status_requested(self, target: Status) -> None:
        if self._article is None:
            return
        self.flush_autosave()
        if target in SITE_ACTIONS:
            # The site changes with these moves: the publish dialog checks, writes or
            # removes the pages, then records the status; until then the box shows
            # the status the article has.
            self.metadata.show_article(self._article)
            self.show_publish_dialog([self._article.id], SITE_ACTIONS[target])
            return
        assert self.ws is not None
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
            message = self.tr("Status: {status} (a revision was kept).")
            self.show_message(message.format(status=status_text(target.label)))

    def _on_editor_tab_shown(self, index: int) -> None:
        if index == PREVIEW_TAB:
            self._update_preview(now=True)
        self.editor.keep_focus()
        self.refresh_actions()

    def _on_history_revision_restored(self, article: Article) -> None:
        if self._article is not None and self._article.id == article.id:
            self.show_saved_text(article)  # undoable in the field like any edit
        self.show_message(
            self.tr("Revision restored; the text before it is kept as a revision too.")
        )

    def _on_failed(self, label: str, error: BaseException) -> None:
        """An operation failed and nobody else said so: the status bar does."""
        if isinstance(error, ConflictError):
            self._offer_reload(str(error))
        else:
            message = self.tr("{task} failed: {error}").format(
                task=label, error=describe_error(error)
            )
            self.show_message(message, error=True)

    # ================================================================ errors

    def _attempt(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run a use case; show what went wrong instead of crashing (None on failure)."""
        try:
            return use_case(*args, **kwargs)
        except ConflictError as exc:
            self._offer_reload(str(exc))
        except Exception as exc:  # the editor keeps working whatever a use case raises
            self.show_message(describe_error(exc), error=True)
        return None

    def _offer_reload(self, message: str) -> None:
        if dialogs.reload_after_conflict(self, message) and self._article is not None:
            article_id = self._article.id
            self._article = None
            self.open_article(article_id)

    # ================================================================ remembering

    def closeEvent(self, event: QCloseEvent) -> None:
        self.set_distraction_free(False)  # the next start shows the normal window
        if self.ws is None:  # closed before the archive was open: nothing to save
            if self._snapshot_start is not None:
                self._snapshot_start.closing = True
            self._remember_state()
            super().closeEvent(event)
            return
        self._remember_state()
        if not self.editing.close(timeout=10.0) and not dialogs.lose_unsaved_changes(self):
            event.ignore()
            return
        self.panels.shutdown()
        self.work.shutdown()  # cancels what runs and waits for it
        self.bridge.close()
        super().closeEvent(event)

    def _remember_state(self) -> None:
        editor = self.editor
        article_id = self.current_article_id()
        self.memory.remember(self, article_id, editor.cursor_position(), editor.current_tab())


# ==================================================================== helpers


def _builtin_registry() -> CommandRegistry:
    from editor.commands.builtin import register_builtin
    from editor.commands.registry import CommandRegistry

    registry = CommandRegistry()
    register_builtin(registry)
    return registry
