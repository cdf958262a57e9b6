"""The synthetic archive the benchmarks run on: valid, varied and reproducible."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from editor.core.article import ListQuery
from editor.core.importing import parse_jsonl
from editor.store.articles import count_summaries, get_article
from editor.store.database import open_database, sqlite_url
from tests.benchmarks.synthetic import build_database, generate_records, write_jsonl


def test_same_seed_same_records_other_seed_other_records() -> None:
    first = list(generate_records(40, seed=7))
    assert first == list(generate_records(40, seed=7))
    assert first != list(generate_records(40, seed=8))


def test_records_have_the_lengths_and_mix_of_a_newsroom() -> None:
    records = list(generate_records(600, seed=3))
    assert len(records) == 600
    for record in records:
        assert 6 <= len(record["title"].split()) <= 14
        assert 20 <= len(record["teaser"].split()) <= 40
        assert 150 <= len(record["body"].split()) <= 900
        assert ("published_at" in record) == (
            record["status"] not in {"draft", "in_review", "ready"}
        )
    statuses = Counter(r["status"] for r in records)
    assert statuses["published"] > statuses["draft"] > 0
    assert {r["lang"] for r in records} == {"de", "en"}
    groups = Counter(r["group"] for r in records if "group" in r)
    assert groups and set(groups.values()) == {2}
    assert any("## " in r["body"] for r in records)
    assert len({r["id"] for r in records}) == 600


def test_the_importer_accepts_every_record(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "articles.jsonl", 200, seed=5)
    result = parse_jsonl(path.read_bytes())
    assert result.rejected == []
    assert len(result.records) == 200
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert result.records[0].title == first["title"]


def test_build_database_gives_an_archive_the_store_reads(tmp_path: Path) -> None:
    path = build_database(tmp_path / "archive.sqlite", 300, seed=11)
    records = list(generate_records(300, seed=11))
    db = open_database(sqlite_url(path))
    try:
        with db.session() as session:
            assert count_summaries(session, ListQuery()) == 300
            article = get_article(session, 17)
    finally:
        db.close()
    assert article.external_id == records[16]["id"]
    assert article.body == records[16]["body"]
    assert list(article.tags) == records[16]["tags"]
