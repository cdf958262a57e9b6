"""Plain values for an article's related-link choices and its publication record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class LinkState(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class RelatedChoice:
    """An editor's decision on one related article (in list order for accepted ones)."""

    target_id: int
    state: LinkState
    position: int = 0
    pinned: bool = False
    score: float | None = None
    reasons: str = ""
    # Filled in when read back, for display:
    target_title: str = ""
    target_language: str = ""


@dataclass(frozen=True, slots=True)
class PublicationRecord:
    article_id: int
    revision_number: int | None
    action: str  # publish | correct | unpublish
    published_at: datetime
    output_dir: str
    path: str
