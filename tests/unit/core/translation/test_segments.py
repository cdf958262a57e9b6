"""Splitting articles into translation segments."""

from __future__ import annotations

import pytest

from editor.core.translation.segments import (
    LONG_PARAGRAPH_CHARS,
    join_field,
    segment_article,
    segment_hash,
    segment_text,
    split_blocks,
    split_sentences,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Das gilt z. B. für Dr. Müller. Er kommt morgen.",
            ["Das gilt z. B. für Dr. Müller.", "Er kommt morgen."],
        ),
        (
            "Der Umsatz stieg um 3.5 Prozent. Das ist viel.",
            ["Der Umsatz stieg um 3.5 Prozent.", "Das ist viel."],
        ),
        (
            "Am 3. Oktober beginnt die Messe. Sie dauert bis zum 7. Oktober.",
            ["Am 3. Oktober beginnt die Messe.", "Sie dauert bis zum 7. Oktober."],
        ),
        (
            "„Das ist gut.“ Danach ging er. „Wirklich?“ Ja!",
            ["„Das ist gut.“", "Danach ging er.", "„Wirklich?“", "Ja!"],
        ),
        (
            "Laut Prof. Schmidt u. a. stimmt das, vgl. Abb. 3. Ende.",
            ["Laut Prof. Schmidt u. a. stimmt das, vgl. Abb. 3. Ende."],
        ),
        (
            "Mr. Smith met J. R. R. Tolkien. It rained.",
            ["Mr. Smith met J. R. R. Tolkien.", "It rained."],
        ),
        ("Version 2.0 ist da… Endlich.", ["Version 2.0 ist da…", "Endlich."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "de") == expected


def test_an_english_number_before_a_capital_ends_a_sentence() -> None:
    assert split_sentences("Sales grew by 12. Profits fell.", "en") == [
        "Sales grew by 12.",
        "Profits fell.",
    ]


def test_blocks_keep_fenced_code_whole_and_untranslatable() -> None:
    body = "Erster Absatz.\n\n```python\nx = 1\n\ny = 2\n```\n\n## Überschrift\n\n- eins\n- zwei"
    blocks = split_blocks(body)
    assert blocks == [
        ("Erster Absatz.", True),
        ("```python\nx = 1\n\ny = 2\n```", False),
        ("## Überschrift", True),
        ("- eins\n- zwei", True),
    ]


def test_only_long_paragraphs_are_split_into_sentences() -> None:
    short = "Ein Satz. Noch ein Satz."
    long = " ".join(["Dieser Satz ist lang genug, um mitzuzählen."] * 10)
    assert len(long) > LONG_PARAGRAPH_CHARS
    segments = list(segment_text("body", f"{short}\n\n{long}", "de"))
    assert segments[0].text == short
    assert [s.block for s in segments] == [0] + [1] * 10
    assert [s.index for s in segments] == list(range(11))


def test_an_article_rebuilds_from_its_segments() -> None:
    long = " ".join(["Dieser Satz ist lang genug, um mitzuzählen."] * 10)
    body = f"Erster Absatz.\n\n{long}\n\nLetzter Absatz."
    segments = segment_article("Titel", "Vorspann.", body, "de")
    assert [s.key for s in segments[:3]] == ["title:0", "teaser:0", "body:0"]
    rebuilt = join_field([(s, s.text) for s in segments if s.field == "body"])
    assert rebuilt == body


def test_the_hash_ignores_whitespace_only() -> None:
    assert segment_hash("Ein  Satz.\n") == segment_hash("Ein Satz.")
    assert segment_hash("Ein Satz.") != segment_hash("Ein Satz!")
