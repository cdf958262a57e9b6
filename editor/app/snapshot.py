"""The archive's first page, read without SQLAlchemy, for a window's first paint.

Re-exported from the store for the window (which reaches the store only
through the app); importing this loads neither SQLAlchemy nor the services.
"""

from __future__ import annotations

from editor.store.snapshot import Snapshot, read_article, read_snapshot

__all__ = ["Snapshot", "read_article", "read_snapshot"]
