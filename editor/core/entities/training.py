"""Training a candidate-extraction model with python-crfsuite.

crfsuite trains; its weights are then exported to the compact form the tagger reads
(crf.py), so that only training needs crfsuite.

Used by ``scripts/train_entity_model.py`` (the shipped models) and by the archive's
``retrain`` (the same data plus the editors' decisions); both take each language's
settings from :data:`LANGUAGE_SETTINGS`, so a retrained model is trained as the shipped
one was.  A model is written with a manifest: its checksum, the feature version and the
figures it reached.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import numpy as np

from editor.core.entities.corpus import Document, Sentence, held_out, read_corpus
from editor.core.entities.crf import LinearChainCRF
from editor.core.entities.document_features import DOCUMENT_FEATURES, document_features
from editor.core.entities.extractor import file_digest, lexicon_path, model_paths
from editor.core.entities.features import (
    FEATURE_VERSION,
    build_gazetteer,
    build_lexicon,
    token_features,
)

# L1 keeps the model small (most word features get a zero weight), L2 keeps it smooth;
# 200 L-BFGS iterations train the German model in about ten CPU-minutes.  ``begin_bias``
# is no crfsuite setting: it is added to every B- label's score of each token after
# training (see :func:`favour_names`).  Each language's own values: LANGUAGE_SETTINGS.
DEFAULT_PARAMS: dict[str, float | int] = {
    "c1": 0.4,
    "c2": 0.15,
    "max_iterations": 200,
    "feature.minfreq": 2,
    "begin_bias": 0.0,
}
BIAS_ATTRIBUTE = "b"  # every token has it (features._own)


def favour_names(crf: LinearChainCRF, bias: float) -> LinearChainCRF:
    """The model with ``bias`` added to the score of beginning a name at every token.

    Trained with strong regularisation the model is cautious: on held-out text it
    finds names with a precision well above its recall.  Raising the start of a name
    (not its continuation, which would only glue names to their neighbours) trades
    some of that precision for recall, and the document tag F1 gains.
    """
    if not bias:
        return crf
    attributes = list(crf.attributes)
    state = crf.state[1:]
    if BIAS_ATTRIBUTE not in crf.index:
        attributes.append(BIAS_ATTRIBUTE)
        state = np.vstack([state, np.zeros((1, len(crf.labels)))])
    else:
        state = state.copy()
    row = attributes.index(BIAS_ATTRIBUTE)
    for col, label in enumerate(crf.labels):
        if label.startswith("B-"):
            state[row, col] += bias
    return LinearChainCRF(crf.labels, attributes, state, crf.transitions)


class LanguageSettings(TypedDict):
    c1: float  # L1 weight
    c2: float  # L2 weight
    name_bias: float  # taken from every token's "no name" score when tagging
    begin_bias: float  # added to the weights of beginning a name (favour_names)
    document_level: bool  # the model also sees what the rest of the article says


# How each language's model is trained: the shipped models and their retraining.
# English has 1,200 training sentences: strong L2 and little L1 keep more of its few
# features. English c2 chosen by 4-fold cross-validation on the training articles
# (0.2 / 0.5 / 0.7 / 1.0: 80.7 / 81.5 / 81.7 / 81.4 with the document features before
# "and" parted names; 0.5 / 0.7 after: 82.1 / 81.7), the test quarter unseen.
# Name bias: the English model misses more names than it invents; 4-fold CV on the
# training articles, bias 0 / 0.25 / 0.5 / 0.75 / 1.0: F1 82.1 / 82.7 / 83.0 / 82.6 / 82.3.
# Document level: English wikigold articles are whole, and its training sentences few.
# German: chosen on GermEval-2014's dev split with models trained on its train split
# (scripts/train_entity_model.py --tune), untyped document tag F1: 80.1 at c1 0.4 /
# c2 0.15 against 78.3 at 0.05 / 0.02 (features of version 4; 79.9 at 0.4 / 0.3, 79.8
# at 0.8 / 0.15); 81.2 with the features of version 5; 82.0 with a begin bias of 0.75
# (81.4 at 0.3, 81.9 at 0.6 and 0.9, 81.5 at 1.2).  A name bias (taken from "no name"
# instead) did less on version 4: 80.4 at 0.3 and 79.4 at 0.6 against 81.2 / 81.1 with
# the begin bias at 0.6 / 1.0 (from 79.9 without), as it also glues names together.
LANGUAGE_SETTINGS: dict[str, LanguageSettings] = {
    "de": {
        "c1": 0.4,
        "c2": 0.15,
        "name_bias": 0.0,
        "begin_bias": 0.75,
        "document_level": False,
    },
    "en": {"c1": 0.01, "c2": 0.5, "name_bias": 0.5, "begin_bias": 0.0, "document_level": True},
}
# The folder of each language's training data under ../shared/data (not shipped).
DATA_FOLDERS = {"de": "germeval2014", "en": "wikigold_en"}
# The files of each language's corpus in that folder.
_CORPUS_FILES = {"de": ("train", "dev", "test"), "en": ("wikigold",)}


def corpus_files(lang: str, folder: Path) -> list[Path]:
    """The files of ``lang``'s corpus in ``folder``; FileNotFoundError names every one
    missing (checked before anything is read)."""
    files = [folder / f"{part}.jsonl" for part in _CORPUS_FILES[lang]]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise FileNotFoundError(f"training data not found: {', '.join(missing)}")
    return files


def corpus_splits(
    lang: str, folder: Path, *, tune: bool = False, with_dev: bool = True
) -> tuple[list[Document], list[Document]]:
    """(documents trained on, documents scored) of ``lang``'s corpus in ``folder``.

    German: GermEval-2014's train split (and its dev split ``with_dev``, as the shipped
    model), scored on its test split.  English: wikigold, every fourth article held out
    for scoring.  With ``tune``, settings are chosen without the test documents: German
    trains on train and scores dev, English scores every fourth of the training articles.
    The one place that says which documents train and which score a model: the training
    script and ``newsdesk tag retrain`` both ask here.
    """
    files = corpus_files(lang, folder)
    if lang == "en":
        train, test = held_out(read_corpus(files[0]))
        return held_out(train) if tune else (train, test)
    train_split, dev_split, test_split = files
    if tune:
        return read_corpus(train_split), read_corpus(dev_split)
    train = read_corpus(train_split) + (read_corpus(dev_split) if with_dev else [])
    return train, read_corpus(test_split)


@dataclass(frozen=True)
class TrainingArticle:
    """One article's sentences, and the labels of those it is trained on.

    A document-level model computes each sentence's features from the whole article,
    the sentences without labels too (they say how the article writes its words)."""

    tokens: list[list[str]]
    labelled: dict[int, list[str]]  # sentence index -> IOB2 tags

    @classmethod
    def whole(cls, sents: Iterable[tuple[list[str], list[str]]]) -> TrainingArticle:
        """An annotated document: every sentence labelled."""
        pairs = list(sents)
        return cls([t for t, _ in pairs], {i: tags for i, (_, tags) in enumerate(pairs)})

    def sentences(self) -> list[Sentence]:
        return [(self.tokens[i], tags) for i, tags in sorted(self.labelled.items())]


def train_language_model(
    articles: Iterable[TrainingArticle],
    out_dir: Path,
    lang: str,
    *,
    settings: LanguageSettings | None = None,
    max_iterations: int | None = None,
    about: dict[str, object] | None = None,
    progress: Callable[[str], None] | None = None,
    lists: Mapping[str, Iterable[str]] | None = None,
) -> Path:
    """Train ``lang``'s model with its settings (``settings`` overrides the table's).

    The manifest records the settings the tagger needs (name bias, document features)
    and the parameters."""
    chosen = settings or LANGUAGE_SETTINGS[lang]
    iterations = int(DEFAULT_PARAMS["max_iterations"]) if max_iterations is None else max_iterations
    params: dict[str, float | int] = {
        "c1": chosen["c1"],
        "c2": chosen["c2"],
        "max_iterations": iterations,
    }
    if chosen["begin_bias"]:
        params["begin_bias"] = chosen["begin_bias"]
    sents: list[Sentence] = []
    extra: list[list[list[str]]] = []
    for article in articles:
        feats = document_features(article.tokens) if chosen["document_level"] else None
        for i, tags in sorted(article.labelled.items()):
            sents.append((article.tokens[i], tags))
            if feats is not None:
                extra.append(feats[i])
    settled: dict[str, object] = {"params": params}
    if chosen["name_bias"]:
        settled["name_bias"] = chosen["name_bias"]
    if chosen["document_level"]:
        settled["document_features"] = DOCUMENT_FEATURES
    return train_model(
        sents,
        out_dir,
        lang,
        params=params,
        about={**settled, **(about or {})},
        progress=progress,
        lists=lists,
        extra=extra if chosen["document_level"] else None,
    )


def train_model(
    sentences: Iterable[Sentence],
    out_dir: Path,
    lang: str,
    *,
    params: dict[str, float | int] | None = None,
    about: dict[str, object] | None = None,
    progress: Callable[[str], None] | None = None,
    lists: Mapping[str, Iterable[str]] | None = None,
    extra: Sequence[Sequence[Sequence[str]]] | None = None,
) -> Path:
    """Train on IOB2-tagged sentences; write ``entities-<lang>.crf`` and its manifest.

    ``extra``, when given, holds more features for each token of each sentence (what
    its article says about it: document_features.py).  Files are written beside their
    final names and moved into place, so an interrupted run leaves the previous model
    whole.
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    pairs = list(sentences)
    if extra is not None and len(extra) != len(pairs):
        raise ValueError("extra features for a different number of sentences")
    more = list(extra) if extra is not None else [[] for _ in pairs]
    kept = [i for i, (tokens, _) in enumerate(pairs) if tokens]
    sents = [(list(pairs[i][0]), list(pairs[i][1])) for i in kept]
    more = [more[i] for i in kept]
    if not sents:
        raise ValueError("no training sentences")
    count = len(sents)
    # Each half of the data is described by a lexicon of the other half, so that the
    # model learns how far to trust the lexicon on words it has not seen: as it will
    # have to with the full lexicon on new text.
    odd, even = sents[1::2], sents[0::2]
    halves = [
        (build_lexicon(odd, lists=lists), build_gazetteer(odd)),
        (build_lexicon(even, lists=lists), build_gazetteer(even)),
    ]
    for i, (tokens, tags) in enumerate(sents):
        words, names = halves[i % 2]
        feats = token_features(tokens, words, names)
        for own, added in zip(feats, more[i], strict=False):
            own.extend(added)
        trainer.append(feats, tags)
    lexicon = json.dumps(
        {"words": build_lexicon(sents, lists=lists), "names": build_gazetteer(sents)},
        ensure_ascii=False,
        sort_keys=True,
    )
    lexicon_bytes = gzip.compress(lexicon.encode("utf-8"), mtime=0)
    settings = {**DEFAULT_PARAMS, **(params or {})}
    bias = float(settings.pop("begin_bias", 0.0))
    trainer.set_params(settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    path, manifest_path = model_paths(lang, out_dir)
    fd, tmp = tempfile.mkstemp(dir=out_dir, suffix=".crfsuite.tmp")
    os.close(fd)
    try:
        if progress:
            progress(f"training on {count} sentences")
        trainer.train(tmp)
        data = favour_names(LinearChainCRF.from_crfsuite(Path(tmp)), bias).to_bytes()
        Path(tmp).write_bytes(data)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would keep a shipped model from others
        manifest = {
            "language": lang,
            "feature_version": FEATURE_VERSION,
            "sha256": file_digest(data),
            "lexicon_sha256": file_digest(lexicon_bytes),
            "sentences": count,
            **(about or {}),
        }
        lex_tmp = lexicon_path(lang, out_dir).with_suffix(".tmp")
        lex_tmp.write_bytes(lexicon_bytes)
        os.replace(lex_tmp, lexicon_path(lang, out_dir))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    write_manifest(manifest_path, manifest)
    return path


def write_manifest(path: Path, manifest: dict[str, object]) -> None:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
