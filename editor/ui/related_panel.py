"""The "Related links" panel: what the selected article links to, and what it could.

Two lists follow the selected article:

- **Accepted**: the links its page will show, in this order (drag, Move up/down,
  Ctrl+Up/Down); pinned ones stay on top; Remove (Delete) forgets a link.
- **Suggestions**: what the archive offers, with the language, a bar for how
  close the match is and, in grey, why it was suggested.  Accept (Enter) or
  Reject (Delete), by button, context menu or keyboard.

"Add by search…" links any article by title.  Suggestions are computed on a
worker thread (the first time also the index, which may take a while on a big
archive) and refreshed a moment after the article is saved, never on the
keystroke path; results for an article that is no longer shown are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from editor.app.changes import (
    ArticleCreated,
    ArticleRestored,
    ArticleSaved,
    ArticlesImported,
    ArticleTrashed,
    Change,
    LinksDecided,
    StatusMoved,
)
from editor.app.related import RelatedSuggestion
from editor.core.article import ListQuery
from editor.core.links import RelatedChoice
from editor.ui.background import BackgroundJobs, Progress
from editor.ui.events import EventBridge

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LANGUAGE_ROLE = Qt.ItemDataRole.UserRole + 2
SCORE_ROLE = Qt.ItemDataRole.UserRole + 3
REASONS_ROLE = Qt.ItemDataRole.UserRole + 4
PINNED_ROLE = Qt.ItemDataRole.UserRole + 5
LINK_IDS_MIME = "application/x-newsdesk-related-ids"

SAVE_REFRESH_MS = 1500  # suggestions follow an edit once the editor pauses
DECISION_REFRESH_MS = 200  # after accept/reject, fill the freed slot soon
SEARCH_DELAY_MS = 200  # "add by search" queries when typing pauses
SEARCH_LIMIT = 20
SUGGESTION_COUNT = 8

# Events about other articles that can change what is suggested.
ARCHIVE_CHANGES = (ArticleCreated, ArticleTrashed, ArticleRestored, ArticlesImported)


@dataclass(frozen=True, slots=True)
class RelatedRow:
    """One row of either list."""

    id: int
    title: str
    language: str
    reasons: str = ""
    score: float | None = None  # suggestions only: 1.0 is the best match
    pinned: bool = False

    @classmethod
    def from_suggestion(cls, s: RelatedSuggestion) -> RelatedRow:
        return cls(s.id, s.title, s.language, s.reasons, s.score)

    @classmethod
    def from_choice(cls, c: RelatedChoice) -> RelatedRow:
        return cls(c.target_id, c.target_title, c.target_language, c.reasons, None, c.pinned)


# ==================================================================== models


class RelatedListModel(QAbstractListModel):
    """Rows of :class:`RelatedRow`, with custom roles for the delegate and tests."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RelatedRow] = []

    @property
    def rows(self) -> list[RelatedRow]:
        return list(self._rows)

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def set_rows(self, rows: Sequence[RelatedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> RelatedRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, article_id: int) -> int:
        """The row showing ``article_id``, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.id == article_id), -1)

    def remove_id(self, article_id: int) -> None:
        row = self.row_of(article_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title or "(untitled)"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row)
        return {
            ARTICLE_ID_ROLE: row.id,
            LANGUAGE_ROLE: row.language,
            SCORE_ROLE: row.score,
            REASONS_ROLE: row.reasons,
            PINNED_ROLE: row.pinned,
        }.get(role)


class AcceptedLinksModel(RelatedListModel):
    """The accepted links in page order; rows can be moved (drag and drop, buttons)."""

    order_changed = Signal(list)  # the ids in their new order

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [LINK_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [str(row.id) for i in indexes if (row := self.row_at(i)) is not None]
        data = QMimeData()
        data.setData(LINK_IDS_MIME, QByteArray(",".join(ids).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """A drop in this list moves the dragged link to where it was dropped.

        QListView usually moves rows through :meth:`moveRows` itself; this is
        the path when it hands the drop to the model instead.
        """
        if action != Qt.DropAction.MoveAction or not data.hasFormat(LINK_IDS_MIME):
            return False
        raw = bytes(data.data(LINK_IDS_MIME).data()).decode()
        ids = [int(part) for part in raw.split(",") if part.isdigit()]
        if len(ids) != 1 or (source := self.row_of(ids[0])) < 0:
            return False
        destination = len(self._rows) if row < 0 else row
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), destination)

    def moveRows(
        self,
        source_parent: QModelIndex | QPersistentModelIndex,
        source_row: int,
        count: int,
        destination_parent: QModelIndex | QPersistentModelIndex,
        destination_child: int,
    ) -> bool:
        """Move rows to before ``destination_child`` (what QListView's internal move asks)."""
        last = source_row + count - 1
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or count < 1
            or source_row < 0
            or last >= len(self._rows)
            or not 0 <= destination_child <= len(self._rows)
            or source_row <= destination_child <= last + 1  # onto itself: nothing to do
        ):
            return False
        self.beginMoveRows(QModelIndex(), source_row, last, QModelIndex(), destination_child)
        moving = self._rows[source_row : last + 1]
        rest = self._rows[:source_row] + self._rows[last + 1 :]
        at = destination_child if destination_child < source_row else destination_child - count
        self._rows = rest[:at] + moving + rest[at:]
        self.endMoveRows()
        self.order_changed.emit(self.ids())
        return True


def _tooltip(row: RelatedRow) -> str:
    lines = [row.title or "(untitled)", f"Language: {row.language or '?'}"]
    if row.score is not None:
        lines.append(f"Match: {round(row.score * 100)} % of the best suggestion")
    if row.reasons:
        lines.append(row.reasons)
    if row.pinned:
        lines.append("Pinned: stays at the top of the list")
    return "\n".join(lines)


# ==================================================================== drawing


class RelatedRowDelegate(QStyledItemDelegate):
    """Two lines: [LANG] title … score bar / pin; below, the reasons in small grey text."""

    PADDING = 4
    BAR_WIDTH = 36

    def _small_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        main = QFontMetrics(option.font).height()
        small = QFontMetrics(self._small_font(option)).height()
        return QSize(200, main + small + 3 * self.PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect: QRect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        main_height = QFontMetrics(option.font).height()
        painter.save()
        x = self._paint_language(painter, option, index, rect, main_height)
        right = self._paint_trailer(painter, option, index, rect, main_height, text_colour)
        painter.setPen(text_colour)
        painter.setFont(option.font)
        title_rect = QRect(x, rect.top(), max(0, right - x - self.PADDING), main_height)
        title = QFontMetrics(option.font).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)),
            Qt.TextElideMode.ElideRight,
            title_rect.width(),
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, title)
        self._paint_reasons(painter, option, index, rect, main_height, selected)
        painter.restore()

    def _paint_language(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        height: int,
    ) -> int:
        """The language badge at the left; returns where the title starts."""
        code = str(index.data(LANGUAGE_ROLE) or "?").upper()
        font = self._small_font(option)
        font.setBold(True)
        metrics = QFontMetrics(font)
        badge = QRect(rect.left(), rect.top(), metrics.horizontalAdvance(code) + 8, height)
        palette: QPalette = option.palette
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(badge, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Base))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, code)
        return badge.right() + 1 + self.PADDING

    def _paint_trailer(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        height: int,
        colour: QColor,
    ) -> int:
        """The score bar (suggestions) or the pin mark (accepted); returns where it starts."""
        score = index.data(SCORE_ROLE)
        if score is not None:
            bar = QRect(
                rect.right() - self.BAR_WIDTH, rect.top() + height // 2 - 3, self.BAR_WIDTH, 6
            )
            palette: QPalette = option.palette
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
            painter.drawRoundedRect(bar, 3, 3)
            filled = QRect(bar)
            filled.setWidth(round(bar.width() * min(1.0, max(0.0, float(score)))))
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            # On a selected row the highlight colour would vanish into the background.
            painter.setBrush(colour if selected else palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(filled, 3, 3)
            return bar.left()
        if index.data(PINNED_ROLE):
            font = self._small_font(option)
            text = "pinned"
            width = QFontMetrics(font).horizontalAdvance(text)
            area = QRect(rect.right() - width, rect.top(), width, height)
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(area, Qt.AlignmentFlag.AlignVCenter, text)
            return area.left()
        return rect.right()

    def _paint_reasons(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        main_height: int,
        selected: bool,
    ) -> None:
        reasons = str(index.data(REASONS_ROLE) or "")
        if not reasons:
            return
        font = self._small_font(option)
        palette: QPalette = option.palette
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        area = QRect(rect.left(), rect.top() + main_height + self.PADDING, rect.width(), 0)
        area.setBottom(rect.bottom())
        painter.setFont(font)
        painter.setPen(palette.color(role))
        elided = QFontMetrics(font).elidedText(reasons, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter, elided)


# ==================================================================== the panel


class _KeyActions(QObject):
    """Gives list views their own keys (Enter, Delete …) ahead of window shortcuts."""

    def __init__(self, view: QAbstractItemView, keys: dict[tuple[Qt.Key, bool], Callable]) -> None:
        super().__init__(view)
        self._keys = keys  # (key, with Ctrl) -> action
        view.installEventFilter(self)

    def _action(self, event: QKeyEvent) -> Callable | None:
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        return self._keys.get((Qt.Key(event.key()), ctrl))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._action(event) is not None:
                event.accept()  # the key is ours while the list has the focus
                return True
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._action(event)
            if action is not None:
                action()
                return True
        return False


class RelatedPanel(QWidget):
    """Related links of one article (see the module docstring).

    ``set_article(id | None)`` follows the selection; ``open_article_requested``
    asks the window to open an article (double-click on a row).  Call
    :meth:`shutdown` before the workspace is closed: it waits for the worker.
    """

    open_article_requested = Signal(int)
    suggestions_updated = Signal(int)  # the article whose suggestions are now shown
    links_changed = Signal(int)  # the article whose accepted links the editor changed

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        events: EventBridge | None = None,
        refresh_delay_ms: int = SAVE_REFRESH_MS,
        suggestion_count: int = SUGGESTION_COUNT,
        ui_language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setObjectName("related_panel")
        self.setWindowTitle("Related links")
        self._article_id: int | None = None
        self._generation = 0  # bumped per request; older results are stale
        self._refresh_delay_ms = refresh_delay_ms
        self._count = suggestion_count
        self._ui_language = ui_language
        self._shut_down = False

        self.jobs = BackgroundJobs(self)
        self.jobs.finished.connect(self._on_suggestions)
        self.jobs.failed.connect(self._on_suggestions_failed)
        self.jobs.progress.connect(self._on_progress)
        # A bridge of our own has no parent: the event bus holds it, not this widget.
        self._own_bridge = events is None
        self._bridge = events if events is not None else EventBridge(workspace.changes)
        self._bridge.changed.connect(self._on_event)
        if self._own_bridge:  # stop listening even if shutdown() is never called
            self.destroyed.connect(self._bridge.close)

        self._build()
        self._refresh_timer = QTimer(self, singleShot=True)
        self._refresh_timer.timeout.connect(self.refresh_suggestions)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self._show_article_state()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        self.status_label = QLabel(objectName="related_status", wordWrap=True)
        self.busy_bar = QProgressBar(objectName="related_busy", textVisible=False)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()

        self.accepted_model = AcceptedLinksModel(self)
        self.accepted_model.order_changed.connect(self._store_order)
        self.accepted_view = self._list_view("related_accepted")
        self.accepted_view.setModel(self.accepted_model)
        self.accepted_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.accepted_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.accepted_view.setDropIndicatorShown(True)
        self.accepted_view.setAccessibleName("Accepted related links, in page order")
        self.move_up_button = QPushButton("Move up", toolTip="Show this link earlier (Ctrl+Up)")
        self.move_down_button = QPushButton("Move down", toolTip="Show it later (Ctrl+Down)")
        self.pin_button = QPushButton("Pin", checkable=True, toolTip="Keep it at the top")
        self.remove_button = QPushButton("Remove", toolTip="Forget this link (Delete)")
        self.move_up_button.clicked.connect(lambda: self.move_current(-1))
        self.move_down_button.clicked.connect(lambda: self.move_current(1))
        self.pin_button.clicked.connect(self.set_current_pinned)
        self.remove_button.clicked.connect(self.remove_current)

        self.suggestion_model = RelatedListModel(self)
        self.suggestion_view = self._list_view("related_suggestions")
        self.suggestion_view.setModel(self.suggestion_model)
        self.suggestion_view.setAccessibleName("Suggested related links")
        self.accept_button = QPushButton("Accept", toolTip="Link this article (Enter)")
        self.reject_button = QPushButton("Reject", toolTip="Do not suggest it again (Delete)")
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(self.reject_current)

        self.search_field = QLineEdit(
            objectName="related_search",
            clearButtonEnabled=True,
            accessibleName="Search the archive for a link",
        )
        self.search_field.setPlaceholderText("Add by search…")
        self.search_field.setToolTip("Type part of a title, then pick the article to link")
        self.search_field.textEdited.connect(lambda _text: self._search_timer.start())
        self.search_field.returnPressed.connect(self._accept_single_match)
        self.completer = _search_completer(self.search_field)
        self.completer.activated[QModelIndex].connect(self._accept_completion)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(_heading("Accepted"))
        layout.addWidget(self.accepted_view, 2)
        layout.addLayout(
            _row(self.move_up_button, self.move_down_button, self.pin_button, self.remove_button)
        )
        layout.addWidget(_heading("Suggestions"))
        layout.addWidget(self.suggestion_view, 3)
        layout.addLayout(_row(self.accept_button, self.reject_button))
        layout.addWidget(self.search_field)

        self.accepted_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.suggestion_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.accepted_model.modelReset.connect(self._update_buttons)
        self.suggestion_model.modelReset.connect(self._update_buttons)
        self.suggestion_model.rowsRemoved.connect(self._update_buttons)
        _KeyActions(
            self.suggestion_view,
            {
                (Qt.Key.Key_Return, False): self.accept_current,
                (Qt.Key.Key_Enter, False): self.accept_current,
                (Qt.Key.Key_Delete, False): self.reject_current,
            },
        )
        _KeyActions(
            self.accepted_view,
            {
                (Qt.Key.Key_Delete, False): self.remove_current,
                (Qt.Key.Key_Up, True): lambda: self.move_current(-1),
                (Qt.Key.Key_Down, True): lambda: self.move_current(1),
                (Qt.Key.Key_Return, False): self._open_current_accepted,
                (Qt.Key.Key_Enter, False): self._open_current_accepted,
            },
        )
        self.accepted_view.customContextMenuRequested.connect(self._accepted_menu)
        self.suggestion_view.customContextMenuRequested.connect(self._suggestion_menu)

    def _list_view(self, name: str) -> QListView:
        view = QListView(objectName=name)
        view.setItemDelegate(RelatedRowDelegate(view))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setUniformItemSizes(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.doubleClicked.connect(self._open_index)
        return view

    # ---------------------------------------------------------------- following the article

    @property
    def article_id(self) -> int | None:
        return self._article_id

    @property
    def busy(self) -> bool:
        """True while suggestions are being computed."""
        return self.jobs.busy

    def set_article(self, article_id: int | None) -> None:
        """Show the links of ``article_id`` (None: nothing selected)."""
        if article_id == self._article_id:
            return
        self._article_id = article_id
        self._generation += 1  # whatever is still computing is for another article
        self._refresh_timer.stop()
        self.suggestion_model.set_rows([])
        self.search_field.clear()
        self._reload_accepted()
        self._show_article_state()
        if article_id is not None:
            self.refresh_suggestions()

    def refresh_suggestions(self) -> None:
        """Compute the suggestions for the shown article on the worker thread."""
        if self._article_id is None or self._shut_down:
            return
        self._refresh_timer.stop()
        self._generation += 1
        token = (self._generation, self._article_id)
        article_id, related = self._article_id, self.ws.related
        building = not related.is_built
        top, language, is_cancelled = self._count, self._ui_language, self.jobs.is_cancelled
        generation = self._generation

        def compute(progress: Progress) -> list[RelatedSuggestion] | None:
            if generation != self._generation:
                return None  # superseded while it waited in the queue: skip the work
            if not related.is_built:
                related.rebuild(progress=progress, is_cancelled=is_cancelled)
            return related.suggest(article_id, top=top, ui_language=language)

        self._set_busy(
            "Building the related-links index…" if building else "Finding related articles…"
        )
        self.jobs.submit(token, compute)

    def schedule_refresh(self, delay_ms: int | None = None) -> None:
        """Refresh the suggestions after ``delay_ms`` (restarts a pending wait)."""
        if self._article_id is None:
            return
        self._refresh_timer.setInterval(self._refresh_delay_ms if delay_ms is None else delay_ms)
        self._refresh_timer.start()

    def shutdown(self) -> None:
        """Stop listening and wait for the worker (call before the workspace closes)."""
        if self._shut_down:
            return
        self._shut_down = True
        self._refresh_timer.stop()
        self._search_timer.stop()
        if self._own_bridge:
            self._bridge.close()
        self._bridge.changed.disconnect(self._on_event)
        self.jobs.shutdown()

    # ---------------------------------------------------------------- worker results

    def _on_suggestions(self, token: object, result: object) -> None:
        generation, article_id = token
        if generation != self._generation or article_id != self._article_id:
            return  # a newer request (or another article) supersedes this one
        assert isinstance(result, list)
        accepted = set(self.accepted_model.ids())
        rows = [RelatedRow.from_suggestion(s) for s in result if s.id not in accepted]
        current = self._current_id(self.suggestion_view)
        self.suggestion_model.set_rows(rows)
        self._select_id(self.suggestion_view, current)
        self._set_idle(
            "" if rows else "No suggestions: the archive has nothing close to this article yet."
        )
        self.suggestions_updated.emit(article_id)

    def _on_suggestions_failed(self, token: object, error: object) -> None:
        generation, _article_id = token
        if generation != self._generation or self._shut_down:
            return
        self._set_idle(f"Suggestions could not be computed: {error}")

    def _on_progress(self, token: object, done: int, total: int) -> None:
        generation, _article_id = token
        if generation == self._generation and total > 0:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)

    def _set_busy(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.show()
        self.busy_bar.setRange(0, 0)  # "busy" until the build reports progress
        self.busy_bar.show()

    def _set_idle(self, message: str) -> None:
        self.busy_bar.hide()
        self.status_label.setText(message)
        self.status_label.setVisible(bool(message))

    # ---------------------------------------------------------------- workspace events

    def _on_event(self, change: Change) -> None:
        current = self._article_id
        if current is None or self._shut_down:
            return
        if isinstance(change, LinksDecided) and change.article_id == current:
            self._reload_accepted()
            self.schedule_refresh(DECISION_REFRESH_MS)
        elif isinstance(change, ArticleSaved | StatusMoved):
            if change.article_id == current:
                self.schedule_refresh()
            elif change.article_id in self.accepted_model.ids():
                self._reload_accepted()  # a linked title may have changed
            elif change.article_id in self.suggestion_model.ids():
                self.schedule_refresh()
        elif isinstance(change, ARCHIVE_CHANGES):
            self.schedule_refresh()

    # ---------------------------------------------------------------- decisions

    def _reload_accepted(self) -> None:
        if self._article_id is None:
            self.accepted_model.set_rows([])
            return
        current = self._current_id(self.accepted_view)
        choices = self.ws.related.accepted(self._article_id)
        self.accepted_model.set_rows([RelatedRow.from_choice(c) for c in choices])
        self._select_id(self.accepted_view, current)

    def _decide(self, change: Callable[[int], None]) -> bool:
        """Store a decision for the shown article; a failure is shown, not raised."""
        if self._article_id is None:
            return False
        try:
            change(self._article_id)
        except Exception as error:  # a deleted article, a self-link: tell the editor
            self._set_idle(f"Could not change the related links: {error}")
            return False
        self.links_changed.emit(self._article_id)
        return True

    def accept(self, target_id: int, reasons: str = "") -> bool:
        """Link ``target_id`` (at the end of the accepted list)."""
        ok = self._decide(lambda aid: self.ws.related.accept(aid, target_id, reasons=reasons))
        if ok:
            self.suggestion_model.remove_id(target_id)
            self._reload_accepted()
            self._select_id(self.accepted_view, target_id)
        return ok

    def reject(self, target_id: int) -> bool:
        ok = self._decide(lambda aid: self.ws.related.reject(aid, target_id))
        if ok:
            self.suggestion_model.remove_id(target_id)
        return ok

    def accept_current(self) -> None:
        row = self.suggestion_model.row_at(self.suggestion_view.currentIndex())
        if row is not None:
            self.accept(row.id, row.reasons)

    def reject_current(self) -> None:
        row = self.suggestion_model.row_at(self.suggestion_view.currentIndex())
        if row is not None:
            self.reject(row.id)

    def remove_current(self) -> None:
        row = self.accepted_model.row_at(self.accepted_view.currentIndex())
        if row is not None and self._decide(lambda aid: self.ws.related.forget(aid, row.id)):
            self._reload_accepted()

    def set_current_pinned(self, pinned: bool) -> None:
        row = self.accepted_model.row_at(self.accepted_view.currentIndex())
        if row is not None and self._decide(
            lambda aid: self.ws.related.set_pinned(aid, row.id, pinned)
        ):
            self._reload_accepted()

    def move_current(self, step: int) -> None:
        """Move the selected accepted link ``step`` places (-1 up, 1 down)."""
        row = self.accepted_view.currentIndex().row()
        target = row + step
        if row < 0 or not 0 <= target < self.accepted_model.rowCount():
            return
        # moveRows wants the row it lands *before*; moving down skips past the next row.
        self.accepted_model.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (step > 0))

    def _store_order(self, ordered_ids: list[int]) -> None:
        moved = self._current_id(self.accepted_view)
        self._decide(lambda aid: self.ws.related.reorder(aid, ordered_ids))
        self._reload_accepted()  # pinned links stay on top: show what was stored
        self._select_id(self.accepted_view, moved)

    # ---------------------------------------------------------------- add by search

    def _run_search(self) -> None:
        text = self.search_field.text().strip()
        model = self.completer.model()
        assert isinstance(model, _CompletionModel)
        if not text or self._article_id is None:
            model.set_rows([])
            return
        excluded = {self._article_id, *self.accepted_model.ids()}
        found = self.ws.articles.list(ListQuery(text=text, limit=SEARCH_LIMIT + len(excluded)))
        rows = [
            RelatedRow(a.id, a.title, a.language, reasons=a.status.label)
            for a in found
            if a.id not in excluded
        ][:SEARCH_LIMIT]
        model.set_rows(rows)
        if rows and self.search_field.hasFocus():
            self.completer.complete()

    def search_results(self) -> list[RelatedRow]:
        """What "Add by search…" currently offers."""
        model = self.completer.model()
        assert isinstance(model, _CompletionModel)
        return model.rows

    def _accept_completion(self, index: QModelIndex) -> None:
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None and self.accept(int(article_id)):
            self.search_field.clear()
            self.completer.popup().hide()

    def _accept_single_match(self) -> None:
        rows = self.search_results()
        if len(rows) == 1 and self.accept(rows[0].id):
            self.search_field.clear()

    # ---------------------------------------------------------------- menus, opening, state

    def _open_index(self, index: QModelIndex) -> None:
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self.open_article_requested.emit(int(article_id))

    def _open_current_accepted(self) -> None:
        self._open_index(self.accepted_view.currentIndex())

    def _suggestion_menu(self, pos: QPoint) -> None:
        index = self.suggestion_view.indexAt(pos)
        if not index.isValid():
            return
        self.suggestion_view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction("Accept\tEnter", self.accept_current)
        menu.addAction("Reject\tDel", self.reject_current)
        menu.addSeparator()
        menu.addAction("Open", lambda: self._open_index(index))
        menu.exec(self.suggestion_view.viewport().mapToGlobal(pos))

    def _accepted_menu(self, pos: QPoint) -> None:
        index = self.accepted_view.indexAt(pos)
        row = self.accepted_model.row_at(index)
        if row is None:
            return
        self.accepted_view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction("Move up\tCtrl+Up", lambda: self.move_current(-1))
        menu.addAction("Move down\tCtrl+Down", lambda: self.move_current(1))
        menu.addAction(
            "Unpin" if row.pinned else "Pin", lambda: self.set_current_pinned(not row.pinned)
        )
        menu.addAction("Remove\tDel", self.remove_current)
        menu.addSeparator()
        menu.addAction("Open", lambda: self._open_index(index))
        menu.exec(self.accepted_view.viewport().mapToGlobal(pos))

    def _show_article_state(self) -> None:
        has_article = self._article_id is not None
        for widget in (self.accepted_view, self.suggestion_view, self.search_field):
            widget.setEnabled(has_article)
        if not has_article:
            self._set_idle("Select an article to see its related links.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        accepted = self.accepted_model.row_at(self.accepted_view.currentIndex())
        row = self.accepted_view.currentIndex().row()
        self.move_up_button.setEnabled(accepted is not None and row > 0)
        self.move_down_button.setEnabled(
            accepted is not None and row < self.accepted_model.rowCount() - 1
        )
        self.pin_button.setEnabled(accepted is not None)
        self.pin_button.setChecked(accepted is not None and accepted.pinned)
        self.remove_button.setEnabled(accepted is not None)
        suggestion = self.suggestion_model.row_at(self.suggestion_view.currentIndex())
        self.accept_button.setEnabled(suggestion is not None)
        self.reject_button.setEnabled(suggestion is not None)

    def _current_id(self, view: QListView) -> int | None:
        model = view.model()
        assert isinstance(model, RelatedListModel)
        row = model.row_at(view.currentIndex())
        return row.id if row else None

    def _select_id(self, view: QListView, article_id: int | None) -> None:
        model = view.model()
        assert isinstance(model, RelatedListModel)
        row = model.row_of(article_id) if article_id is not None else -1
        if row >= 0:
            view.setCurrentIndex(model.index(row))
        self._update_buttons()


class _CompletionModel(RelatedListModel):
    """The completer's rows: "Title" shown, language and status in the second line."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index)
        if row is not None and role == Qt.ItemDataRole.DisplayRole:
            return f"{row.title or '(untitled)'}  [{row.language} · {row.reasons}]"
        return super().data(index, role)


def _search_completer(field: QLineEdit) -> QCompleter:
    # The rows come from the archive query (title, author, external id), so the
    # completer shows them as they are instead of filtering by prefix again.
    completer = QCompleter(_CompletionModel(field), field)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setMaxVisibleItems(10)
    completer.setWidget(field)  # not setCompleter: the field must not rewrite its text
    return completer


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _row(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout
