"""The window's work off the GUI thread: its one runner and what it schedules.

:class:`WindowWork` owns the :class:`~editor.ui.runner.Runner` the window and
its panels share, runs the commands' operations (a long one behind a progress
dialog, one at a time), gives saved articles their meaning vectors now and then,
and hands an error nobody handled to the window to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, Unpack

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from editor.app.operations import Operation, plain, query
from editor.ui.runner import Runner, Ticket

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.commands.context import RunOptions

T = TypeVar("T")

# How often saved and imported articles get their meaning vectors (with the optional model).
MEANING_EVERY_MS = 30_000


class WindowWork:
    def __init__(
        self,
        window: QWidget,
        *,
        show_message: Callable[..., None],
        on_failed: Callable[[str, BaseException], None],
    ) -> None:
        self._window = window
        self._show_message = show_message
        self.runner = Runner(window)
        self.runner.failed.connect(on_failed)
        self._workspace: Workspace | None = None
        self.long_job: Ticket[Any] | None = None  # the one behind a progress dialog
        self.meaning_run: Ticket[Any] | None = None
        self._meaning_timer = QTimer(window, interval=MEANING_EVERY_MS)
        self._meaning_timer.timeout.connect(self.embed_changed)
        self._meaning_timer.start()

    def attach(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def run(self, operation: Operation[T], **options: Unpack[RunOptions[T]]) -> None:
        """:meth:`editor.commands.context.WindowActions.run_operation`."""
        on_done, on_error = options.get("on_done"), options.get("on_error")
        progress = options.get("progress")
        if progress is None:
            self.runner.run(operation, on_done=on_done, on_error=on_error)
            return
        if self.long_job is not None and not self.long_job.finished:
            wait = QCoreApplication.translate("WindowWork", "Wait for “{task}” to end first.")
            self._show_message(wait.format(task=self.long_job.label), error=True)
            return
        from editor.ui.progress import run_with_progress

        self.long_job = run_with_progress(
            self.runner,
            operation,
            self._window,
            title=progress,
            on_done=on_done,
            on_error=on_error,
            on_cancelled=options.get("on_cancelled"),
        )

    def embed_changed(self) -> None:
        """Give saved and imported articles their meaning vectors, on the runner.

        Only once the related-links index is in use (nothing is loaded for it otherwise)
        and only with the optional model; one run at a time, a few dozen articles each.
        """
        ws = self._workspace
        if ws is None or not ws.has_started("related"):
            return  # not in use: not even its code is imported (NumPy, the stemmers)
        from editor.app.related import jobs

        if not jobs.follows_recent(ws):
            return
        if any(t is not None and not t.finished for t in (self.long_job, self.meaning_run)):
            return
        self.meaning_run = self.runner.run(
            query(
                QCoreApplication.translate("WindowWork", "Computing meaning vectors"),
                plain(lambda: jobs.embed_recent(ws)),
            )
        )

    def shutdown(self) -> None:
        """Cancel what runs and wait for it (the window closes)."""
        self._meaning_timer.stop()
        self.runner.shutdown()
