"""The data the related-links engine takes in and hands back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

PUBLISHED = "published"


@dataclass(frozen=True)
class RelatedDoc:
    """One article as the engine sees it (the store fills these from the database)."""

    id: str
    lang: str  # ISO 639-1, e.g. "de", "en"
    title: str
    body: str  # Markdown
    entities: tuple[str, ...] = ()  # names tagged by the editor; empty for untagged imports
    group: str | None = None  # translation group: members are translations of each other
    published_at: datetime | None = None
    status: str = PUBLISHED


@dataclass(frozen=True)
class Reasons:
    """Why an article was suggested, as data; `describe()` puts it into words."""

    shared_entities: tuple[str, ...] = ()  # display names, rarest first
    shared_terms: tuple[str, ...] = ()  # words both texts stress, strongest first
    days_apart: int | None = None  # None when either date is unknown
    via_translation: str | None = None  # id of the translation through which it was found
    translated_terms: bool = False  # text matched through the bilingual dictionary
    similar_meaning: bool = False  # found mostly by the multilingual meaning vectors


@dataclass(frozen=True)
class Suggestion:
    id: str
    score: float  # 0..1, best suggestion of a query is 1.0
    reasons: Reasons
