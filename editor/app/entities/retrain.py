"""Retraining the new-name model from the archive's decisions.

The editors' accepted tags mark names in their articles' text; their rejected
suggestions mark words that are no names.  Those sentences are added to the model's
original training data (GermEval-2014 for German; the folder is given, it is not
shipped), a model is trained, and it replaces the current one only if it scores at
least as well on the held-out test data: learning must never make suggestions worse.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.app.entities.suggestions import tagging_text
from editor.core.entities.corpus import Document, Sentence, read_corpus, tag_f1
from editor.core.entities.extractor import (
    KIND_LABELS,
    CandidateExtractor,
    ModelError,
    lexicon_path,
    load_name_lists,
    model_paths,
)
from editor.core.entities.model import EntityKind, name_key
from editor.core.entities.text import sentences
from editor.core.entities.training import train_model
from editor.store import bulk
from editor.store import entities as store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


class RetrainError(Exception):
    """Retraining cannot start (no data) or its model scored lower (kept the old one)."""


@dataclass(frozen=True)
class RetrainResult:
    lang: str
    sentences_from_archive: int
    old_f1: float
    new_f1: float
    kept_new: bool
    path: Path


def silver_sentences(
    texts: Iterable[tuple[str, Sequence[tuple[str, EntityKind]], Sequence[str]]],
) -> list[Sentence]:
    """Sentences of articles tagged from the editors' decisions.

    ``texts``: (article text, accepted names with kinds, rejected names).  Only sentences
    that mention an accepted or a rejected name are kept: the rest says nothing new.
    """
    out: list[Sentence] = []
    for text, accepted, rejected in texts:
        names = {tuple(name.split()): KIND_LABELS[kind] for name, kind in accepted}
        no = {tuple(name.split()) for name in rejected}
        for sentence in sentences(text):
            tokens = [t.text for t in sentence]
            tags = ["O"] * len(tokens)
            useful = False
            for i in range(len(tokens)):
                for words, label in names.items():
                    if tuple(tokens[i : i + len(words)]) == words and tags[i] == "O":
                        tags[i] = f"B-{label}"
                        for j in range(i + 1, i + len(words)):
                            tags[j] = f"I-{label}"
                        useful = True
                useful = useful or any(tuple(tokens[i : i + len(w)]) == w for w in no)
            if useful:
                out.append((tokens, tags))
    return out


def _score(model: CandidateExtractor, test: list[Document]) -> float:
    def predict(doc: Document) -> set[tuple[str, str]]:
        found = set()
        sents = [tokens for tokens, _ in doc.sentences]
        for tokens, spans in zip(sents, model.tag_sentences(sents), strict=True):
            for span in spans:
                found.add((" ".join(tokens[span.start : span.end]), span.label))
        return found

    return tag_f1(test, predict, typed=False).f1


def archive_sentences(workspace: Workspace, lang: str) -> list[Sentence]:
    # One session and three reads for every article with decisions, not three each.
    with workspace.db.session() as s:
        decided = store.decisions(s)
        ids = sorted({a for a, *_ in decided})
        articles = bulk.articles_by_id(s, ids)
        tagged = store.entities_of_articles(s, ids)
    rejected: dict[int, list[str]] = {}
    for article_id, name, _kind, was_accepted in decided:
        if not was_accepted:
            rejected.setdefault(article_id, []).append(name)
    texts = []
    for article_id in ids:
        article = articles.get(article_id)
        if article is None or article.language != lang:
            continue
        accepted = [(n, e.kind) for e in tagged.get(article_id, []) for n in e.names()]
        keys = {name_key(n) for n, _ in accepted}
        no = [n for n in rejected.get(article_id, []) if name_key(n) not in keys]
        texts.append((tagging_text(article), accepted, no))
    return silver_sentences(texts)


def retrain(
    workspace: Workspace,
    data_dir: Path,
    out_dir: Path,
    *,
    lang: str = "de",
    progress: Callable[[int, int], None] | None = None,
) -> RetrainResult:
    """Train on ``data_dir`` (train/dev/test.jsonl) plus the archive; keep it if not worse."""
    files = [data_dir / f"{part}.jsonl" for part in ("train", "dev", "test")]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise RetrainError(f"training data not found: {', '.join(missing)}")
    if progress:
        progress(0, 3)
    # Train + dev with DEFAULT_PARAMS: what the shipped German model was trained on.
    base = [s for f in files[:2] for d in read_corpus(f) for s in d.sentences]
    test = read_corpus(files[2])
    extra = archive_sentences(workspace, lang)
    current_path, _ = model_paths(lang, out_dir)
    if not current_path.exists():
        current_path, _ = model_paths(lang)
    try:
        old_f1 = _score(CandidateExtractor.load(current_path), test)
    except ModelError:
        old_f1 = 0.0  # a damaged model is no bar to clear
    if progress:
        progress(1, 3)
    with tempfile.TemporaryDirectory(prefix="newsdesk-retrain-") as tmp:
        folder = Path(tmp)
        path = train_model(
            [*base, *extra],
            folder,
            lang,
            about={"trained_on": f"{data_dir.name} + {len(extra)} archive sentences"},
            lists=load_name_lists(),  # the shipped model's features, so the same lists
        )
        if progress:
            progress(2, 3)
        new_f1 = _score(CandidateExtractor.load(path), test)
        kept = new_f1 >= old_f1
        if kept:
            out_dir.mkdir(parents=True, exist_ok=True)
            # The word list and the manifest first, the model last: a model is only
            # loaded when its manifest's checksums match, so a half copy is refused.
            for source in (lexicon_path(lang, folder), model_paths(lang, folder)[1], path):
                shutil.copy2(source, out_dir / source.name)
    if progress:
        progress(3, 3)
    target = model_paths(lang, out_dir)[0] if kept else current_path
    return RetrainResult(lang, len(extra), old_f1, new_f1, kept, target)
