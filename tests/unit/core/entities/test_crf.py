"""The compact CRF: storage, decoding against brute force and crfsuite, token scores."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import numpy as np
import pytest

from editor.core.entities.crf import CrfFormatError, LinearChainCRF
from editor.core.entities.emissions import EmissionBuilder
from editor.core.entities.extractor import CandidateExtractor, model_paths
from editor.core.entities.features import token_features
from editor.core.entities.training import favour_names


def _random_crf(seed: int, labels: int = 3, attributes: int = 6) -> LinearChainCRF:
    rng = np.random.default_rng(seed)
    names = [f"a{i}" for i in range(attributes)]
    state = rng.normal(0, 2, (attributes, labels)).astype(np.float32)
    trans = rng.normal(0, 2, (labels, labels)).astype(np.float32)
    return LinearChainCRF([f"L{i}" for i in range(labels)], names, state, trans)


def _path_score(crf: LinearChainCRF, emit: np.ndarray, path: tuple[int, ...]) -> float:
    total = sum(emit[t, y] for t, y in enumerate(path))
    return float(total + sum(crf.transitions[a, b] for a, b in itertools.pairwise(path)))


@pytest.mark.parametrize("seed", range(5))
def test_decoding_matches_brute_force_for_sentences_of_mixed_lengths(seed: int) -> None:
    crf = _random_crf(seed)
    rng = np.random.default_rng(100 + seed)
    lengths = np.array([4, 1, 3, 5, 2], dtype=np.intp)
    emissions = rng.normal(0, 2, (len(lengths), 5, 3))
    best, probs = crf.decode(emissions, lengths)
    for row, n in enumerate(lengths):
        emit = emissions[row, :n]
        paths = list(itertools.product(range(3), repeat=int(n)))
        scores = np.array([_path_score(crf, emit, p) for p in paths])
        assert tuple(best[row, :n]) == paths[int(scores.argmax())]
        weights = np.exp(scores - scores.max())
        weights /= weights.sum()
        for t in range(n):
            for label in range(3):
                expected = sum(w for p, w in zip(paths, weights, strict=True) if p[t] == label)
                assert probs[row, t, label] == pytest.approx(expected, abs=1e-9)
        assert not probs[row, n:].any()  # padding stays zero


def test_the_format_round_trips_and_refuses_damage() -> None:
    crf = _random_crf(1)
    data = crf.to_bytes()
    again = LinearChainCRF.from_bytes(data)
    assert again.labels == crf.labels and again.attributes == crf.attributes
    assert np.allclose(again.state, crf.state) and np.allclose(again.transitions, crf.transitions)
    body = gzip.decompress(data)
    with pytest.raises(CrfFormatError, match="cut short"):
        LinearChainCRF.from_bytes(gzip.compress(body[:-3]))
    with pytest.raises(CrfFormatError, match="not a Newsdesk"):
        LinearChainCRF.from_bytes(gzip.compress(b"something else"))
    with pytest.raises(CrfFormatError, match="compressed"):
        LinearChainCRF.from_bytes(data[: len(data) // 2])
    empty = LinearChainCRF(["O"], [], np.zeros((0, 1)), np.zeros((1, 1)))
    assert LinearChainCRF.from_bytes(empty.to_bytes()).attributes == ()


def test_labels_and_confidences_are_those_crfsuite_gives(tmp_path: Path) -> None:
    pycrfsuite = pytest.importorskip("pycrfsuite")
    raw = [
        ("Anna Weber wohnt in Kassel .", "B-PER I-PER O O B-LOC O"),
        ("Die Firma Kolbe baut in Fulda .", "O O B-ORG O O B-LOC O"),
        ("Jonas Brandt fährt nach Kassel .", "B-PER I-PER O O B-LOC O"),
        ("Am Montag regnet es in Fulda .", "O O O O O B-LOC O"),
    ]
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in raw * 3:
        trainer.append(token_features(words.split()), tags.split())
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 40})
    path = tmp_path / "m.crfsuite"
    trainer.train(str(path))
    crf = LinearChainCRF.from_bytes(LinearChainCRF.from_crfsuite(path).to_bytes())
    reference = pycrfsuite.Tagger()
    reference.open(str(path))
    sents = [s.split() for s in ("Jonas Weber baut in Kassel .", "Kolbe", "Am Montag wohnt Anna .")]
    emissions, lengths = EmissionBuilder(crf, None, None).build(sents)
    best, probs = crf.decode(emissions, lengths)
    for row, tokens in enumerate(sents):
        expected = reference.tag(token_features(tokens))
        assert [crf.labels[k] for k in best[row, : len(tokens)]] == expected
        for t in range(len(expected)):
            for k, name in enumerate(crf.labels):
                assert probs[row, t, k] == pytest.approx(reference.marginal(name, t), abs=1e-5)


def test_token_scores_are_the_sums_of_their_features_weights() -> None:
    model = CandidateExtractor.load(model_paths("de")[0])
    crf = model.crf
    sents = [
        "Bundeskanzler Olaf Scholz reiste am Montag nach Paris .".split(),
        ["Berlin"],
        "Die Deutsche Bahn und die Europäische Union verhandeln in Brüssel .".split(),
    ]
    builder = EmissionBuilder(crf, model.lexicon, model.gazetteer)
    for _ in range(2):  # computed, then from the words already known
        emissions, _ = builder.build(sents)
        for row, tokens in enumerate(sents):
            for t, feats in enumerate(token_features(tokens, model.lexicon, model.gazetteer)):
                assert np.allclose(emissions[row, t], crf.rows(feats))


def test_favouring_names_raises_every_tokens_b_labels_and_nothing_else() -> None:
    labels = ["B-PER", "I-PER", "O"]
    state = np.array([[0.5, 0.0, 1.0], [0.0, 2.0, -1.0]], dtype=np.float32)
    trans = np.zeros((3, 3), dtype=np.float32)
    for attributes in (["b", "w=x"], ["s=X", "w=x"]):  # with and without the bias attribute
        crf = LinearChainCRF(labels, attributes, state, trans)
        favoured = favour_names(crf, 0.75)
        assert np.allclose(favoured.rows(["b"]) - crf.rows(["b"]), [0.75, 0.0, 0.0])
        for other in attributes:
            if other != "b":
                assert np.allclose(favoured.rows([other]), crf.rows([other]))
        again = LinearChainCRF.from_bytes(favoured.to_bytes())
        assert np.allclose(again.rows(["b", "w=x"]), favoured.rows(["b", "w=x"]))
    assert favour_names(crf, 0.0) is crf
