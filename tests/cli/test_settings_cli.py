"""``newsdesk settings get|set``: the site settings from a terminal, checked, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_get_lists_every_setting(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "settings", "get", "--json")
    assert code == 0
    values = json.loads(out)
    assert values["site.base_url"] == "https://example.org/"
    assert values["site.languages"] == ["de", "en"]
    code, out, _ = run(capsys, "--db", str(db_path), "settings", "get")
    assert "site.base_url" in out and "https://example.org/" in out


def test_set_then_get_one(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = ["--db", str(db_path)]
    code, out, _ = run(capsys, *db, "settings", "set", "site.base_url", "https://n.example.com")
    assert (code, out.strip()) == (0, "site.base_url = https://n.example.com/")
    code, out, _ = run(capsys, *db, "settings", "set", "site.languages", "en,de", "--json")
    assert json.loads(out) == {"site.languages": ["en", "de"]}
    code, out, _ = run(capsys, *db, "settings", "get", "site.languages")
    assert out.strip() == "en,de"
    code, out, _ = run(capsys, *db, "settings", "get", "site.default_language", "--json")
    assert json.loads(out) == "en"  # the first language, as none was chosen


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("site.base_url", "news.example.com", "must be absolute"),
        ("site.languages", "de,deutsch", "ISO 639-1"),
        ("site.default_language", "fr", "one of the site's languages"),
        ("site.colour", "blue", "There is no setting 'site.colour'"),
    ],
)
def test_a_refused_value_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db_path: Path, key: str, value: str, words: str
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "settings", "set", key, value)
    assert code == 2
    assert out == ""
    assert err.startswith("newsdesk: ") and words in err
    assert err.count("\n") == 1
    code, out, _ = run(capsys, "--db", str(db_path), "settings", "get", "--json")
    assert json.loads(out)["site.base_url"] == "https://example.org/"


def test_an_empty_value_restores_the_default(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    db = ["--db", str(db_path)]
    run(capsys, *db, "settings", "set", "site.templates", str(tmp_path))
    code, out, _ = run(capsys, *db, "settings", "get", "site.templates")
    assert out.strip() == str(tmp_path)
    code, out, _ = run(capsys, *db, "settings", "set", "site.templates", "")
    assert (code, out.strip()) == (0, "site.templates = (default)")
