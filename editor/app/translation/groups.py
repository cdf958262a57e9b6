"""The language versions of an article, as the window moves between them and the list
shows them ("DE · EN"). Light on purpose: the article list asks on every page it reads,
and nothing of the translation memory (NumPy, rapidfuzz) is needed for that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from editor.store.translation import groups as store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


def group_languages(ws: Workspace, article_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """The languages of each article's translation group (one grouped query per page)."""
    if not article_ids:
        return {}
    with ws.db.session() as s:
        return store.group_languages(s, article_ids)


def versions(ws: Workspace, article_id: int) -> list[tuple[int, str]]:
    """(id, language) of the article's live language versions, by language."""
    with ws.db.session() as s:
        return store.group_versions(s, article_id)


def neighbour_version(ws: Workspace, article_id: int, step: int = 1) -> int | None:
    """The version `step` languages on (wrapping round), None when there is no other."""
    found = versions(ws, article_id)
    ids = [i for i, _ in found]
    if len(ids) < 2 or article_id not in ids:
        return None
    return ids[(ids.index(article_id) + step) % len(ids)]


def missing_languages(ws: Workspace, article_id: int) -> list[str]:
    """The site's languages the article's group has no live version in yet: what
    "Translate to…" offers."""
    present = {lang for _, lang in versions(ws, article_id)}
    return [lang for lang in ws.publishing.site_languages() if lang not in present]


def is_translation(ws: Workspace, article_id: int) -> bool:
    """Whether the article is a translation made here (the side-by-side view has work)."""
    with ws.db.session() as s:
        return store.is_translation(s, article_id)
