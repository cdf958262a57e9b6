"""Long operations behind a progress dialog whose Cancel the operation sees.

Rebuilding an index, computing meaning vectors, importing or exporting runs for
minutes on a big archive: :func:`run_with_progress` hands the operation to the
window's runner and shows a :class:`QProgressDialog` (only if it lasts longer
than a moment) that follows its progress; Cancel asks the operation to stop.
The one helper for every such dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from editor.app.operations import Operation
from editor.ui.runner import Runner, Ticket

T = TypeVar("T")

SHOW_AFTER_MS = 300  # quick runs finish without a dialog flashing up


def run_with_progress(
    runner: Runner,
    operation: Operation[T],
    parent: QWidget,
    *,
    title: str,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    modal: bool = False,
) -> Ticket[T]:
    """Run ``operation`` with a cancellable progress dialog; the dialog closes when it
    ends.  A cancelled operation reports to ``on_cancelled`` only (its result is dropped).
    ``modal``: the window waits (an import must not meet edits half-way); nothing is
    delivered once ``parent`` is gone."""
    dialog = QProgressDialog(
        operation.label + "…",
        QCoreApplication.translate("run_with_progress", "Cancel"),
        0,
        0,
        parent,
    )
    dialog.setObjectName("operation_progress")
    dialog.setWindowTitle(title)
    if modal:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoReset(False)  # reaching the maximum is not the end: the result is
    dialog.setAutoClose(False)

    def close() -> None:
        dialog.canceled.disconnect(cancel)
        dialog.close()
        dialog.deleteLater()

    def done(result: T) -> None:
        close()
        if on_done is not None:
            on_done(result)

    def failed(error: BaseException) -> None:
        close()
        if on_error is not None:
            on_error(error)
        else:
            runner.failed.emit(operation.label, error)

    def progress(done_count: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done_count)

    ticket = runner.run(
        operation, on_done=done, on_error=failed, on_progress=progress, owner=parent
    )

    def cancel() -> None:
        ticket.cancel()
        close()
        if on_cancelled is not None:
            on_cancelled()

    dialog.canceled.connect(cancel)
    return ticket
