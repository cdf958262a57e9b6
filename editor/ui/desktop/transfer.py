"""Import…, Export… and Load Sample Articles in the window.

The work is an operation (``editor.app.archive_ops``) run by the window's one
runner, behind a progress dialog whose Cancel stops it between chunks; the
outcome is a status message, and rejected records are listed with their reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor.app import archive_ops
from editor.app.operations import Operation
from editor.ui import progress
from editor.ui.formatting import number_text
from editor.ui.i18n import QT_TRANSLATE_NOOP
from editor.ui.runner import Ticket

if TYPE_CHECKING:
    from editor.app.importing import ImportReport
    from editor.ui.main_window import MainWindow

T = TypeVar("T")
translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "transfer", "Articles (*.jsonl *.md *.markdown);;JSON Lines (*.jsonl);;All files (*)"
)
JSONL_FILTER = QT_TRANSLATE_NOOP("transfer", "JSON Lines (*.jsonl)")
MARKDOWN_FILTER = QT_TRANSLATE_NOOP("transfer", "A folder of Markdown files (*)")
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
        on_cancelled=lambda: window.show_message(
            translate("transfer", "{task}: cancelled.").format(task=label)
        ),
        modal=True,
    )


# ---------------------------------------------------------------- import


def ask_import(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, translate("transfer", "Import Articles"), "", translate("transfer", IMPORT_FILTER)
    )
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
        lambda error: window.show_message(
            translate("transfer", "Nothing was imported: {error}").format(error=error), error=True
        ),
    )


def _imported(window: MainWindow, path: Path, report: ImportReport) -> None:
    imported = translate("transfer", "Imported {file}: {summary}.")
    window.show_message(
        imported.format(file=path.name, summary=report.summary()), error=not report.ok
    )
    if not report.rejected and not report.notes:
        return
    parts = [f"{report.summary()}."]
    if report.rejected:
        parts.append(translate("transfer", "Not imported:") + "\n" + _listed(report.rejected))
    if report.notes:
        parts.append(translate("transfer", "Imported, to note:") + "\n" + _listed(report.notes))
    title = (
        translate("transfer", "Some records were not imported")
        if report.rejected
        else translate("transfer", "Imported with notes")
    )
    QMessageBox.warning(window, title, "\n\n".join(parts))


def _listed(items: list[Any]) -> str:
    lines = [str(item) for item in items[:SHOWN_REJECTIONS]]
    more = len(items) - len(lines)
    if more > 0:
        lines.append(translate("transfer", "… and {n} more.").format(n=more))
    return "\n".join(lines)


# ---------------------------------------------------------------- export


def ask_export(window: MainWindow) -> None:
    path, chosen = QFileDialog.getSaveFileName(
        window,
        translate("transfer", "Export Articles"),
        "articles.jsonl",
        f"{translate('transfer', JSONL_FILTER)};;{translate('transfer', MARKDOWN_FILTER)}",
    )
    if path:
        fmt = "markdown" if chosen == translate("transfer", MARKDOWN_FILTER) else "jsonl"
        export_to(window, Path(path), fmt)


def export_to(window: MainWindow, out: Path, fmt: str) -> Ticket[int] | None:
    if window.ws is None:
        return None
    window.flush_autosave()
    return run_with_progress(
        window,
        archive_ops.export_articles(window.ws, fmt, out),
        lambda count: window.show_message(
            translate("transfer", "Exported {articles} to {folder}.").format(
                articles=_articles(count), folder=out
            )
        ),
        lambda error: window.show_message(
            translate("transfer", "Nothing was exported: {error}").format(error=error), error=True
        ),
    )


# ---------------------------------------------------------------- samples


def samples(window: MainWindow) -> Ticket[int] | None:
    if window.ws is None:
        return None
    return run_with_progress(
        window,
        archive_ops.load_samples(window.ws),
        lambda created: window.show_message(
            translate("transfer", "Loaded {articles} from the sample archive.").format(
                articles=_articles(created)
            )
            if created
            else translate("transfer", "The sample articles are already in the archive.")
        ),
        lambda error: window.show_message(
            translate("transfer", "The samples were not loaded: {error}").format(error=error),
            error=True,
        ),
    )


def _articles(count: Any) -> str:
    if count == 1:
        return translate("transfer", "1 article")
    return translate("transfer", "{n} articles").format(n=number_text(int(count)))
