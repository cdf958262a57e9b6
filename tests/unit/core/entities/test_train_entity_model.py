"""Training a language's entity model with its settings (training.py): the table both
scripts/train_entity_model.py and ``newsdesk tag retrain`` read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editor.core.entities import training
from editor.core.entities.document_features import DOCUMENT_FEATURES, document_features
from editor.core.entities.training import LANGUAGE_SETTINGS, TrainingArticle

ARTICLE = TrainingArticle(
    [["Apple", "grew", "."], ["An", "apple", "fell", "."], ["Apple", "hired", "Anna", "."]],
    {0: ["B-ORG", "O", "O"], 2: ["B-ORG", "O", "B-PER", "O"]},
)


def _captured(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def fake(sents: Any, out_dir: Path, lang: str, **kwargs: Any) -> Path:
        seen.update(kwargs, sents=list(sents), lang=lang)
        return out_dir

    monkeypatch.setattr(training, "train_model", fake)
    return seen


def test_a_document_level_model_sees_features_of_the_whole_article(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = _captured(monkeypatch)
    training.train_language_model([ARTICLE], tmp_path, "en")
    assert LANGUAGE_SETTINGS["en"]["document_level"]
    # Only the labelled sentences are trained on...
    assert seen["sents"] == ARTICLE.sentences()
    # ... with features from every sentence: "apple" written small in the unlabelled one.
    whole = document_features(ARTICLE.tokens)
    assert seen["extra"] == [whole[0], whole[2]]
    assert "d:lc" in seen["extra"][0][0]
    about = seen["about"]
    assert about["document_features"] == DOCUMENT_FEATURES
    assert about["name_bias"] == LANGUAGE_SETTINGS["en"]["name_bias"]
    assert seen["params"]["c2"] == LANGUAGE_SETTINGS["en"]["c2"]


def test_a_sentence_level_model_gets_no_document_features_and_settings_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = _captured(monkeypatch)
    settings = training.LanguageSettings(**LANGUAGE_SETTINGS["de"])
    settings["c1"] = 0.3
    training.train_language_model(
        [ARTICLE], tmp_path, "de", settings=settings, max_iterations=7, about={"trained_on": "x"}
    )
    assert seen["extra"] is None and "document_features" not in seen["about"]
    assert seen["params"] == {
        "c1": 0.3,
        "c2": LANGUAGE_SETTINGS["de"]["c2"],
        "max_iterations": 7,
        "begin_bias": LANGUAGE_SETTINGS["de"]["begin_bias"],  # applied by train_model
    }
    assert seen["about"]["trained_on"] == "x" and seen["about"]["params"] == seen["params"]
    assert LANGUAGE_SETTINGS["de"]["c1"] != 0.3, "the table is not changed"


def test_every_language_has_every_setting_and_a_data_folder() -> None:
    assert set(LANGUAGE_SETTINGS) == set(training.DATA_FOLDERS)
    for settings in LANGUAGE_SETTINGS.values():
        assert set(settings) == {"c1", "c2", "name_bias", "begin_bias", "document_level"}


def test_an_annotated_document_is_labelled_whole() -> None:
    sents = [(["Anna", "came"], ["B-PER", "O"]), (["Rain", "."], ["O", "O"])]
    article = TrainingArticle.whole(sents)
    assert article.tokens == [["Anna", "came"], ["Rain", "."]]
    assert article.sentences() == sents
