"""Import…, Export… and Load Sample Articles in the window.

The work is an operation (``editor.app.archive_ops``) run by the window's one
runner, behind a progress dialog whose Cancel stops it between chunks; the
outcome is a status message, and rejected records are listed with their reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor.app import archive_ops
from editor.app.operations import Operation
from editor.ui import progress
from editor.ui.runner import Ticket

if TYPE_CHECKING:
    from editor.app.importing import ImportReport
    from editor.ui.main_window import MainWindow

T = TypeVar("T")

IMPORT_FILTER = "Articles (*.jsonl *.md *.markdown);;JSON Lines (*.jsonl);;All files (*)"
JSONL_FILTER = "JSON Lines (*.jsonl)"
MARKDOWN_FILTER = "A folder of Markdown files (*)"
# How many rejected records the report lists (the rest are counted).
SHOWN_REJECTIONS = 12


def run_with_progress(
    window: MainWindow,
    operation: Operation[T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Ticket[T]:
    """Run ``operation`` on the window's runner behind a window-modal progress dialog
    that can cancel it."""
    label = operation.label
    return progress.run_with_progress(
        window.runner,
        operation,
        window,
        title=label,
        on_done=on_done,
        on_error=on_error,
        on_cancelled=lambda: window.show_message(f"{label}: cancelled."),
        modal=True,
    )


# ---------------------------------------------------------------- import


def ask_import(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Import Articles", "", IMPORT_FILTER)
    if path:
        import_path(window, Path(path))


def import_path(window: MainWindow, path: Path) -> Ticket[ImportReport] | None:
    if window.ws is None:
        return None
    window.flush_autosave()
    return run_with_progress(
        window,
        archive_ops.import_articles(window.ws, path),
        lambda report: _imported(window, path, report),
        lambda error: window.show_message(f"Nothing was imported: {error}", error=True),
    )


def _imported(window: MainWindow, path: Path, report: ImportReport) -> None:
    window.show_message(f"Imported {path.name}: {report.summary()}.", error=not report.ok)
    if report.rejected:
        lines = [str(r) for r in report.rejected[:SHOWN_REJECTIONS]]
        more = len(report.rejected) - len(lines)
        if more > 0:
            lines.append(f"… and {more} more.")
        QMessageBox.warning(
            window,
            "Some records were not imported",
            f"{report.summary()}.\n\nNot imported:\n" + "\n".join(lines),
        )


# ---------------------------------------------------------------- export


def ask_export(window: MainWindow) -> None:
    path, chosen = QFileDialog.getSaveFileName(
        window, "Export Articles", "articles.jsonl", f"{JSONL_FILTER};;{MARKDOWN_FILTER}"
    )
    if path:
        fmt = "markdown" if chosen == MARKDOWN_FILTER else "jsonl"
        export_to(window, Path(path), fmt)


def export_to(window: MainWindow, out: Path, fmt: str) -> Ticket[int] | None:
    if window.ws is None:
        return None
    window.flush_autosave()
    return run_with_progress(
        window,
        archive_ops.export_articles(window.ws, fmt, out),
        lambda count: window.show_message(f"Exported {_articles(count)} to {out}."),
        lambda error: window.show_message(f"Nothing was exported: {error}", error=True),
    )


# ---------------------------------------------------------------- samples


def samples(window: MainWindow) -> Ticket[int] | None:
    if window.ws is None:
        return None
    return run_with_progress(
        window,
        archive_ops.load_samples(window.ws),
        lambda created: window.show_message(
            f"Loaded {_articles(created)} from the sample archive."
            if created
            else "The sample articles are already in the archive."
        ),
        lambda error: window.show_message(f"The samples were not loaded: {error}", error=True),
    )


def _articles(count: Any) -> str:
    return f"{count} article{'' if count == 1 else 's'}"
