"""The start-up snapshot: the same first page as the service, and nothing it should not read."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from editor.app.workspace import Workspace
from editor.core.article import ListQuery
from editor.core.workflow import Status
from editor.store.database import sqlite_url
from editor.store.schema_version import SCHEMA_HEAD
from editor.store.snapshot import read_article, read_snapshot, sqlite_file

ROOT = Path(__file__).resolve().parents[2]


def _fill(ws: Workspace, n: int) -> list[int]:
    """``n`` articles in mixed statuses and languages, some sharing an update time."""
    ids = []
    statuses = list(Status)
    for i in range(n):
        article = ws.articles.create(
            language="de" if i % 3 else "en",
            title=f"Artikel {i:02d}",
            author=f"Autorin {i % 4}",
            status=statuses[i % len(statuses)],
            tags=[f"Thema {i % 5}", "Technik"],
        )
        ids.append(article.id)
    # Equal times: the list orders them by id (newest first), the snapshot must too.
    base = datetime(2026, 11, 1, 9, 30, 15, 123456, tzinfo=UTC)
    with ws.db.session(write=True) as session:
        for position, article_id in enumerate(ids):
            when = base - timedelta(minutes=position // 3)
            session.execute(
                text("UPDATE article SET updated_at = :when WHERE id = :id"),
                {"when": when.replace(tzinfo=None), "id": article_id},
            )
    return ids


def test_the_first_page_is_the_services_first_page(workspace: Workspace, db_path: Path) -> None:
    ids = _fill(workspace, 24)
    workspace.articles.trash(ids[5])
    workspace.articles.trash(ids[6])

    snapshot = read_snapshot(workspace.db.url, page_size=10)

    assert snapshot is not None
    assert list(snapshot.rows) == workspace.articles.list(ListQuery(limit=10))
    assert snapshot.has_trash and not snapshot.is_empty
    assert snapshot.path == db_path.resolve()
    assert snapshot.description == workspace.db.description
    whole = read_snapshot(workspace.db.url, page_size=100)
    assert whole is not None
    assert list(whole.rows) == workspace.articles.list(ListQuery())
    assert len(whole.rows) == 22  # the two in the trash are not in the list


def test_an_article_reads_as_the_service_reads_it(workspace: Workspace) -> None:
    ids = _fill(workspace, 6)
    workspace.articles.update(ids[2], {"body": "# Titel\n\nText mit *Markdown*.", "teaser": "Kurz"})
    snapshot = read_snapshot(workspace.db.url, page_size=5)
    assert snapshot is not None

    for article_id in ids:
        assert read_article(snapshot, article_id) == workspace.articles.get(article_id)
    assert read_article(snapshot, max(ids) + 100) is None


def test_an_empty_archive_says_so(workspace: Workspace) -> None:
    snapshot = read_snapshot(workspace.db.url, page_size=10)
    assert snapshot is not None
    assert snapshot.rows == () and snapshot.is_empty


def test_a_text_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("meeting notes, not an archive\n" * 20, encoding="utf-8")
    assert read_snapshot(sqlite_url(path), page_size=10) is None


def test_another_programs_sqlite_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT)")
        connection.execute("INSERT INTO article (title) VALUES ('not ours')")
    connection.close()
    assert read_snapshot(sqlite_url(path), page_size=10) is None

    with sqlite3.connect(path) as connection:  # someone else's application id
        connection.execute("PRAGMA application_id = 1234")
    connection.close()
    assert read_snapshot(sqlite_url(path), page_size=10) is None


@pytest.mark.parametrize("version", ["0001", "9999_future"])
def test_an_older_or_newer_schema_is_left_to_the_normal_path(
    workspace: Workspace, tmp_path: Path, version: str
) -> None:
    _fill(workspace, 3)
    workspace.close()
    path = tmp_path / "copy.sqlite"
    shutil.copyfile(workspace.db.path, path)  # type: ignore[arg-type]
    for suffix in ("-wal", "-shm"):
        if Path(f"{workspace.db.path}{suffix}").exists():
            shutil.copyfile(f"{workspace.db.path}{suffix}", f"{path}{suffix}")
    assert read_snapshot(sqlite_url(path), page_size=10) is not None
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (version,))
    connection.close()
    assert version != SCHEMA_HEAD
    assert read_snapshot(sqlite_url(path), page_size=10) is None


def test_missing_files_and_other_databases_are_not_read(tmp_path: Path) -> None:
    assert read_snapshot(sqlite_url(tmp_path / "absent.sqlite"), page_size=10) is None
    assert read_snapshot("sqlite://", page_size=10) is None
    assert read_snapshot("postgresql+psycopg://newsdesk@db.example/newsdesk", page_size=10) is None
    assert (
        sqlite_file("sqlite:///relative/archive.sqlite")
        == Path("relative/archive.sqlite").resolve()
    )
    assert sqlite_file("sqlite:///file:archive?mode=ro&uri=true") is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_archive_is_left_to_the_normal_path(workspace: Workspace) -> None:
    _fill(workspace, 2)
    path = workspace.db.path
    assert path is not None
    path.chmod(0o444)
    try:
        assert read_snapshot(workspace.db.url, page_size=10) is None
    finally:
        path.chmod(0o644)


def test_reading_a_snapshot_does_not_write_or_import_sqlalchemy(workspace: Workspace) -> None:
    _fill(workspace, 4)
    url = workspace.db.url
    workspace.close()
    path = workspace.db.path
    assert path is not None
    before = path.read_bytes()
    code = (
        "import sys\n"
        "from editor.store.snapshot import read_snapshot\n"
        f"snapshot = read_snapshot({url!r}, page_size=3)\n"
        "assert snapshot is not None and len(snapshot.rows) == 3, snapshot\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "[]"
    assert path.read_bytes() == before
