"""Small pieces the related-links panel is built from (the entity panel uses some too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QWidget,
)

from editor.ui.panels.related.delegate import RelatedRowDelegate
from editor.ui.panels.related.models import RelatedListModel

# A context menu entry (title, action), or None for a separator.
MenuEntry = tuple[str, Callable[[], object]] | None


class KeyActions(QObject):
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


def list_view(name: str) -> QListView:
    view = QListView(objectName=name)
    view.setItemDelegate(RelatedRowDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setUniformItemSizes(True)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def button(
    text: str, tip: str, on_click: Callable[..., object], *, checkable: bool = False
) -> QPushButton:
    """A push button with its tooltip, doing ``on_click`` (with the checked state when
    ``checkable``)."""
    made = QPushButton(text, toolTip=tip, checkable=checkable)
    made.clicked.connect(on_click)
    return made


def row(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout


def show_menu(view: QListView, pos: QPoint, entries: list[MenuEntry]) -> None:
    """A context menu at ``pos`` of ``view``."""
    menu = QMenu(view)
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        else:
            menu.addAction(*entry)
    menu.exec(view.viewport().mapToGlobal(pos))


def current_id(view: QListView) -> int | None:
    """The article of the view's current row."""
    model = view.model()
    assert isinstance(model, RelatedListModel)
    row = model.row_at(view.currentIndex())
    return row.id if row else None


def select_id(view: QListView, article_id: int | None) -> None:
    """Make the row of ``article_id`` current (if it is there)."""
    model = view.model()
    assert isinstance(model, RelatedListModel)
    row = model.row_of(article_id) if article_id is not None else -1
    if row >= 0:
        view.setCurrentIndex(model.index(row))
