"""The ``newsdesk`` command, run in-process (plus one real subprocess)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from editor import __version__
from editor.cli import ProgressBar, main

REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps(
    {"id": "n1", "lang": "de", "title": "Übernahme für Müller", "body": "Text", "tags": ["M&A"]}
)
GOOD_EN = json.dumps({"id": "n2", "lang": "en", "title": "Chips", "body": "B", "status": "ready"})


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsdesk {__version__}"


def test_version_as_a_module_without_loading_the_database_layer() -> None:
    code = (
        "import sys\n"
        "from editor.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'PySide6') if m in sys.modules))\n"
    )
    light = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert light.stdout.splitlines() == [f"newsdesk {__version__}", "[]"]
    module = subprocess.run(
        [sys.executable, "-m", "editor.cli", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (module.returncode, module.stdout.strip()) == (0, f"newsdesk {__version__}")


def test_import_all_good_then_again_as_unchanged(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", GOOD, GOOD_EN)
    code, out, err = run(capsys, "--db", str(db_path), "import", str(source))
    assert (code, out.strip(), err) == (0, "2 created, 0 updated, 0 unchanged, 0 rejected", "")
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(source))
    assert (code, out.strip()) == (0, "0 created, 0 updated, 2 unchanged, 0 rejected")


def test_import_with_rejected_records_exits_1_and_names_each(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"\n".join(
            [
                GOOD.encode(),
                b'{"id": "x", "lang": "de", "title": "Gr\xfc\xdfe", "body": "b"}',
                b'{"id": "y", "lang": "de", "title": "T", "body": "b", "tags": "a,b"}',
            ]
        )
    )
    code, out, err = run(capsys, "--db", str(db_path), "import", str(source))
    assert code == 1
    assert out.strip() == "1 created, 0 updated, 0 unchanged, 2 rejected"
    lines = err.splitlines()
    assert lines[0].startswith("rejected line 2: not valid UTF-8")
    assert lines[1] == "rejected line 3: tags must be a list of names, not str"
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_import_of_a_missing_file_exits_2_and_creates_no_archive(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "import", str(tmp_path / "nope.jsonl"))
    assert (code, out) == (2, "")
    assert err.strip() == f"newsdesk: {tmp_path / 'nope.jsonl'} does not exist."
    assert db_path.stat().st_size == 0  # the archive was not even opened


def test_the_progress_bar_draws_on_one_line() -> None:
    stream = io.StringIO()
    bar = ProgressBar("Importing", stream, enabled=True)
    bar(0, 4)
    bar(2, 4)
    bar(4, 4)
    bar.finish()
    frames = stream.getvalue().split("\r")[1:]
    assert frames[1].startswith("Importing [" + "#" * 15 + "." * 15 + "] 2/4")
    assert frames[-1].endswith("] 4/4\n")


def test_list_show_and_filters(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    run(capsys, "--db", str(db_path), "import", str(_jsonl(tmp_path / "in.jsonl", GOOD, GOOD_EN)))

    code, out, _ = run(capsys, "--db", str(db_path), "list")
    assert code == 0
    assert "n1" in out and "Übernahme für Müller" in out and out.rstrip().endswith("2 articles")

    code, out, _ = run(capsys, "--db", str(db_path), "list", "--status", "ready", "--json")
    rows = json.loads(out)
    assert [(r["external_id"], r["lang"], r["status"]) for r in rows] == [("n2", "en", "ready")]
    assert isinstance(rows[0]["id"], int)

    code, out, _ = run(capsys, "--db", str(db_path), "list", "--lang", "de-CH", "--json")
    assert [r["external_id"] for r in json.loads(out)] == ["n1"]

    code, out, _ = run(capsys, "--db", str(db_path), "show", "n1", "--json")
    shown = json.loads(out)
    assert (shown["slug"], shown["tags"], shown["external_id"]) == (
        "uebernahme-fuer-mueller",
        ["M&A"],
        "n1",
    )
    code, out, _ = run(capsys, "--db", str(db_path), "show", str(shown["number"]))
    assert code == 0 and "# Übernahme für Müller" in out and "External id: n1" in out
    code, out, _ = run(capsys, "--db", str(db_path), "show", shown["uuid"])
    assert code == 0 and "# Übernahme für Müller" in out


def test_show_of_an_unknown_article(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "show", "nope")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "no article 'nope'" in err


def test_list_with_an_unknown_language(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _, err = run(capsys, "--db", str(db_path), "list", "--lang", "klingon")
    assert code == 2 and "unknown language code" in err


@pytest.mark.parametrize("fmt", ["jsonl", "markdown"])
def test_export_and_import_into_an_empty_archive(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    assert run(capsys, "--create", "--db", str(first), "samples")[0] == 0
    out_path = tmp_path / ("all.jsonl" if fmt == "jsonl" else "md")
    code, out, _ = run(
        capsys, "--db", str(first), "export", "--format", fmt, "--out", str(out_path)
    )
    assert code == 0 and out.startswith("20 articles exported")
    code, out, _ = run(capsys, "--create", "--db", str(second), "import", str(out_path))
    assert (code, out.strip()) == (0, "20 created, 0 updated, 0 unchanged, 0 rejected")
    code, out, _ = run(capsys, "--db", str(first), "import", str(out_path))
    assert (code, out.strip()) == (0, "0 created, 0 updated, 20 unchanged, 0 rejected")

    code, out, _ = run(capsys, "--db", str(first), "export", "--format", fmt, "--out",
                       str(out_path), "--replace", "--json")  # fmt: skip
    assert (code, json.loads(out)) == (0, {"exported": 20, "out": str(out_path)})

    listings = []
    for db in (first, second):
        _, out, _ = run(capsys, "--db", str(db), "list", "--json")
        listings.append(sorted((r["uuid"], r["title"], r["status"]) for r in json.loads(out)))
    assert listings[0] == listings[1]


def test_the_archive_comes_from_the_environment(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_DB", str(db_path))
    code, out, _ = run(capsys, "db", "info", "--json")
    info = json.loads(out)
    assert code == 0 and str(db_path) in info["location"]
    assert info["schema"] == info["schema_head"]
    assert info["articles"] == 0


def test_db_info_counts(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, "--db", str(db_path), "samples")
    code, out, _ = run(capsys, "--db", str(db_path), "db", "info")
    assert code == 0
    assert "Articles:  20 (+0 in the trash)" in out
    assert "Languages: de, en, zh" in out


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()


def _newer(path: Path) -> None:
    main(["--create", "--db", str(path), "db", "info"])
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda p: p.write_text("hello\n", encoding="utf-8"), "not an SQLite file"),
        (_foreign, "another program"),
        (_newer, "newer version of Newsdesk"),
    ],
)
def test_archive_errors_are_one_line_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, prepare: object, message: str
) -> None:
    path = tmp_path / "archive.sqlite"
    prepare(path)  # type: ignore[operator]
    capsys.readouterr()
    before = path.read_bytes()
    code, out, err = run(capsys, "--db", str(path), "list")
    assert (code, out) == (2, "")
    assert err.startswith("newsdesk: ") and err.count("\n") == 1 and message in err
    assert "Traceback" not in err
    assert path.read_bytes() == before


def test_without_a_command_the_editor_window_opens(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str | None] = []
    fake = types.ModuleType("editor.ui.app")
    fake.run = lambda db_url: calls.append(db_url) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "editor.ui.app", fake)
    assert main(["--db", str(db_path)]) == 0
    assert main([]) == 0
    assert calls == [str(db_path), None]


def test_an_archive_in_a_read_only_folder_is_one_line_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    path = folder / "archive.sqlite"
    assert main(["--create", "--db", str(path), "db", "info"]) == 0
    capsys.readouterr()
    folder.chmod(0o555)
    immutable = False
    try:
        if os.access(folder, os.W_OK):  # root ignores permission bits; chattr does not
            immutable = subprocess.run(["chattr", "+i", str(folder)], check=False).returncode == 0
            if not immutable or os.access(folder, os.W_OK):
                pytest.skip("cannot make a folder read-only here (root without chattr)")
        code, out, err = run(capsys, "--db", str(path), "list")
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "cannot be written" in err


def test_a_database_failure_during_import_is_one_line_and_keeps_written_chunks(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from editor.store import bulk

    real_insert = bulk.insert_many
    calls = []

    def full_disk_on_second_chunk(*args: object, **kwargs: object) -> list[int]:
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real_insert(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk, "insert_many", full_disk_on_second_chunk)
    monkeypatch.setattr("editor.app.importing.CHUNK_SIZE", 2)
    records = [
        json.dumps({"id": str(n), "lang": "de", "title": f"T{n}", "body": "b"}) for n in range(5)
    ]
    code, out, err = run(
        capsys, "--db", str(db_path), "import", str(_jsonl(tmp_path / "i.jsonl", *records))
    )
    assert (code, out) == (2, "")
    assert err.strip() == (
        "newsdesk: import stopped after 2 of 5 articles: "
        "The disk holding the archive is full (database or disk is full)."
    )
    monkeypatch.undo()
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(tmp_path / "i.jsonl"))
    assert (code, out.strip()) == (0, "3 created, 0 updated, 2 unchanged, 0 rejected")
