"""The window's left side: piles and languages, the quick filter, the article list.

:class:`ArticleBrowser` owns those widgets (the window only places them) and
their behaviour: filtering, refreshing the list after a burst of changes, the
sidebar's counts, keeping the open article selected, and the trash bar, whose
buttons run the Trash commands.  It reports a row the editor picked through
:attr:`ArticleBrowser.article_picked`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.core.workflow import Status
from editor.ui.article_list import (
    ARTICLE_ID_ROLE,
    AUTHOR,
    LANGUAGE,
    STATUS,
    UPDATED,
    ArticleListModel,
)
from editor.ui.formatting import relative_time
from editor.ui.i18n import status_text
from editor.ui.sidebar import Sidebar

if TYPE_CHECKING:
    from editor.app.articles import ArticleService
    from editor.app.changes import Change
    from editor.ui.events import EventBridge

FILTER_DELAY_MS = 250  # the quick filter queries after typing pauses
REFRESH_DELAY_MS = 150  # bursts of events (an import) refresh the list once
CLOCK_MS = 60_000  # "2 min" ages in the list

# Runs a use case and reports what went wrong instead of raising (None on failure).
Attempt = Callable[..., Any]


class TrashBar(QWidget):
    """Shown above the list while the trash is shown."""

    def __init__(self) -> None:
        super().__init__(objectName="trash_bar")
        self.restore = QPushButton(self.tr("Restore"), objectName="trash_restore")
        self.empty = QPushButton(self.tr("Empty Trash…"), objectName="trash_empty")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addStretch(1)
        layout.addWidget(self.restore)
        layout.addWidget(self.empty)

    def update_count(self, count: int) -> None:
        self.empty.setEnabled(count > 0)
        self.restore.setEnabled(count > 0)


class ArticleBrowser(QObject):
    article_picked = Signal(int)  # the editor picked a row of the list
    refreshed = Signal()  # the list was read again after changes

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.sidebar = Sidebar()
        self.model = ArticleListModel(None, self)  # the service comes with attach()
        self.view = article_table(self.model)
        self.trash_bar = TrashBar()
        self.trash_bar.hide()
        self.panel = QWidget(objectName="list_panel")
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.trash_bar)
        layout.addWidget(self.view)
        self.quick_filter = QLineEdit(
            objectName="quick_filter",
            clearButtonEnabled=True,
            accessibleName=self.tr("Filter articles"),
        )
        self.quick_filter.setPlaceholderText(self.tr("Filter articles…"))
        self.quick_filter.setMaximumWidth(280)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._clock_timer = QTimer(self, interval=CLOCK_MS)
        self._clock_timer.timeout.connect(self.model.refresh_times)
        self._clock_timer.start()
        self._articles: ArticleService | None = None
        self._attempt: Attempt = _raise
        self._current: int | None = None  # the article open in the window
        self._selecting = False  # the browser itself moves the list's selection
        self._counts_loaded = False

    def attach(
        self,
        articles: ArticleService,
        attempt: Attempt,
        trash_commands: tuple[Callable[[], None], Callable[[], None]],
    ) -> None:
        """The archive is open: read through ``articles``, report through ``attempt``;
        the trash bar's buttons run ``trash_commands`` (restore, empty)."""
        self._articles = articles
        self._attempt = attempt
        self.model.set_service(articles)
        self.sidebar.filter_changed.connect(self.apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.quick_filter.textChanged.connect(lambda _text: self._filter_timer.start())
        self._filter_timer.timeout.connect(self.apply_filter)
        self._refresh_timer.timeout.connect(self._refresh)
        restore, empty = trash_commands
        self.trash_bar.restore.clicked.connect(restore)
        self.trash_bar.empty.clicked.connect(empty)

    def follow(self, bridge: EventBridge) -> None:
        """Keep the list and the counts up to date with the change notices."""
        bridge.changed.connect(self._on_change)

    def _on_change(self, notice: Change) -> None:
        # Imported here, not before the first paint: making the change events' dataclasses
        # takes a while, and a fast start paints before any change can come.
        from editor.app.changes import MEMBERSHIP_CHANGES, ArticleSaved, StatusMoved, TrashEmptied

        if isinstance(notice, ArticleSaved):
            # The notice carries the saved article: its row is updated, nothing read.
            row = self.model.row_of(notice.article_id)
            old = self.model.summary(row) if row is not None else None
            self.model.replace_summary(notice.article.summary())
            if old is not None and old.language != notice.article.language:
                self.refresh_counts()
        elif isinstance(notice, (*MEMBERSHIP_CHANGES, StatusMoved, TrashEmptied)):
            self.refresh_soon()  # the list is read again (a save updates its row in place)

    # ------------------------------------------------------------ the list

    def select(self, article_id: int | None) -> None:
        """Show ``article_id`` as the open article (None: no row)."""
        self._current = article_id
        row = self.model.row_of(article_id) if article_id is not None else None
        self._selecting = True
        try:
            if row is None:
                self.view.clearSelection()
                self.view.selectionModel().clearCurrentIndex()
            else:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
        finally:
            self._selecting = False

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        value = index.data(ARTICLE_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else self._current

    def refresh_soon(self) -> None:
        """Read the list and the counts again, once a burst of changes is over."""
        self._refresh_timer.start()

    def apply_filter(self) -> None:
        query = dict(self.sidebar.list_filter(), text=self.quick_filter.text().strip())
        self.trash_bar.setVisible(query["trashed"])
        self._attempt(self.model.set_filter, **query)
        self.trash_bar.update_count(self.model.total)

    def apply_choices_made_meanwhile(self) -> None:
        """A pile, language or quick-filter text chosen before the archive was open."""
        default = {"status": None, "trashed": False, "language": None}
        if self.sidebar.list_filter() != default or self.quick_filter.text().strip():
            self.apply_filter()

    # ------------------------------------------------------------ the sidebar's counts

    def load_counts_once(self) -> None:
        """The counts scan the whole archive: filled in once, after the first paint."""
        if not self._counts_loaded and self._articles is not None:
            self._counts_loaded = True
            self.refresh_counts()

    def refresh_counts(self) -> None:
        if self._articles is None:
            return
        counts = self._attempt(self._articles.counts_by_status)
        languages = self._attempt(self._articles.languages)
        if counts is not None and languages is not None:
            self.sidebar.set_counts(counts, languages)

    # ------------------------------------------------------------ slots

    def _refresh(self) -> None:
        self._attempt(self.model.reload, keep_loaded=True)
        self.refresh_counts()
        self.refreshed.emit()

    def _on_current_row_changed(self, current: QModelIndex, _previous: Any) -> None:
        if self._selecting or not current.isValid():
            return
        article_id = current.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self.article_picked.emit(int(article_id))

    def _on_model_reset(self) -> None:
        if self._current is not None:
            self.select(self._current)
        self.trash_bar.update_count(self.model.total)


def article_table(model: ArticleListModel) -> QTableView:
    view = QTableView(objectName="article_list")
    view.setAccessibleName(QCoreApplication.translate("ArticleBrowser", "Articles"))
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
    widest_status = max((status_text(s.label) for s in Status), key=metrics.horizontalAdvance)
    samples = {
        LANGUAGE: (model.headerData(LANGUAGE, Qt.Orientation.Horizontal), 20),
        STATUS: (widest_status, 40),
        AUTHOR: ("Firstname L.", 16),
    }
    samples[UPDATED] = (relative_time(datetime.now(UTC) - timedelta(days=1)), 16)
    header_metrics = header.fontMetrics()  # a German title ("Geändert") may be the widest
    for column, (sample, margin) in samples.items():  # margin: sort arrow, status icon
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max(
            metrics.horizontalAdvance(sample) + margin,
            header_metrics.horizontalAdvance(title) + 24,  # the title and its sort arrow
        )
        header.resizeSection(column, width)
    header.setSortIndicator(UPDATED, Qt.SortOrder.DescendingOrder)
    view.setSortingEnabled(True)
    return view


def _raise(use_case: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    return use_case(*args, **kwargs)
