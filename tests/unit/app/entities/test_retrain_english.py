"""Retraining the English model: whole archive articles, wikigold's split, the no-worse rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.app.entities.retrain import (
    RetrainError,
    archive_articles,
    retrain,
    training_data,
)
from editor.app.workspace import Workspace
from editor.core.entities.extractor import CandidateExtractor, model_paths
from editor.core.entities.training import LANGUAGE_SETTINGS, TrainingArticle, train_language_model

# A tiny corpus written for this test, in the wikigold shape (one article a line).
_ARTICLES = [
    [("Anna Weber lives in Kassel .", "B-PER I-PER O O B-LOC O"),
     ("She works for Kolbe .", "O O O B-ORG O")],
    [("Jonas Brandt drove to Fulda .", "B-PER I-PER O O B-LOC O"),
     ("It rained on Monday .", "O O O O O")],
    [("Kolbe builds machines in Kassel .", "B-ORG O O O B-LOC O")],
    [("The weather was fine .", "O O O O O")],
]  # fmt: skip
DOCS = [[(w.split(), t.split()) for w, t in article] for article in _ARTICLES]


def _write(folder: Path, docs: list[list[tuple[list[str], list[str]]]]) -> Path:
    folder.mkdir()
    lines = [
        json.dumps({"doc": f"d{i}", "sentences": [{"tokens": w, "tags": t} for w, t in doc]})
        for i, doc in enumerate(docs)
    ]
    (folder / "wikigold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _hand_tagged(workspace: Workspace) -> None:
    ws = workspace
    ws.entities.add("Anna Weber", "person", aliases=["Weber"])
    ws.entities.add("Kolbe", "organisation")
    first = ws.articles.create(
        language="en",
        title="A new plant",
        body="Anna Weber runs Kolbe. The weather was fine. Weber plans a plant in Fulda.",
    )
    ws.entities.tag(first.id, ["Anna Weber", "Kolbe"])
    ws.entities.add("Lumo 2", "product")
    second = ws.articles.create(language="en", title="Sold out", body="Kolbe's Lumo 2 sold out.")
    ws.entities.tag(second.id, ["Kolbe"])
    ws.entities.tag(second.id, ["Lumo 2"])
    # German: the English model does not learn from it.
    german = ws.articles.create(title="Besuch", body="Anna Weber kam nach Kassel.")
    ws.entities.tag(german.id, ["Anna Weber"])


def test_english_hand_tagged_articles_are_passed_whole_with_their_spans_labelled(
    workspace: Workspace,
) -> None:
    _hand_tagged(workspace)
    articles = archive_articles(workspace, "en")
    assert len(articles) == 2
    article = articles[0]
    # Every sentence of the article is there (the title too), for the document features...
    assert article.tokens == [
        ["A", "new", "plant"],
        ["Anna", "Weber", "runs", "Kolbe", "."],
        ["The", "weather", "was", "fine", "."],
        ["Weber", "plans", "a", "plant", "in", "Fulda", "."],
    ]
    # ... but only those that mention a tag are labelled: the rest says nothing of names.
    assert article.labelled == {
        1: ["B-PER", "I-PER", "O", "B-ORG", "O"],
        3: ["B-PER", "O", "O", "O", "O", "O", "O"],
    }
    # A product is what wikigold calls MISC (GermEval: OTH): no label the corpus lacks;
    # a possessive is a word of its own, as in wikigold ("Kolbe" "'s"), and no name.
    assert articles[1].sentences() == [
        (
            ["Kolbe", "'s", "Lumo", "2", "sold", "out", "."],
            ["B-ORG", "O", "B-MISC", "I-MISC", "O", "O", "O"],
        )
    ]


def test_wikigold_is_split_as_for_the_shipped_model(tmp_path: Path) -> None:
    data = _write(tmp_path / "wikigold", DOCS * 2)
    train, test = training_data("en", data)
    # Every fourth article held out for scoring, the other three trained on.
    assert [d.id for d in test] == ["d0", "d4"]
    assert [d.id for d in train] == ["d1", "d2", "d3", "d5", "d6", "d7"]


def test_english_retrain_trains_with_the_english_settings(
    workspace: Workspace, tmp_path: Path
) -> None:
    data = _write(tmp_path / "wikigold", DOCS * 3)
    models = tmp_path / "models"
    # The "current" model knows little: trained on the article without names.
    train_language_model([TrainingArticle.whole(DOCS[3])], models, "en", max_iterations=10)
    _hand_tagged(workspace)
    result = retrain(workspace, data, models, lang="en")
    assert result.lang == "en" and result.sentences_from_archive == 3
    assert result.kept_new and result.new_f1 >= result.old_f1
    fresh = CandidateExtractor.load(model_paths("en", models)[0])
    settings = LANGUAGE_SETTINGS["en"]
    assert fresh.manifest["document_features"] and settings["document_level"]
    assert fresh.name_bias == settings["name_bias"]
    assert fresh.manifest["params"] == {
        "c1": settings["c1"], "c2": settings["c2"], "max_iterations": 200
    }  # fmt: skip
    assert fresh.manifest["trained_on"] == "wikigold + 3 archive sentences"
    assert not model_paths("de", models)[0].exists(), "the German model is untouched"
    assert "B-MISC" in fresh.crf.labels and "B-OTH" not in fresh.crf.labels


def test_an_english_model_that_scores_lower_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    models = tmp_path / "models"
    train_language_model([TrainingArticle.whole(d) for d in DOCS * 3], models, "en")
    before = {p.name: p.read_bytes() for p in models.iterdir()}
    # Training articles without a single name (the scored quarter has names): the
    # model they give finds none, while the installed one finds some.
    plain = DOCS[3]
    data = _write(tmp_path / "wikigold", [DOCS[0], plain, plain, plain] * 2)
    _hand_tagged(workspace)
    result = retrain(workspace, data, models, lang="en")
    assert not result.kept_new and result.new_f1 < result.old_f1
    assert {p.name: p.read_bytes() for p in models.iterdir()} == before
    assert result.path == model_paths("en", models)[0]
    assert "lower than the installed model's" in result.message()


def test_retrain_refuses_a_language_without_a_model_and_english_without_wikigold(
    workspace: Workspace, tmp_path: Path
) -> None:
    _hand_tagged(workspace)
    with pytest.raises(RetrainError, match="no model to retrain for language 'fr'"):
        retrain(workspace, tmp_path, tmp_path / "models", lang="fr")
    with pytest.raises(RetrainError, match=r"training data not found: .*wikigold\.jsonl"):
        retrain(workspace, tmp_path, tmp_path / "models", lang="en")
    assert not (tmp_path / "models").exists()
