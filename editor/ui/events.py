"""Change notices and autosave reports, delivered on the GUI thread.

The change bus and the autosave writer call their listeners on whatever thread
did the work (often the autosave worker or the runner's pool).  Widgets must
only be touched from the GUI thread, so :class:`EventBridge` re-emits every
:class:`~editor.app.changes.Change` as a Qt signal; a signal emitted from
another thread reaches a receiver in the GUI thread through a queued connection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # a bridge is made once the archive is open, after the first paint
    from editor.app.autosave import SaveReport
    from editor.app.changes import Change, ChangeBus


class EventBridge(QObject):
    changed = Signal(object)  # an editor.app.changes.Change
    save_reported = Signal(object)  # editor.app.autosave.SaveReport

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        from editor.app.changes import Change

        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(Change, self._forward)
        self._closed = False

    def _forward(self, change: Change) -> None:
        if not self._closed:
            self.changed.emit(change)

    def forward_save_report(self, report: SaveReport) -> None:
        """The autosave writer's ``on_state`` callback (any thread)."""
        if not self._closed:
            self.save_reported.emit(report)

    def close(self) -> None:
        """Stop listening (before the window goes away)."""
        self._closed = True
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
