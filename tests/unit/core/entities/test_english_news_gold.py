"""The hand-annotated English news gold (tests/benchmarks/data/english_news) is usable
by bench_entities.py: it parses, every article exists in the source files, types are
the four CoNLL classes, and each name is written in its article."""

from __future__ import annotations

import json
import re

from tests.benchmarks.bench_entities import NEWS, english_news_articles

GOLD = NEWS / "english_news" / "gold.jsonl"


def test_gold_parses_with_known_ids_and_types() -> None:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 32
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for record in records:
        assert set(record) == {"id", "source", "names"}
        assert record["source"] in {"crosslang", "newswire"}
        assert record["names"], record["id"]
        names = [n["name"] for n in record["names"]]
        assert len(names) == len(set(names)), record["id"]
        for name in record["names"]:
            assert set(name) == {"name", "type"}
            assert name["type"] in {"PER", "ORG", "LOC", "MISC"}
            assert name["name"] == name["name"].strip() and name["name"]


def test_every_article_exists_and_every_name_is_in_its_text() -> None:
    articles = english_news_articles()  # KeyError when an id is not in the sources
    assert len(articles) == len(GOLD.read_text(encoding="utf-8").splitlines())
    newswire = [a for a in articles if a[1] == "newswire"]
    assert len(newswire) == 32  # 24 stories' -en1 versions and 8 roundups
    for article_id, source, text, gold in articles:
        assert (source == "newswire") == article_id.startswith("nw-")
        assert article_id.endswith(("-en1", "-en")) or "-en-" in article_id
        for name, _ in gold:
            assert re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text), (article_id, name)
