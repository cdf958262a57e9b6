"""Import, export and the samples as operations: progress reported, cancellation honoured."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from editor.app import archive_ops
from editor.app.operations import Cancelled, ForegroundRunner, OperationContext
from editor.core.article import ListQuery


def _source(path: Path, count: int) -> Path:
    lines = [
        json.dumps({"id": f"a{i}", "lang": "de", "title": f"Artikel {i}", "body": "Text"})
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_reports_progress_and_writes(workspace: Any, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    operation = archive_ops.import_articles(workspace, _source(tmp_path / "a.jsonl", 3))
    assert operation.writes
    report = ForegroundRunner(lambda d, t: seen.append((d, t))).run(operation)
    assert report.created == 3
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)


def test_a_cancelled_import_stops_before_the_next_chunk(workspace: Any, tmp_path: Path) -> None:
    stop = threading.Event()
    stop.set()
    operation = archive_ops.import_articles(workspace, _source(tmp_path / "a.jsonl", 3))
    with pytest.raises(Cancelled):
        operation.work(OperationContext(cancel_event=stop))
    assert workspace.articles.count(ListQuery()) == 0


def test_export_counts_what_it_writes(workspace: Any, tmp_path: Path) -> None:
    workspace.articles.create(title="Eins", body="Text")
    seen: list[tuple[int, int]] = []
    operation = archive_ops.export_articles(workspace, "jsonl", tmp_path / "out.jsonl")
    assert not operation.writes
    assert ForegroundRunner(lambda d, t: seen.append((d, t))).run(operation) == 1
    assert seen[-1] == (1, 1)


def test_samples_load_once(workspace: Any) -> None:
    runner = ForegroundRunner()
    created = runner.run(archive_ops.load_samples(workspace))
    assert created >= 20
    assert runner.run(archive_ops.load_samples(workspace)) == 0
