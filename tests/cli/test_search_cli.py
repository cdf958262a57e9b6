"""``newsdesk search`` and ``newsdesk reindex`` from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from editor.cli import main

ARTICLES = [
    {
        "id": "a1",
        "lang": "de",
        "title": "Übernahme für Müller",
        "body": "Die Straße ist lang.",
        "status": "published",
    },
    {
        "id": "a2",
        "lang": "en",
        "title": "Nvidia chips",
        "body": "Mueller said so.",
        "status": "draft",
    },
    {"id": "a3", "lang": "zh", "title": "人工智能", "body": "英伟达发布了新的芯片。"},
]


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8"
    )
    db = str(tmp_path / "a.sqlite")
    assert main(["--db", db, "--create", "import", str(source), "-q"]) == 0
    capsys.readouterr()
    return db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_prints_ranked_hits_with_the_passage(
    archive: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", archive, "search", "mueller")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("1. [") and "a1" in lines[0] and "Müller" in lines[0]
    assert "*Mueller*" in out


def test_search_json_with_options(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--db", archive, "search", "mueller", "--lang", "en", "--json", "--limit", "5"
    )
    data = json.loads(out)
    assert code == 0 and [h["external_id"] for h in data["hits"]] == ["a2"]
    assert set(data["hits"][0]) >= {"id", "external_id", "title", "language", "snippet", "score"}
    assert "<mark>Mueller</mark>" in data["hits"][0]["snippet"]
    _, out, _ = run(capsys, "--db", archive, "search", "müller", "--status", "published", "--json")
    assert [h["external_id"] for h in json.loads(out)["hits"]] == ["a1"]


def test_nothing_found_exits_with_one(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", archive, "search", '"NEAR * :')
    assert code == 1 and "nothing found" in out and err == ""


def test_queries_file_gives_one_json_line_per_query(
    archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = tmp_path / "q.txt"
    queries.write_text('strasse\n人工智能\n"unbalanced\n\nchips lang:en\n', encoding="utf-8")
    code, out, _ = run(capsys, "--db", archive, "search", "--queries", str(queries), "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 5
    assert [[h["external_id"] for h in r["hits"]] for r in records] == [
        ["a1"],
        ["a3"],
        [],
        [],
        ["a2"],
    ]


def test_queries_from_standard_input(
    archive: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("nvidia\n"))
    code, out, _ = run(capsys, "--db", archive, "search", "--queries", "-", "--json")
    assert code == 0 and json.loads(out)["hits"][0]["external_id"] == "a2"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search"], "give a QUERY or --queries"),
        (["search", "x", "--queries", "f"], "give a QUERY or --queries"),
        (["search", "--queries", "f"], "add --json"),
        (["search", "x", "--limit", "0"], "--limit"),
        (["search", "--queries", "/nonexistent/q.txt", "--json"], "cannot read"),
    ],
)
def test_usage_errors_are_one_line(
    archive: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", archive, *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and out == ""


def test_reindex(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", archive, "reindex", "--json")
    data = json.loads(out)
    assert code == 0 and data["indexed"] == 3 and data["backend"] == "sqlite-fts5"
    assert data["size_bytes"] is None or data["size_bytes"] > 0
    code, out, _ = run(capsys, "--db", archive, "reindex")
    assert code == 0 and out.startswith("indexed 3 articles")
