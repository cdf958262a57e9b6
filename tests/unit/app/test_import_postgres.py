"""On PostgreSQL a NUL character in a body stopped the import and lost its chunk and
every later one (issue 9 §4): the record is rejected, the others are imported."""

from __future__ import annotations

import pytest

from editor.app.importing import ImportService
from editor.app.workspace import Workspace
from editor.core.importing import ArticleRecord, parse_jsonl
from editor.store.database import open_database

pytestmark = pytest.mark.postgres


def _record(n: int, body: str = "Text") -> ArticleRecord:
    return ArticleRecord(
        where=f"line {n}", external_id=f"r{n}", language="en", title=f"T {n}", body=body
    )


def test_a_nul_in_a_body_costs_only_its_record(pg_url: str) -> None:
    ws = Workspace(db=open_database(pg_url), user="pg")
    try:
        # Past the parser's own check (as another front end might hand records in).
        records = [_record(1), _record(2, "before\x00after"), _record(3), _record(4)]
        report = ImportService(ws, chunk_size=3).import_records(records)
        assert report.created == 3
        assert [r.where for r in report.rejected] == ["line 2"]
        # And from a file the parser rejects it with its line and reason first.
        parsed = parse_jsonl(b'{"id":"x","lang":"en","title":"T","body":"a\\u0000b"}\n')
        assert "NUL" in parsed.rejected[0].reason
    finally:
        ws.close()
