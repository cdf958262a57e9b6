"""Opening archives: a new file is set up right, anything not ours is left untouched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from editor.store import migrations
from editor.store.database import APPLICATION_ID, open_database, sqlite_url
from editor.store.errors import (
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
)


def _pragma(path: Path, name: str) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


def test_a_new_file_is_created_at_the_head_revision_with_wal_and_our_application_id(
    db_path: Path,
) -> None:
    db = open_database(sqlite_url(db_path))
    try:
        with db.engine.connect() as connection:
            foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
            journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        assert foreign_keys == 1
        assert journal == "wal"
        assert migrations.current_revision(db.engine) == migrations.head_revision()
        assert db.backup_path is None  # nothing to keep a copy of
        assert db.path == db_path.resolve()
    finally:
        db.close()
    assert _pragma(db_path, "application_id") == APPLICATION_ID


def test_opening_twice_keeps_the_data(db_path: Path) -> None:
    db = open_database(sqlite_url(db_path))
    with db.session(write=True) as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('k', '\"v\"')"))
    db.close()
    db = open_database(sqlite_url(db_path))
    try:
        with db.session() as s:
            assert s.execute(text("SELECT value FROM setting WHERE key='k'")).scalar() == '"v"'
    finally:
        db.close()


def _refused(path: Path, error: type[Exception], match: str) -> None:
    """Opening ``path`` raises ``error`` and leaves every byte of the file as it was."""
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error, match=match) as caught:
        open_database(sqlite_url(path))
    assert "nothing was changed" in str(caught.value) or error is NewerSchemaError
    assert path.read_bytes() == before
    # No -wal/-shm or backup file appeared next to it either.
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Meeting notes\nnot a database\n", encoding="utf-8")
    _refused(path, NotADatabaseError, "not an SQLite file")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="is a folder"):
        open_database(sqlite_url(tmp_path))


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "contacts.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO contact (name) VALUES ('Ada')")
    connection.commit()
    connection.close()
    _refused(path, ForeignDatabaseError, "another program")


def test_a_file_with_a_foreign_application_id_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1234")
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
    connection.commit()
    connection.close()
    _refused(path, ForeignDatabaseError, "0x4d2")


def test_a_newer_schema_is_refused_untouched(db_path: Path) -> None:
    open_database(sqlite_url(db_path)).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    _refused(db_path, NewerSchemaError, "newer version of Newsdesk")


@contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` unwritable, also for root (who ignores permission bits)."""
    folder.chmod(0o555)
    immutable = False
    try:
        if os.access(folder, os.W_OK):
            result = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
            immutable = result.returncode == 0
            if not immutable or os.access(folder, os.W_OK):
                pytest.skip("cannot make a folder read-only here (root without chattr)")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_an_archive_in_a_read_only_folder_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    path = folder / "archive.sqlite"
    open_database(sqlite_url(path)).close()
    with _read_only(folder):
        _refused(path, DatabaseUnavailableError, "cannot be written")


def test_a_new_archive_cannot_be_created_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    with _read_only(folder), pytest.raises(DatabaseUnavailableError, match="not writable"):
        open_database(sqlite_url(folder / "new.sqlite"))
    assert list(folder.iterdir()) == []


def test_upgrading_keeps_the_data_and_a_backup_copy(db_path: Path) -> None:
    """An archive at the first revision is upgraded to head; a copy is kept beforehand."""
    first = "0001"
    assert first != migrations.head_revision(), "needs a second migration to upgrade to"
    engine = create_engine(sqlite_url(db_path))
    migrations.upgrade(engine, first)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (uuid, slug, slug_locked, title, teaser, body, language,"
                " status, author, created_at, updated_at, deleted, version)"
                " VALUES ('u-1', 'alte-meldung', 0, 'Alte Meldung', '', 'Text', 'de', 'draft',"
                " '', '2025-01-01 10:00:00', '2025-01-01 10:00:00', 0, 1)"
            )
        )
    engine.dispose()

    db = open_database(sqlite_url(db_path))
    try:
        assert migrations.current_revision(db.engine) == migrations.head_revision()
        with db.session() as s:
            assert s.execute(text("SELECT title FROM article")).scalars().all() == ["Alte Meldung"]
        assert db.backup_path is not None and db.backup_path.exists()
        assert first in db.backup_path.name
    finally:
        db.close()
    backup = sqlite3.connect(db.backup_path)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (first,)
        assert backup.execute("SELECT title FROM article").fetchall() == [("Alte Meldung",)]
    finally:
        backup.close()


def test_the_models_and_the_migrations_agree(db_path: Path) -> None:
    """``alembic check``: autogenerate finds nothing to add to the migrations."""
    open_database(sqlite_url(db_path)).close()
    command.check(migrations.alembic_config(sqlite_url(db_path)))


def test_a_damaged_file_with_an_sqlite_header_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    header = b"SQLite format 3\x00".ljust(100, b"\x00")  # no application id: looks like ours
    path.write_bytes(header + bytes(range(256)) * 20)
    _refused(path, NotADatabaseError, "damaged or not a database")
