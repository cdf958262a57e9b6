"""Which target segments fell behind after the source was edited."""

from __future__ import annotations

from editor.core.translation.segments import segment_text
from editor.core.translation.staleness import (
    Change,
    SegmentStatus,
    TargetSegment,
    align,
    render_diff,
    word_diff,
)

SOURCE = ["Absatz A über Chips.", "Absatz B über Akkus.", "Absatz C über Preise."]


def _targets(paragraphs: list[str]) -> list[TargetSegment]:
    """A finished translation of `paragraphs` (the target says which one it renders)."""
    return [
        TargetSegment("body", s.index, s.hash, s.text, f"EN {s.text}", SegmentStatus.TRANSLATED)
        for s in segment_text("body", "\n\n".join(paragraphs))
    ]


def _changes(paragraphs: list[str]) -> list[tuple[Change, str | None, str | None]]:
    report = align(list(segment_text("body", "\n\n".join(paragraphs))), _targets(SOURCE))
    return [
        (a.change, a.source.text if a.source else None, a.target.text if a.target else None)
        for a in report.alignments
    ]


def test_nothing_changed_nothing_is_behind() -> None:
    report = align(list(segment_text("body", "\n\n".join(SOURCE))), _targets(SOURCE))
    assert not report.outdated
    assert report.counts["unchanged"] == 3


def test_an_added_paragraph() -> None:
    edited = [SOURCE[0], "Neu: Absatz über Displays.", SOURCE[1], SOURCE[2]]
    assert _changes(edited) == [
        (Change.UNCHANGED, SOURCE[0], f"EN {SOURCE[0]}"),
        (Change.ADDED, "Neu: Absatz über Displays.", None),
        (Change.UNCHANGED, SOURCE[1], f"EN {SOURCE[1]}"),
        (Change.UNCHANGED, SOURCE[2], f"EN {SOURCE[2]}"),
    ]


def test_a_removed_paragraph_is_listed_with_its_translation() -> None:
    assert _changes([SOURCE[0], SOURCE[2]]) == [
        (Change.UNCHANGED, SOURCE[0], f"EN {SOURCE[0]}"),
        (Change.UNCHANGED, SOURCE[2], f"EN {SOURCE[2]}"),
        (Change.REMOVED, None, f"EN {SOURCE[1]}"),
    ]


def test_reordered_paragraphs_moved_and_keep_their_translation() -> None:
    changes = _changes([SOURCE[2], SOURCE[0], SOURCE[1]])
    assert [c for c, _, _ in changes].count(Change.MOVED) == 1
    assert all(c in (Change.UNCHANGED, Change.MOVED) for c, _, _ in changes)
    assert all(target == f"EN {source}" for _, source, target in changes)


def test_a_full_reversal_is_all_moves_not_changes() -> None:
    changes = _changes(list(reversed(SOURCE)))
    assert all(target == f"EN {source}" for _, source, target in changes)
    assert Change.CHANGED not in {c for c, _, _ in changes}


def test_a_changed_paragraph_keeps_its_old_translation_and_shows_a_diff() -> None:
    edited = [SOURCE[0], "Absatz B über neue Akkus.", SOURCE[2]]
    report = align(list(segment_text("body", "\n\n".join(edited))), _targets(SOURCE))
    changed = report.of(Change.CHANGED)
    assert len(changed) == 1
    assert changed[0].target is not None and changed[0].target.text == f"EN {SOURCE[1]}"
    assert changed[0].source_diff() == [
        ("=", "Absatz B über"),
        ("+", "neue"),
        ("=", "Akkus."),
    ]
    assert report.outdated


def test_change_add_remove_and_reorder_at_once() -> None:
    edited = [SOURCE[2], "Absatz A über schnelle Chips.", "Ganz neu."]
    changes = _changes(edited)
    kinds = sorted(c.value for c, _, _ in changes)
    assert kinds in (
        ["added", "changed", "moved", "removed"],
        ["added", "changed", "removed", "unchanged"],  # C may anchor the alignment
    )
    kept = next(x for x in changes if x[1] == SOURCE[2])
    assert kept[2] == f"EN {SOURCE[2]}"
    changed = next(x for x in changes if x[0] is Change.CHANGED)
    assert changed[2] == f"EN {SOURCE[0]}"  # paired with the paragraph it was made from
    removed = next(x for x in changes if x[0] is Change.REMOVED)
    assert removed[2] == f"EN {SOURCE[1]}"


def test_word_diff_rendering() -> None:
    pieces = word_diff("Der Akku hält zehn Stunden.", "Der Akku hält zwölf Stunden.")
    assert render_diff(pieces) == "Der Akku hält [-zehn-] {+zwölf+} Stunden."
