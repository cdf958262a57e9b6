"""``newsdesk entities`` and ``newsdesk tag``, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    source = db_path.parent / "in.jsonl"
    source.write_text(
        json.dumps(
            {
                "id": "n1",
                "lang": "de",
                "title": "Siemens baut in München",
                "body": "Die Siemens AG investiert in München. Siemens nannte keine Summe.",
                "tags": ["Industrie"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db_path), "import", str(source), "-q"]) == 0
    capsys.readouterr()
    return str(db_path)


def test_add_list_and_merge(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--db", db, "entities", "add", "München", "--kind", "place",
        "--label", "en=Munich", "--alias", "Muenchen", "--wikidata", "Q1726", "--json",
    )  # fmt: skip
    assert code == 0
    added = json.loads(out)
    assert added["labels"] == {"en": "Munich"} and added["wikidata"] == "Q1726"
    run(capsys, "--db", db, "entities", "add", "Minga", "--kind", "place")
    code, out, _ = run(capsys, "--db", db, "tag", "n1", "Minga", "Siemens", "--json")
    assert [t["name"] for t in json.loads(out)["tags"]] == ["Industrie", "Minga", "Siemens"]
    code, out, _ = run(capsys, "--db", db, "entities", "merge", "Minga", "Munich", "--json")
    merged = json.loads(out)
    assert code == 0 and merged["name"] == "München" and "Minga" in merged["aliases"]
    code, out, _ = run(capsys, "--db", db, "entities", "list", "--kind", "place", "--json")
    assert [(e["name"], e["articles"]) for e in json.loads(out)] == [("München", 1)]
    code, out, _ = run(capsys, "--db", db, "entities", "list")
    assert "Industrie" in out and "München" in out


def test_both_spellings_of_organisation_add_and_list(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", db, "entities", "add", "Contoso", "--kind", "organization")
    for spelling in ("organization", "organisation"):
        code, out, err = run(capsys, "--db", db, "entities", "list", "--kind", spelling, "--json")
        assert code == 0, err
        assert [(e["name"], e["kind"]) for e in json.loads(out)] == [("Contoso", "organisation")]


def test_the_kinds_offered_are_the_entity_kinds() -> None:
    from editor.cli.entities import KINDS
    from editor.core.entities.model import KINDS as MODEL_KINDS

    assert KINDS == MODEL_KINDS


TWO_GERMAN_LABELS = ("--label", "de=Wien", "--label", "de=Vienna")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("entities", "add", "", "--kind", "person"), "name is empty"),
        (("entities", "add", "x" * 1000, "--kind", "person"), "at most 200"),
        (("entities", "add", "Berlin", "--kind", "place", "--wikidata", "B1"), "Wikidata"),
        (("entities", "add", "Berlin", "--kind", "place", "--label", "Berlin"), "LANG=TEXT"),
        (("entities", "add", "Industrie", "--kind", "topic"), "already belongs"),
        (("entities", "add", "Werk", "--kind", "topic", "--alias", "INDUSTRIE"), "already belongs"),
        (("entities", "add", "Werk", "--kind", "topic", "--alias", "y" * 1000), "at most 200"),
        (("entities", "add", "Werk", "--kind", "topic", "--label", "en=" + "y" * 1000), "at most"),
        (("entities", "add", "Berlin", "--kind", "place", "--wikidata", "Q0"), "Wikidata"),
        (("entities", "add", "Berlin", "--kind", "place", "--wikidata", "P31"), "Wikidata"),
        (("tag", "n1", "x" * 1000), "at most 200"),
        (("tag", "n1", "a\x00b"), "control characters"),
        (("entities", "merge", "Industrie", "Nichts"), "no entity called 'Nichts'"),
        (("tag", "n1"), "name the tags"),
        (("tag", "n1", "KI", ""), "tag is empty"),
        (("tag", "n1", " \t"), "tag is empty"),
        (("tag", "n1", "KI", "--file", "a.md"), "are for tag suggest"),
        (
            ("entities", "add", "Wien", "--kind", "place", *TWO_GERMAN_LABELS),
            "two labels for 'de'",
        ),
        (("tag", "retrain", "--file", "x.md"), "are for tag suggest"),
        (("tag", "retrain", "--lang", "fr"), "no model for language 'fr' (--lang: de, en)"),
        (("tag", "suggest"), "needs one of"),
        (("tag", "suggest", "--jsonl", "missing.jsonl"), "cannot read"),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    db: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "--db", db, *args)
    assert code != 0 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    # Nothing half-written: the article keeps its tag, no entity was added.
    code, out, _ = run(capsys, "--db", db, "entities", "list", "--json")
    assert [e["name"] for e in json.loads(out)] == ["Industrie"]


def test_suggest_for_an_article_a_file_and_jsonl(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "--db", db, "entities", "add", "Siemens", "--kind", "organisation",
        "--alias", "Siemens AG")  # fmt: skip
    code, out, _ = run(capsys, "--db", db, "tag", "suggest", "n1", "--json")
    found = {s["name"]: s for s in json.loads(out)["suggestions"]}
    assert code == 0
    assert found["Siemens"]["kind"] == "organisation"
    assert found["Siemens"]["reason"] == "known: 0 articles"
    assert 0.9 < found["Siemens"]["score"] <= 1  # known, and the model agrees
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: Siemens\nlang: de\n---\nSiemens AG wächst.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "tag", "suggest", "--file", str(md))
    assert code == 0 and "Siemens" in out and "known" in out
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        json.dumps({"id": "x", "lang": "de", "text": "Siemens und Siemens AG."})
        + "\n"
        + json.dumps({"id": 7, "lang": "en", "text": "Nothing here."})
        + "\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", db, "tag", "suggest", "--jsonl", str(lines))
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["id"] == "x" and "Siemens" in {s["name"] for s in first["suggestions"]}
    assert set(first["suggestions"][0]) == {"name", "kind", "score", "reason"}
    assert second == {"id": 7, "suggestions": []}


@pytest.mark.parametrize(
    "line", ["not json", '["text"]', '{"id": 1}', '{"text": 5}', '{"text": "Siemens", "lang": 5}']
)
def test_a_bad_suggest_jsonl_line_stops_with_its_number(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, line: str
) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text("\n" + line + "\n", encoding="utf-8")  # blank lines are skipped, not counted
    code, out, err = run(capsys, "--db", db, "tag", "suggest", "--jsonl", str(lines))
    assert code == 2 and out == ""
    assert f"{lines} line 2: expected" in err and err.count("\n") == 1


def test_retrain_without_training_data_says_so(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", db, "tag", "retrain", "--data", str(tmp_path / "none"))
    assert code == 2 and "training data not found" in err


def test_retrain_takes_the_language_and_english_reads_wikigold(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", db, "tag", "retrain", "--lang", "en",
                       "--data", str(tmp_path / "none"))  # fmt: skip
    assert code == 2 and "training data not found" in err and "wikigold.jsonl" in err


def test_retrain_lang_en_retrains_the_english_model(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from editor.app.entities.suggestions import user_models_dir
    from editor.core.entities.extractor import model_paths
    from editor.core.entities.training import TrainingArticle, train_language_model

    names = [
        (["Anna", "Weber", "lives", "in", "Kassel", "."],
         ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
        (["She", "works", "for", "Kolbe", "."], ["O", "O", "O", "B-ORG", "O"]),
    ]  # fmt: skip
    plain = [(["It", "rained", "on", "Monday", "."], ["O"] * 5)]
    # The installed English model knows no names: any model is better.
    installed = user_models_dir()
    train_language_model([TrainingArticle.whole(plain)], installed, "en", max_iterations=10)
    data = tmp_path / "wikigold"
    data.mkdir()
    docs = [names, names + plain, names, plain] * 2
    (data / "wikigold.jsonl").write_text(
        "".join(
            json.dumps({"doc": i, "sentences": [{"tokens": t, "tags": g} for t, g in doc]}) + "\n"
            for i, doc in enumerate(docs)
        ),
        encoding="utf-8",
    )
    story = tmp_path / "story.jsonl"
    story.write_text(
        json.dumps({"id": "e1", "lang": "en", "title": "Plant", "body": "Kolbe builds a plant."})
        + "\n"
    )
    assert main(["--db", db, "import", str(story), "-q"]) == 0
    run(capsys, "--db", db, "entities", "add", "Kolbe", "--kind", "organisation")
    run(capsys, "--db", db, "tag", "e1", "Kolbe")
    code, out, err = run(capsys, "--db", db, "tag", "retrain", "--lang", "en",
                         "--data", str(data), "--json")  # fmt: skip
    result = json.loads(out)
    assert code == 0 and err == ""
    assert result["lang"] == "en" and result["kept_new"] and result["archive_sentences"] == 1
    assert result["model"] == str(model_paths("en", installed)[0])
    assert not model_paths("de", installed)[0].exists(), "German untouched"


def test_a_damaged_model_is_reported_and_known_names_still_come(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from editor.app.entities.suggestions import user_models_dir
    from editor.core.entities.extractor import lexicon_path, model_paths

    folder = user_models_dir()
    folder.mkdir(parents=True)
    model, manifest = model_paths("en", folder)
    model.write_bytes(b"\x00" * 64)
    manifest.write_text('{"sha256": "bad", "feature_version": 3}', encoding="utf-8")
    lexicon_path("en", folder).write_bytes(b"")
    run(capsys, "--db", db, "entities", "add", "Contoso", "--kind", "organisation")
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        json.dumps({"id": 1, "lang": "en", "text": "Contoso grew. Contoso hired. Contoso won."})
        + "\n"
    )
    code, out, err = run(capsys, "--db", db, "tag", "suggest", "--jsonl", str(lines))
    assert code == 0
    assert "Contoso" in {s["name"] for s in json.loads(out)["suggestions"]}
    assert "damaged" in err and err.count("\n") == 1


def test_a_retrained_model_that_scores_lower_is_refused_with_exit_status_1(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from editor.app.entities.suggestions import user_models_dir
    from editor.core.entities.training import train_model

    names = [
        (["Anna", "Weber", "wohnt", "in", "Kassel"], ["B-PER", "I-PER", "O", "O", "B-LOC"]),
        (["Die", "Firma", "Kolbe", "baut", "."], ["O", "O", "B-ORG", "O", "O"]),
    ]
    plain = (["Am", "Montag", "regnet", "es", "."], ["O"] * 5)
    installed = user_models_dir()
    train_model([*names, plain] * 3, installed, "de", params={"max_iterations": 50})
    before = {p.name: p.read_bytes() for p in installed.iterdir()}
    data = tmp_path / "germeval"
    data.mkdir()
    # Training data without a single name: the model it gives finds none.
    for part, sents in (("train", [plain]), ("dev", [plain]), ("test", [*names, plain])):
        lines = [
            json.dumps({"doc": f"{part}-{i}", "tokens": t, "tags": g})
            for i, (t, g) in enumerate(sents)
        ]
        (data / f"{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run(capsys, "--db", db, "entities", "add", "Siemens", "--kind", "organisation")
    run(capsys, "--db", db, "tag", "n1", "Siemens")  # by hand: what retrain learns from
    code, out, err = run(capsys, "--db", db, "tag", "retrain", "--data", str(data))
    assert code == 1 and out == ""
    assert "the retrained model was not installed" in err and err.count("\n") == 1
    assert "lower than the installed model's" in err
    assert {p.name: p.read_bytes() for p in installed.iterdir()} == before


def test_a_merge_across_kinds_needs_force(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", db, "entities", "add", "Werner Siemens", "--kind", "person")
    run(capsys, "--db", db, "entities", "add", "Siemens", "--kind", "organisation")
    run(capsys, "--db", db, "tag", "n1", "Werner Siemens")
    code, out, err = run(capsys, "--db", db, "entities", "merge", "Werner Siemens", "Siemens")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "'Werner Siemens' is a person and 'Siemens' an organisation" in err
    assert "--force" in err
    _, out, _ = run(capsys, "--db", db, "entities", "list", "--json")
    assert {(e["name"], e["kind"], e["articles"]) for e in json.loads(out)} == {
        ("Industrie", "topic", 1),
        ("Werner Siemens", "person", 1),
        ("Siemens", "organisation", 0),
    }, "nothing merged"
    code, out, _ = run(
        capsys, "--db", db, "entities", "merge", "Werner Siemens", "Siemens", "--force", "--json"
    )
    merged = json.loads(out)
    assert code == 0 and merged["kind"] == "organisation" and merged["articles"] == 1
    assert merged["aliases"] == ["Werner Siemens"]


def test_an_import_naming_an_entity_of_another_kind_notes_it(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "more.jsonl"
    tag = {"name": "Industrie", "kind": "organisation"}  # the archive's is a topic
    source.write_text(
        json.dumps({"id": "n2", "lang": "de", "title": "T", "body": "x", "tags": [tag]}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", db, "import", str(source), "--json")
    assert code == 0  # imported: a note is no rejection
    assert json.loads(out)["notes"] == [
        {
            "where": "line 1",
            "note": "tag 'Industrie' is the archive's topic 'Industrie', kept as it is "
            "(the file says organisation)",
        }
    ]
    assert err == (
        "note line 1: tag 'Industrie' is the archive's topic 'Industrie', kept as it is "
        "(the file says organisation)\n"
    )
    code, out, _ = run(capsys, "--db", db, "entities", "list", "--json")
    assert [(e["name"], e["kind"], e["articles"]) for e in json.loads(out)] == [
        ("Industrie", "topic", 2)
    ]
