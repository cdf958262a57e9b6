"""The features that join the window once the archive is open: the search field and
saved searches, entity tools, language badges in the list, paragraph-language flags
and the daily backup.

A mixin of :class:`~editor.ui.main_window.MainWindow` (like
:class:`~editor.ui.following.FollowsTheArchive`), so that the window's own class keeps
to layout and wiring and a new capability plugs in here.  The parts it uses are listed
below; MainWindow builds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.ui.article_editor import ArticleEditor
    from editor.ui.article_list import ArticleListModel
    from editor.ui.events import EventBridge
    from editor.ui.main_window import MainWindow
    from editor.ui.metadata import MetadataPanel
    from editor.ui.runner import Runner
    from editor.ui.search import SavedSearchList, SearchPanel

if TYPE_CHECKING:  # the mixin is always part of a QMainWindow (MainWindow)
    from PySide6.QtWidgets import QMainWindow as _WindowBase
    from PySide6.QtWidgets import QTableView
else:
    _WindowBase = object


class AttachesFeatures(_WindowBase):
    # The daily backup waits this long after the archive opened: the start comes first.
    BACKUP_DELAY_MS = 20_000

    # The window's parts this uses (MainWindow builds them).
    ws: Workspace | None
    runner: Runner
    bridge: EventBridge
    editor: ArticleEditor
    metadata: MetadataPanel
    list_model: ArticleListModel
    list_view: QTableView
    search_panel: SearchPanel
    saved_searches: SavedSearchList

    if TYPE_CHECKING:  # the window's own methods this calls (stubs for the type checker)

        def open_article(self, article_id: int) -> None: ...

        def _shown_language(self) -> str | None: ...

        def current_article_id(self) -> int | None: ...

    def _attach_features(self, workspace: Workspace) -> None:
        self._attach_search(workspace)
        from editor.ui.entities.window import EntityTools

        # Tags panel marks, list filter, dialogs.
        self.entity_tools = EntityTools(cast("MainWindow", self))
        self._attach_versions(workspace)
        from editor.ui.translation.paragraph_flags import ParagraphLanguageFlags

        # A paragraph in another language than the article's is flagged, off the keystroke path.
        self.language_flags = ParagraphLanguageFlags(
            self.editor.body, self.runner, workspace, self._shown_language, self.current_article_id
        )
        # A new draft takes the language its text reads as (once; never over a choice).
        self.language_flags.draft_language_found.connect(self.metadata.adopt_language)
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
