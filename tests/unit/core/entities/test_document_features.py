"""What the rest of an English article says about a word (document_features.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from editor.core.entities.crf import LinearChainCRF
from editor.core.entities.document_features import (
    MAX_FEATURES,
    document_emissions,
    document_features,
)
from editor.core.entities.extractor import CandidateExtractor, model_paths
from editor.core.entities.training import train_model


def features_of(sents: list[str]) -> list[list[list[str]]]:
    return document_features([s.split() for s in sents])


def test_a_word_written_small_elsewhere_is_marked() -> None:
    feats = features_of(["Despite the rain", "it rained despite all"])
    assert "d:lc" in feats[0][0]
    assert feats[1][2] == []  # lower-case words get no document features


def test_a_sentence_opener_seen_capitalised_inside_other_sentences() -> None:
    feats = features_of(["Ohio voted", "they left Ohio", "Despite that", "Despite this"])
    assert "d:inside-first" in feats[0][0]
    assert "d:inside" not in feats[1][2]  # its own occurrence is no evidence about itself
    assert "d:only-first" in feats[2][0]
    assert "d:inside-first" not in feats[2][0]


def test_a_surname_standing_alone_after_a_full_name() -> None:
    feats = features_of(["the engineer George Hauser came", "then Hauser left"])
    assert "d:ends-run" in feats[1][1]
    assert "d:in-run" in feats[1][1]
    assert "d:ends-run" not in feats[0][3]  # not alone here
    assert "d:n=2" in feats[1][1]


def test_no_feature_is_dropped_for_want_of_room() -> None:
    sents = ["the Camden line", "Camden and Atlantic Camden", "camden", "the Camden"]
    assert max(len(f) for s in features_of(sents) for f in s) <= MAX_FEATURES


def test_emissions_add_the_weights_of_the_features() -> None:
    attributes = ["d:lc", "d:n=1", "d:n=2"]
    state = np.array([[1.0, -1.0], [0.5, 0.0], [0.0, 2.0]], dtype=np.float32)
    crf = LinearChainCRF(["B-PER", "O"], attributes, state, np.zeros((2, 2)))
    sents = [["Despite", "rain"], ["despite"]]
    scores = document_emissions(crf, sents, 3)
    assert scores.shape == (2, 3, 2)
    # "Despite": d:lc and d:n=1, both known; "rain" and padding: nothing.
    assert scores[0, 0].tolist() == [1.5, -1.0]
    assert not scores[0, 1:].any() and not scores[1].any()


def test_a_model_is_trained_with_the_extra_features(tmp_path: Path) -> None:
    sents = [
        (["Ohio", "voted"], ["B-LOC", "O"]),
        (["they", "left", "Ohio"], ["O", "O", "B-LOC"]),
        (["Despite", "that"], ["O", "O"]),
    ] * 3
    tokens = [list(t) for t, _ in sents]
    extra = document_features(tokens)
    path = train_model(sents, tmp_path, "en", extra=extra, params={"feature.minfreq": 1, "c1": 0.0})
    model = CandidateExtractor.load(path)
    assert {"d:inside-first", "d:only-first"} <= set(model.crf.index)
    with pytest.raises(ValueError, match="extra features"):
        train_model(sents, tmp_path, "en", extra=extra[:-1])


def test_emissions_equal_the_sum_of_each_tokens_features() -> None:
    model = CandidateExtractor.load(model_paths("en")[0])
    text = [
        "Despite the rain , George Hauser left Ohio for Bowling Green .",
        "Hauser said despite all , Ohio State won .",
        "Ohio voted .",
    ]
    sents = [s.split() for s in text]
    scores = document_emissions(model.crf, sents, 12)
    for s, feats in enumerate(document_features(sents)):
        for t, here in enumerate(feats):
            assert np.allclose(scores[s, t], model.crf.rows(here))
        assert not scores[s, len(sents[s]) :].any()
