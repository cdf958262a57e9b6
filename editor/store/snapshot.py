"""A first look at an SQLite archive with the standard library only, for a fast start.

Importing SQLAlchemy costs about 0.3 s, more than the whole rest of a start.
The window's first paint only needs the first page of the article list, so
:func:`read_snapshot` reads it through :mod:`sqlite3` on a read-only
connection, and the full :func:`~editor.store.database.open_database` (with
its safety checks and migrations) runs once the window is on screen.

The snapshot is an optimisation, never a second way in: whatever is not a
current, writable Newsdesk SQLite file, and any error at all, gives ``None``,
and the caller takes the normal path, which explains the problem to the user.
Nothing here writes to the file.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from editor.core.article import Article, ArticleSummary
from editor.core.workflow import Status
from editor.store.schema_version import APPLICATION_ID, SCHEMA_HEAD, SQLITE_MAGIC

_SQLITE_SCHEMES = ("sqlite:///", "sqlite+pysqlite:///")
_HEADER_SIZE = 100
_APPLICATION_ID_OFFSET = 68

_SUMMARY_COLUMNS = "id, uuid, external_id, title, language, status, author, updated_at, deleted"
# The default list (ListQuery(): live articles, newest change first), as in
# articles.list_summaries.  "+deleted" keeps SQLite from choosing the
# (deleted, status) index and sorting every live row: walking the updated_at
# index backwards stops after one page (~1 ms instead of ~0.3 s on 100k rows
# of an archive that was never ANALYZEd).
_FIRST_PAGE = (
    f"SELECT {_SUMMARY_COLUMNS} FROM article WHERE +deleted = 0 "
    "ORDER BY updated_at DESC, id DESC LIMIT ?"
)
_ANY_TRASHED = "SELECT EXISTS (SELECT 1 FROM article WHERE deleted = 1)"
_ARTICLE = (
    "SELECT id, uuid, external_id, slug, slug_locked, title, teaser, body, language, status, "
    "author, created_at, updated_at, published_at, deleted, group_id, version "
    "FROM article WHERE id = ?"
)
_TAGS = (
    "SELECT entity.name FROM article_entity JOIN entity ON entity.id = article_entity.entity_id "
    "WHERE article_entity.article_id = ? ORDER BY article_entity.position"
)


@dataclass(frozen=True)
class Snapshot:
    """The first page of the default article list, read before the archive is opened."""

    url: str
    path: Path
    rows: tuple[ArticleSummary, ...]  # list_summaries(ListQuery(limit=page_size))
    has_trash: bool  # any article in the trash
    # No count of the live articles: it scans the index (~10 ms on 100k rows)
    # and the first paint does not show it; the list counts once the archive is open.

    @property
    def is_empty(self) -> bool:
        """No article at all (a first start, which offers the samples)."""
        return not self.rows and not self.has_trash

    @property
    def description(self) -> str:
        """As :attr:`editor.store.database.Database.description` says it."""
        return f"local SQLite: {self.path}"


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL, resolved; None for anything else.

    URLs with options, in-memory databases and other servers are left to the
    normal path (they are rare, and it parses URLs properly).
    """
    for scheme in _SQLITE_SCHEMES:
        if url.startswith(scheme):
            database = url[len(scheme) :]
            if not database or "?" in database or "%" in database or database.startswith(":"):
                return None
            return Path(database).expanduser().resolve()
    return None


def read_snapshot(url: str, *, page_size: int) -> Snapshot | None:
    """The first ``page_size`` rows of the default list, or None if the fast path won't do."""
    path = sqlite_file(url)
    if path is None or not _looks_current(path):
        return None
    try:
        with _read_only(path) as connection:
            if not _is_current_schema(connection):
                return None
            rows = tuple(_summary(row) for row in connection.execute(_FIRST_PAGE, (page_size,)))
            (has_trash,) = connection.execute(_ANY_TRASHED).fetchone()
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return None  # locked, damaged, unexpected values: the normal path will say what
    return Snapshot(url=url, path=path, rows=rows, has_trash=bool(has_trash))


def read_article(snapshot: Snapshot, article_id: int) -> Article | None:
    """One article as :func:`editor.store.articles.get_article` returns it; None if unreadable."""
    try:
        with _read_only(snapshot.path) as connection:
            row = connection.execute(_ARTICLE, (article_id,)).fetchone()
            if row is None:
                return None
            tags = tuple(name for (name,) in connection.execute(_TAGS, (article_id,)))
    except (sqlite3.Error, OSError):
        return None
    try:
        return _article(row, tags)
    except (ValueError, TypeError):
        return None


# ---------------------------------------------------------------- checks


def _looks_current(path: Path) -> bool:
    """Ours (magic, application id) and writable, like open_database wants it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(_HEADER_SIZE)
    except OSError:
        return False
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return False
    offset = _APPLICATION_ID_OFFSET
    # 0: the id may still be in the write-ahead log (checked again, through it, by PRAGMA).
    if int.from_bytes(header[offset : offset + 4], "big") not in (0, APPLICATION_ID):
        return False
    # open_database refuses files it cannot write; let it be the one to say so.
    return os.access(path, os.R_OK | os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _is_current_schema(connection: sqlite3.Connection) -> bool:
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    if application_id != APPLICATION_ID:
        return False
    versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return versions == [(SCHEMA_HEAD,)]


def _read_only(path: Path) -> closing[sqlite3.Connection]:
    """A read-only connection (closed after the block) that never waits long for a lock."""
    return closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.1))


# ---------------------------------------------------------------- values


def _timestamp(value: str | None) -> datetime | None:
    """SQLAlchemy's SQLite DATETIME text ("2026-10-03 04:17:00.000000"), as aware UTC."""
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _required_timestamp(value: str) -> datetime:
    stamp = _timestamp(value)
    if stamp is None:
        raise ValueError("a required time is missing")
    return stamp


def _summary(row: tuple[Any, ...]) -> ArticleSummary:
    id_, uuid, external_id, title, language, status, author, updated_at, deleted = row
    return ArticleSummary(
        id=id_,
        uuid=uuid,
        external_id=external_id,
        title=title,
        language=language,
        status=Status(status),
        author=author,
        updated_at=_required_timestamp(updated_at),
        deleted=bool(deleted),
    )


def _article(row: tuple[Any, ...], tags: tuple[str, ...]) -> Article:
    (id_, uuid, external_id, slug, slug_locked, title, teaser, body, language, status) = row[:10]
    (author, created_at, updated_at, published_at, deleted, group_id, version) = row[10:]
    return Article(
        id=id_,
        uuid=uuid,
        external_id=external_id,
        slug=slug,
        slug_locked=bool(slug_locked),
        title=title,
        teaser=teaser,
        body=body,
        language=language,
        status=Status(status),
        author=author,
        created_at=_required_timestamp(created_at),
        updated_at=_required_timestamp(updated_at),
        published_at=_timestamp(published_at),
        deleted=bool(deleted),
        group_id=group_id,
        version=version,
        tags=tags,
    )
