"""Entity values: names, kinds, Wikidata ids, labels; bad input gives one clear message."""

from __future__ import annotations

import pytest

from editor.core.entities.model import (
    EntityError,
    EntityKind,
    clean_wikidata,
    make_entity,
    name_key,
    parse_kind,
    parse_label,
    parse_labels,
)


def test_a_full_entity_keeps_its_names_in_order() -> None:
    e = make_entity(
        "  Meta   Platforms ",
        "organization",
        aliases=["Facebook", "meta platforms", "Meta"],
        labels={"de": "Meta"},
        wikidata="https://www.wikidata.org/wiki/Q380",
    )
    assert e.name == "Meta Platforms"
    assert e.kind is EntityKind.ORGANISATION
    assert e.aliases == ("Facebook", "Meta")  # the canonical name is no alias of itself
    assert e.wikidata == "Q380"
    assert e.names() == ("Meta Platforms", "Meta", "Facebook")
    assert e.label("de") == "Meta" and e.label("fr") == "Meta Platforms"


@pytest.mark.parametrize("qid", ["Q", "Q0", "P31", "Q12a", "42", "Q" + "1" * 13])
def test_invalid_wikidata_ids_are_refused(qid: str) -> None:
    with pytest.raises(EntityError, match="not a Wikidata item id"):
        clean_wikidata(qid)


def test_empty_wikidata_means_none() -> None:
    assert clean_wikidata("  ") is None
    assert clean_wikidata("q42") == "Q42"


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "empty"), ("\t \n", "empty"), ("a" * 1000, "1000 characters"), ("a\x00b", "control")],
)
def test_bad_names(name: str, message: str) -> None:
    with pytest.raises(EntityError, match=message):
        make_entity(name)


def test_bad_aliases_labels_and_kinds() -> None:
    with pytest.raises(EntityError, match="alias is empty"):
        make_entity("Bosch", aliases=[" "])
    with pytest.raises(EntityError, match="unknown entity kind 'company'"):
        parse_kind("company")
    with pytest.raises(EntityError, match="LANG=TEXT"):
        parse_label("München")
    with pytest.raises(EntityError, match="not a language code"):
        parse_label("German=München")
    assert parse_label("de=München") == ("de", "München")


def test_a_language_labelled_twice_is_refused() -> None:
    assert parse_labels(["de=München", "en=Munich", "de=München"]) == {
        "de": "München",
        "en": "Munich",
    }
    with pytest.raises(EntityError, match="two labels for 'de'"):
        parse_labels(["de=München", "de=Minga"])


def test_name_keys_ignore_case_and_spacing_but_keep_umlauts() -> None:
    assert name_key("MÜNCHEN") == name_key(" münchen ") == "münchen"
    assert name_key("Munchen") != name_key("München")
