"""Opening a database safely: checks, connection settings, migrations.

``open_database(url)`` is the one way in.  Before anything is written it makes
sure that the file is an SQLite file, that it is a Newsdesk archive (or empty),
and that its schema is not newer than this program's.  Then it brings the
schema up to date (keeping a copy of an SQLite file first) and returns a
:class:`Database` that hands out sessions.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from editor.core.locations import sqlite_file_url
from editor.store import migrations
from editor.store.errors import (
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NotADatabaseError,
)
from editor.store.schema_version import APPLICATION_ID as APPLICATION_ID
from editor.store.schema_version import SQLITE_MAGIC

BUSY_TIMEOUT_MS = 10_000


@dataclass
class Database:
    """An open, up-to-date archive: an engine and a session factory."""

    engine: Engine
    url: str
    path: Path | None  # the file, for SQLite; None for a server database
    backup_path: Path | None = None  # the copy kept before an upgrade, if any

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._write_sessions = sessionmaker(writer, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None or self.engine.dialect.name == "sqlite"

    @property
    def description(self) -> str:
        """Where the archive is, for the status bar ("local SQLite", "PostgreSQL on host")."""
        if self.engine.dialect.name == "sqlite":
            return f"local SQLite: {self.path}" if self.path else "in-memory SQLite"
        url = make_url(self.url)
        return f"{self.engine.dialect.name} on {url.host or 'localhost'}/{url.database}"

    def new_session(self) -> Session:
        return self._sessions()

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back on error.

        ``write=True`` takes SQLite's write lock at the start of the transaction.
        """
        session = self._write_sessions() if write else self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        if self.engine.dialect.name == "sqlite":
            self.optimize()
        self.engine.dispose()

    def optimize(self, *, analyze: bool = False) -> None:
        """Refresh SQLite's planner statistics (cheap unless much changed).

        Without statistics SQLite may pick the status index for the article list
        and scan 100k rows; ``PRAGMA optimize`` analyses tables that need it, and
        ``analyze=True`` (after an import) analyses everything.
        """
        if self.engine.dialect.name != "sqlite":
            return
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("ANALYZE" if analyze else "PRAGMA optimize")
                connection.commit()
        except SQLAlchemyError:
            pass  # statistics are an optimisation; a busy or read-only file keeps the old ones


def sqlite_url(path: Path) -> str:
    """The URL of the SQLite file ``path``, its name taken literally."""
    return sqlite_file_url(path)


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    given = Path(database).expanduser()
    if given.is_symlink() and not given.exists():
        # resolve() would name the missing target, and a new archive would appear there.
        raise DatabaseUnavailableError(
            f"{given} is a symbolic link to {os.readlink(given)}, which does not exist; "
            "nothing was changed."
        )
    return given.resolve()


def _check_sqlite_file(path: Path, *, create: bool = True) -> None:
    """Refuse what is not ours, without writing a byte to it.

    Only a regular file is opened; a missing one is created only with ``create`` and
    only in a folder that exists (a typo must not leave folders and archives about).
    """
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file; nothing was changed.")
    folder = path.parent
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise NotADatabaseError(
            f"{path} is not a regular file (a device, a pipe or a socket), not an archive; "
            "nothing was changed."
        )
    if not path.exists():
        if not folder.is_dir():
            raise DatabaseUnavailableError(
                f"There is no archive at {path}: the folder {folder} does not exist."
            )
        if not create:
            raise DatabaseUnavailableError(
                f"There is no archive at {path} (add --create to start a new one there)."
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise DatabaseUnavailableError(
                f"Cannot create a database in {folder}: the folder is not writable."
            )
        return
    if path.stat().st_size == 0:
        return  # an empty file is an empty SQLite database
    with path.open("rb") as fh:
        header = fh.read(100)
    if not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError(
            f"{path} is not a Newsdesk database (it is not an SQLite file); nothing was changed."
        )
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseUnavailableError(
            f"{path} cannot be written (check the permissions of the file and its folder); "
            "nothing was changed."
        )
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError(
            f"{path} belongs to another program (SQLite application id {app_id:#x}); "
            "nothing was changed."
        )
    # Checked here, read-only, because connecting the engine switches the file
    # to WAL, which rewrites its header: a foreign file must not get that far.
    tables = _table_names(path)
    if tables and "alembic_version" not in tables:
        raise ForeignDatabaseError(
            f"{path} holds tables of another program, not a Newsdesk archive; nothing was changed."
        )


def _table_names(path: Path) -> set[str]:
    """The tables in an SQLite file, read through a read-only connection."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseUnavailableError(f"Cannot read {path}: {exc}; nothing was changed.") from exc
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(
            f"{path} is damaged or not a database ({exc}); nothing was changed."
        ) from exc
    finally:
        connection.close()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, manage transactions (pysqlite's legacy
        # behaviour would otherwise defer BEGIN and break SAVEPOINTs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed autosave survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()
        # SQLite's lower() folds only ASCII, so the quick filter (ILIKE, which
        # SQLAlchemy renders as lower() LIKE lower()) would not match "übernahme"
        # to "Übernahme"; Python's folding knows every script.
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE) so that two
        # writers wait for each other (busy timeout) instead of failing halfway
        # with "database is locked"; readers stay deferred and never block.
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


def _unicode_lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _create_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _has_foreign_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names())
    return bool(names) and "alembic_version" not in names


def _backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy the file (consistently, through SQLite's backup API) before an upgrade."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-upgrade-{revision or 'empty'}-{stamp}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_database(url: str, *, upgrade: bool = True, create: bool = True) -> Database:
    """Open the archive at ``url``, refusing foreign or newer databases; a missing
    SQLite file is created only with ``create``.

    Raises a :class:`~editor.store.errors.StoreError` subclass whose message
    can be shown as it is.
    """
    path = _sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, create=create)
    try:
        engine = _create_engine(url)
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        raise DatabaseUnavailableError(_describe_connect_error(url, exc)) from exc

    try:
        if _has_foreign_tables(engine):
            engine.dispose()
            raise ForeignDatabaseError(
                f"{path or make_url(url).render_as_string(hide_password=True)} holds tables of "
                "another program, not a Newsdesk archive; nothing was changed."
            )
        current = migrations.current_revision(engine)
        migrations.ensure_known(current, where=str(path or make_url(url).database))
        backup = None
        if upgrade and not migrations.is_current(current):
            if path is not None and current is not None:
                backup = _backup_sqlite(path, current)
            migrations.upgrade(engine)
            if path is not None:
                with engine.begin() as connection:
                    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnavailableError(_describe_connect_error(url, exc)) from exc
    except Exception:
        engine.dispose()
        raise
    return Database(engine=engine, url=url, path=path, backup_path=backup)


def error_kind(exc: BaseException) -> str | None:
    """What a database failure means for the user: ``"damaged"``, ``"read-only"``,
    ``"full"``, ``"busy"``, or None when its text says nothing known.

    The one place that reads SQLite's and the OS's messages; opening, the command
    line and autosave all word their messages from this.
    """
    detail = _detail(exc)
    if "file is not a database" in detail or "malformed" in detail:
        return "damaged"
    if "readonly" in detail or "read-only" in detail:
        return "read-only"
    if "disk is full" in detail or "No space" in detail:
        return "full"
    if "locked" in detail or "busy" in detail:
        return "busy"
    return None


def is_bad_data(exc: BaseException) -> bool:
    """Whether the database refused a value (not the connection, the disk or a lock):
    a write of other values may still succeed."""
    from sqlalchemy.exc import DataError, StatementError

    if isinstance(exc, DataError | UnicodeError):
        return True
    return isinstance(exc, StatementError) and isinstance(exc.orig, UnicodeError | ValueError)


def _detail(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__


def _describe_connect_error(url: str, exc: BaseException) -> str:
    where = make_url(url).render_as_string(hide_password=True)
    detail = _detail(exc)
    kind = error_kind(exc)
    if kind == "damaged":
        return f"{where} is damaged or not a database ({detail}); nothing was changed."
    if kind == "read-only":
        return f"{where} is read-only ({detail}); nothing was changed."
    if kind == "full":
        return f"The disk holding {where} is full; nothing was changed."
    return f"Cannot open the database {where}: {detail}"


def describe_error(exc: BaseException) -> str | None:
    """One line for a database failure met while working, or None if ``exc`` is not one.

    For callers above the store (the command line) that must not import
    SQLAlchemy but should not show a traceback for a full disk or a lock.
    """
    if not isinstance(exc, SQLAlchemyError | sqlite3.Error):
        return None
    detail = _detail(exc)
    kind = error_kind(exc)
    if kind == "busy":
        return f"The archive is busy (another program is writing to it): {detail}."
    if kind == "full":
        return f"The disk holding the archive is full ({detail})."
    if kind == "read-only":
        return f"The archive is read-only ({detail})."
    return f"Database error: {detail}"
