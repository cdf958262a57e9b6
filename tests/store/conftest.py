"""Fixtures of the store's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.store.database import Database, open_database, sqlite_url


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """An archive freshly made at the head of the schema, closed after the test."""
    database = open_database(sqlite_url(db_path))
    try:
        yield database
    finally:
        database.close()
