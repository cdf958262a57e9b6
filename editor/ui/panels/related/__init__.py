"""The related-links panel: its rows (models), their drawing, search, and the panel."""

from editor.ui.panels.related.models import (
    ARTICLE_ID_ROLE,
    LANGUAGE_ROLE,
    PINNED_ROLE,
    REASONS_ROLE,
    SCORE_ROLE,
    RelatedRow,
)
from editor.ui.panels.related.panel import RelatedPanel

__all__ = [
    "ARTICLE_ID_ROLE",
    "LANGUAGE_ROLE",
    "PINNED_ROLE",
    "REASONS_ROLE",
    "SCORE_ROLE",
    "RelatedPanel",
    "RelatedRow",
]
