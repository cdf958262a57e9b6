"""Mentions of tagged entities per line, for the editor's highlighting."""

from __future__ import annotations

from editor.core.entities.mentions import line_mentions, utf16_offsets
from editor.core.entities.model import make_entity


def _entities():
    return [
        make_entity("Olaf Scholz", "person", aliases=["Scholz"], id=1),
        make_entity("München", "place", labels={"en": "Munich"}, id=2),
    ]


def test_names_aliases_and_labels_are_found_per_distinct_line() -> None:
    lines = ["Scholz war in München.", "", "Munich, said Olaf Scholz.", "Scholz war in München."]
    found = line_mentions(_entities(), lines)
    assert found == {
        "Scholz war in München.": ((0, 6), (14, 7)),
        "Munich, said Olaf Scholz.": ((0, 6), (13, 11)),
    }


def test_spans_count_in_utf16_units_after_an_emoji() -> None:
    line = "😀 Scholz"
    assert utf16_offsets(line)[2] == 3
    assert line_mentions(_entities(), [line]) == {line: ((3, 6),)}


def test_nothing_tagged_finds_nothing() -> None:
    assert line_mentions([], ["Scholz"]) == {}
    assert line_mentions(_entities(), ["Scholzens Plan"]) == {}
