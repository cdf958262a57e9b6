"""``newsdesk translate``, ``translation status``, ``tm``, ``xliff`` and ``lang detect``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main

ARTICLE = {
    "id": "story-1", "lang": "de", "title": "Neuer Akku hält länger",
    "body": "Der Akku hält nun zwölf Stunden.\n\nEr kostet 49 Euro.", "tags": ["Akkus"],
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = str(tmp_path / "archive.sqlite")
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    assert run(capsys, "--create", "--db", url, "import", str(source))[0] == 0
    return url


def test_translate_status_and_xliff_round_trip(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "translate", "story-1", "--to", "en", "--json")
    assert code == 0
    created = json.loads(out)
    assert (created["lang"], created["tags"]) == ("en", ["Akkus"])
    xlf = tmp_path / "story.xlf"
    code, out, _ = run(capsys, "--db", db, "xliff", "export", "story-1", "--to", "en",
                       "--out", str(xlf), "--json")  # fmt: skip
    assert code == 0 and json.loads(out) == {"id": created["id"], "created": False,
                                             "out": str(xlf)}  # fmt: skip
    text = xlf.read_text(encoding="utf-8").replace(
        "<source>Er kostet 49 Euro.</source>",
        '<source>Er kostet 49 Euro.</source><target state="translated">It costs 49 euros.</target>',
    )
    xlf.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "xliff", "import", str(xlf), "--json")
    assert code == 0 and json.loads(out)["applied"] == 1
    code, out, _ = run(capsys, "--db", db, "translation", "status", str(created["id"]), "--json")
    status = json.loads(out)
    assert status["counts"] == {"untranslated": 2, "draft": 0, "translated": 1, "reviewed": 0}
    assert status["segments"][-1]["target"] == "It costs 49 euros."
    code, out, _ = run(capsys, "--db", db, "translation", "status", str(created["id"]))
    assert "33% done" in out and "It costs 49 euros." in out


def test_tm_import_lookup_export(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmx = tmp_path / "omegat.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.1"><header creationtool="OmegaT"'
        ' o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="6"'
        ' segtype="sentence" srclang="DE-DE"/><body>'
        '<tu><tuv lang="DE-DE"><seg>Der Akku hält zehn Stunden.</seg></tuv>'
        '<tuv lang="EN-GB"><seg>The battery lasts ten hours.</seg></tuv></tu>'
        '<tu><tuv lang="DE-DE"><seg>Nur Deutsch.</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", db, "tm", "import", str(tmx), "--json")
    assert code == 0
    skipped = ["unit 2: fewer than two languages with text"]
    assert json.loads(out) == {"added": 1, "known": 0, "tool": "OmegaT", "skipped": skipped}
    code, out, _ = run(capsys, "--db", db, "tm", "lookup", "--from", "de", "--to", "en",
                       "Der Akku hält zwölf Stunden.", "--json")  # fmt: skip
    (match,) = json.loads(out)
    assert match["target"] == "The battery lasts ten hours."
    assert ["-", "zehn"] in match["diff"] and ["+", "zwölf"] in match["diff"]
    out_file = tmp_path / "out.tmx"
    assert run(capsys, "--db", db, "tm", "export", "--out", str(out_file))[0] == 0
    assert b"The battery lasts ten hours." in out_file.read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<tmx version='1.4'><header/><body><tu>", "not well-formed XML"),
        (b"<tmx version='2.0'><header/><body/></tmx>", "TMX version 2.0 is not supported"),
    ],
)
def test_a_bad_tmx_is_one_line_on_stderr(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(content)
    code, out, err = run(capsys, "--db", db, "tm", "import", str(bad))
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_translating_twice_is_an_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db, "translate", "story-1", "--to", "en")[0] == 0
    code, _, err = run(capsys, "--db", db, "translate", "story-1", "--to", "en")
    assert code == 2 and "already has a 'en' version" in err


def test_an_unknown_language_is_one_line_on_stderr(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (("translate", "story-1"), ("xliff", "export", "story-1", "--out", "x.xlf")):
        code, out, err = run(capsys, "--db", db, *command, "--to", "klingon")
        assert (code, out) == (2, "")
        assert "unknown language code 'klingon'" in err and err.count("\n") == 1


def test_xliff_export_finds_the_version_whatever_the_code_is_spelled(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "translate", "story-1", "--to", "en", "--json")
    made = json.loads(out)["id"]
    xlf = tmp_path / "story.xlf"
    code, out, _ = run(capsys, "--db", db, "xliff", "export", "story-1", "--to", "en-GB",
                       "--out", str(xlf), "--json")  # fmt: skip
    assert (code, json.loads(out)) == (0, {"id": made, "created": False, "out": str(xlf)})


def test_lang_detect_text_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lang", "detect", "The council met on Tuesday to vote.", "--json")
    assert code == 0 and json.loads(out)["lang"] == "en"
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        '{"id": "a", "text": "Die Regierung hat am Dienstag neue Regeln beschlossen."}\n'
        '{"id": "b", "text": "2026"}\n'
        "not json\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "lang", "detect", "--jsonl", str(lines), "--among", "de,en")
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [a["lang"] for a in answers] == ["de", None, None]
    assert answers[0]["id"] == "a" and answers[0]["confidence"] > 0.5
    assert "line 3" in answers[2]["error"]


def test_glossary_add_list_remove_and_the_checks_use_it(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", db, "glossary", "add", "Galaxy  S25")[0] == 0
    code, _, _ = run(capsys, "--db", db, "glossary", "add", "Akku", "--as", "battery",
                     "--from", "DE", "--to", "en")  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "glossary", "list", "--json")
    assert json.loads(out) == [
        {"term": "Akku", "translation": "battery", "from": "de", "to": "en"},
        {"term": "Galaxy S25", "translation": None, "from": None, "to": None},
    ]
    # The translation's checks hold to it: "Akku" must become "battery".
    created = json.loads(run(capsys, "--db", db, "translate", "story-1", "--to", "en",
                             "--json")[1])  # fmt: skip
    from editor.app.workspace import Workspace

    ws = Workspace.open(db)
    try:
        ws.translation.save_segment(created["id"], "body:0", "The cell now lasts twelve hours.")
        assert any("battery" in p.message for p in ws.translation.check(created["id"]))
    finally:
        ws.close()
    assert (
        run(capsys, "--db", db, "glossary", "remove", "Akku", "--from", "de", "--to", "en")[0] == 0
    )
    code, _, err = run(capsys, "--db", db, "glossary", "remove", "Akku")
    assert code != 0 and "no 'Akku'" in err and "\n" not in err.strip()
    code, _, err = run(capsys, "--db", db, "glossary", "add", "Akku", "--from", "de")
    assert code != 0 and "both --from and --to" in err
    code, _, err = run(capsys, "--db", db, "glossary", "add", "x" * 201)
    assert code != 0 and "longer than 200" in err
    assert json.loads(run(capsys, "--db", db, "glossary", "list", "--json")[1]) == [
        {"term": "Galaxy S25", "translation": None, "from": None, "to": None}
    ]
