"""Annotated corpora (JSON Lines with IOB2 tags) and document-level tag F1.

Two shapes are read: one sentence a line (GermEval-2014: ``{"doc", "tokens", "tags"}``)
and one document a line (wikigold: ``{"doc", "sentences": [{"tokens", "tags"}]}``).
The figure that matters for tagging is not token accuracy but, per document, the set of
distinct names suggested against the set annotated.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.entities.extractor import decode_spans

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    sentences: list[Sentence]


def read_corpus(path: Path) -> list[Document]:
    docs: list[Document] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if "sentences" in record:
                sents = [(s["tokens"], s["tags"]) for s in record["sentences"]]
            else:
                sents = [(record["tokens"], record["tags"])]
            docs.append(Document(str(record["doc"]), sents))
    return docs


def held_out(docs: Sequence[Document], every: int = 4) -> tuple[list[Document], list[Document]]:
    """A fixed train/test split of a corpus that has none: every n-th document is test."""
    train = [d for i, d in enumerate(docs) if i % every != 0]
    test = [d for i, d in enumerate(docs) if i % every == 0]
    return train, test


def gold_names(doc: Document) -> set[tuple[str, str]]:
    names = set()
    for tokens, tags in doc.sentences:
        for span in decode_spans(tags, [1.0] * len(tags)):
            names.add((" ".join(tokens[span.start : span.end]), span.label))
    return names


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {100 * self.precision:.1f}  R {100 * self.recall:.1f}  F1 {100 * self.f1:.1f}"


def tag_f1(
    docs: Iterable[Document],
    predict: Callable[[Document], set[tuple[str, str]]],
    typed: bool,
) -> Score:
    """Micro-averaged document-level tag F1 of ``predict`` (names with their labels)."""
    tp = fp = fn = 0
    for doc in docs:
        gold = gold_names(doc)
        found = predict(doc)
        if not typed:
            gold = {(name, "") for name, _ in gold}
            found = {(name, "") for name, _ in found}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    return Score(tp, fp, fn)
