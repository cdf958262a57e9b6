"""Related-link choices and publication records."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from editor.core.links import LinkState, PublicationRecord, RelatedChoice
from editor.store.batching import in_chunks
from editor.store.models import Article, Publication, RelatedLink


def get_choices(
    session: Session, article_id: int, *, include_trashed: bool = False
) -> list[RelatedChoice]:
    """Accepted links in their order, then rejected ones.

    Links to articles in the trash are left out unless ``include_trashed``: whoever
    rewrites the decisions (``replace_choices``) must read them all, or a restored
    article would come back without its link."""
    stmt = (
        select(RelatedLink, Article.title, Article.language)
        .join(Article, Article.id == RelatedLink.target_id)
        .where(RelatedLink.article_id == article_id)
        .order_by(RelatedLink.state, RelatedLink.position)
    )
    if not include_trashed:
        stmt = stmt.where(Article.deleted.is_(False))
    return [
        RelatedChoice(
            target_id=link.target_id,
            state=LinkState(link.state),
            position=link.position,
            pinned=link.pinned,
            score=link.score,
            reasons=link.reasons,
            target_title=title,
            target_language=language,
        )
        for link, title, language in session.execute(stmt)
    ]


def replace_choices(session: Session, article_id: int, choices: Iterable[RelatedChoice]) -> None:
    """Store the editor's decisions for an article, replacing all previous ones (those
    about trashed articles too: read them with ``get_choices(include_trashed=True)``)."""
    session.execute(delete(RelatedLink).where(RelatedLink.article_id == article_id))
    seen: set[int] = set()
    for choice in choices:
        if choice.target_id == article_id or choice.target_id in seen:
            continue
        seen.add(choice.target_id)
        session.add(
            RelatedLink(
                article_id=article_id,
                target_id=choice.target_id,
                state=choice.state.value,
                position=choice.position,
                pinned=choice.pinned,
                score=choice.score,
                reasons=choice.reasons,
            )
        )
    session.flush()


def accepted_targets(
    session: Session, article_ids: Iterable[int] | None = None
) -> dict[int, list[int]]:
    """For each article, its accepted related articles in order (for publishing).

    ``None``: of every article, in one query (a publish run needs those of the whole site,
    and the links table is far smaller than a list of every public article's id)."""
    accepted = RelatedLink.state == LinkState.ACCEPTED.value
    order = (RelatedLink.article_id, RelatedLink.position)
    columns = (RelatedLink.article_id, RelatedLink.target_id)
    if article_ids is None:
        statements = [select(*columns).where(accepted).order_by(*order)]
    else:
        statements = [
            select(*columns).where(accepted, RelatedLink.article_id.in_(chunk)).order_by(*order)
            for chunk in in_chunks(article_ids)
        ]
    result: dict[int, list[int]] = {}
    for stmt in statements:
        for article_id, target_id in session.execute(stmt):
            result.setdefault(article_id, []).append(target_id)
    return result


def choice_states(session: Session, article_ids: Iterable[int]) -> dict[int, dict[int, LinkState]]:
    """For each article that has any, the editor's decisions: target id -> accepted/rejected.

    One query per thousand articles, for work over a whole archive (filling every page)."""
    result: dict[int, dict[int, LinkState]] = {}
    for chunk in in_chunks(article_ids):
        stmt = select(RelatedLink.article_id, RelatedLink.target_id, RelatedLink.state).where(
            RelatedLink.article_id.in_(chunk)
        )
        for article_id, target_id, state in session.execute(stmt):
            result.setdefault(article_id, {})[target_id] = LinkState(state)
    return result


def add_publication(session: Session, record: PublicationRecord) -> None:
    session.add(
        Publication(
            article_id=record.article_id,
            revision_number=record.revision_number,
            action=record.action,
            published_at=record.published_at,
            output_dir=record.output_dir,
            path=record.path,
        )
    )
    session.flush()


def list_publications(session: Session, article_id: int) -> list[PublicationRecord]:
    stmt = (
        select(Publication)
        .where(Publication.article_id == article_id)
        .order_by(Publication.published_at.desc(), Publication.id.desc())
    )
    return [
        PublicationRecord(
            article_id=p.article_id,
            revision_number=p.revision_number,
            action=p.action,
            published_at=p.published_at,
            output_dir=p.output_dir,
            path=p.path,
        )
        for p in session.execute(stmt).scalars()
    ]


# Actions after which the site shows the article (an unpublish takes it off).
_ON_SITE_ACTIONS = ("publish", "correct")


def publication_times(
    session: Session, article_ids: Iterable[int] | None = None
) -> dict[int, tuple[datetime, datetime]]:
    """For each article that went on the site: when it first did and when it last did.

    ``None``: of every article, in one query (a first run of a whole site)."""
    columns = (
        Publication.article_id,
        func.min(Publication.published_at),
        func.max(Publication.published_at),
    )
    on_site = Publication.action.in_(_ON_SITE_ACTIONS)
    if article_ids is None:
        statements = [select(*columns).where(on_site).group_by(Publication.article_id)]
    else:
        statements = [
            select(*columns)
            .where(on_site, Publication.article_id.in_(chunk))
            .group_by(Publication.article_id)
            for chunk in in_chunks(article_ids)
        ]
    result: dict[int, tuple[datetime, datetime]] = {}
    for stmt in statements:
        for article_id, first, last in session.execute(stmt):
            result[article_id] = (first, last)
    return result
