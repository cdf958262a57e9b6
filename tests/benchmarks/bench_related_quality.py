"""Quality of related-article suggestions on 10kGNAD (German news, 9 section labels).

Articles sharing a label count as related. Prints precision@5 and MRR for the engine and for
a plain TF-IDF cosine baseline (sublinear tf, smoothed idf, stop words, no stemming), the
kind of baseline the data set's README quotes (P@5 0.655). Target (issue 3): P@5 >= 0.70.

    PYTHONPATH=. python tests/benchmarks/bench_related_quality.py [--data PATH] [--no-dictionary]

The labels are used only to score the results, never by the engine.
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.core.related import RelatedConfig, RelatedDoc, RelatedIndex
from editor.core.related.stopwords import GERMAN

DEFAULT_DATA = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "10kgnad_test" / "articles.jsonl"
)
TOP = 5


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def to_doc(record: dict) -> RelatedDoc:
    return RelatedDoc(
        id=record["id"], lang=record["lang"], title=record["title"], body=record["body"]
    )


def score(records: list[dict], rank: Callable[[str], list[str]]) -> tuple[float, float]:
    """Precision@5 and mean reciprocal rank of the first related article."""
    label = {r["id"]: r["label"] for r in records}
    hits = reciprocal = 0.0
    for record in records:
        found = rank(record["id"])[:TOP]
        related = [label[i] == record["label"] for i in found]
        hits += sum(related)
        reciprocal += next((1 / (n + 1) for n, ok in enumerate(related) if ok), 0.0)
    return hits / (TOP * len(records)), reciprocal / len(records)


def engine_ranker(
    records: list[dict], config: RelatedConfig | None = None
) -> Callable[[str], list[str]]:
    index = RelatedIndex.build([to_doc(r) for r in records], config=config)
    return lambda doc_id: [s.id for s in index.suggest(doc_id, top=TOP)]


def tfidf_ranker(records: list[dict]) -> Callable[[str], list[str]]:
    """Plain TF-IDF cosine over all terms: the reference the engine has to beat."""
    word = re.compile(r"\b\w\w+\b")
    counts = [
        Counter(w for w in word.findall(f"{r['title']} {r['body']}".lower()) if w not in GERMAN)
        for r in records
    ]
    return cosine_ranker([r["id"] for r in records], counts, TOP)


def cosine_ranker(
    ids: list[str], counts: list[Counter[str]], depth: int
) -> Callable[[str], list[str]]:
    """TF-IDF cosine (sublinear tf, smoothed idf) over the given term counts, one per id:
    the ``depth`` closest other ids of an id (the baselines of the related benchmarks)."""
    n = len(counts)
    df = Counter(t for c in counts for t in c)
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    vectors = []
    for number, c in enumerate(counts):
        raw = {t: (1 + math.log(f)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, f in c.items()}
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        vector = {t: w / norm for t, w in raw.items()}
        vectors.append(vector)
        for t, w in vector.items():
            postings[t].append((number, w))
    position = {doc_id: i for i, doc_id in enumerate(ids)}

    def rank(doc_id: str) -> list[str]:
        me = position[doc_id]
        totals: dict[int, float] = defaultdict(float)
        for t, w in vectors[me].items():
            for other, w2 in postings[t]:
                totals[other] += w * w2
        totals.pop(me, None)
        return [ids[i] for i in heapq.nlargest(depth, totals, key=totals.__getitem__)]

    return rank


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--no-dictionary", action="store_true", help="run without the trans-de-en word list"
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"10kGNAD test split not found at {args.data}; nothing to measure")
        return 1
    records = load(args.data)
    print(f"{len(records):,} articles, {len({r['label'] for r in records})} labels")
    config = RelatedConfig(use_dictionary=not args.no_dictionary)
    for name, make in (
        ("engine", lambda: engine_ranker(records, config)),
        ("TF-IDF baseline", lambda: tfidf_ranker(records)),
    ):
        started = time.perf_counter()
        rank = make()
        built = time.perf_counter()
        precision, mrr = score(records, rank)
        queried = time.perf_counter()
        print(
            f"{name:16s} P@5 {precision:.3f}  MRR {mrr:.3f}  "
            f"(build {built - started:.1f} s, {1000 * (queried - built) / len(records):.1f} ms"
            " per article)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
