"""Related links on news: same story within a language and across, beside plain TF-IDF.

    nice -n 10 python tests/benchmarks/bench_related_news.py [--fit] [--words N]

Two archives, every figure for a tuning part and a held-out reporting part of the queries
(all articles are candidates), beside a plain TF-IDF cosine measured in the same run:

- wire: `data/newswire/` (136 invented agency-style articles: 24 stories in 8 families,
  three English and two German versions each, rewritten not translated, plus roundups)
  with `data/crosslang/` (144 invented technology articles) as near-topic candidates.
  Families alternate between the tuning and the reporting part. Figures: of the queries,
  the share with another version of their story in the top 5, by query and target
  language (`en>en`, `de>de`, `de>en`, `en>de`); `en R@5`: of the two other English
  versions, the share in the top 5; `own R@5`: the same in the top 5 of the English
  suggestions alone (the words' ranking, before the other language takes places).
- gnad: the 1,028 real German articles of `../shared/data/10kgnad_test` (9 sections) with
  the English articles of both invented sets beside them (an English suggestion is a miss
  for a German query). `P@5`: share of the top 5 from the query's section; `xl@5`: share
  of the top 5 in English. A third of the queries (by id hash) tunes, the rest reports.

Configurations: the engine with each way of merging the languages (`language_fusion`:
legacy, rank, learned), without and with meaning vectors (the optional model; vectors are
cached under /tmp, the first run embeds ~1,300 articles and prints the rate).
`--fit` fits the learned fusion's weights on the tuning part and prints them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.core import parallel

# Before NumPy loads (editor.core.related imports it): else this process cannot fork the
# workers that embed on both cores.
parallel.prepare_process()

from editor.core.related import RelatedConfig, RelatedDoc, RelatedIndex  # noqa: E402
from editor.core.related.stopwords import ENGLISH, GERMAN  # noqa: E402
from tests.benchmarks.bench_related_quality import cosine_ranker  # noqa: E402

DATA = Path(__file__).parent / "data"
GNAD = Path(__file__).resolve().parents[3] / "shared" / "data" / "10kgnad_test" / "articles.jsonl"
TOP = 5
DEPTH = 20  # suggestions asked for: the top 5 of the query's own language are among them
Rank = Callable[[str], list[str]]


def _doc(row: dict) -> RelatedDoc:
    published = datetime.fromisoformat(row["published"]).replace(tzinfo=UTC)
    body = f"{row['teaser']}\n\n{row['body']}" if row.get("teaser") else row["body"]
    return RelatedDoc(row["id"], row["lang"], row["title"], body, (), None, published)


def load_wire() -> tuple[list[RelatedDoc], dict[str, str], dict[str, str]]:
    """Docs, story of each id, and part ("tune", "report"; "none": never a query)."""
    docs, story, part = [], {}, {}
    files = [DATA / "newswire" / "newswire.jsonl", *sorted((DATA / "crosslang").glob("*.jsonl"))]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                docs.append(_doc(row))
                story[row["id"]] = row["story"]
                part[row["id"]] = row.get("part", "none")
    return docs, story, part


def load_gnad(english: list[RelatedDoc]) -> tuple[list[RelatedDoc], dict[str, str]]:
    docs, label = [], {}
    for line in GNAD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        docs.append(RelatedDoc(row["id"], "de", row["title"], row["body"]))
        label[row["id"]] = row["label"]
    return docs + english, label


def gnad_part(doc_id: str) -> str:
    return "tune" if hashlib.sha256(doc_id.encode()).digest()[0] % 3 == 0 else "report"


def tfidf_ranker(docs: list[RelatedDoc]) -> Rank:
    """Plain TF-IDF cosine over all words (sublinear tf, smoothed idf, both stop lists)."""
    word = re.compile(r"[^\W\d_]{2,}")
    stops = GERMAN | ENGLISH
    counts = [
        Counter(w for w in word.findall(f"{d.title} {d.body}".lower()) if w not in stops)
        for d in docs
    ]
    return cosine_ranker([d.id for d in docs], counts, DEPTH)


def wire_figures(
    docs: list[RelatedDoc], story: dict[str, str], queries: list[str], rank: Rank
) -> dict[str, float]:
    lang = {d.id: d.lang for d in docs}
    members: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        members[story[d.id]].append(d.id)
    hits: dict[str, list[float]] = defaultdict(list)
    for q in queries:
        ranked = rank(q)
        top = set(ranked[:TOP])
        own = set([r for r in ranked if lang[r] == lang[q]][:TOP])
        for target in ("en", "de"):
            wanted = set(m for m in members[story[q]] if m != q and lang[m] == target)
            if wanted:
                hits[f"{lang[q]}>{target}"].append(float(bool(top & wanted)))
                if lang[q] == target == "en":
                    hits["en R@5"].append(len(top & wanted) / len(wanted))
                    hits["own R@5"].append(len(own & wanted) / len(wanted))
    order = ("en>en", "en R@5", "own R@5", "de>de", "de>en", "en>de")
    return {k: sum(hits[k]) / len(hits[k]) for k in order if hits[k]}


def gnad_figures(label: dict[str, str], queries: list[str], rank: Rank) -> dict[str, float]:
    right = foreign = 0
    for q in queries:
        top = rank(q)[:TOP]
        right += sum(label.get(r) == label[q] for r in top)
        foreign += sum(r not in label for r in top)
    n = TOP * len(queries)
    return {"P@5": right / n, "xl@5": foreign / n}


def embed(docs: list[RelatedDoc], words: int):  # type: ignore[no-untyped-def]
    """Meaning vectors of `docs` (cached under /tmp), or None without the model."""
    from editor.core.related.semantic import (
        SemanticVectors,
        embed_many,
        embedding_text,
        load_embedder,
        text_hash,
    )
    from editor.core.related.storage import IndexFileError

    texts = [embedding_text(d, words) for d in docs]
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
    cache = Path(f"/tmp/related-news-{words}-{key}.bin")
    try:
        return SemanticVectors.load(cache)
    except IndexFileError:
        pass
    model = load_embedder()
    if model is None:
        return None
    vectors = SemanticVectors(model.dim, model.name)
    started, at = time.perf_counter(), 0
    for rows in embed_many(model, texts, batch=8):
        for doc, text, row in zip(docs[at : at + len(rows)], texts[at:], rows, strict=False):
            vectors.put(doc.id, doc.lang, text_hash(text), row)
        at += len(rows)
    wall = time.perf_counter() - started
    rate = len(docs) / wall
    print(f"embedded {len(docs)} articles ({words} words) in {wall:.0f} s: {rate:.1f}/s")
    vectors.save(cache)
    return vectors


def fit_logistic(rows: list[tuple[tuple[float, ...], int]], l2: float = 0.01) -> list[float]:
    """Logistic regression by Newton's method (few features, a few thousand rows)."""
    import numpy as np

    x = np.array([r[0] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows], dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -40, 40)))
        gradient = x.T @ (p - y) + l2 * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return [round(float(v), 2) for v in w]


def fit(archives: list, vectors) -> dict[str, tuple[float, ...]]:  # type: ignore[no-untyped-def]
    """The learned fusion's weights, from the other-language candidates of the tuning
    queries of both archives: (index, queries, same story?, language of each id)."""
    from editor.core.related.fusion import evidence_features

    rows: dict[str, list[tuple[tuple[float, ...], int]]] = defaultdict(list)
    for index, queries, same, lang in archives:
        for semantic in (None, vectors):
            index.semantic = semantic
            for q in queries:
                for candidate, found in index.fusion_evidence(q, statuses=None).items():
                    if lang[candidate] != lang[q]:
                        kind = "words" if found.similarity is None else "vectors"
                        rows[kind].append((evidence_features(found), int(same(q, candidate))))
    weights = {kind: fit_logistic(found) for kind, found in rows.items()}
    weights["words"] = [*weights["words"][:-1], 0.0]  # no meaning similarity there
    return {k: tuple(v) for k, v in weights.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="fit the learned fusion's weights")
    parser.add_argument("--words", type=int, default=0, help="words embedded (0: the app's)")
    parser.add_argument("--fusions", default="legacy,rank,learned", help="ways to merge, by name")
    parser.add_argument(
        "--sweep",
        action="append",
        default=[],
        metavar="KNOB=A,B",
        help="also run the learned fusion with each value of a RelatedConfig knob",
    )
    parser.add_argument("--parts", default="tune,report", help="parts to report")
    parser.add_argument(
        "--set", action="append", default=[], metavar="KNOB=VALUE", help="change a knob"
    )
    parser.add_argument("--no-gnad", action="store_true", help="only the invented wire set")
    args = parser.parse_args(argv)
    from editor.core.related.semantic import EMBEDDED_WORDS

    wire, story, part = load_wire()
    archives = [("wire", wire)]
    label: dict[str, str] = {}
    if GNAD.exists() and not args.no_gnad:
        gnad, label = load_gnad([d for d in wire if d.lang == "en"])
        archives.append(("gnad", gnad))
    else:
        print("10kgnad_test not found (or --no-gnad): German news not measured")
    everything = {d.id: d for _, docs in archives for d in docs}
    vectors = embed(list(everything.values()), args.words or EMBEDDED_WORDS)
    base = RelatedConfig()
    for setting in args.set:
        name, value = setting.split("=")
        base = replace(base, **{name: type(getattr(base, name))(value)})
    indexes = {name: RelatedIndex.build(docs, config=base) for name, docs in archives}
    parts: dict[str, dict[str, list[str]]] = {
        "wire": {p: [d.id for d in wire if part[d.id] == p] for p in ("tune", "report")},
    }
    if "gnad" in indexes:
        german = [d.id for d in archives[1][1] if d.id in label]
        parts["gnad"] = {p: [q for q in german if gnad_part(q) == p] for p in ("tune", "report")}
    if args.fit:
        lang = {d.id: d.lang for d in everything.values()}
        tuning = [
            (indexes["wire"], parts["wire"]["tune"], lambda q, c: story[q] == story[c], lang),
        ]
        if "gnad" in indexes:  # its English candidates are all misses for German queries
            tuning.append((indexes["gnad"], parts["gnad"]["tune"], lambda q, c: False, lang))
        fitted = fit(tuning, vectors)
        print(f"fitted weights: {fitted}")
        base = replace(
            base,
            fusion_weights_words=fitted["words"],
            fusion_weights_vectors=fitted.get("vectors", fitted["words"]),
        )
    runs: list[tuple[str, RelatedConfig | None, bool]] = [("TF-IDF cosine", None, False)]
    for setting in args.sweep:
        name, value = setting.split("=")
        for option in value.split(","):
            changed = replace(base, **{name: type(getattr(base, name))(option)})
            for with_vectors in (False, True) if vectors is not None else (False,):
                suffix = " + vectors" if with_vectors else ""
                runs.append((f"{name}={option}{suffix}", changed, with_vectors))
    for fusion in args.fusions.split(",") if args.fusions else ():
        for with_vectors in (False, True):
            if with_vectors and vectors is None:
                continue
            label_run = f"{fusion}{' + vectors' if with_vectors else ''}"
            runs.append((label_run, replace(base, language_fusion=fusion), with_vectors))
    for name, docs in archives:
        baseline = tfidf_ranker(docs)
        index = indexes[name]
        for which in args.parts.split(","):
            queries = parts[name][which]
            print(f"\n{name}, {which} part ({len(queries)} queries)")
            for run, config, with_vectors in runs:
                if config is None:
                    rank = baseline
                else:
                    index.config = config
                    index.semantic = vectors if with_vectors else None

                    def rank(q: str, index: RelatedIndex = index) -> list[str]:
                        return [s.id for s in index.suggest(q, DEPTH, statuses=None)]

                if name == "wire":
                    figures = wire_figures(docs, story, queries, rank)
                else:
                    figures = gnad_figures(label, queries, rank)
                print(f"  {run:22s} " + "  ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
