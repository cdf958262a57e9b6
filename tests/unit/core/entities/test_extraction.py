"""New names found by the shipped models (German, English); a damaged model is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from editor.core.entities.english import CapitalisedNames
from editor.core.entities.extractor import (
    CandidateExtractor,
    ModelError,
    decode_spans,
    lexicon_path,
    model_paths,
)
from editor.core.entities.model import Entity, EntityKind
from editor.core.entities.suggest import KnownEntities, suggest
from editor.core.entities.text import sentences, tokenize

# Written for these tests (no third-party text).
GERMAN = (
    "Die Bundesregierung in Berlin hat am Montag neue Regeln für Halbleiter beschlossen. "
    "Wirtschaftsminister Robert Habeck sagte, Infineon und Bosch würden in Dresden neue "
    "Fabriken bauen. Auch die Europäische Union unterstützt die Pläne."
)
ENGLISH = (
    "Microsoft said on Tuesday that Satya Nadella will visit London next week. "
    "The company plans a new data centre near Manchester with the British government."
)


def _names(text: str, lang: str) -> dict[str, EntityKind]:
    model = CandidateExtractor.load(model_paths(lang)[0])
    return {c.name: c.kind for c in model.extract(text)}


def test_german_names_are_found_with_their_kinds() -> None:
    found = _names(GERMAN, "de")
    assert found.get("Berlin") is EntityKind.PLACE
    assert found.get("Robert Habeck") is EntityKind.PERSON
    assert found.get("Dresden") is EntityKind.PLACE
    assert {"Infineon", "Bosch"} <= set(found)
    # Capitalised nouns are no names: German capitalises every noun.
    assert not {"Bundesregierung", "Montag", "Regeln", "Halbleiter", "Fabriken"} & set(found)


def test_english_names_are_found() -> None:
    found = _names(ENGLISH, "en")
    assert {"Satya Nadella", "London"} <= set(found)
    assert not {"The", "Tuesday"} & set(found)


def test_english_names_are_cut_by_english_rules_at_their_offsets() -> None:
    text = (
        "Ferry strike\n\nVARDEN, Jan. 14 (Wirepost) - Germany’s biggest ferry firm said Chief "
        "Executive Marek Lund (a former pilot) would meet Finance Minister Aron Telvik."
    )
    model = CandidateExtractor.load(model_paths("en")[0])
    found = {c.name: c for c in model.extract(text)}
    assert all(text[c.start : c.end] == name for name, c in found.items())
    assert found["VARDEN"].kind is EntityKind.PLACE, "the dateline's place"
    assert text[found["Germany"].end :].startswith("’s biggest"), "the possessive split off"
    assert found["Marek Lund"].kind is found["Aron Telvik"].kind is EntityKind.PERSON
    assert not any(w in name for name in found for w in ("’s", "(", ")", "Minister", "Chief"))


def test_english_capitalisation_fallback_skips_common_words() -> None:
    tagger = CapitalisedNames(frozenset({"the", "company", "said"}))
    tokens = [t.text for t in tokenize("The company said Bank of England and NASA agreed.")]
    spans = tagger.tag(tokens)
    assert [" ".join(tokens[s.start : s.end]) for s in spans] == ["Bank of England", "NASA"]


def test_spans_are_decoded_from_iob_tags_with_their_mean_score() -> None:
    spans = decode_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"], [0.9, 0.7, 1, 0.5, 0.6])
    assert [(s.start, s.end, s.label) for s in spans] == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
    ]
    assert spans[0].score == pytest.approx(0.8)


def test_sentences_keep_offsets_into_the_text() -> None:
    text = "Er kam am 23. April zu Dr. Weber nach Köln. Dann ging er.\n\n华为公司发布了手机。"
    found = sentences(text)
    assert len(found) == 3
    assert found[0][-2].text == "Köln"
    assert [t.text for t in found[0]][:5] == ["Er", "kam", "am", "23.", "April"]
    assert all(text[t.start : t.end] == t.text for s in found for t in s)


def _copy_model(tmp_path: Path, lang: str = "de") -> Path:
    for source in (*model_paths(lang), lexicon_path(lang)):
        shutil.copy(source, tmp_path / source.name)
    return model_paths(lang, tmp_path)[0]


@pytest.mark.parametrize("damage", ["truncate", "flip", "manifest", "lexicon", "missing"])
def test_a_damaged_model_is_refused_with_a_message(tmp_path: Path, damage: str) -> None:
    path = _copy_model(tmp_path)
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "flip":
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    elif damage == "manifest":
        path.with_suffix(".json").write_text("{not json", encoding="utf-8")
    elif damage == "lexicon":
        lexicon_path("de", tmp_path).write_bytes(b"\x1f\x8b broken")
    else:
        path.unlink()
    with pytest.raises(ModelError, match="entity model"):
        CandidateExtractor.load(path)


def test_suggestions_from_known_names_work_without_a_model() -> None:
    known = KnownEntities([Entity("Infineon", EntityKind.ORGANISATION, id=1, articles=4)])
    [only] = suggest(GERMAN, known=known, tagger=None)
    assert (only.name, only.reason, only.count) == ("Infineon", "known: 4 articles", 1)


def test_the_reason_is_in_the_interface_language() -> None:
    """With a translator installed (the window's), why a name is suggested is translated,
    the count filled in after translation; the singular is its own phrase."""
    from editor.core import texts

    texts.use(lambda context, text: f"{context}|{text}")
    try:
        known = KnownEntities(
            [
                Entity("Infineon", EntityKind.ORGANISATION, id=1, articles=4),
                Entity("Bosch", EntityKind.ORGANISATION, id=2, articles=1),
            ]
        )
        found = {s.name: s.reason for s in suggest(GERMAN, known=known, tagger=None)}
    finally:
        texts.use(None)
    assert found == {"Infineon": "entities|known: 4 articles", "Bosch": "entities|known: 1 article"}


def test_known_and_new_names_are_merged_and_rejections_respected() -> None:
    model = CandidateExtractor.load(model_paths("de")[0])
    known = KnownEntities([Entity("Bosch", EntityKind.ORGANISATION, id=1, articles=2)])
    found = {s.name: s for s in suggest(GERMAN, known=known, tagger=model)}
    assert found["Bosch"].reason == "known: 2 articles" and found["Bosch"].entity_id == 1
    assert found["Robert Habeck"].reason == "new name, 1 mention"
    assert found["Robert Habeck"].kind is EntityKind.PERSON
    assert found["Bosch"].score > 0.8  # known and also found by the model
    hidden = suggest(GERMAN, known=known, tagger=model, rejected={"robert habeck"}, tagged={1})
    assert not {"Robert Habeck", "Bosch"} & {s.name for s in hidden}
    weighed = suggest(GERMAN, known=known, tagger=model, name_weights={"dresden": 0.3})
    assert "Dresden" not in {s.name for s in weighed}


def test_a_model_for_other_document_features_is_refused(tmp_path: Path) -> None:
    path = _copy_model(tmp_path, "en")
    manifest = path.with_suffix(".json")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data.get("document_features")  # the shipped English model reads the article
    data["document_features"] = 999
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="document features"):
        CandidateExtractor.load(path)


def test_the_name_bias_in_the_manifest_finds_more_names(tmp_path: Path) -> None:
    path = _copy_model(tmp_path)
    manifest = path.with_suffix(".json")
    plain = {c.name for c in CandidateExtractor.load(path).extract(GERMAN)}
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["name_bias"] = 30.0  # far past any weight: every word counts as part of a name
    manifest.write_text(json.dumps(data), encoding="utf-8")
    biased = CandidateExtractor.load(path).extract(GERMAN)
    assert "Bundesregierung" not in plain
    assert any("Bundesregierung" in c.name for c in biased)
