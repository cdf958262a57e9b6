"""What ``--db`` opens: the literal file, never a device, a dangling link's target, a
new folder, or (without ``--create``) a new archive for a mistyped name (issue 9 §6,
issue 10 §8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_name_with_url_escapes_and_a_query_is_that_very_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    name = tmp_path / "a%20b?mode=ro.sqlite"
    code, _, err = run(capsys, "--create", "--db", str(name), "samples")
    assert code == 0, err
    assert name.is_file() and name.stat().st_size > 0
    assert not (tmp_path / "a b").exists()
    code, out, _ = run(capsys, "--db", str(name), "list")
    assert code == 0 and "20 articles" in out


def test_a_device_is_refused_and_nothing_is_written_beside_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal_before = os.path.exists("/dev/null-journal")
    code, out, err = run(capsys, "--create", "--db", "/dev/null", "list")
    assert (code, out) == (2, "")
    assert "not a regular file" in err and err.count("\n") == 1
    assert os.path.exists("/dev/null-journal") == journal_before


def test_a_dangling_symbolic_link_is_refused_without_making_its_folders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    link = tmp_path / "link.sqlite"
    link.symlink_to(tmp_path / "missing" / "deeper" / "target.sqlite")
    code, _, err = run(capsys, "--create", "--db", str(link), "list")
    assert code == 2 and "symbolic link" in err
    assert not (tmp_path / "missing").exists()


def test_a_file_in_a_missing_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--create", "--db", str(tmp_path / "no" / "a.sqlite"), "list")
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "no").exists()


def test_a_missing_file_needs_create(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    typo = tmp_path / "tpyo.sqlite"
    code, out, err = run(capsys, "--db", str(typo), "list")
    assert (code, out) == (2, "")
    assert "--create" in err and err.count("\n") == 1
    assert not typo.exists()
    assert run(capsys, "--create", "--db", str(typo), "list")[0] == 0
    assert typo.is_file()


def test_the_default_archive_is_made_on_first_start_folder_and_all() -> None:
    from editor.app import config
    from editor.app.workspace import Workspace

    assert not config.default_database_path().exists()
    workspace = Workspace.open(None, user="first", create=False)
    workspace.close()
    assert config.default_database_path().is_file()
