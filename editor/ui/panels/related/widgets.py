"""Small pieces the related-links panel is built from."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListView, QWidget

from editor.ui.panels.related.delegate import RelatedRowDelegate


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


def row(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout
