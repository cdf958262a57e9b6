"""The quality target on real news: 10kGNAD's test split (read from shared/data when present)."""

from __future__ import annotations

import pytest

from tests.benchmarks.bench_related_quality import engine_ranker, load, score
from tests.conftest import SHARED_DATA

DATA = SHARED_DATA / "10kgnad_test" / "articles.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(
    not DATA.exists(), reason=f"10kGNAD test split not present at {DATA} (outside data set)"
)
def test_precision_at_5_on_german_news_sections() -> None:
    # Articles sharing a section label count as related; plain TF-IDF cosine scores 0.65.
    records = load(DATA)

    precision, mrr = score(records, engine_ranker(records))

    assert precision >= 0.70
    assert mrr >= 0.80
