"""Translation groups as the article list shows them: which languages each row's group
has, for a page of rows in one grouped query (not one query a row).

Kept apart from :mod:`editor.store.translation.queries`, which needs the memory's
NumPy and rapidfuzz: the list asks for badges on every page it reads.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from editor.store.batching import in_chunks
from editor.store.models import Article


def group_languages(session: Session, article_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """For each of the articles in a translation group: the languages of its group's
    live members, sorted (an article alone in no group is left out)."""
    row, member = aliased(Article), aliased(Article)
    found: dict[int, set[str]] = {}
    for chunk in in_chunks(sorted(set(article_ids))):
        stmt = (
            select(row.id, member.language)
            .join(member, member.group_id == row.group_id)
            .where(row.id.in_(chunk), row.group_id.is_not(None), member.deleted.is_(False))
        )
        for article_id, language in session.execute(stmt):
            found.setdefault(article_id, set()).add(language)
    return {article_id: tuple(sorted(langs)) for article_id, langs in found.items()}


def group_versions(session: Session, article_id: int) -> list[tuple[int, str]]:
    """(id, language) of the live members of an article's group, by language then id
    (the article alone when it has no group)."""
    group = session.scalar(select(Article.group_id).where(Article.id == article_id))
    if group is None:
        return [(article_id, lang)] if (lang := _language(session, article_id)) else []
    stmt = (
        select(Article.id, Article.language)
        .where(Article.group_id == group, Article.deleted.is_(False))
        .order_by(Article.language, Article.id)
    )
    return [(i, lang) for i, lang in session.execute(stmt)]


def _language(session: Session, article_id: int) -> str | None:
    return session.scalar(select(Article.language).where(Article.id == article_id))


def is_translation(session: Session, article_id: int) -> bool:
    """Whether the article was translated here (it has segments and a source link)."""
    from editor.store.translation.models import TranslationLink

    found = session.scalar(
        select(TranslationLink.article_id).where(TranslationLink.article_id == article_id)
    )
    return found is not None
