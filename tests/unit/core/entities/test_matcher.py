"""Known entities in text: longest match first, word boundaries, case, umlauts, CJK."""

from __future__ import annotations

from editor.core.entities.matcher import KnownMatcher, lower_aligned


def _found(matcher: KnownMatcher, text: str) -> list[tuple[int, str]]:
    return [(m.entity_id, m.text) for m in matcher.find(text)]


def test_the_longest_name_wins_an_overlap() -> None:
    m = KnownMatcher([(1, "New York"), (2, "New York Times"), (3, "Times")])
    assert _found(m, "The New York Times sold papers in New York.") == [
        (2, "New York Times"),
        (1, "New York"),
    ]


def test_overlapping_names_of_equal_length_keep_the_earliest() -> None:
    m = KnownMatcher([(1, "Bayern München"), (2, "München Ost")])
    assert _found(m, "Bayern München Ost") == [(1, "Bayern München")]


def test_names_are_found_only_on_word_boundaries() -> None:
    m = KnownMatcher([(1, "Apple"), (2, "SAP")])
    assert _found(m, "Applesauce and Pineapple, SAPs Bilanz; SAP-Chef") == [(2, "SAP"), (2, "SAP")]


def test_a_german_genitive_s_still_finds_the_name() -> None:
    m = KnownMatcher([(1, "Merkel")])
    assert _found(m, "Merkels Rede") == [(1, "Merkel")]
    assert _found(m, "Merkelsche Politik") == []


def test_single_words_need_their_case_longer_names_do_not() -> None:
    m = KnownMatcher([(1, "Apple"), (2, "Meta"), (3, "Deutsche Bahn")])
    assert _found(m, "an apple a day; meta data") == []
    assert _found(m, "Apple and Meta") == [(1, "Apple"), (2, "Meta")]
    assert _found(m, "DEUTSCHE BAHN STREIKT, die deutsche bahn") == [
        (3, "DEUTSCHE BAHN"),
        (3, "deutsche bahn"),
    ]
    assert _found(m, "APPLE SUES") == [(1, "APPLE")]  # a headline in capitals


def test_aliases_and_labels_point_to_their_entity() -> None:
    m = KnownMatcher([(1, "München"), (1, "Munich"), (2, "Meta Platforms"), (2, "Facebook")])
    assert _found(m, "Facebook (now Meta Platforms) opened in Munich and München") == [
        (2, "Facebook"),
        (2, "Meta Platforms"),
        (1, "Munich"),
        (1, "München"),
    ]


def test_umlauts_and_sharp_s_in_names() -> None:
    m = KnownMatcher([(1, "Österreichische Post"), (2, "Großbritannien"), (3, "Zürich")])
    text = "Die ÖSTERREICHISCHE POST liefert nach Großbritannien und Zürich, nicht Zurich."
    assert _found(m, text) == [(1, "ÖSTERREICHISCHE POST"), (2, "Großbritannien"), (3, "Zürich")]


def test_decomposed_umlauts_are_found_too() -> None:
    m = KnownMatcher([(1, "Zürich")])
    decomposed = "Zu\u0308rich"
    assert _found(m, f"in {decomposed}.") == [(1, "Zürich")]


def test_cjk_names_need_no_spaces_around_them() -> None:
    m = KnownMatcher([(1, "华为"), (2, "東京"), (3, "ソニー")])
    assert _found(m, "华为公司在東京发布了新手机，ソニーも。") == [
        (1, "华为"),
        (2, "東京"),
        (3, "ソニー"),
    ]


def test_offsets_survive_characters_that_lower_to_two() -> None:
    text = "İstanbul and Apple"
    assert len(lower_aligned(text)) == len(text)
    m = KnownMatcher([(1, "Apple")])
    [mention] = m.find(text)
    assert text[mention.start : mention.end] == "Apple"


def test_adding_a_name_later_rebuilds_the_automaton() -> None:
    m = KnownMatcher([(1, "Bosch")])
    assert _found(m, "Bosch und Miele") == [(1, "Bosch")]
    m.add(2, "Miele")
    assert _found(m, "Bosch und Miele") == [(1, "Bosch"), (2, "Miele")]
    assert len(m) == 2


def test_an_empty_matcher_and_an_empty_text_find_nothing() -> None:
    assert KnownMatcher().find("Apple") == []
    assert KnownMatcher([(1, "Apple")]).find("") == []
