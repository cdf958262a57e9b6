"""XLIFF 1.2 export and import of a translation, for an outside translator or agency.

Export: the translation's segments (created first with :meth:`translate_to` when the
article has no version in that language yet). Import: each unit goes back to the segment
it came from. A unit whose source text changed since the export is taken as a draft of
the segment when the segment is still made from that old text, and otherwise listed
as not applied, with its text, so that nothing a translator wrote is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor.core.translation.segments import segment_hash
from editor.core.translation.staleness import Change, SegmentStatus
from editor.core.translation.xliff import (
    XliffDocument,
    XliffError,
    XliffUnit,
    read_xliff,
    write_xliff,
)

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

ORIGINAL_PREFIX = "newsdesk-article-"


@dataclass
class XliffImport:
    article_id: int
    applied: int = 0
    as_draft: list[str] = field(default_factory=list)  # keys whose source changed meanwhile
    not_applied: list[str] = field(default_factory=list)  # "key: reason — target text"
    unchanged: int = 0

    def summary(self) -> str:
        text = f"article {self.article_id}: {self.applied} segments applied"
        if self.as_draft:
            text += f", {len(self.as_draft)} as drafts (their source changed since the export)"
        if self.not_applied:
            text += f", {len(self.not_applied)} not applied"
        return text


def export_xliff(workspace: Workspace, translation_id: int) -> bytes:
    state = workspace.translation.state(translation_id)
    units = []
    for row in state.rows:
        if row.change is Change.REMOVED or not row.translatable:
            continue
        source_hash = segment_hash(row.source)
        units.append(XliffUnit(row.key, source_hash, row.source, row.target, row.status))
    document = XliffDocument(
        original=f"{ORIGINAL_PREFIX}{translation_id}",
        source_lang=state.source.language,
        target_lang=state.article.language,
        units=tuple(units),
    )
    return write_xliff(document)


def import_xliff(workspace: Workspace, data: bytes) -> XliffImport:
    """Apply a returned XLIFF file to the translation it was exported from. Raises
    XliffError (one line) for a file that cannot be read or belongs to no translation."""
    document = read_xliff(data)
    if not document.original.startswith(ORIGINAL_PREFIX):
        raise XliffError(f"the file was not exported by Newsdesk (original={document.original!r})")
    try:
        article_id = int(document.original.removeprefix(ORIGINAL_PREFIX))
    except ValueError:
        raise XliffError(f"no article in original={document.original!r}") from None
    state = workspace.translation.state(article_id)
    if document.target_lang and document.target_lang.split("-")[0] != state.article.language:
        raise XliffError(
            f"the file is a {document.target_lang!r} translation; article {article_id} "
            f"is {state.article.language!r}"
        )
    rows = {row.key: row for row in state.rows if row.change is not Change.REMOVED}
    result = XliffImport(article_id)
    edits: dict[str, tuple[str, SegmentStatus]] = {}
    for unit in document.units:
        row = rows.get(unit.key)
        if not unit.target.strip():
            continue  # not translated out there either
        if row is not None and unit.target.strip() == row.target and unit.status is row.status:
            result.unchanged += 1
            continue
        if row is not None and segment_hash(row.source) == unit.source_hash:
            edits[unit.key] = (unit.target, unit.status)
            result.applied += 1
        elif row is not None and segment_hash(row.previous_source) == unit.source_hash:
            edits[unit.key] = (unit.target, SegmentStatus.DRAFT)
            result.as_draft.append(unit.key)
        else:
            where = "its segment is gone" if row is None else "its source text changed"
            result.not_applied.append(f"{unit.key}: {where} — {unit.target}")
    if edits:
        # Those translated from a source text that changed since stay behind it.
        workspace.translation.save_segments(article_id, edits, behind=set(result.as_draft))
    return result
