"""Which target segments fell behind their source, and how to carry them over.

Every target segment remembers the hash and text of the source segment it was made from.
After the source is edited, its new segments are aligned with the remembered ones (a
difflib alignment of the hashes, per field): equal runs are untouched, a segment found
elsewhere moved (its translation still holds), a replaced one changed (its old and new
source text are diffed for the translator), and the rest were added or removed.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz

from editor.core.translation.segments import Segment

# How alike (rapidfuzz ratio, 0-100) an edited segment must be to the one it was made from
# to be paired with it away from its old place.
SIMILAR_EDIT = 60
# An edit in place (between the same unchanged neighbours) needs less likeness; text with
# nothing in common is a new paragraph and the old one's translation is listed as removed.
SIMILAR_IN_PLACE = 35


class SegmentStatus(StrEnum):
    UNTRANSLATED = "untranslated"
    DRAFT = "draft"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"

    @property
    def done(self) -> bool:
        return self in (SegmentStatus.TRANSLATED, SegmentStatus.REVIEWED)


@dataclass(frozen=True, slots=True)
class TargetSegment:
    """A stored target segment: what it says and the source it was made from."""

    field: str
    index: int
    source_hash: str
    source_text: str
    text: str
    status: SegmentStatus


class Change(StrEnum):
    UNCHANGED = "unchanged"
    MOVED = "moved"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Alignment:
    """One line of the comparison: a current source segment (None when removed) and the
    target made for it or for its previous text (None when added)."""

    change: Change
    source: Segment | None
    target: TargetSegment | None

    @property
    def stale(self) -> bool:
        return self.change in (Change.CHANGED, Change.ADDED, Change.REMOVED)

    def source_diff(self) -> list[tuple[str, str]]:
        """The old source text against the new, word by word: (op, text) pieces with op
        one of ``=``, ``-`` (removed), ``+`` (added)."""
        old = self.target.source_text if self.target is not None else ""
        new = self.source.text if self.source is not None else ""
        return word_diff(old, new)


@dataclass(frozen=True)
class StalenessReport:
    alignments: tuple[Alignment, ...]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def outdated(self) -> bool:
        return any(a.stale for a in self.alignments)

    def of(self, change: Change) -> list[Alignment]:
        return [a for a in self.alignments if a.change is change]


def align(source: Sequence[Segment], targets: Sequence[TargetSegment]) -> StalenessReport:
    """Align the current source segments with the stored targets, field by field."""
    alignments: list[Alignment] = []
    fields = dict.fromkeys([s.field for s in source] + [t.field for t in targets])
    for name in fields:
        new = [s for s in source if s.field == name]
        old = sorted((t for t in targets if t.field == name), key=lambda t: t.index)
        alignments.extend(_align_field(new, old))
    counts = {change.value: 0 for change in Change}
    for a in alignments:
        counts[a.change.value] += 1
    return StalenessReport(tuple(alignments), counts)


def _align_field(new: list[Segment], old: list[TargetSegment]) -> list[Alignment]:
    matcher = difflib.SequenceMatcher(
        a=[t.source_hash for t in old], b=[s.hash for s in new], autojunk=False
    )
    by_new: dict[int, Alignment] = {}
    gaps: list[tuple[list[int], list[int]]] = []  # (old, new) indices between equal runs
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                by_new[j] = Alignment(Change.UNCHANGED, new[j], old[i])
        else:
            gaps.append((list(range(i1, i2)), list(range(j1, j2))))
    # A segment whose text is found outside its place moved: its translation still holds
    # (reordering paragraphs is no reason to translate them again).
    unused: dict[str, list[int]] = {}
    for olds, _ in gaps:
        for i in olds:
            unused.setdefault(old[i].source_hash, []).append(i)
    used: set[int] = set()
    for _, news in gaps:
        for j in news:
            candidates = unused.get(new[j].hash)
            if candidates:
                i = candidates.pop(0)
                used.add(i)
                by_new[j] = Alignment(Change.MOVED, new[j], old[i])
    _pair_similar(new, old, gaps, used, by_new)
    # What is left of a gap was rewritten in place (paired in order when still a little
    # alike), added or removed.
    removed: list[TargetSegment] = []
    for olds, news in gaps:
        left_old = [i for i in olds if i not in used]
        left_new = [j for j in news if j not in by_new]
        for i, j in zip(left_old, left_new, strict=False):
            if fuzz.ratio(old[i].source_text, new[j].text) >= SIMILAR_IN_PLACE:
                by_new[j] = Alignment(Change.CHANGED, new[j], old[i])
                used.add(i)
        for j in left_new:
            if j not in by_new:
                by_new[j] = Alignment(Change.ADDED, new[j], None)
        removed.extend(old[i] for i in left_old if i not in used)
    ordered = [by_new[j] for j in range(len(new))]
    ordered.extend(Alignment(Change.REMOVED, None, t) for t in removed)
    return ordered


def _pair_similar(
    new: list[Segment],
    old: list[TargetSegment],
    gaps: list[tuple[list[int], list[int]]],
    used: set[int],
    by_new: dict[int, Alignment],
) -> None:
    """An edited segment that also moved is paired with the most similar old one left
    (at least SIMILAR_EDIT alike), wherever it was."""
    olds = [i for gap_old, _ in gaps for i in gap_old if i not in used]
    for _, news in gaps:
        for j in news:
            if j in by_new or not olds:
                continue
            best = max(olds, key=lambda i: fuzz.ratio(old[i].source_text, new[j].text))
            if fuzz.ratio(old[best].source_text, new[j].text) >= SIMILAR_EDIT:
                olds.remove(best)
                used.add(best)
                by_new[j] = Alignment(Change.CHANGED, new[j], old[best])


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level difference of two texts as (op, text) pieces (``=``, ``-``, ``+``)."""
    a, b = old.split(), new.split()
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("+", " ".join(b[j1:j2])))
    return pieces


def render_diff(pieces: Sequence[tuple[str, str]]) -> str:
    """A diff as one line of text: ``[-removed-]`` and ``{+added+}`` (wdiff's notation)."""
    out = []
    for op, text in pieces:
        out.append(text if op == "=" else f"[-{text}-]" if op == "-" else f"{{+{text}+}}")
    return " ".join(out)
