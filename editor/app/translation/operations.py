"""The translation use cases that take time, as operations for the app's one runner
(the window runs them off the GUI thread; the command line in the foreground)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.app.operations import Operation, OperationContext, change, query

if TYPE_CHECKING:
    from editor.app.translation.memory import TmxImport
    from editor.app.workspace import Workspace
    from editor.core.translation.memory import TmMatch


def import_tmx(workspace: Workspace, data: bytes, origin: str = "") -> Operation[TmxImport]:
    def work(context: OperationContext) -> TmxImport:
        return workspace.memory.import_tmx(
            data, origin=origin, progress=context.progress, cancelled=context.cancelled
        )

    return change("Import translation memory", work)


def lookup(
    workspace: Workspace, source_lang: str, target_lang: str, text: str, limit: int = 3
) -> Operation[list[TmMatch]]:
    """Matches for the current segment; a newer lookup replaces an older one (the first
    one of a language pair reads the memory into its index)."""

    def work(_: OperationContext) -> list[TmMatch]:
        return workspace.memory.lookup(source_lang, target_lang, text, limit=limit)

    return query("Look up the translation memory", work, key="translation.lookup")
