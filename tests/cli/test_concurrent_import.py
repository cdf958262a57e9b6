"""Two ``newsdesk import`` processes into one PostgreSQL archive at the same time.

Before: one of them stopped with ``duplicate key value violates unique constraint
"uq_article_language_slug"`` (or ``uq_article_external_id``) and left its later
records unimported (issue 9 §2).  Both must finish, with the result of a serial run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor.app.workspace import Workspace
from editor.store.database import open_database

pytestmark = pytest.mark.postgres

REPO = Path(__file__).resolve().parents[2]
RECORDS = 1200  # a few chunks each, so that the two processes interleave


def _file(path: Path, prefix: str, records: int = RECORDS) -> Path:
    # Titles repeat across the two files (and within one): both claim the same slugs.
    lines = [
        json.dumps(
            {
                "id": f"{prefix}-{i}",
                "lang": "de" if i % 3 else "en",
                "title": f"Gleicher Titel {i % 200}",
                "body": f"Text {i}",
                "tags": [f"tag {i % 7}", "gemeinsam"],
            }
        )
        for i in range(records)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import_together(url: str, *files: Path) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "editor.cli", "--db", url, "import", "-q", str(f)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def _state(url: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]], int]:
    ws = Workspace(db=open_database(url))
    try:
        articles = [ws.articles.get(s.id) for s in ws.articles.list()]
    finally:
        ws.close()
    ids = sorted((a.external_id or "", a.body) for a in articles)
    slugs = sorted((a.language, a.slug) for a in articles)
    return ids, slugs, len(articles)


def test_two_imports_of_different_files_both_finish_like_a_serial_run(
    pg_url: str, tmp_path: Path
) -> None:
    first, second = _file(tmp_path / "a.jsonl", "a"), _file(tmp_path / "b.jsonl", "b")
    results = _import_together(pg_url, first, second)
    for result in results:
        assert result.returncode == 0, result.stderr
        assert f"{RECORDS} created" in result.stdout
    ids, slugs, count = _state(pg_url)
    assert count == 2 * RECORDS
    assert len(set(slugs)) == count  # every slug unique within its language
    assert {i for i, _ in ids} == {f"{p}-{i}" for p in "ab" for i in range(RECORDS)}


def test_the_same_file_imported_twice_at_once_creates_each_article_once(
    pg_url: str, tmp_path: Path
) -> None:
    same = _file(tmp_path / "same.jsonl", "s")
    results = _import_together(pg_url, same, same)
    for result in results:
        assert result.returncode == 0, result.stderr
    created = sum(int(r.stdout.split(" created")[0].split()[-1]) for r in results)
    assert created == RECORDS  # the other run found them: unchanged, not duplicated
    _ids, slugs, count = _state(pg_url)
    assert count == RECORDS and len(set(slugs)) == count
