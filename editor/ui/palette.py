"""The command palette: type to find any command or article, Enter to run or open it.

A frameless overlay child of the main window, centred near its top (like the
palettes of code editors), rather than a separate top-level popup: it moves and
resizes with the window and stays out of the window manager's way.  Opened by
``view.palette`` (Ctrl+K, Ctrl+Shift+P), closed by Esc, by running something,
or by clicking elsewhere.

What it lists comes from :func:`editor.commands.search.search`; ">" limits
the search to commands, "#" to articles.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QHideEvent, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from editor.app.operations import Operation
from editor.commands.context import CommandContext
from editor.commands.registry import CommandRegistry
from editor.commands.search import SearchResult, search
from editor.commands.title_index import title_index_for
from editor.ui.i18n import QT_TRANSLATE_NOOP

PLACEHOLDER = QT_TRANSLATE_NOOP("CommandPalette", "Search for a command to run…")
NOTHING_FOUND = QT_TRANSLATE_NOOP("CommandPalette", "No matching command or article")
WIDTH = 620  # the palette's width when the window is wide enough
MARGIN = 12  # from the window's edges
VISIBLE_ROWS = 10
SEARCH_DELAY_MS = 60  # coalesces fast typing; article search hits the database

ResultRole = Qt.ItemDataRole.UserRole + 1  # the SearchResult itself
KindRole = Qt.ItemDataRole.UserRole + 2  # "command" or "article"
DetailRole = Qt.ItemDataRole.UserRole + 3  # category, or language and status
ShortcutRole = Qt.ItemDataRole.UserRole + 4  # shortcut as the platform writes it, or ""

_PALETTE_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Escape,
    }
)
_KEYPAD = Qt.KeyboardModifier.KeypadModifier

Searcher = Callable[[str, CommandRegistry, CommandContext], list[SearchResult]]
AnyIndex = QModelIndex | QPersistentModelIndex


def translated_search(
    query: str, registry: CommandRegistry, ctx: CommandContext
) -> list[SearchResult]:
    """:func:`search` with titles, categories and statuses in the interface's language
    (typed German finds German titles; the English ones are found too)."""
    return search(query, registry, ctx, translate=QCoreApplication.translate)


def native_shortcut(shortcut: str | None) -> str:
    if not shortcut:
        return ""
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


class PaletteModel(QAbstractListModel):
    """The current results, one row each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[SearchResult] = []

    def set_results(self, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def result(self, row: int) -> SearchResult:
        return self._results[row]

    def results(self) -> list[SearchResult]:
        return list(self._results)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._results):
            return None
        result = self._results[index.row()]
        if result.kind == "entity" and role in (Qt.ItemDataRole.DisplayRole, DetailRole):
            return _entity_text(result, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return result.title
        if role == Qt.ItemDataRole.ToolTipRole:
            shortcut = native_shortcut(result.shortcut)
            return f"{result.title} ({shortcut})" if shortcut else result.title
        if role == ResultRole:
            return result
        if role == KindRole:
            return result.kind
        if role == DetailRole:
            return result.detail
        if role == ShortcutRole:
            return native_shortcut(result.shortcut)
        return None


def _entity_text(result: SearchResult, role: int) -> str:
    from editor.ui.entities.kinds import kind_label

    if role == DetailRole:
        return kind_label(result.detail)
    return QCoreApplication.translate("CommandPalette", "Show articles tagged “%1”").replace(
        "%1", result.title
    )


class PaletteDelegate(QStyledItemDelegate):
    """Title on the left, category (or language · status) after it in a quieter colour,
    the shortcut on the right."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        height = option.fontMetrics.height() + 2 * self.PADDING
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(group, text_role)
        quiet = QColor(text_colour)
        quiet.setAlphaF(0.6)

        rect = option.rect.adjusted(self.PADDING + 4, 0, -self.PADDING - 4, 0)
        metrics = option.fontMetrics
        painter.save()
        shortcut = index.data(ShortcutRole) or ""
        if shortcut:
            painter.setPen(quiet)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shortcut
            )
            rect.setRight(rect.right() - metrics.horizontalAdvance(shortcut) - 2 * self.PADDING)

        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if index.data(KindRole) == "article":
            title = f"↗ {title}"
        detail = index.data(DetailRole) or ""
        title_width = min(metrics.horizontalAdvance(title), rect.width())
        painter.setPen(text_colour)
        painter.drawText(
            QRect(rect.left(), rect.top(), title_width, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        detail_rect = rect.adjusted(title_width + 2 * self.PADDING, 0, 0, 0)
        if detail and detail_rect.width() > 0:
            painter.setPen(quiet)
            painter.drawText(
                detail_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(detail, Qt.TextElideMode.ElideRight, detail_rect.width()),
            )
        painter.restore()


class CommandPalette(QFrame):
    """The palette overlay.  ``parent`` is the main window it floats over.

    Signals tell the window what happened, so it can refresh action states:
    ``commandExecuted(command_id)`` after a command ran (or failed: the
    registry reported that), ``articleOpened(article_id)``, ``closed()``.
    """

    commandExecuted = Signal(str)
    articleOpened = Signal(int)
    entityChosen = Signal(int)  # "Show articles tagged …": the window filters its list
    closed = Signal()

    def __init__(
        self,
        registry: CommandRegistry,
        ctx: CommandContext,
        parent: QWidget,
        *,
        searcher: Searcher = translated_search,
    ) -> None:
        super().__init__(parent)
        self._registry = registry
        self._ctx = ctx
        self._searcher = searcher
        self._return_focus: QWidget | None = None

        self.setObjectName("commandPalette")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(24)
        shadow.setOffset(0, 4)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)

        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("paletteInput")
        self.line_edit.setPlaceholderText(self.tr(PLACEHOLDER))
        self.line_edit.setClearButtonEnabled(True)
        font = QFont(self.line_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.line_edit.setFont(font)

        self.model = PaletteModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("paletteResults")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(PaletteDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.clicked.connect(lambda index: self.activate(index.row()))

        self.empty_label = QLabel(self.tr(NOTHING_FOUND), self)
        self.empty_label.setObjectName("paletteEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)  # drawn in the disabled (quiet) colour
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.list_view)
        layout.addWidget(self.empty_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        # Article titles come from an in-memory index that loads on the window's runner
        # (a second or more on a large archive); until then only recent articles
        # are found, so the palette searches again when the load reports back.
        self._index = title_index_for(ctx.workspace)
        self._index.start_loading(self._load_index)
        self.line_edit.textChanged.connect(lambda _text: self._timer.start())
        self.line_edit.installEventFilter(self)
        parent.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.hide()

    # ------------------------------------------------------------ opening and closing

    def open_palette(self, text: str = "") -> None:
        """Show the palette with ``text`` typed (">" for commands only), focused."""
        if not self.isVisible():
            focus = QApplication.focusWidget()
            self._return_focus = (
                focus if focus is not None and not self.isAncestorOf(focus) else None
            )
        self.line_edit.setText(text)
        self.refresh()
        self._place()
        self.show()
        self.raise_()
        self.line_edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.line_edit.selectAll()

    popup = open_palette  # the name the main window looks for

    def close_palette(self) -> None:
        self.hide()

    def hideEvent(self, event: QHideEvent) -> None:
        # Whoever hides the palette (Esc, running a command, the window calling
        # hide()), focus goes back to where it was before the palette opened.
        super().hideEvent(event)
        self._timer.stop()
        target = self._return_focus
        self._return_focus = None
        if target is not None:
            with contextlib.suppress(RuntimeError):  # the widget was deleted meanwhile
                target.setFocus(Qt.FocusReason.PopupFocusReason)
        self.closed.emit()

    def toggle(self) -> None:
        if self.isVisible():
            self.close_palette()
        else:
            self.open_palette()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        top = MARGIN
        central = parent.centralWidget() if isinstance(parent, QMainWindow) else None
        if central is not None:
            top += central.geometry().top()
        width = max(200, min(WIDTH, parent.width() - 2 * MARGIN))
        row_height = max(self.list_view.sizeHintForRow(0), self.fontMetrics().height() + 16)
        rows = min(max(self.model.rowCount(), 1), VISIBLE_ROWS)
        list_height = rows * row_height + 2 * self.list_view.frameWidth()
        self.list_view.setFixedHeight(list_height)
        height = self.sizeHint().height()
        self.setGeometry((parent.width() - width) // 2, top, width, height)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Clicking elsewhere in the window closes the palette, like a popup.
        if self.isVisible() and new is not None and new is not self and not self.isAncestorOf(new):
            self._return_focus = None
            self.close_palette()

    # ------------------------------------------------------------ results

    def refresh(self) -> None:
        """Search for the text typed now (normally run shortly after typing stops)."""
        self._timer.stop()
        self._index.start_loading(self._load_index)  # after a failed load; else a no-op
        results = self._searcher(self.line_edit.text(), self._registry, self._ctx)
        self.model.set_results(results)
        self.empty_label.setVisible(not results)
        self.list_view.setVisible(bool(results))
        if results:
            self.list_view.setCurrentIndex(self.model.index(0, 0))
        if self.isVisible():
            self._place()

    def _load_index(self, operation: Operation[None]) -> None:
        self._ctx.window.run_operation(operation, on_done=lambda _none: self._on_index_loaded())

    def _on_index_loaded(self) -> None:
        if self.isVisible() and self._index.ready and self.line_edit.text().strip():
            self.refresh()  # the titles beyond the recent ones are found now

    def results(self) -> list[SearchResult]:
        return self.model.results()

    def current_row(self) -> int:
        index = self.list_view.currentIndex()
        return index.row() if index.isValid() else -1

    def move_selection(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = self.current_row()
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        self.list_view.setCurrentIndex(self.model.index(row, 0))

    def activate(self, row: int | None = None) -> None:
        """Run the chosen command or open the chosen article (the current row by default)."""
        if self._timer.isActive():  # Enter typed faster than the search delay
            self.refresh()
        row = self.current_row() if row is None else row
        if not 0 <= row < self.model.rowCount():
            return
        result = self.model.result(row)
        # Close first: focus goes back to where it was, so that e.g. Undo acts there.
        self.close_palette()
        if result.kind == "command":
            self._registry.execute(str(result.id), self._ctx)
            self.commandExecuted.emit(str(result.id))
        elif result.kind == "entity":
            self.entityChosen.emit(int(result.id))
        else:
            self._ctx.window.open_article(int(result.id))
            self.articleOpened.emit(int(result.id))

    # ------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            if self.isVisible():
                self._place()
            return False
        if watched is self.line_edit and event.type() == QEvent.Type.ShortcutOverride:
            # Keep window shortcuts (Esc leaves distraction-free mode) from taking
            # the keys the palette navigates with.
            assert isinstance(event, QKeyEvent)
            if event.key() in _PALETTE_KEYS and not event.modifiers() & ~_KEYPAD:
                event.accept()
                return True
        if watched is self.line_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._handle_key(event)
        return False

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        page = max(1, VISIBLE_ROWS - 1)
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: page,
            Qt.Key.Key_PageUp: -page,
        }
        if key in steps:
            self.move_selection(steps[Qt.Key(key)])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate()
            return True
        if key == Qt.Key.Key_Escape:
            self.close_palette()
            return True
        return False
