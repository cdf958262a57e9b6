"""Retraining from the archive's decisions: silver sentences, and the no-worse rule."""

from __future__ import annotations

import json
from pathlib import Path

from editor.app.entities.retrain import retrain, silver_sentences
from editor.app.workspace import Workspace
from editor.core.entities.extractor import CandidateExtractor, model_paths
from editor.core.entities.model import EntityKind
from editor.core.entities.training import train_model

# A tiny corpus written for this test, in the GermEval shape.
_RAW = [
    ("Anna Weber wohnt in Kassel .", "B-PER I-PER O O B-LOC O"),
    ("Die Firma Kolbe baut in Fulda .", "O O B-ORG O O B-LOC O"),
    ("Jonas Brandt fährt nach Kassel .", "B-PER I-PER O O B-LOC O"),
    ("Am Montag regnet es .", "O O O O O"),
]
SENTENCES = [(words.split(), tags.split()) for words, tags in _RAW]


def _write(folder: Path) -> Path:
    folder.mkdir()
    for part, sents in (("train", SENTENCES * 3), ("dev", SENTENCES), ("test", SENTENCES)):
        lines = [
            json.dumps({"doc": f"{part}-{i}", "tokens": t, "tags": g})
            for i, (t, g) in enumerate(sents)
        ]
        (folder / f"{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_silver_sentences_mark_accepted_names_and_keep_rejected_ones_as_words() -> None:
    text = "Anna Weber besucht Kassel. Das Wetter ist gut. Am Sonntag kommt sie zurück."
    sents = silver_sentences([(text, [("Anna Weber", EntityKind.PERSON)], ["Sonntag"])])
    assert sents == [
        (["Anna", "Weber", "besucht", "Kassel", "."], ["B-PER", "I-PER", "O", "O", "O"]),
        (["Am", "Sonntag", "kommt", "sie", "zurück", "."], ["O"] * 6),
    ]


def test_retrain_learns_from_decisions_and_keeps_a_model_no_worse(
    workspace: Workspace, tmp_path: Path
) -> None:
    data = _write(tmp_path / "data")
    models = tmp_path / "models"
    # The "current" model knows little: trained on one sentence.
    train_model(SENTENCES[3:], models, "de", params={"max_iterations": 10})
    article = workspace.articles.create(
        title="Besuch", body="Anna Weber besucht Fulda. Am Sonntag fährt sie nach Kassel."
    )
    workspace.suggestions.accept(article.id, "Anna Weber", "person")
    workspace.suggestions.reject(article.id, "Sonntag")
    steps: list[tuple[int, int]] = []
    result = retrain(workspace, data, models, progress=lambda d, t: steps.append((d, t)))
    assert result.sentences_from_archive == 2
    assert result.kept_new and result.new_f1 >= result.old_f1
    assert steps[-1] == (3, 3)
    fresh = CandidateExtractor.load(model_paths("de", models)[0])
    assert "archive sentences" in str(fresh.manifest["trained_on"])


def test_a_retrained_model_that_scores_lower_is_dropped(
    workspace: Workspace, tmp_path: Path
) -> None:
    data = _write(tmp_path / "data")
    models = tmp_path / "models"
    train_model(SENTENCES * 3, models, "de", params={"max_iterations": 50})
    before = model_paths("de", models)[0].read_bytes()
    # Training data that teaches nothing: only the sentence without names.
    only_words = json.dumps({"doc": "t", "tokens": SENTENCES[3][0], "tags": SENTENCES[3][1]})
    for part in ("train", "dev"):
        (data / f"{part}.jsonl").write_text(only_words + "\n", encoding="utf-8")
    result = retrain(workspace, data, models)
    assert not result.kept_new and result.new_f1 < result.old_f1
    assert model_paths("de", models)[0].read_bytes() == before
