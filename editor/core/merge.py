"""Three-way merge of an editor's changes with a version saved elsewhere meanwhile.

Two editors start from the same version (the *base*).  One saves first
(*theirs*); the other's save (*mine*) then comes from an older version.  Field
by field: what only one side changed is taken from that side; the teaser and
the body, changed on both, are merged paragraph by paragraph (a paragraph is
the text up to a blank line), so two editors working on different paragraphs
both keep their work.  The same paragraph changed differently on both sides,
or a title, slug, author, language or tag list changed differently, is a
conflict: nothing is merged and the caller keeps both texts.

``merge3`` (the merge of Breezy, kept by its authors as a library) does the
sequence work; this module only decides what a unit of text is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from merge3 import Merge3

# Fields merged paragraph by paragraph; every other field is taken whole.
PARAGRAPH_FIELDS = ("teaser", "body")
# Fields whose text an editor changes (the ones a conflict shows).
TEXT_FIELDS = ("title", "teaser", "body")

# A paragraph with the blank line(s) that end it, so that joining gives the text back.
_PARAGRAPH = re.compile(r".*?(?:\n[ \t]*\n\s*|\Z)", re.S)
_SENTINEL = "\n\n"


def paragraphs(text: str) -> list[str]:
    """``text`` cut after each blank line; ``"".join(paragraphs(t)) == t + "\\n\\n"``.

    The sentinel blank line makes the last paragraph end like every other one, so
    that adding a paragraph after it does not count as changing it.
    """
    return [p for p in _PARAGRAPH.findall(text + _SENTINEL) if p]


def merge_text(base: str, mine: str, theirs: str) -> str | None:
    """The paragraph-level merge of two edits of ``base``; None on a conflict."""
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    merged: list[str] = []
    groups = Merge3(paragraphs(base), paragraphs(mine), paragraphs(theirs)).merge_groups()
    for group in groups:
        if group[0] == "conflict":
            resolved = _side_by_side(group[1], group[2], group[3])
            if resolved is None:
                return None
            merged.extend(resolved)
        else:
            merged.extend(group[1])
    return "".join(merged).removesuffix(_SENTINEL)


def _side_by_side(
    base: Sequence[str], mine: Sequence[str], theirs: Sequence[str]
) -> list[str] | None:
    """Neighbouring paragraphs each changed by one side only (merge3 calls touching
    changes a conflict): paragraph by paragraph, the side that changed it wins."""
    if not len(base) == len(mine) == len(theirs):
        return None
    result = []
    for original, a, b in zip(base, mine, theirs, strict=True):
        if a in (original, b):
            result.append(b)
        elif b == original:
            result.append(a)
        else:
            return None
    return result


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """What to save: ``changes`` (mine, merged with theirs), or the conflicting fields."""

    changes: dict[str, Any]
    conflicts: tuple[str, ...] = ()
    # Fields that theirs changed since the base (the merge took them into account).
    theirs_changed: tuple[str, ...] = field(default=())

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return list(a) == list(b)
    return bool(a == b)


def merge_changes(
    base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> MergeOutcome:
    """Merge ``mine`` (changed fields) with ``theirs`` (the saved values), both from ``base``.

    ``base`` and ``theirs`` hold at least every field in ``mine``; a field of
    ``mine`` missing from ``base`` is taken as unchanged there (mine wins).
    """
    changes: dict[str, Any] = {}
    conflicts: list[str] = []
    theirs_changed = tuple(sorted(k for k in base if k in theirs and not _same(base[k], theirs[k])))
    for key, value in mine.items():
        if key not in base or key not in theirs:
            changes[key] = value
            continue
        original, saved = base[key], theirs[key]
        if _same(saved, original) or _same(value, saved):
            changes[key] = value
        elif _same(value, original):
            continue  # only they changed it: keep theirs
        elif key in PARAGRAPH_FIELDS and isinstance(value, str):
            merged = merge_text(str(original), value, str(saved))
            if merged is None:
                conflicts.append(key)
            else:
                changes[key] = merged
        else:
            conflicts.append(key)
    return MergeOutcome(changes, tuple(conflicts), theirs_changed)


@dataclass(frozen=True, slots=True)
class ConflictTexts:
    """Mine, theirs and the base of an unmergeable save, for a side-by-side view."""

    article_id: int
    theirs_version: int
    fields: tuple[str, ...]  # the fields that conflict
    mine: dict[str, Any]
    theirs: dict[str, Any]
    base: dict[str, Any]

    def side(self, which: str) -> str:
        """One side as a readable document: title, teaser and body."""
        values = {"mine": self.mine, "theirs": self.theirs, "base": self.base}[which]
        parts = [f"# {values.get('title', '')}"]
        if values.get("teaser"):
            parts.append(str(values["teaser"]))
        parts.append(str(values.get("body", "")))
        others = [k for k in self.fields if k not in TEXT_FIELDS]
        parts.extend(f"{k}: {values.get(k, '')}" for k in others)
        return "\n\n".join(parts)
