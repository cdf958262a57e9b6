"""Same-language ranking in a two-language archive: do meaning vectors only add?

    python tests/benchmarks/bench_related_mixed.py [--vectors-cache PATH]

Archive: the 1,028 German news articles of `../shared/data/10kgnad_test` (9 section labels;
articles sharing a label count as related) and, as the other language, the 146 English
Wikipedia articles of `../shared/data/wikigold_en` (none is related to a German query: an
English suggestion is a miss). A German query's figure is the share of its best five that
are German articles of its section (P@5), as a page shows them: what other-language
suggestions push out counts against them. Queries are split by id into a tuning third and a
reporting two thirds; figures are for the reporting part, beside a plain TF-IDF cosine
measured in the same run. (There is no English news set with story labels in
`../shared/data`: English-to-English cannot be measured here.)

Configurations: words and the word list (the engine without a model), and with a meaning
vector for every article (the optional model; the vectors are cached in a file, as
computing them takes minutes).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
GNAD = SHARED / "10kgnad_test" / "articles.jsonl"
WIKIGOLD = SHARED / "wikigold_en" / "wikigold.jsonl"
TOP = 5


def load() -> tuple[list, dict[str, str]]:
    from editor.core.related import RelatedDoc

    docs, label = [], {}
    for line in GNAD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        docs.append(RelatedDoc(row["id"], "de", row["title"], row["body"]))
        label[row["id"]] = row["label"]
    for line in WIKIGOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        sentences = [" ".join(s["tokens"]) for s in row["sentences"]]
        if not sentences:
            continue
        docs.append(RelatedDoc(row["doc"], "en", sentences[0], " ".join(sentences[1:])))
    return docs, label


def reporting(doc_id: str) -> bool:
    """Two thirds of the queries, chosen by id (the other third is for tuning)."""
    return hashlib.sha256(doc_id.encode()).digest()[0] % 3 != 0


def precision(ranked: dict[str, list[str]], label: dict[str, str]) -> tuple[float, float]:
    """P@5 over the reporting queries, and the share of other-language suggestions."""
    queries = [q for q in ranked if reporting(q)]
    hits = sum(label.get(r) == label[q] for q in queries for r in ranked[q][:TOP])
    foreign = sum(r not in label for q in queries for r in ranked[q][:TOP])
    return hits / (TOP * len(queries)), foreign / (TOP * len(queries))


def vectors_for(docs: list, cache: Path):  # type: ignore[no-untyped-def]
    from editor.core.related.semantic import (
        SemanticVectors,
        embed_many,
        embedding_text,
        load_embedder,
        text_hash,
    )
    from editor.core.related.storage import IndexFileError

    try:
        return SemanticVectors.load(cache)
    except IndexFileError:
        pass
    model = load_embedder()
    if model is None:
        return None
    texts = [embedding_text(d) for d in docs]
    vectors = SemanticVectors(model.dim, model.name)
    started, at = time.perf_counter(), 0
    for rows in embed_many(model, texts, batch=8):
        for doc, text, row in zip(docs[at : at + len(rows)], texts[at:], rows, strict=False):
            vectors.put(doc.id, doc.lang, text_hash(text), row)
        at += len(rows)
    print(f"embedded {len(docs)} articles in {time.perf_counter() - started:.0f} s")
    vectors.save(cache)
    return vectors


def main(argv: list[str] | None = None) -> int:
    from editor.core import parallel

    parallel.prepare_process()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors-cache", type=Path, default=Path("/tmp/related-mixed.bin"))
    args = parser.parse_args(argv)
    if not GNAD.exists() or not WIKIGOLD.exists():
        print("10kgnad_test or wikigold_en not found in ../shared/data: nothing to measure")
        return 0

    from editor.core.related import RelatedIndex
    from tests.benchmarks.bench_related_quality import tfidf_ranker

    docs, label = load()
    german = [d.id for d in docs if d.lang == "de"]
    print(
        f"{len(german)} German queries ({sum(map(reporting, german))} reported), "
        f"{len(docs) - len(german)} English articles beside them"
    )
    records = [{"id": d.id, "title": d.title, "body": d.body} for d in docs]
    baseline = tfidf_ranker(records)
    p5, foreign = precision({q: baseline(q) for q in german}, label)
    print(f"{'plain TF-IDF cosine':40s} P@5 {p5:.3f}  other language in top 5 {foreign:.3f}")
    vectors = vectors_for(docs, args.vectors_cache)
    index = RelatedIndex.build(docs)
    runs = [("engine, words + word list", None)]
    if vectors is not None:
        runs.append(("engine + meaning vectors", vectors))
    for name, semantic in runs:
        index.semantic = semantic
        ranked = {q: [s.id for s in index.suggest(q, TOP, statuses=None)] for q in german}
        p5, foreign = precision(ranked, label)
        print(f"{name:40s} P@5 {p5:.3f}  other language in top 5 {foreign:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
