"""Rebuilding the search index from the window: through the runner, behind a progress
dialog whose Cancel stops it between batches (what was done stays)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QProgressDialog, QWidget

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.ui.runner import Runner

Message = Callable[..., None]


def rebuild_with_progress(
    parent: QWidget, workspace: Workspace, runner: Runner, show_message: Message
) -> QProgressDialog:
    """Start the rebuild; ``show_message(text, error=...)`` tells how it ended."""
    dialog = QProgressDialog("Rebuilding the search index…", "Cancel", 0, 0, parent)
    dialog.setObjectName("search_reindex_progress")
    dialog.setWindowTitle("Search index")
    dialog.setMinimumDuration(300)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    ended: list[bool] = []

    def finish(text: str, *, error: bool = False) -> None:
        if ended:  # closing the dialog emits canceled: tell only once
            return
        ended.append(True)
        dialog.close()
        dialog.deleteLater()
        show_message(text, error=error)

    ticket = runner.run(
        workspace.search.reindex_op(),
        on_done=lambda count: finish(f"Search index rebuilt: {count} articles."),
        on_error=lambda exc: finish(f"The search index was not rebuilt: {exc}", error=True),
        on_progress=progress,
    )

    def cancel() -> None:
        ticket.cancel()
        finish("Rebuilding the search index was cancelled (the rest keeps its old entries).")

    dialog.canceled.connect(cancel)
    return dialog
