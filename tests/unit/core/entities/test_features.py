"""Token features: the training-data lexicon, the name lists, the known-name marks."""

from __future__ import annotations

from editor.core.entities.extractor import load_name_lists, name_lists_path
from editor.core.entities.features import (
    build_gazetteer,
    build_lexicon,
    gazetteer_marks,
    token_features,
)

# Written for these tests.
SENTENCES = [
    ("Anna Weber wohnt in Kassel .".split(), "B-PER I-PER O O B-LOC O".split()),
    ("Weber fährt nach Kassel .".split(), "B-PER O O B-LOC O".split()),
    ("Neue Regeln gelten .".split(), "O O O O".split()),
    ("Die neue Regel gilt .".split(), "O O O O O".split()),
    ("Neue Regeln kommen .".split(), "O O O O".split()),
]


def test_the_lexicon_holds_each_words_usual_class_and_the_list_marks() -> None:
    lists = {"first": ["Anna", "Jonas"], "places": ["Kassel"]}
    lexicon = build_lexicon(SENTENCES, lists=lists)
    assert lexicon["Kassel"] == "LOC4 pl"
    assert lexicon["Weber"] == "PER4"
    # Capitalised here, in lower case elsewhere: an adjective opening a sentence.
    assert lexicon["Neue"] == "O0 lc"
    # A listed name the training data never had is marked all the same.
    assert lexicon["Jonas"] == "unseen fn"
    assert "Anna" not in build_lexicon(SENTENCES)  # seen once: below the minimum count


def test_neighbours_see_the_list_marks() -> None:
    lexicon = build_lexicon(SENTENCES, lists={"first": ["Jonas"]})
    feats = token_features("Jonas Brandt lacht".split(), lexicon)
    assert "lex=fn" in feats[0]
    assert "-1lex=fn" in feats[1]  # after a first name: likely a surname
    assert "+1lex=fn" not in feats[1]


def test_known_names_are_marked_longest_first() -> None:
    names = build_gazetteer(SENTENCES) | {"Kassel Nord": "LOC"}
    assert names["Anna Weber"] == "PER"
    marks = gazetteer_marks("Anna Weber fährt nach Kassel Nord .".split(), names)
    assert marks == ["B-PER", "I-PER", "", "", "B-LOC", "I-LOC", ""]


def test_the_shipped_name_lists_load() -> None:
    lists = load_name_lists()
    assert lists is not None and name_lists_path().exists()
    assert {"Anna", "Michael"} <= set(lists["first"])
    assert {"München", "Berlin", "London"} <= set(lists["places"])
    assert len(lists["last"]) >= 10_000


def test_compounds_and_genitives_are_looked_up_by_their_parts() -> None:
    lexicon = build_lexicon(SENTENCES, lists={"places": ["Kanada"], "last": ["Merkel"]})
    feats = token_features("Kanadas Merkel-Regierung und Weber-Chef".split(), lexicon)
    assert {"gen=unseen", "gen=pl"} <= set(feats[0])  # "Kanada" is a listed place
    assert {"hl1=unseen", "hl1=sn", "hl2=unseen", "h2=regierung"} <= set(feats[1])
    assert {"hl1=PER4", "h1=weber", "h2=chef"} <= set(feats[3])
    # A word the lexicon knows is no genitive of another.
    assert not [f for f in token_features(["Weber"], lexicon)[0] if f.startswith("gen=")]


def test_the_words_two_away_give_their_class_and_shape() -> None:
    lexicon = build_lexicon(SENTENCES)
    feats = token_features("Kassel oder Weber".split(), lexicon)
    assert {"+2lex=PER4", "+2s=Xx", "+1x3=der"} <= set(feats[0])
    assert {"-2lex=LOC4", "-2s=Xx", "-1x3=der"} <= set(feats[2])
