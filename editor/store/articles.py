"""Queries and writes for articles, revisions, tags and settings.

Every function takes an open :class:`~sqlalchemy.orm.Session` (from
``Database.session()``) and returns plain values from :mod:`editor.core.article`,
so nothing above the store ever holds a live ORM object.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from editor.core import article as values
from editor.core.entities.model import Entity as EntityValue
from editor.core.workflow import Status
from editor.store.batching import in_chunks
from editor.store.entities import entity_ids_for_names
from editor.store.errors import ConflictError, NotFoundError
from editor.store.models import Article, ArticleEntity, Base, Entity, Revision, Setting, utcnow

_SORT_COLUMNS = {
    "title": Article.title,
    "language": Article.language,
    "status": Article.status,
    "author": Article.author,
    "updated_at": Article.updated_at,
}


def _search_index() -> Any:
    """The full-text index's write path, imported at the first write: opening the
    archive and painting the list need none of it (start-up stays as fast)."""
    from editor.store.search import sync

    return sync


# ---------------------------------------------------------------- conversions


def to_value(row: Any, tags: tuple[str, ...] | None = None) -> values.Article:
    """The plain value of an article row (an ORM object, or a Core row plus its ``tags``)."""
    return values.Article(
        id=row.id,
        uuid=row.uuid,
        external_id=row.external_id,
        slug=row.slug,
        slug_locked=row.slug_locked,
        title=row.title,
        teaser=row.teaser,
        body=row.body,
        language=row.language,
        status=Status(row.status),
        author=row.author,
        created_at=row.created_at,
        updated_at=row.updated_at,
        published_at=row.published_at,
        deleted=row.deleted,
        group_id=row.group_id,
        version=row.version,
        tags=tuple(tag.name for tag in row.tags) if tags is None else tags,
    )


def _revision_info(row: Revision) -> values.RevisionInfo:
    return values.RevisionInfo(
        id=row.id,
        article_id=row.article_id,
        number=row.number,
        created_at=row.created_at,
        author=row.author,
        reason=row.reason,
        note=row.note,
        title=row.title,
    )


# ---------------------------------------------------------------- reading


_Select = TypeVar("_Select", bound=Select)


def _filtered(stmt: _Select, query: values.ListQuery) -> _Select:
    stmt = stmt.where(Article.deleted.is_(query.trashed))
    if query.status is not None:
        stmt = stmt.where(Article.status == query.status.value)
    if query.language:
        stmt = stmt.where(Article.language == query.language)
    if query.entity_id is not None:
        tagged = select(ArticleEntity.article_id).where(ArticleEntity.entity_id == query.entity_id)
        stmt = stmt.where(Article.id.in_(tagged))
    text = query.text.strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(
                Article.title.ilike(pattern, escape="\\"),
                Article.author.ilike(pattern, escape="\\"),
                Article.external_id.ilike(pattern, escape="\\"),
            )
        )
    return stmt


def list_summaries(session: Session, query: values.ListQuery) -> list[values.ArticleSummary]:
    """The rows of the article list, filtered, sorted and paged in SQL."""
    return list(iter_summaries(session, query))


def iter_summaries(session: Session, query: values.ListQuery) -> Iterator[values.ArticleSummary]:
    """:func:`list_summaries` one row at a time, read from the cursor as they are used
    (``newsdesk list --json`` of 25,000 articles starts writing at once)."""
    column = _SORT_COLUMNS.get(query.order_by, Article.updated_at)
    order = column.desc() if query.descending else column.asc()
    tiebreak = Article.id.desc() if query.descending else Article.id.asc()
    stmt = _filtered(
        select(
            Article.id,
            Article.uuid,
            Article.external_id,
            Article.title,
            Article.language,
            Article.status,
            Article.author,
            Article.updated_at,
            Article.deleted,
        ),
        query,
    ).order_by(order, tiebreak)
    if query.offset:
        stmt = stmt.offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    for r in session.execute(stmt.execution_options(yield_per=1000)):
        yield values.ArticleSummary(
            id=r.id,
            uuid=r.uuid,
            external_id=r.external_id,
            title=r.title,
            language=r.language,
            status=Status(r.status),
            author=r.author,
            updated_at=r.updated_at,
            deleted=r.deleted,
        )


def count_summaries(session: Session, query: values.ListQuery) -> int:
    stmt = _filtered(select(func.count(Article.id)), query)
    return int(session.execute(stmt).scalar_one())


def counts_by_status(session: Session) -> dict[str, int]:
    """How many live articles are in each status, plus ``"trash"``."""
    rows = session.execute(
        select(Article.status, func.count(Article.id))
        .where(Article.deleted.is_(False))
        .group_by(Article.status)
    )
    counts = {status: int(n) for status, n in rows}
    counts["trash"] = int(
        session.execute(
            select(func.count(Article.id)).where(Article.deleted.is_(True))
        ).scalar_one()
    )
    return counts


def languages_in_use(session: Session) -> list[str]:
    stmt = select(Article.language).where(Article.deleted.is_(False)).distinct()
    return sorted(session.execute(stmt).scalars())


def _row(session: Session, article_id: int, *, for_update: bool = False) -> Article:
    # FOR UPDATE (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers): a
    # second writer waits for the first to commit, then reads the version it wrote, so
    # the version check below sees every save that happened before its own.
    row = session.get(
        Article,
        article_id,
        options=[selectinload(Article.tags)],
        with_for_update=True if for_update else None,
    )
    if row is None:
        raise NotFoundError(f"There is no article with id {article_id}.")
    return row


def get_article(session: Session, article_id: int, *, for_update: bool = False) -> values.Article:
    """The article; ``for_update`` locks its row until the transaction ends (a save)."""
    return to_value(_row(session, article_id, for_update=for_update))


def find_article(session: Session, key: str) -> values.Article:
    """An article by id, uuid or external id (what the command line accepts)."""
    conditions = [Article.uuid == key, Article.external_id == key]
    if key.isdigit():
        conditions.insert(0, Article.id == int(key))
    row = session.execute(
        select(Article).where(or_(*conditions)).options(selectinload(Article.tags)).limit(1)
    ).scalar_one_or_none()
    if row is None:
        raise NotFoundError(f"There is no article {key!r} (looked for an id, uuid or external id).")
    return to_value(row)


def iter_articles(
    session: Session, *, include_deleted: bool = False, batch: int = 500
) -> Iterable[values.Article]:
    """Every article, in id order, a batch at a time (for export and indexing)."""
    last_id = 0
    while True:
        stmt = select(Article).where(Article.id > last_id).order_by(Article.id).limit(batch)
        if not include_deleted:
            stmt = stmt.where(Article.deleted.is_(False))
        rows = session.execute(stmt.options(selectinload(Article.tags))).scalars().all()
        if not rows:
            return
        for row in rows:
            yield to_value(row)
        last_id = rows[-1].id


def slugs_in_use(session: Session, language: str, prefix: str) -> set[str]:
    stmt = select(Article.slug).where(
        Article.language == language, Article.slug.startswith(prefix, autoescape=True)
    )
    return set(session.execute(stmt).scalars())


# ---------------------------------------------------------------- writing


def insert_article(session: Session, fields: Mapping[str, Any]) -> values.Article:
    row = Article(**{k: v for k, v in fields.items() if k != "tags"})
    session.add(row)
    session.flush()
    if "tags" in fields:
        _set_tags(session, row, fields["tags"])
    article = to_value(row)
    _search_index().index_articles(session, [article])
    return article


def update_article(
    session: Session,
    article_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
    touch: bool = True,
) -> values.Article:
    """Apply ``changes`` to the working copy; raise ConflictError on a stale version."""
    row = _row(session, article_id, for_update=expected_version is not None)
    # Read before the flush: after a failed flush every attribute read raises
    # PendingRollbackError instead of telling what happened.
    title = row.title
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            f"“{title}” was changed elsewhere (version {row.version}, you had {expected_version})."
        )
    for key, value in changes.items():
        if key == "tags":
            _set_tags(session, row, value)
        else:
            setattr(row, key, value)
    if touch and changes:
        row.updated_at = utcnow()
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(f"“{title}” was changed elsewhere; reload it.") from exc
    article = to_value(row)
    if _search_index().INDEXED_FIELDS.intersection(changes):
        _search_index().index_articles(session, [article])
    return article


def set_deleted(session: Session, article_id: int, deleted: bool) -> values.Article:
    row = _row(session, article_id)
    row.deleted = deleted
    row.deleted_at = utcnow() if deleted else None
    session.flush()
    return to_value(row)


def purge_trash(session: Session) -> int:
    """Delete trashed articles for good (with their revisions and tag links)."""
    ids = list(session.execute(select(Article.id).where(Article.deleted.is_(True))).scalars())
    if ids:
        session.execute(delete(ArticleEntity).where(ArticleEntity.article_id.in_(ids)))
        session.execute(delete(Revision).where(Revision.article_id.in_(ids)))
        session.execute(delete(Article).where(Article.id.in_(ids)))
        _search_index().remove_articles(session, ids)
    return len(ids)


def _set_tags(session: Session, row: Article, names: Iterable[Any]) -> None:
    """Tag the article with entities by name (or entity spec), creating missing ones."""
    items = [n if isinstance(n, EntityValue) else " ".join(str(n).split()) for n in names]
    ids = entity_ids_for_names(session, [i for i in items if i])
    wanted = list(
        dict.fromkeys(ids[i.name if isinstance(i, EntityValue) else i] for i in items if i)
    )
    by_id = {
        e.id: e
        for chunk in in_chunks(wanted)  # 100,000 tags exceed SQLite's variable limit
        for e in session.execute(select(Entity).where(Entity.id.in_(chunk))).scalars()
    }
    row.tags = [by_id[i] for i in wanted]
    store_tag_order(session, [row])


def store_tag_order(session: Session, rows: Iterable[Article]) -> None:
    """Write each tag's place in ``row.tags`` to the link rows (the ORM inserts them as 0)."""
    session.flush()
    params = [
        {"a": row.id, "t": tag.id, "p": position}
        for row in rows
        for position, tag in enumerate(row.tags)
    ]
    if params:
        links = Base.metadata.tables["article_entity"]  # Core: one executemany, no ORM bookkeeping
        session.execute(
            update(links)
            .where(links.c.article_id == bindparam("a"), links.c.entity_id == bindparam("t"))
            .values(position=bindparam("p")),
            params,
        )


# ---------------------------------------------------------------- revisions


def add_revision(
    session: Session,
    article_id: int,
    *,
    reason: str,
    author: str,
    note: str = "",
    text: Mapping[str, Any] | None = None,
) -> values.RevisionInfo:
    """Snapshot the working copy as the next revision number.

    ``text`` overrides fields of the snapshot (title, teaser, body, slug, language):
    an editor's text that a conflict kept out of the working copy is kept this way.
    """
    row = _row(session, article_id)
    text = text or {}
    number = (
        session.execute(
            select(func.max(Revision.number)).where(Revision.article_id == article_id)
        ).scalar_one()
        or 0
    ) + 1
    revision = Revision(
        article_id=article_id,
        number=number,
        author=author,
        reason=reason,
        note=note,
        title=text.get("title", row.title),
        teaser=text.get("teaser", row.teaser),
        body=text.get("body", row.body),
        slug=text.get("slug", row.slug),
        language=text.get("language", row.language),
        status=row.status,
    )
    session.add(revision)
    session.flush()
    return _revision_info(revision)


def list_revisions(session: Session, article_id: int) -> list[values.RevisionInfo]:
    stmt = (
        select(Revision).where(Revision.article_id == article_id).order_by(Revision.number.desc())
    )
    return [_revision_info(r) for r in session.execute(stmt).scalars()]


def last_revision_time(session: Session, article_id: int) -> datetime | None:
    stmt = select(func.max(Revision.created_at)).where(Revision.article_id == article_id)
    value = session.execute(stmt).scalar_one()
    if value is not None and value.tzinfo is None:
        from datetime import UTC

        value = value.replace(tzinfo=UTC)
    return value


def get_revision(session: Session, revision_id: int) -> values.RevisionSnapshot:
    row = session.get(Revision, revision_id)
    if row is None:
        raise NotFoundError(f"There is no revision with id {revision_id}.")
    return values.RevisionSnapshot(
        info=_revision_info(row),
        title=row.title,
        teaser=row.teaser,
        body=row.body,
        slug=row.slug,
        language=row.language,
        status=Status(row.status),
    )


# ---------------------------------------------------------------- settings


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def latest_revision_numbers(session: Session, article_ids: Iterable[int]) -> dict[int, int]:
    """The newest revision number of each article among ``article_ids`` that has one."""
    result: dict[int, int] = {}
    for chunk in in_chunks(article_ids):
        stmt = (
            select(Revision.article_id, func.max(Revision.number))
            .where(Revision.article_id.in_(chunk))
            .group_by(Revision.article_id)
        )
        result.update({aid: int(n) for aid, n in session.execute(stmt) if n is not None})
    return result


def live_article_stamps(session: Session) -> dict[int, datetime]:
    """Every live article's id and last change (to bring a saved index up to date)."""
    stmt = select(Article.id, Article.updated_at).where(Article.deleted.is_(False))
    return {article_id: updated for article_id, updated in session.execute(stmt)}


def titles_and_languages(
    session: Session, article_ids: Iterable[int]
) -> dict[int, tuple[str, str]]:
    """Title and language of each existing article among ``article_ids``."""
    result: dict[int, tuple[str, str]] = {}
    for chunk in in_chunks(article_ids):
        stmt = select(Article.id, Article.title, Article.language).where(Article.id.in_(chunk))
        result.update({aid: (title, lang) for aid, title, lang in session.execute(stmt)})
    return result
