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
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np

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
# 200 L-BFGS iterations train the German model in about ten CPU-minutes.  ``name_bias``
# is no crfsuite setting: it is added to every B- label's score of each token after
# training (see :func:`favour_names`).  All were chosen on GermEval-2014's dev split with
# models trained on its train split (scripts/train_entity_model.py --tune): untyped
# document tag F1 80.1 at c1 0.4 / c2 0.15 against 78.3 at 0.05 / 0.02 (features of
# version 4; 79.9 at 0.4 / 0.3, 79.8 at 0.8 / 0.15), 81.2 with the features of version 5,
# 82.0 with a name bias of 0.75 (81.4 at 0.3, 81.9 at 0.6 and 0.9, 81.5 at 1.2).
DEFAULT_PARAMS: dict[str, float | int] = {
    "c1": 0.4,
    "c2": 0.15,
    "max_iterations": 200,
    "feature.minfreq": 2,
    "name_bias": 0.75,
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


def train_model(
    sentences: Iterable[Sentence],
    out_dir: Path,
    lang: str,
    *,
    params: dict[str, float | int] | None = None,
    about: dict[str, object] | None = None,
    progress: Callable[[str], None] | None = None,
    lists: Mapping[str, Iterable[str]] | None = None,
) -> Path:
    """Train on IOB2-tagged sentences; write ``entities-<lang>.crf`` and its manifest.

    Files are written beside their final names and moved into place, so an interrupted
    run leaves the previous model whole.
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    sents = [(list(tokens), list(tags)) for tokens, tags in sentences if tokens]
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
        trainer.append(token_features(tokens, words, names), tags)
    lexicon = json.dumps(
        {"words": build_lexicon(sents, lists=lists), "names": build_gazetteer(sents)},
        ensure_ascii=False,
        sort_keys=True,
    )
    lexicon_bytes = gzip.compress(lexicon.encode("utf-8"), mtime=0)
    settings = {**DEFAULT_PARAMS, **(params or {})}
    bias = float(settings.pop("name_bias", 0.0))
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
