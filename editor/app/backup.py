"""Backups of the archive: on request, every day, and restoring one.

``newsdesk backup --out FILE`` and the daily backup copy an open SQLite archive
through the store (SQLite's online backup API); a PostgreSQL archive is backed
up with the server's own tools, and the message says how.  A restore checks the
file first and keeps the archive as it was beside it; the archive must not be
open (the command line restores before opening it).

The daily backup is an :class:`~editor.app.operations.Operation` that the window
runs on its runner after the archive is open (never on the start-up path): at
most one file a day, ``backups/newsdesk-YYYY-MM-DD.sqlite`` beside the archive,
the last seven kept.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from editor.app import config
from editor.app.operations import Operation, OperationContext, query
from editor.core.texts import translate
from editor.store import backup as store
from editor.store.errors import DatabaseUnavailableError

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

DAILY_KEEP = 7
BACKUP_FOLDER = "backups"

ArchiveFileInfo = store.ArchiveFileInfo


def backup_folder(workspace: Workspace) -> Path | None:
    path = workspace.db.path
    return None if path is None else path.parent / BACKUP_FOLDER


def backup(workspace: Workspace, target: Path) -> Path:
    """A consistent copy of the open archive at ``target`` (a new file)."""
    return store.backup_to(workspace.db, target)


def daily_backup(workspace: Workspace, *, today: date | None = None) -> Path | None:
    """Today's backup unless there is one already; None when nothing was written."""
    folder = backup_folder(workspace)
    if folder is None:
        return None
    return store.daily_backup(workspace.db, folder, today=today or date.today(), keep=DAILY_KEEP)


def daily_backup_operation(workspace: Workspace) -> Operation[Path | None]:
    """The daily backup for the window's runner (it only reads the archive)."""

    def work(_context: OperationContext) -> Path | None:
        return daily_backup(workspace)

    return query(translate("operations", "Daily backup of the archive"), work, key="daily-backup")


def check(source: Path) -> ArchiveFileInfo:
    """What the backup file holds, or a StoreError saying why it cannot be restored."""
    return store.check_archive_file(source)


def restore(source: Path, url: str | None = None) -> Path:
    """Replace the archive (``--db`` or the default, not open) by the checked backup
    ``source``; returns where the archive as it was is kept."""
    resolved = config.database_url(url)
    archive = config.sqlite_path(resolved)
    if archive is None:
        raise DatabaseUnavailableError(
            "A PostgreSQL archive is restored with pg_restore (for example: "
            "pg_restore --clean --dbname=newsroom newsroom.dump), not by Newsdesk."
        )
    if archive == Path(source).resolve():
        raise DatabaseUnavailableError("That file is the archive itself.")
    return store.restore_into(archive, Path(source))
