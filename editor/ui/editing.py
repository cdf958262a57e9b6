"""Edits on their way to the archive: the autosave writer, the save indicator and
the word count, for the article the window shows.

The window hands every edit to :meth:`EditSession.submit`; nothing on the
keystroke path waits for the database (the writer has its own thread, the one
dedicated lane, so that a long publish never delays saving typed text).  The
writer's reports come back through the event bridge, on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from editor.app.autosave import SaveReport
    from editor.app.workspace import Workspace
    from editor.ui.events import EventBridge
    from editor.ui.status_bar import MainStatusBar

STATS_DELAY_MS = 300  # word count after typing pauses, not on every key


class EditSession(QObject):
    def __init__(
        self,
        parent: QObject,
        workspace: Workspace,
        bridge: EventBridge,
        status: MainStatusBar,
        *,
        current: Callable[[], tuple[int | None, str]],
        delays: tuple[float, float] | None = None,
    ) -> None:
        """``current()``: the open article's id (None: none) and its body as typed;
        ``delays``: idle and longest autosave delay (None: the writer's, the README's)."""
        # The writer (and the merge it may need) comes with the open archive, after
        # the first paint of a fast start.
        from editor.app.autosave import AutosaveWriter

        super().__init__(parent)
        options: dict[str, Any] = {}
        if delays is not None:  # tests wait milliseconds, not seconds
            options = dict(zip(("idle_delay", "max_delay"), delays, strict=True))
        self.autosave = AutosaveWriter(
            workspace.articles, on_state=bridge.forward_save_report, **options
        )
        bridge.save_reported.connect(self._on_save_reported)
        self._status = status
        self._current = current
        self._conflict_handling: Any = None  # made on the first merge or conflict
        self._stats_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._stats_timer.timeout.connect(self.count_words)

    def submit(self, article_id: int, changes: dict[str, Any]) -> None:
        self.autosave.submit(article_id, changes)
        if "body" in changes:
            self._stats_timer.start()

    def flush(self) -> bool:
        """Write pending edits now; False (and a message) if they could not be written."""
        saved = self.autosave.flush(timeout=5.0)
        if not saved:
            self._status.show_message(
                self.tr(
                    "Some changes are not saved yet — your text is kept here and saving is retried."
                ),
                error=True,
            )
        return saved

    def close(self, timeout: float) -> bool:
        return self.autosave.close(timeout=timeout)

    def count_words(self) -> None:
        article_id, body = self._current()
        if article_id is None:
            self._status.show_stats(None)
            return
        from editor.core.text import text_stats  # not needed for the first paint

        self._status.show_stats(text_stats(body))

    def _conflicts(self) -> Any:
        """The conflict handling of the window (editor/ui/conflict), made when first needed."""
        if self._conflict_handling is None:
            from editor.ui.conflict.handling import ConflictHandling

            self._conflict_handling = ConflictHandling(self.parent())
        return self._conflict_handling

    def _on_save_reported(self, report: SaveReport) -> None:
        from editor.app.autosave import SaveState

        if report.merged or report.state is SaveState.CONFLICT:
            self._conflicts().on_report(report)
        if report.article_id == self._current()[0]:
            self._status.save_state.report(report)
        elif report.state is SaveState.FAILED:
            self._status.show_message(
                self.tr("Another article is not saved yet: {reason}").format(reason=report.message),
                error=True,
            )
