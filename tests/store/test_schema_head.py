"""The constant that lets an up-to-date archive open without importing Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from editor.store import migrations

ROOT = Path(__file__).resolve().parents[2]


def test_schema_head_names_the_newest_migration() -> None:
    assert migrations.head_revision() == migrations.SCHEMA_HEAD, (
        "a migration was added: set SCHEMA_HEAD in editor/store/schema_version.py to its revision"
    )


def test_opening_a_current_archive_does_not_import_alembic(tmp_path: Path) -> None:
    from editor.store.database import open_database, sqlite_url

    url = sqlite_url(tmp_path / "a.sqlite")
    open_database(url).close()  # created (and migrated) in this process
    probe = (
        "import sys\n"
        "from editor.store.database import open_database\n"
        f"open_database({url!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
