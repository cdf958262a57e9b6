"""Retraining from the archive's tags and decisions: silver sentences, the no-worse rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.app.entities.retrain import RetrainError, archive_sentences, retrain, silver_sentences
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


def test_every_mention_is_marked_genitives_too_and_a_word_holding_a_name_is_not() -> None:
    text = "Laut Kolbe wächst Kolbes Umsatz. Der Kolbe-Chef schweigt. Die KOLBE AG auch."
    sents = silver_sentences([(text, [("Kolbe", EntityKind.ORGANISATION)], [])])
    assert sents == [
        (["Laut", "Kolbe", "wächst", "Kolbes", "Umsatz", "."],
         ["O", "B-ORG", "O", "B-ORG", "O", "O"]),
        (["Die", "KOLBE", "AG", "auch", "."], ["O", "B-ORG", "O", "O", "O"]),
    ]  # fmt: skip


def _hand_tagged(workspace: Workspace) -> None:
    """Articles tagged by hand only: no suggestion was ever accepted or rejected."""
    ws = workspace
    ws.entities.add("Anna Weber", "person", aliases=["Weber"])
    ws.entities.add("Kolbe Maschinenbau", "organisation", labels={"en": "Kolbe Engineering"})
    ws.entities.add("Wirtschaft", "topic")
    first = ws.articles.create(
        title="Werk in Fulda",
        body="Anna Weber leitet Kolbe Maschinenbau. Weber plant in Fulda ein Werk.\n\n"
        "Der Wirtschaft geht es gut. Niemand sonst äußerte sich.",
    )
    ws.entities.tag(first.id, ["Anna Weber", "Kolbe Maschinenbau", "Wirtschaft"])
    # Tagged from the command line, and an English article (the German model skips it).
    second = ws.articles.create(title="Besuch", body="Heute kam Anna Weber nach Kassel.")
    ws.entities.tag(second.id, ["Weber"])
    english = ws.articles.create(language="en", title="Visit", body="Anna Weber came to Kassel.")
    ws.entities.tag(english.id, ["Anna Weber"])
    # Tagged but never mentioned: nothing to learn.
    ws.articles.create(title="Kurz", body="Ein Satz ohne Namen.", tags=["Anna Weber"])
    # Trashed: its tags are no longer the archive's.
    trashed = ws.articles.create(title="Alt", body="Anna Weber ging.", tags=["Anna Weber"])
    ws.articles.trash(trashed.id)


def test_hand_tagged_articles_become_training_sentences_labelled_by_kind(
    workspace: Workspace,
) -> None:
    _hand_tagged(workspace)
    sents = archive_sentences(workspace, "de")
    assert sents == [
        (["Anna", "Weber", "leitet", "Kolbe", "Maschinenbau", "."],
         ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O"]),
        # The alias counts as the entity's name; "Fulda", untagged, stays a word.
        (["Weber", "plant", "in", "Fulda", "ein", "Werk", "."],
         ["B-PER", "O", "O", "O", "O", "O", "O"]),
        (["Heute", "kam", "Anna", "Weber", "nach", "Kassel", "."],
         ["O", "O", "B-PER", "I-PER", "O", "O", "O"]),
    ]  # fmt: skip
    # A topic tagged by hand is a subject, not a name: "Wirtschaft" teaches nothing.
    assert not any("Wirtschaft" in tokens for tokens, _ in sents)
    english = archive_sentences(workspace, "en")
    assert english == [(["Anna", "Weber", "came", "to", "Kassel", "."],
                        ["B-PER", "I-PER", "O", "O", "O", "O"])]  # fmt: skip


def test_a_topic_accepted_as_a_suggestion_is_a_name_and_a_rejected_word_stays_o(
    workspace: Workspace,
) -> None:
    article = workspace.articles.create(
        title="Messe", body="Die Hannover Messe beginnt am Sonntag. Der Montag ist frei."
    )
    workspace.suggestions.accept(article.id, "Hannover Messe", "topic")
    workspace.suggestions.reject(article.id, "Sonntag")
    assert archive_sentences(workspace, "de") == [
        (["Die", "Hannover", "Messe", "beginnt", "am", "Sonntag", "."],
         ["O", "B-OTH", "I-OTH", "O", "O", "O", "O"]),
    ]  # fmt: skip


def test_retrain_with_nothing_to_learn_from_says_so_and_trains_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    data = _write(tmp_path / "data")
    workspace.articles.create(title="Ohne", body="Anna Weber kommt.")  # not tagged
    with pytest.raises(RetrainError, match="nothing to learn from"):
        retrain(workspace, data, tmp_path / "models")
    assert not (tmp_path / "models").exists()


def test_retrain_learns_from_hand_tags_and_keeps_a_model_no_worse(
    workspace: Workspace, tmp_path: Path
) -> None:
    data = _write(tmp_path / "data")
    models = tmp_path / "models"
    train_model(SENTENCES[3:], models, "de", params={"max_iterations": 10})
    _hand_tagged(workspace)
    result = retrain(workspace, data, models)
    assert result.sentences_from_archive == 3
    assert result.kept_new and result.new_f1 >= result.old_f1
    assert "installed" in result.message()
    fresh = CandidateExtractor.load(model_paths("de", models)[0])
    assert fresh.manifest["trained_on"] == "data + 3 archive sentences"
    assert not list(models.glob("*.partial"))


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
    before = {p.name: p.read_bytes() for p in models.iterdir()}
    _hand_tagged(workspace)
    # Training data that teaches nothing: only the sentence without names.
    only_words = json.dumps({"doc": "t", "tokens": SENTENCES[3][0], "tags": SENTENCES[3][1]})
    for part in ("train", "dev"):
        (data / f"{part}.jsonl").write_text(only_words + "\n", encoding="utf-8")
    result = retrain(workspace, data, models)
    assert not result.kept_new and result.new_f1 < result.old_f1
    # Refused: every file of the installed model as it was, and the message says why.
    assert {p.name: p.read_bytes() for p in models.iterdir()} == before
    assert result.path == model_paths("de", models)[0]
    assert result.message().startswith("the retrained model was not installed")
    assert "lower than the installed model's" in result.message()


def test_a_damaged_retrained_model_is_no_bar_the_shipped_one_is(
    workspace: Workspace, tmp_path: Path
) -> None:
    data = _write(tmp_path / "data")
    models = tmp_path / "models"
    models.mkdir()
    model_paths("de", models)[0].write_bytes(b"damaged")
    _hand_tagged(workspace)
    only_words = json.dumps({"doc": "t", "tokens": SENTENCES[3][0], "tags": SENTENCES[3][1]})
    for part in ("train", "dev"):
        (data / f"{part}.jsonl").write_text(only_words + "\n", encoding="utf-8")
    result = retrain(workspace, data, models)
    # The shipped model (which suggestions fall back to) is the bar, not zero.
    assert result.path == model_paths("de")[0]
    assert result.old_f1 > 0 and not result.kept_new
    assert model_paths("de", models)[0].read_bytes() == b"damaged"
