"""Where the archive is: ``--db URL``, then ``NEWSDESK_DB``, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_documents_path

APP_NAME = "newsdesk"
ENV_DATABASE = "NEWSDESK_DB"


def data_dir() -> Path:
    """The per-user folder for the archive, indexes and backups."""
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_site_dir() -> Path:
    """Where the static site is published unless the settings name another folder."""
    return user_documents_path() / "Newsdesk site"


def default_database_path() -> Path:
    return data_dir() / "newsdesk.sqlite"


def database_url(explicit: str | None = None) -> str:
    """The SQLAlchemy URL to open: an explicit one, the environment's, or the default file.

    A plain path (no ``://``) is taken as an SQLite file.
    """
    value = explicit or os.environ.get(ENV_DATABASE) or ""
    if not value:
        return f"sqlite+pysqlite:///{default_database_path()}"
    if "://" not in value:
        return f"sqlite+pysqlite:///{Path(value).expanduser().resolve()}"
    return value
