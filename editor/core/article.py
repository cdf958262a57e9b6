"""Plain values that cross the layers: an article, a list row, a revision.

The store turns database rows into these; the app, the command line and the
UI read them.  They are frozen so that a value handed to another thread can
not change under it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from editor.core.workflow import Status

# Fields an editor types into (and autosave writes).
EDITABLE_FIELDS: frozenset[str] = frozenset(
    {"title", "teaser", "body", "slug", "author", "language"}
)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list: only what the list shows."""

    id: int
    uuid: str
    external_id: str | None
    title: str
    language: str
    status: Status
    author: str
    updated_at: datetime
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    uuid: str
    external_id: str | None
    slug: str
    slug_locked: bool
    title: str
    teaser: str
    body: str
    language: str
    status: Status
    author: str
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    deleted: bool
    group_id: str | None
    version: int
    tags: tuple[str, ...] = field(default=())

    def summary(self) -> ArticleSummary:
        return ArticleSummary(
            id=self.id,
            uuid=self.uuid,
            external_id=self.external_id,
            title=self.title,
            language=self.language,
            status=self.status,
            author=self.author,
            updated_at=self.updated_at,
            deleted=self.deleted,
        )


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """A revision as the history panel lists it."""

    id: int
    article_id: int
    number: int
    created_at: datetime
    author: str
    reason: str  # save, status, periodic, restore, import
    note: str
    title: str


@dataclass(frozen=True, slots=True)
class RevisionSnapshot:
    info: RevisionInfo
    title: str
    teaser: str
    body: str
    slug: str
    language: str
    status: Status


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What the article list asks for: filters, order and a page."""

    status: Status | None = None
    language: str | None = None
    text: str = ""  # the quick filter: matches title, author, external id
    trashed: bool = False
    entity_id: int | None = None  # only the articles tagged with this entity
    order_by: str = "updated_at"  # title, language, status, author, updated_at
    descending: bool = True
    offset: int = 0
    limit: int | None = None

    SORTABLE = ("title", "language", "status", "author", "updated_at")
