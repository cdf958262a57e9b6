"""Copies of an SQLite archive: a backup taken while it is open, checked restores.

A backup goes through SQLite's online backup API on a connection of the open
archive: a consistent copy even while the window is saving (WAL included),
written to a temporary file beside the target and renamed into place, so a
backup file is whole or absent.  A restore first checks the file (an SQLite
file, ``PRAGMA integrity_check`` ok, a Newsdesk archive of a schema this version
knows), keeps the current archive as a copy beside it, and then copies the
backup into the archive, again through the backup API (page by page under
SQLite's lock, never a file copy over a database in use).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from editor.store import migrations
from editor.store.database import Database
from editor.store.errors import (
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
)
from editor.store.schema_version import SQLITE_MAGIC

DAILY_PREFIX = "newsdesk-"
DAILY_SUFFIX = ".sqlite"


@dataclass(frozen=True, slots=True)
class ArchiveFileInfo:
    path: Path
    schema: str
    articles: int


def backup_to(db: Database, target: Path) -> Path:
    """A consistent copy of the open SQLite archive at ``target`` (which must not exist)."""
    if db.path is None:
        raise DatabaseUnavailableError(
            "Only an SQLite archive is backed up by Newsdesk; back up a PostgreSQL archive "
            "with pg_dump (for example: pg_dump --format=custom --file=newsroom.dump newsroom) "
            "and restore it with pg_restore."
        )
    target = Path(os.path.abspath(target))
    if target.exists():
        raise DatabaseUnavailableError(f"{target} exists already; choose another name.")
    if not target.parent.is_dir():
        raise DatabaseUnavailableError(f"The folder {target.parent} does not exist.")
    if target.resolve() == db.path:
        raise DatabaseUnavailableError("A backup cannot replace the archive itself.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        with db.engine.connect() as connection:
            source = connection.connection.driver_connection
            assert isinstance(source, sqlite3.Connection)
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
                destination.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                destination.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise DatabaseUnavailableError(f"The backup to {target} failed: {exc}.") from exc
    return target


def check_archive_file(path: Path) -> ArchiveFileInfo:
    """What a backup file holds, or a StoreError saying why it is not one to restore."""
    path = Path(os.path.abspath(path))
    if not path.is_file():
        raise NotADatabaseError(f"{path} is not a file.")
    with path.open("rb") as fh:
        if not fh.read(len(SQLITE_MAGIC)).startswith(SQLITE_MAGIC):
            raise NotADatabaseError(f"{path} is not an SQLite file; nothing was changed.")
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseUnavailableError(f"Cannot read {path}: {exc}.") from exc
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            detail = verdict[0] if verdict else "no answer"
            raise NotADatabaseError(f"{path} is damaged ({detail}); nothing was changed.")
        tables = {n for (n,) in connection.execute("SELECT name FROM sqlite_master")}
        if not {"alembic_version", "article", "revision"} <= tables:
            raise ForeignDatabaseError(f"{path} is not a Newsdesk archive; nothing was changed.")
        versions = [v for (v,) in connection.execute("SELECT version_num FROM alembic_version")]
        articles = connection.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"{path} is damaged or not a database ({exc}).") from exc
    finally:
        connection.close()
    if len(versions) != 1:
        raise ForeignDatabaseError(f"{path} has no schema version; nothing was changed.")
    schema = versions[0]
    if schema != migrations.SCHEMA_HEAD and schema not in migrations.known_revisions():
        raise NewerSchemaError(
            f"{path} was written by a newer version of Newsdesk (schema {schema}); "
            "update Newsdesk to restore it."
        )
    return ArchiveFileInfo(path=path, schema=schema, articles=int(articles))


def restore_into(archive: Path, source: Path, *, now: datetime | None = None) -> Path:
    """Replace the (closed) archive file with the checked backup ``source``; returns the
    copy of the archive as it was, kept beside it."""
    check_archive_file(source)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    kept = archive.with_name(f"{archive.name}.before-restore-{stamp}")
    try:
        if archive.exists():
            _copy(archive, kept)
        _copy(source, archive)
    except sqlite3.Error as exc:
        raise DatabaseUnavailableError(
            f"The restore into {archive} failed ({exc}); the archive as it was is kept at {kept}."
        ) from exc
    return kept


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


# ---------------------------------------------------------------- the daily backup


def daily_backups(folder: Path) -> list[Path]:
    """The daily backups in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.name.startswith(DAILY_PREFIX) and p.name.endswith(DAILY_SUFFIX)
    )


def daily_backup(db: Database, folder: Path, *, today: date, keep: int = 7) -> Path | None:
    """Today's backup of the archive into ``folder`` unless there is one; keeps the last
    ``keep``.  Returns the new file, or None when today's exists (or not SQLite)."""
    if db.path is None:
        return None
    target = folder / f"{DAILY_PREFIX}{today.isoformat()}{DAILY_SUFFIX}"
    if target.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    backup_to(db, target)
    for old in daily_backups(folder)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target
