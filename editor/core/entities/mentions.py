"""Where an article's tagged entities are mentioned, paragraph by paragraph.

For highlighting in the editor: the body is split into its lines (an editor's text
blocks), each distinct line is searched once with a matcher over the tagged entities'
names, and the spans are given in UTF-16 code units, the unit Qt's text layout counts
in (an emoji before a name would otherwise shift the mark).  Keyed by the line's text,
so that the editor finds a line's mentions by its text alone while it is being edited.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from editor.core.entities.matcher import KnownMatcher
from editor.core.entities.model import Entity

Span = tuple[int, int]  # start and length, in UTF-16 code units


def utf16_offsets(text: str) -> list[int]:
    """Position ``i`` of ``text`` is ``result[i]`` in UTF-16 units (one entry more at the end)."""
    offsets = [0] * (len(text) + 1)
    unit = 0
    for i, ch in enumerate(text):
        offsets[i] = unit
        unit += 2 if ord(ch) > 0xFFFF else 1
    offsets[len(text)] = unit
    return offsets


def mention_matcher(entities: Iterable[Entity]) -> KnownMatcher:
    matcher = KnownMatcher()
    for entity in entities:
        if entity.id is None:
            continue
        for name in entity.names():
            matcher.add(entity.id, name)
    return matcher


def line_mentions(entities: Iterable[Entity], lines: Sequence[str]) -> dict[str, tuple[Span, ...]]:
    """For each distinct line that mentions a tagged entity: its spans, in text order."""
    matcher = mention_matcher(entities)
    found: dict[str, tuple[Span, ...]] = {}
    if not len(matcher):
        return found
    for line in dict.fromkeys(lines):
        if not line.strip() or unicodedata.normalize("NFC", line) != line:
            continue  # (the matcher counts in NFC: another form would shift the marks)
        mentions = matcher.find(line)
        if not mentions:
            continue
        wide = any(ord(ch) > 0xFFFF for ch in line)
        offsets = utf16_offsets(line) if wide else None
        spans = []
        for m in mentions:
            if offsets is None:
                spans.append((m.start, m.end - m.start))
            else:
                spans.append((offsets[m.start], offsets[m.end] - offsets[m.start]))
        found[line] = tuple(spans)
    return found
