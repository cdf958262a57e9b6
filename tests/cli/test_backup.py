"""``newsdesk backup`` and ``restore``; the daily backup keeping seven (issue 9, Also)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from editor.app import backup
from editor.app.workspace import Workspace
from editor.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_then_restore_brings_the_archive_back_and_keeps_the_current_one(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    assert run(capsys, "--db", str(db_path), "samples")[0] == 0
    copy = tmp_path / "copy.sqlite"
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--out", str(copy), "--json")
    assert code == 0 and json.loads(out) == {"backup": str(copy)}
    assert sqlite3.connect(copy).execute("PRAGMA integrity_check").fetchone() == ("ok",)

    ws = Workspace.open(str(db_path))
    ws.articles.create(language="en", title="Written after the backup")
    ws.close()
    code, out, err = run(capsys, "--db", str(db_path), "restore", str(copy), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["articles"] == 20
    kept = Path(report["kept"])
    assert kept.exists() and kept.parent == db_path.parent
    ws = Workspace.open(str(db_path))
    try:
        assert ws.articles.count() == 20
    finally:
        ws.close()
    ws = Workspace.open(str(kept))
    try:
        assert ws.articles.count() == 21  # the archive as it was, nothing lost
    finally:
        ws.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, not a database\n", "not an SQLite file"),
        (None, "not a Newsdesk archive"),
    ],
)
def test_restore_checks_the_file_first_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    content: bytes | None,
    message: str,
) -> None:
    assert run(capsys, "--db", str(db_path), "samples")[0] == 0
    bad = tmp_path / "bad.sqlite"
    if content is None:
        connection = sqlite3.connect(bad)
        connection.execute("CREATE TABLE photos (id INTEGER)")
        connection.commit()
        connection.close()
    else:
        bad.write_bytes(content)
    before = db_path.read_bytes()
    code, out, err = run(capsys, "--db", str(db_path), "restore", str(bad))
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.before-restore-*"))


def test_a_damaged_backup_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    assert run(capsys, "--db", str(db_path), "samples")[0] == 0
    copy = tmp_path / "copy.sqlite"
    assert run(capsys, "--db", str(db_path), "backup", "--out", str(copy))[0] == 0
    data = bytearray(copy.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200  # scribble over a table page
    copy.write_bytes(bytes(data))
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(copy))
    assert code == 2 and ("damaged" in err or "not a database" in err)


def test_backup_refuses_to_overwrite_and_postgres_is_told_about_pg_dump(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    existing = tmp_path / "exists.sqlite"
    existing.write_bytes(b"x")
    code, _, err = run(capsys, "--db", str(db_path), "backup", "--out", str(existing))
    assert code == 2 and "exists already" in err
    assert existing.read_bytes() == b"x"


def test_the_daily_backup_is_taken_once_a_day_and_the_last_seven_are_kept(
    workspace: Workspace,
) -> None:
    workspace.articles.create(language="en", title="Kept")
    first = date(2026, 1, 1)
    for day in range(10):
        assert backup.daily_backup(workspace, today=first + timedelta(days=day)) is not None
    assert backup.daily_backup(workspace, today=first + timedelta(days=9)) is None  # once
    folder = backup.backup_folder(workspace)
    assert folder is not None
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"newsdesk-2026-01-{d:02d}.sqlite" for d in range(4, 11)]
    assert backup.check(folder / names[-1]).articles == 1


def test_the_daily_backup_runs_as_a_read_operation(workspace: Workspace) -> None:
    from editor.app.operations import ForegroundRunner

    operation = backup.daily_backup_operation(workspace)
    assert not operation.writes
    written = ForegroundRunner().run(operation)
    assert written is not None and written.is_file()
    assert ForegroundRunner().run(operation) is None


@pytest.mark.postgres
def test_a_postgresql_archive_is_pointed_to_pg_dump_and_pg_restore(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", pg_url, "backup", "--out", str(tmp_path / "x"))
    assert code == 2 and "pg_dump" in err and err.count("\n") == 1
    assert not (tmp_path / "x").exists()
    source = Workspace.open(str(tmp_path / "a.sqlite"))
    backup.backup(source, tmp_path / "copy.sqlite")
    source.close()
    code, _, err = run(capsys, "--db", pg_url, "restore", str(tmp_path / "copy.sqlite"))
    assert code == 2 and "pg_restore" in err
