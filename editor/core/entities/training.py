"""Training a candidate-extraction model with python-crfsuite.

crfsuite trains; its weights are then exported to the compact form the tagger reads
(crf.py), so that only training needs crfsuite.

Used by ``scripts/train_entity_model.py`` (the shipped models) and by the archive's
``retrain`` (the same data plus the editors' decisions).  A model is written with a
manifest: its checksum, the feature version and the figures it reached.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from editor.core.entities.corpus import Sentence
from editor.core.entities.crf import LinearChainCRF
from editor.core.entities.extractor import file_digest, lexicon_path, model_paths
from editor.core.entities.features import (
    FEATURE_VERSION,
    build_gazetteer,
    build_lexicon,
    token_features,
)

# L1 keeps the model small (most word features get a zero weight), L2 keeps it smooth;
# 200 L-BFGS iterations train the German model in a few CPU-minutes.
DEFAULT_PARAMS: dict[str, float | int] = {
    "c1": 0.05,
    "c2": 0.02,
    "max_iterations": 200,
    "feature.minfreq": 2,
}


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
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    out_dir.mkdir(parents=True, exist_ok=True)
    path, manifest_path = model_paths(lang, out_dir)
    fd, tmp = tempfile.mkstemp(dir=out_dir, suffix=".crfsuite.tmp")
    os.close(fd)
    try:
        if progress:
            progress(f"training on {count} sentences")
        trainer.train(tmp)
        data = LinearChainCRF.from_crfsuite(Path(tmp)).to_bytes()
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
