"""Articles of the archive as the publisher wants them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from editor.core.article import Article
from editor.core.publishing import PublishedArticle


def to_published(
    article: Article, related: Sequence[int], *, updated: datetime | None = None
) -> PublishedArticle:
    # The publisher notices a changed article by its ``revision``; the working copy's
    # version counter grows with every saved edit, so even an autosaved change without
    # an explicit revision is republished.
    return PublishedArticle(
        id=article.id,
        lang=article.language,
        slug=article.slug,
        title=article.title,
        body_markdown=article.body,
        published_at=article.published_at or article.created_at,
        teaser=article.teaser,
        author=article.author,
        updated_at=updated,
        tags=article.tags,
        group=article.group_id,
        revision=article.version,
        related=tuple(related),
    )
