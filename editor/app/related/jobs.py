"""The long related-links jobs, one definition for the window and the command line.

Each takes ``progress(done, total)`` and ``cancelled()`` callbacks: the window runs it on
its worker behind a progress dialog, the command line in the foreground with its bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.app.related.common import IsCancelled, Progress

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

NO_MODEL = "no multilingual model is installed: pip install 'newsdesk[embeddings]'"
# Articles the periodic job embeds at most per run (a few seconds of one core).
RECENT_LIMIT = 32


class NoMeaningModel(Exception):
    """Meaning vectors were asked for, but no model is installed (or it is turned off)."""

    def __init__(self) -> None:
        super().__init__(NO_MODEL)


def rebuild_index(
    ws: Workspace, progress: Progress | None = None, cancelled: IsCancelled | None = None
) -> int:
    """Build the related-links index anew (suggestions keep coming from the old one
    meanwhile); returns how many articles it holds. Cancelling raises BuildCancelled
    and keeps the old index."""
    return ws.related.rebuild(progress, cancelled)


def compute_meaning_vectors(
    ws: Workspace, progress: Progress | None = None, cancelled: IsCancelled | None = None
) -> int:
    """Embed every article without a current meaning vector; returns how many were.
    Cancelling keeps what was embedded, and the next run goes on from there.
    NoMeaningModel without a model."""
    related = ws.related
    if not related.has_meaning_model:
        raise NoMeaningModel
    return related.embed_missing(progress, cancelled)


def follows_recent(ws: Workspace) -> bool:
    """Whether embed_recent has anything to look at: not until the related links are in
    use (nothing is loaded for them before), so the window need not schedule it."""
    return ws.has_started("related") and ws.related.is_built


def embed_recent(ws: Workspace, limit: int = RECENT_LIMIT) -> int:
    """What runs now and then in the background: embed articles saved or imported since
    they were last embedded. Nothing before the related links are in use (see
    follows_recent) or without a model; returns how many were embedded."""
    if not follows_recent(ws):
        return 0
    return ws.related.embed_changed(limit)
