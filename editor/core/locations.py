"""The URL of an SQLite archive file, its name taken literally.

A URL reads ``%20`` as a space and ``?mode=ro`` as options: a file called
``a%20b?mode=ro.sqlite`` opened ``a b`` instead.  Both characters are escaped,
so that SQLAlchemy's URL parser gives the very name back.
"""

from __future__ import annotations

from pathlib import Path

SQLITE_SCHEME = "sqlite+pysqlite:///"


def sqlite_file_url(path: Path | str) -> str:
    return SQLITE_SCHEME + str(path).replace("%", "%25").replace("?", "%3F")
