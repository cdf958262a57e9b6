"""Plain values of translation that cross the layers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TranslationLink:
    """A translated article, the article it was translated from (None when that was
    deleted for good) and the source's revision and version the translation started on."""

    article_id: int
    source_id: int | None
    source_revision: int | None
    source_version: int | None
