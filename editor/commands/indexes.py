"""The index-building jobs the menus offer: long, cancellable, with progress.

Each is an operation run by the window behind its progress dialog (the command
line runs the same service calls with its own progress bar); how it ended is a
status message.
"""

from __future__ import annotations

from editor.app.operations import Operation, OperationContext, query
from editor.commands.context import CommandContext
from editor.core.texts import translate


def _run_long(
    ctx: CommandContext,
    operation: Operation[int],
    *,
    title: str,
    done: str,
    failed: str,
    cancelled: str,
) -> None:
    """Run ``operation`` behind a progress dialog titled ``title``; ``done`` gets the
    count the work returns (``{}``), ``failed`` the error."""
    window = ctx.window

    def on_error(error: BaseException) -> None:
        window.show_message(failed.format(error), error=True)

    window.run_operation(
        operation,
        progress=title,
        on_done=lambda count: window.show_message(done.format(count)),
        on_error=on_error,
        on_cancelled=lambda: window.show_message(cancelled),
    )


def rebuild_search_index(ctx: CommandContext) -> None:
    """Rebuild the full-text search index; a cancel keeps what was redone."""
    _run_long(
        ctx,
        ctx.workspace.search.reindex_op(),
        title=translate("commands", "Search index"),
        done=translate("commands", "Search index rebuilt: {} articles."),
        failed=translate("commands", "The search index was not rebuilt: {}"),
        cancelled=translate(
            "commands",
            "Rebuilding the search index was cancelled (the rest keeps its old entries).",
        ),
    )


def rebuild_related_index(ctx: CommandContext) -> None:
    """Rebuild the related-links index."""
    from editor.app.related import jobs  # the engine's code loads when first used

    workspace = ctx.workspace

    def rebuild(context: OperationContext) -> int:
        return jobs.rebuild_index(workspace, context.progress, context.cancelled)

    _run_long(
        ctx,
        query(translate("commands", "Building the related-links index"), rebuild),
        title=translate("commands", "Related links"),
        done=translate("commands", "Related-links index rebuilt: {} articles."),
        failed=translate("commands", "The related-links index was not rebuilt: {}"),
        cancelled=translate("commands", "Rebuilding the related-links index was cancelled."),
    )


def compute_meaning_vectors(ctx: CommandContext) -> None:
    """Embed the articles without meaning vectors.

    Slow (a quarter of a second an article), so it runs only when asked; what was
    embedded before a cancel is kept, and the next run goes on from there.
    """
    from editor.app.related import jobs  # the engine's code loads when first used

    workspace = ctx.workspace
    if not workspace.related.has_meaning_model:  # said at once, not after a dialog opens
        ctx.window.show_message(f"{jobs.NO_MODEL[:1].upper()}{jobs.NO_MODEL[1:]}.", error=True)
        return

    def embed(context: OperationContext) -> int:
        # The vectors are kept as they are computed (the index needs no saving for them).
        return jobs.compute_meaning_vectors(workspace, context.progress, context.cancelled)

    _run_long(
        ctx,
        query(translate("commands", "Computing meaning vectors"), embed),
        title=translate("commands", "Related links"),
        done=translate("commands", "Meaning vectors computed for {} articles."),
        failed=translate("commands", "Meaning vectors were not computed: {}"),
        cancelled=translate(
            "commands", "Computing meaning vectors was cancelled; what was done is kept."
        ),
    )
