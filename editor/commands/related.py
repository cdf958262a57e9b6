"""The related-links jobs the Workflow menu offers: long, cancellable, with progress.

Each is an operation run by the window behind a progress dialog (the command
line runs the same service calls with its own progress bar).
"""

from __future__ import annotations

from editor.app.operations import OperationContext, query
from editor.commands.context import CommandContext


def rebuild_related_index(ctx: CommandContext) -> None:
    """Rebuild the related-links index, with visible, cancellable progress."""
    from editor.app.related import jobs  # the engine's code loads when first used

    workspace = ctx.workspace
    window = ctx.window

    def rebuild(context: OperationContext) -> int:
        return jobs.rebuild_index(workspace, context.progress, context.cancelled)

    window.run_operation(
        query("Building the related-links index", rebuild),
        progress="Related links",
        on_done=lambda n: window.show_message(f"Related-links index rebuilt: {n} articles."),
        on_error=lambda error: window.show_message(
            f"The related-links index was not rebuilt: {error}", error=True
        ),
        on_cancelled=lambda: window.show_message(
            "Rebuilding the related-links index was cancelled."
        ),
    )


def compute_meaning_vectors(ctx: CommandContext) -> None:
    """Embed the articles without meaning vectors, with cancellable progress.

    Slow (a quarter of a second an article), so it runs only when asked; what was
    embedded before a cancel is kept, and the next run goes on from there.
    """
    from editor.app.related import jobs  # the engine's code loads when first used

    workspace = ctx.workspace
    window = ctx.window
    if not workspace.related.has_meaning_model:  # said at once, not after a dialog opens
        window.show_message(f"{jobs.NO_MODEL[:1].upper()}{jobs.NO_MODEL[1:]}.", error=True)
        return

    def embed(context: OperationContext) -> int:
        # The vectors are kept as they are computed (the index needs no saving for them).
        return jobs.compute_meaning_vectors(workspace, context.progress, context.cancelled)

    window.run_operation(
        query("Computing meaning vectors", embed),
        progress="Related links",
        on_done=lambda n: window.show_message(f"Meaning vectors computed for {n} articles."),
        on_error=lambda error: window.show_message(
            f"Meaning vectors were not computed: {error}", error=True
        ),
        on_cancelled=lambda: window.show_message(
            "Computing meaning vectors was cancelled; what was done is kept."
        ),
    )
