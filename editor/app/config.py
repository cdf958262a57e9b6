"""Where the archive is: ``--db URL``, then ``NEWSDESK_DB``, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from editor.core.locations import sqlite_file_url

APP_NAME = "newsdesk"
ENV_DATABASE = "NEWSDESK_DB"


def data_dir() -> Path:
    """The per-user folder for the archive, indexes and backups."""
    # Imported here: a start on an archive named by --db or NEWSDESK_DB paints its
    # window without importing platformdirs.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_site_dir() -> Path:
    """Where the static site is published unless the settings name another folder."""
    from platformdirs import user_documents_path

    return user_documents_path() / "Newsdesk site"


def default_database_path() -> Path:
    return data_dir() / "newsdesk.sqlite"


def database_url(explicit: str | None = None) -> str:
    """The SQLAlchemy URL to open: an explicit one, the environment's, or the default file.

    A plain path (no ``://``) is taken as an SQLite file, literally; symbolic links are
    left for the store to check (a dangling one is refused, not followed).
    """
    value = explicit or os.environ.get(ENV_DATABASE) or ""
    if not value:
        return sqlite_file_url(default_database_path())
    if "://" not in value:
        return sqlite_file_url(Path(os.path.abspath(Path(value).expanduser())))
    return value


def is_default_archive(url: str) -> bool:
    """Whether ``url`` is the archive in the user's data folder (created on first start)."""
    return url == sqlite_file_url(default_database_path())


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL made by :func:`database_url`; None for a server."""
    from urllib.parse import unquote

    scheme, _, rest = url.partition(":///")
    if not scheme.startswith("sqlite") or not rest or rest.startswith(":memory:"):
        return None
    return Path(unquote(rest.split("?", 1)[0])).resolve()
