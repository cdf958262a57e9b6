"""What every panel that follows the current article shares.

A panel (history, related links, the page preview; entity tags and translation
next) is given the window's :class:`PanelServices` — the workspace, the one
:class:`~editor.ui.runner.Runner` and the :class:`~editor.ui.events.EventBridge`
— and follows the window through :meth:`ArticlePanel.show_article`.  It never
starts a thread of its own: reads and writes are operations on the runner,
keyed by panel and purpose, so that only the answer for the article on screen
arrives.  It hears about changes through :meth:`ArticlePanel.on_change`, on the
GUI thread, and decides from the typed notice alone whether to refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QWidget

from editor.app.operations import Operation, OperationContext, change, plain, query

if TYPE_CHECKING:
    from editor.app.changes import Change
    from editor.app.workspace import Workspace
    from editor.ui.events import EventBridge
    from editor.ui.runner import Runner, Ticket

T = TypeVar("T")


@dataclass(frozen=True)
class PanelServices:
    """What the window hands to each panel it builds."""

    workspace: Workspace
    runner: Runner
    bridge: EventBridge
    # Writes the edits still waiting for autosave; False if they could not be written
    # (a panel that writes to the article calls it first, and stops on False).
    flush: Callable[[], bool] = lambda: True


class ArticlePanel(QWidget):
    """A widget that shows something about one article (or none).

    Subclasses override :meth:`refresh` (read what they show, through
    :meth:`run_query`) and :meth:`on_change`; :meth:`article_shown` is called
    when the window moves to another article (by default it refreshes).
    """

    def __init__(self, services: PanelServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ws = services.workspace
        self.runner = services.runner
        self._bridge = services.bridge
        self._article_id: int | None = None
        self._tickets: dict[str, Ticket[Any]] = {}
        self._keys = object()  # this panel's own space of operation keys
        self._shut_down = False
        self._bridge.changed.connect(self._on_bridge_changed)

    # ------------------------------------------------------------ following the window

    @property
    def article_id(self) -> int | None:
        return self._article_id

    def show_article(self, article_id: int | None) -> None:
        """Follow the window to ``article_id`` (None: nothing is open)."""
        if article_id == self._article_id:
            return
        self._article_id = article_id
        for ticket in self._tickets.values():
            ticket.cancel()  # whatever is still computing is for another article
        self.article_shown(article_id)

    def article_shown(self, article_id: int | None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read again what the panel shows for the current article."""

    def on_change(self, change: Change) -> None:
        """A committed change (GUI thread); refresh if it concerns what is shown."""

    @property
    def is_shut_down(self) -> bool:
        return self._shut_down

    @property
    def busy(self) -> bool:
        """True while an operation this panel started has not reported back."""
        return any(not t.finished and not t.cancelled for t in self._tickets.values())

    def shutdown(self) -> None:
        """Stop listening and drop whatever is running (before the workspace closes)."""
        if self._shut_down:
            return
        self._shut_down = True
        self._bridge.changed.disconnect(self._on_bridge_changed)
        for ticket in self._tickets.values():
            ticket.cancel()

    def _on_bridge_changed(self, change: Change) -> None:
        if not self._shut_down:
            self.on_change(change)

    # ------------------------------------------------------------ running work

    def run_query(
        self,
        purpose: str,
        label: str,
        work: Callable[[OperationContext], T],
        on_done: Callable[[T], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Ticket[T]:
        """Read on the runner (``work(context)``; wrap a plain function with
        :func:`~editor.app.operations.plain`); a newer query for the same ``purpose``
        replaces this one, and one for another article is dropped."""
        operation = query(label, work, key=(self._keys, purpose))
        return self._start(purpose, operation, on_done, on_error, on_progress)

    def run_change(
        self,
        label: str,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        *,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Ticket[T]:
        """Write on the runner, after every write submitted before it.

        Without ``on_error`` a failure reaches the runner's ``failed`` signal (the
        window's status bar).  Writes are never superseded: each decision counts.
        """
        operation = change(label, plain(work))
        return self._start("", operation, on_done, on_error, None)

    def _start(
        self,
        purpose: str,
        operation: Operation[T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int], None] | None,
    ) -> Ticket[T]:
        ticket = self.runner.run(
            operation, on_done=on_done, on_error=on_error, on_progress=on_progress, owner=self
        )
        if not operation.writes:  # a write is not dropped when the article changes
            self._tickets[purpose] = ticket
        return ticket
