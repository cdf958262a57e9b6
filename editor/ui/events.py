"""Workspace events and autosave reports, delivered on the GUI thread.

The event bus and the autosave writer call their listeners on whatever thread
did the work (often the autosave worker).  Widgets must only be touched from
the GUI thread, so :class:`EventBridge` re-emits everything as Qt signals; a
signal emitted from another thread reaches a receiver in the GUI thread
through a queued connection.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor.app.autosave import SaveReport
from editor.app.events import Event, EventBus


class EventBridge(QObject):
    event_received = Signal(object)  # editor.app.events.Event
    save_reported = Signal(object)  # editor.app.autosave.SaveReport

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = bus.subscribe("*", self._forward_event)
        self._closed = False

    def _forward_event(self, event: Event) -> None:
        if not self._closed:
            self.event_received.emit(event)

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
