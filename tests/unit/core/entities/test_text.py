"""Words and sentences by each language's rules: German as GermEval, English as CoNLL."""

from __future__ import annotations

import pytest

from editor.core.entities.text import Token, is_english, model_words, sentences, tokenize

# Written for these tests (no third-party text).
GERMAN = (
    "Am 23. April 2025 sagte Dr. Weber (CDU) in Baden-Württemberg: „Die U.S.-Politik "
    "kostet 3,5 Mrd. Euro.“ Merkels Nachfolger trifft O'Neill’s Team um 12:30 Uhr. "
    "Der 1. FC Köln gewann 2:1. Prof. Schmidt & Co. lachten!\n\nZweiter Absatz: "
    "Siemens-Chef Roland Busch, 59, sprach über Top- und Flop-Themen z.B. in Berlin's Mitte. "
    "Er hat's gesagt, nicht wahr? Ja. 2026. Danach kam nichts."
)
# What the tokenizer gave for GERMAN before English got rules of its own: one line a
# sentence, the tokens between bars. German must stay exactly so (its model reads it).
GERMAN_SENTENCES = [
    "Am|23.|April|2025|sagte|Dr|.|Weber|(|CDU|)|in|Baden-Württemberg|:|„|Die|U.S.|-|Politik"
    "|kostet|3,5|Mrd|.",
    "Euro|.",
    "Merkels|Nachfolger|trifft|O'Neill’s|Team|um|12:30|Uhr|.",
    "Der|1.|FC|Köln|gewann|2:1.|Prof|.|Schmidt|&|Co|.|lachten|!",
    "Zweiter|Absatz|:|Siemens-Chef|Roland|Busch|,|59|,|sprach|über|Top-|und|Flop-Themen"
    "|z.B.|in|Berlin's|Mitte|.",
    "Er|hat's|gesagt|,|nicht|wahr|?",
    "Ja|.",
    "2026.|Danach|kam|nichts|.",
]


def _lines(text: str, lang: str) -> list[str]:
    found = sentences(text, lang)
    # Offsets always point at the token's own characters.
    assert all(text[t.start : t.end] == t.text for s in found for t in s)
    return ["|".join(t.text for t in s) for s in found]


@pytest.mark.parametrize("lang", ["", "de", "fr", "zh"])
def test_german_and_languages_without_rules_of_their_own_are_cut_as_before(lang: str) -> None:
    assert _lines(GERMAN, lang) == GERMAN_SENTENCES
    assert sentences(GERMAN, lang) == sentences(GERMAN)


def test_english_is_told_by_its_language_code() -> None:
    assert is_english("en") and is_english("en-GB") and is_english("EN_us")
    assert not any(is_english(lang) for lang in ("", "de", "eng", "enx", "de-EN"))


def test_english_possessives_and_other_clitics_are_words_of_their_own() -> None:
    text = "Germany's and Brennic’s plans: they're sure O'Neill didn't go to Halvor's."
    assert _lines(text, "en") == [
        "Germany|'s|and|Brennic|’s|plans|:|they|'re|sure|O'Neill|did|n't|go|to|Halvor|'s|."
    ]
    germany = tokenize(text, lang="en")[0]
    assert germany == Token("Germany", 0, 7)


def test_an_english_number_keeps_no_stop_and_a_capital_after_it_starts_a_sentence() -> None:
    text = "The index rose to 1.09. Oil fell in January 2026. Among the 23rd to 3,500 cars."
    assert _lines(text, "en") == [
        "The|index|rose|to|1.09|.",
        "Oil|fell|in|January|2026|.",
        "Among|the|23rd|to|3,500|cars|.",
    ]


def test_english_abbreviations_keep_their_stop_and_those_before_a_name_end_no_sentence() -> None:
    text = (
        "Mr. Lund met Gen. Ravel and George F. Hauser on Jan. 5 at No. 10 near St. Ives. "
        "Velk Inc. said no. It rose in Sept. Then the U.S. agreed."
    )
    assert _lines(text, "en") == [
        "Mr.|Lund|met|Gen.|Ravel|and|George|F.|Hauser|on|Jan.|5|at|No.|10|near|St.|Ives|.",
        "Velk|Inc.|said|no|.",
        "It|rose|in|Sept.",
        "Then|the|U.S.|agreed|.",
    ]


def test_english_brackets_and_quotes_stand_alone_and_close_their_sentence() -> None:
    text = 'Anna Lund (Velk) said: "We won." (It was 2:1.) Later -- much later... Nothing.'
    assert _lines(text, "en") == [
        'Anna|Lund|(|Velk|)|said|:|"|We|won|.|"',
        "(|It|was|2:1|.|)",
        "Later|--|much|later|...",
        "Nothing|.",
    ]


def test_english_hyphenated_words_and_numbers_with_letters_stay_whole() -> None:
    assert [t.text for t in tokenize("a 16-year-old F-16 in the 1990s, $5.5bn", lang="en")] == [
        "a",
        "16-year-old",
        "F-16",
        "in",
        "the",
        "1990s",
        ",",
        "$",
        "5.5bn",
    ]


def test_a_paragraph_ends_an_english_sentence() -> None:
    assert _lines("OSLO, Jan 5 (Wire) - no stop\n\nnext paragraph", "en") == [
        "OSLO|,|Jan|5|(|Wire|)|-|no|stop",
        "next|paragraph",
    ]


def test_the_english_model_reads_quotes_and_dashes_as_its_training_data_writes_them() -> None:
    words = ["Brennic", "’s", "“", "Lund", "”", "—", "–", "plain"]
    assert model_words(words, "en") == ["Brennic", "'s", '"', "Lund", '"', "--", "-", "plain"]
    assert model_words(words, "de") == words
