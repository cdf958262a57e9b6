"""The article list: a lazy table model over ``articles.list(ListQuery)``.

Only one page (``PAGE_SIZE`` rows) is read at a time; the view asks for more
through ``canFetchMore``/``fetchMore`` when it scrolls near the end, so an
archive of 100 000 articles opens as fast as one of ten.  Sorting and
filtering are done by SQL (a new :class:`ListQuery`), never in Python.

At start-up the model may show rows read without the service (the store's
snapshot, see :meth:`ArticleListModel.show_rows`) until :meth:`set_service`
gives it one; a sort or filter asked for meanwhile is applied then.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from editor.core.article import ArticleSummary, ListQuery
from editor.ui.formatting import date_time_text, relative_time
from editor.ui.i18n import QT_TRANSLATE_NOOP, status_text
from editor.ui.icons import status_icon

if TYPE_CHECKING:
    from editor.app.articles import ArticleService

PAGE_SIZE = 200

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclasses.dataclass(frozen=True)
class Column:
    key: str  # the ListQuery.order_by name
    title: str


COLUMNS: tuple[Column, ...] = (
    Column("title", QT_TRANSLATE_NOOP("ArticleListModel", "Title")),
    Column("language", QT_TRANSLATE_NOOP("ArticleListModel", "Lang.")),
    Column("status", QT_TRANSLATE_NOOP("ArticleListModel", "Status")),
    Column("author", QT_TRANSLATE_NOOP("ArticleListModel", "Author")),
    Column("updated_at", QT_TRANSLATE_NOOP("ArticleListModel", "Updated")),
)
TITLE, LANGUAGE, STATUS, AUTHOR, UPDATED = range(len(COLUMNS))

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# On the language column: (the group's languages, the row's own) when it has versions.
VERSIONS_ROLE = Qt.ItemDataRole.UserRole + 2
# The languages of each article's translation group, for a page of ids (one query).
VersionsSource = Callable[[list[int]], dict[int, tuple[str, ...]]]


class ArticleListModel(QAbstractTableModel):
    def __init__(self, articles: ArticleService | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._articles = articles
        self._stale = False  # a reload was wanted while there was no service to ask
        self._counted = True  # False while _total is only the rows shown so far
        self._query = ListQuery(limit=PAGE_SIZE)
        self._rows: list[ArticleSummary] = []
        self._total = 0
        self._now = datetime.now(UTC)  # "2 min" is relative to the last refresh
        self._relative_now: datetime | None = None
        self._relative_cache: dict[datetime, str] = {}
        self._versions_source: VersionsSource | None = None
        self._versions: dict[int, tuple[str, ...]] = {}

    # ------------------------------------------------------------ the query

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many articles match the filter (loaded or not)."""
        return self._total

    def set_filter(self, **changes: Any) -> None:
        """Change status/language/text/trashed and reload from the first page."""
        query = dataclasses.replace(self._query, **changes)
        if query != self._query:
            self._query = query
            self.reload()

    def show_rows(self, rows: Sequence[ArticleSummary]) -> None:
        """Show rows read elsewhere (the first page of the current query) before a service;
        they are counted once there is one."""
        self.beginResetModel()
        self._now = datetime.now(UTC)
        self._rows = list(rows)
        self._total = len(self._rows)
        self._counted = False
        self.endResetModel()

    def set_versions_source(self, source: VersionsSource) -> None:
        """Show each row's language versions ("DE · EN"), read per page through `source`."""
        self._versions_source = source
        self._versions = source([r.id for r in self._rows]) if self._rows else {}

    def _read_versions(self, rows: Sequence[ArticleSummary]) -> None:
        if self._versions_source is not None and rows:
            self._versions.update(self._versions_source([r.id for r in rows]))

    def versions(self, article_id: int) -> tuple[str, ...]:
        """The languages of the article's group (empty when it has no other version)."""
        found = self._versions.get(article_id, ())
        return found if len(found) > 1 else ()

    def set_service(self, articles: ArticleService) -> None:
        """Read through ``articles`` from now on; the rows shown stay unless the query changed."""
        self._articles = articles
        if self._stale:
            self._stale = False
            self.reload()
        elif not self._counted:
            count_query = dataclasses.replace(self._query, offset=0, limit=None)
            self._total = max(self._articles.count(count_query), len(self._rows))
            self._counted = True

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Read the first page again (or as many rows as are loaded, up to a limit)."""
        if self._articles is None:
            self._stale = True
            return
        wanted = PAGE_SIZE
        if keep_loaded:
            wanted = max(PAGE_SIZE, min(len(self._rows), 10 * PAGE_SIZE))
        count_query = dataclasses.replace(self._query, offset=0, limit=None)
        self.beginResetModel()
        self._now = datetime.now(UTC)
        self._total = self._articles.count(count_query)
        self._counted = True
        self._rows = self._articles.list(dataclasses.replace(self._query, offset=0, limit=wanted))
        self._versions = {}
        self._read_versions(self._rows)
        self.endResetModel()

    def refresh_times(self) -> None:
        """Let "2 min" become "3 min" without reading anything again."""
        self._now = datetime.now(UTC)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(
                self.index(0, UPDATED), self.index(last, UPDATED), [Qt.ItemDataRole.DisplayRole]
            )

    # ------------------------------------------------------------ lazy loading

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if self._articles is None:
            return False  # the next page waits for the archive to be open
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._articles is None:
            return
        page = self._articles.list(
            dataclasses.replace(self._query, offset=len(self._rows), limit=PAGE_SIZE)
        )
        if not page:
            self._total = len(self._rows)  # the archive shrank meanwhile
            return
        first = len(self._rows)
        self._read_versions(page)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # ------------------------------------------------------------ rows by id

    def summary(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == article_id:
                return row
        return None

    def replace_summary(self, summary: ArticleSummary) -> bool:
        """Show an edited article's new title etc. in place (no jump while typing)."""
        row = self.row_of(summary.id)
        if row is None:
            return False
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section].title)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == ARTICLE_ID_ROLE:
            return summary.id
        if role == VERSIONS_ROLE and column == LANGUAGE:
            versions = self.versions(summary.id)
            return (versions, summary.language) if versions else None
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return status_icon(summary.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return QColor(summary.status.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary, column)
        return None

    def _display(self, summary: ArticleSummary, column: int) -> str:
        if column == TITLE:
            return summary.title or self.tr("(untitled)")
        if column == LANGUAGE:
            versions = self.versions(summary.id)
            return " · ".join(v.upper() for v in versions) if versions else summary.language
        if column == STATUS:
            return status_text(summary.status.label)
        if column == AUTHOR:
            return summary.author
        return self._relative_time(summary.updated_at)

    def _relative_time(self, when: datetime) -> str:
        # A repaint asks for every visible row again; formatting a time costs
        # time-zone work, so each distinct time is formatted once per "now".
        if self._relative_now is not self._now:
            self._relative_now = self._now
            self._relative_cache.clear()
        text = self._relative_cache.get(when)
        if text is None:
            text = self._relative_cache[when] = relative_time(when, self._now)
        return text

    def _tooltip(self, summary: ArticleSummary, column: int) -> str | None:
        if column == UPDATED:
            return date_time_text(summary.updated_at)
        if column == TITLE:
            return summary.title or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        key = COLUMNS[column].key
        if (key, descending) != (self._query.order_by, self._query.descending):
            self._query = dataclasses.replace(self._query, order_by=key, descending=descending)
            self.reload()
