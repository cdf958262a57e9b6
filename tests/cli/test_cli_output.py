"""``list`` with nothing to show, ``--json`` on import and samples, import exit statuses
(issue 9 §4, §6; issue 10 §2, §8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("filters", [(), ("--status", "archived", "--lang", "en")])
def test_list_with_nothing_matching_says_so(
    capsys: pytest.CaptureFixture[str], db_path: Path, filters: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "list", *filters)
    assert (code, err) == (0, "")
    assert out.strip().endswith("0 articles")
    code, out, _ = run(capsys, "--db", str(db_path), "list", "--json", *filters)
    assert (code, json.loads(out)) == (0, [])


def test_list_json_streams_every_article_as_a_json_array(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    assert run(capsys, "--db", str(db_path), "samples", "--json")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 20
    assert {"id", "uuid", "lang", "status", "title", "updated_at"} <= set(rows[0])
    assert len(out.splitlines()) == 22  # one article a line, between [ and ]


def test_samples_and_import_answer_in_json(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "samples", "--json")
    assert code == 0 and json.loads(out) == {"created": 20}
    source = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "lang": "en", "title": "A", "body": "B"})
    source.write_text(f"{good}\nnot json\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db_path), "import", "--json", str(source))
    assert code == 1  # some records rejected
    report = json.loads(out)
    assert (report["created"], report["updated"], report["unchanged"]) == (1, 0, 0)
    assert report["rejected"][0]["where"] == "line 2"
    assert "rejected line 2" in err


def test_an_import_that_stops_exits_2_in_one_line(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from editor.app import importing

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(importing.ImportService, "_write_chunk", broken)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "lang": "en", "title": "A", "body": "B"}))
    code, _out, err = run(capsys, "--db", str(db_path), "import", str(source))
    assert code == 2
    assert err.count("\n") == 1 and "import stopped after 0 of 1" in err
    assert "something unforeseen" in err
