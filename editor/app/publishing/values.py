"""Articles of the archive as the publisher wants them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from editor.core.article import Article
from editor.core.entities.model import Entity, name_key
from editor.core.publishing import PublishedArticle, Subject


def to_subject(entity: Entity) -> Subject:
    return Subject(
        name=entity.name,
        kind=entity.kind.value,
        id=entity.id,
        labels=tuple(sorted(entity.labels.items())),
        wikidata=entity.wikidata,
    )


def subjects_of(tags: Sequence[str], entities: Mapping[str, Subject]) -> tuple[Subject, ...]:
    """The article's tags as subjects; ``entities`` by the name key of any of their names
    (a tag read before a rename still finds its entity by the old name, now an alias)."""
    return tuple(entities.get(name_key(tag)) or Subject(name=tag) for tag in tags)


def to_published(
    article: Article,
    related: Sequence[int],
    *,
    updated: datetime | None = None,
    subjects: tuple[Subject, ...] = (),
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
        subjects=subjects,
        group=article.group_id,
        revision=article.version,
        related=tuple(related),
    )
