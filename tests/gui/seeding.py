"""Putting many articles into a test archive in one transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from editor.app.workspace import Workspace
from editor.store.bulk import insert_many

BASE_TIME = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def seed(ws: Workspace, articles: list[dict[str, Any]]) -> list[int]:
    """Insert ``articles`` (title, language, status, author, …); ``minutes`` sets updated_at."""
    rows = []
    for number, fields in enumerate(articles):
        row = dict(fields)
        minutes = row.pop("minutes", number)
        row.setdefault("title", f"Article {number:04d}")
        row.setdefault("language", "de")
        row.setdefault("status", "draft")
        row.setdefault("author", "tester")
        row.setdefault("teaser", "")
        row.setdefault("body", "")
        row.setdefault("slug", f"article-{number}")
        row["updated_at"] = BASE_TIME + timedelta(minutes=minutes)
        rows.append(row)
    with ws.db.session(write=True) as session:
        return insert_many(session, rows)
