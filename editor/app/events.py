"""A small publish/subscribe bus: use cases say what changed, views listen.

Listeners may be called from a worker thread (autosave, import); a Qt view
re-posts to its own thread (the UI wraps this in a Qt signal).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Listener = Callable[["Event"], None]


@dataclass(frozen=True, slots=True)
class Event:
    """``kind`` is e.g. ``article.saved``, ``article.created``, ``article.deleted``."""

    kind: str
    article_id: int | None = None
    data: Any = None


class EventBus:
    def __init__(self) -> None:
        self._listeners: dict[str, list[Listener]] = defaultdict(list)
        self._lock = threading.Lock()

    def subscribe(self, kind: str, listener: Listener) -> Callable[[], None]:
        """Listen for ``kind`` (``"*"`` for everything); returns an unsubscribe function."""
        with self._lock:
            self._listeners[kind].append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners[kind]:
                    self._listeners[kind].remove(listener)

        return unsubscribe

    def emit(self, kind: str, article_id: int | None = None, data: Any = None) -> None:
        event = Event(kind, article_id, data)
        with self._lock:
            listeners = [*self._listeners.get(kind, ()), *self._listeners.get("*", ())]
        for listener in listeners:
            listener(event)
