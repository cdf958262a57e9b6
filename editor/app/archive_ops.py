"""Import, export and the sample articles as operations (``editor.app.operations``).

The window runs them on its runner with a progress dialog; each reports
progress and stops between chunks when cancelled.  What was imported before a
cancel stays imported (each chunk is its own transaction) and is reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editor.app.operations import Operation, OperationContext, change, query
from editor.core.texts import translate

if TYPE_CHECKING:
    from editor.app.importing import ImportReport
    from editor.app.workspace import Workspace


def import_articles(workspace: Workspace, path: Path) -> Operation[ImportReport]:
    """Import a JSON Lines file, a Markdown file or a folder of Markdown files."""

    def work(context: OperationContext) -> ImportReport:
        from editor.app.importing import ImportService

        def progress(done: int, total: int) -> None:
            context.progress(done, total)
            context.check_cancelled()  # between chunks: the committed ones stay

        return ImportService(workspace).import_path(path, progress=progress)

    return change(translate("operations", "Importing {file}").format(file=path.name), work)


def export_articles(
    workspace: Workspace, fmt: str, out: Path, *, include_trash: bool = False
) -> Operation[int]:
    """Write every article to ``out`` (JSON Lines file, or a folder of Markdown files);
    the number written."""

    def work(context: OperationContext) -> int:
        from editor.app.exporting import ExportService
        from editor.core.article import ListQuery

        articles = workspace.articles
        total = articles.count(ListQuery())
        if include_trash:
            total += articles.count(ListQuery(trashed=True))

        def progress(done: int) -> None:
            context.progress(done, max(total, done))
            context.check_cancelled()

        return ExportService(workspace).export(
            fmt, out, include_trash=include_trash, progress=progress
        )

    return query(translate("operations", "Exporting to {file}").format(file=out.name), work)


def load_samples(workspace: Workspace) -> Operation[int]:
    """Add the sample articles (loading them again adds none twice); how many were new."""

    def work(_context: OperationContext) -> int:
        from editor.app import samples

        return samples.load_samples(workspace)

    return change(translate("operations", "Loading the sample articles"), work)
