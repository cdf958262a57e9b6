"""The command line refuses a missing ``--db`` file unless ``--create``: the tests here
work on an archive that exists, an empty file (an empty SQLite database)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite"
    path.touch()
    return path
