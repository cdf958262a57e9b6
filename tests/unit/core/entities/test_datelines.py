"""An English dateline's place: capitals at a paragraph's start, then a date or an agency."""

from __future__ import annotations

import pytest

from editor.core.entities.datelines import DATELINE_SCORE, dateline_places, with_datelines


def places(text: str) -> list[str]:
    return [text[start:end] for start, end in dateline_places(text)]


# Made up for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VARDEN, January 14 (Wirepost) - Ferries stopped.", ["VARDEN"]),
        ("KELMOR, Jan 5 - Prices rose.", ["KELMOR"]),
        ("KELMOR, Jan. 5, 2026 - Prices rose.", ["KELMOR"]),
        ("KELMOR, 5 March - Prices rose.", ["KELMOR"]),
        ("KELMOR, Tuesday - Prices rose.", ["KELMOR"]),
        ("PORT ALVEN (Wirepost) — Ferries stopped.", ["PORT ALVEN"]),
        ("ST. ORMES, Feb. 3 - A vote.", ["ST. ORMES"]),
        ("**VARDEN**, Monday - Ferries stopped.", ["VARDEN"]),
        ("Title\n\nVARDEN, May 2 (Wirepost) - Body.", ["VARDEN"]),
        ("KELMOR/VARDEN, June 9 - Talks.", ["KELMOR", "VARDEN"]),
        ("ALVENTON, Ostria, March 3 (Wirepost) - Talks.", ["ALVENTON"]),
    ],
)
def test_the_capitals_of_a_dateline_are_a_place(text: str, expected: list[str]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NATO, the alliance, met on Tuesday.",  # an acronym, then no date
        "FERRIES STOP IN VARDEN",  # a headline in capitals
        "Ferries stopped in VARDEN, January 14 (Wirepost) - said…",  # not a paragraph's start
        "Varden, January 14 - written small",  # not capitals
        "A, Jan 5 - one letter",
        "KELMOR, Maybe later.",  # no date
        "KELMOR (a town) rose.",  # brackets, but no agency and dash
    ],
)
def test_other_capitals_are_no_dateline(text: str) -> None:
    assert places(text) == []


def test_a_dateline_place_replaces_what_the_model_made_of_it() -> None:
    text = "VARDEN, Jan 5 (Wirepost) - Anna Lund spoke."
    model = [(0, 13, "ORG", 0.4), (27, 36, "PER", 0.9)]  # "VARDEN, Jan 5" and "Anna Lund"
    assert with_datelines(text, model) == [(0, 6, "LOC", DATELINE_SCORE), (27, 36, "PER", 0.9)]
    assert with_datelines("Anna Lund spoke.", model[1:]) == model[1:]
