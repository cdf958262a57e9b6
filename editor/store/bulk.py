"""Batch reads and writes for importing many articles at once.

The per-article functions in :mod:`editor.store.articles` run a few queries
each; an import of ten thousand articles instead works a chunk at a time:
one query finds the chunk's existing articles, one loads the slugs in use,
one the tags, and the inserts go out as multi-row statements.  All functions
take the caller's session, so a chunk is one transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from editor.core import article as values
from editor.store.articles import store_tag_order, to_value
from editor.store.models import Article, Base, Revision, Tag, new_uuid, utcnow

# Plain tables, for Core inserts (typed as Table, unlike ``Model.__table__``).
_TABLES = Base.metadata.tables
# SQLite allows 32766 bound variables; stay well below for IN (...) lists.
_IN_CHUNK = 500


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def find_for_import(
    session: Session, *, uuids: Collection[str], external_ids: Collection[str]
) -> list[values.Article]:
    """Articles (also trashed ones) whose uuid or external id is among those given."""
    found: dict[int, values.Article] = {}
    uuid_list, ext_list = sorted(uuids), sorted(external_ids)
    for column, keys in ((Article.uuid, uuid_list), (Article.external_id, ext_list)):
        for chunk in _chunks(keys):
            stmt = select(Article).where(column.in_(chunk)).options(selectinload(Article.tags))
            for row in session.execute(stmt).scalars():
                found[row.id] = to_value(row)
    return list(found.values())


def slugs_by_language(session: Session, languages: Collection[str]) -> dict[str, set[str]]:
    """Every slug in use in each of ``languages`` (slugs are unique per language)."""
    result: dict[str, set[str]] = {language: set() for language in languages}
    if languages:
        stmt = select(Article.language, Article.slug).where(Article.language.in_(list(languages)))
        for language, slug in session.execute(stmt):
            result[language].add(slug)
    return result


def uuids_in_use(session: Session, uuids: Collection[str]) -> set[str]:
    taken: set[str] = set()
    for chunk in _chunks(sorted(uuids)):
        taken.update(session.execute(select(Article.uuid).where(Article.uuid.in_(chunk))).scalars())
    return taken


def _tags_by_name(session: Session, names: Iterable[str]) -> dict[str, Tag]:
    """Existing tags for ``names``; missing ones are created (added to the session)."""
    wanted = sorted(set(names))
    tags: dict[str, Tag] = {}
    for chunk in _chunks(wanted):
        for tag in session.execute(select(Tag).where(Tag.name.in_(chunk))).scalars():
            tags[tag.name] = tag
    for name in wanted:
        if name not in tags:
            tags[name] = Tag(name=name)
            session.add(tags[name])
    return tags


def _tag_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    """Ids of the tags called ``names``, inserting the missing ones."""
    wanted = sorted(set(names))
    ids: dict[str, int] = {}
    for chunk in _chunks(wanted):
        ids.update(
            (n, i) for n, i in session.execute(select(Tag.name, Tag.id).where(Tag.name.in_(chunk)))
        )
    missing = [{"name": name} for name in wanted if name not in ids]
    if missing:
        stmt = insert(Tag).returning(Tag.name, Tag.id)
        ids.update((n, i) for n, i in session.execute(stmt, missing))
    return ids


def _snapshot(row: Article, number: int, *, reason: str, author: str, note: str) -> Revision:
    return Revision(
        article=row,
        number=number,
        author=author,
        reason=reason,
        note=note,
        title=row.title,
        teaser=row.teaser,
        body=row.body,
        slug=row.slug,
        language=row.language,
        status=row.status,
    )


_SNAPSHOT_FIELDS = ("title", "teaser", "body", "slug", "language", "status")


def insert_many(
    session: Session,
    articles: Sequence[Mapping[str, Any]],
    *,
    revision_reason: str | None = None,
    author: str = "",
    note: str = "",
) -> list[int]:
    """Insert articles (field dicts as for ``insert_article``, ``tags`` a list of names).

    With ``revision_reason`` each new article also gets its first revision.
    Returns the new ids in the order given.  Uses multi-row INSERTs rather than
    ORM objects: building and flushing thousands of objects costs several
    times more than the database work.
    """
    if not articles:
        return []
    now = utcnow()
    rows = []
    for fields in articles:
        row = {k: v for k, v in fields.items() if k != "tags"}
        row.setdefault("uuid", new_uuid())
        row.setdefault("created_at", now)
        row.setdefault("updated_at", now)
        row.setdefault("slug_locked", False)
        row.setdefault("deleted", False)
        row["version"] = 1
        rows.append(row)
    # Core, not ORM, insert: the ORM splits the rows into batches by which keys
    # are None, which turns mixed records into hundreds of small statements.
    table = _TABLES["article"]
    stmt = insert(table).returning(table.c.uuid, table.c.id)
    id_by_uuid = {uuid: id_ for uuid, id_ in session.execute(stmt, rows)}
    ids = [id_by_uuid[row["uuid"]] for row in rows]

    tag_ids = _tag_ids(session, (n for fields in articles for n in fields.get("tags", ())))
    links = [
        {"article_id": article_id, "tag_id": tag_ids[name], "position": position}
        for article_id, fields in zip(ids, articles, strict=True)
        for position, name in enumerate(fields.get("tags", ()))
    ]
    if links:
        session.execute(insert(_TABLES["article_tag"]), links)
    if revision_reason is not None:
        revisions = [
            {
                "article_id": article_id,
                "number": 1,
                "created_at": now,
                "author": author,
                "reason": revision_reason,
                "note": note,
                **{key: row[key] for key in _SNAPSHOT_FIELDS},
            }
            for article_id, row in zip(ids, rows, strict=True)
        ]
        session.execute(insert(_TABLES["revision"]), revisions)
    return ids


def update_many(
    session: Session,
    changes: Mapping[int, Mapping[str, Any]],
    *,
    revision_reason: str | None = None,
    author: str = "",
    note: str = "",
) -> None:
    """Apply field changes to several articles (``tags`` replaces the tag list).

    The rows are usually in the session already (from :func:`find_for_import`),
    so this costs one UPDATE per article and no extra reads.
    """
    if not changes:
        return
    ids = sorted(changes)
    tags = _tags_by_name(session, (n for c in changes.values() for n in c.get("tags", ())))
    rows = {
        row.id: row
        for chunk in _chunks(ids)
        for row in session.execute(
            select(Article).where(Article.id.in_(chunk)).options(selectinload(Article.tags))
        ).scalars()
    }
    numbers: dict[int, int] = {}
    if revision_reason is not None:
        for chunk in _chunks(ids):
            stmt = (
                select(Revision.article_id, func.max(Revision.number))
                .where(Revision.article_id.in_(chunk))
                .group_by(Revision.article_id)
            )
            numbers.update({aid: n or 0 for aid, n in session.execute(stmt)})
    now = utcnow()
    retagged = []
    for article_id in ids:
        row = rows[article_id]
        for key, value in changes[article_id].items():
            if key == "tags":
                row.tags = [tags[name] for name in value]
                retagged.append(row)
            else:
                setattr(row, key, value)
        row.updated_at = now
        if revision_reason is not None:
            number = numbers.get(article_id, 0) + 1
            session.add(_snapshot(row, number, reason=revision_reason, author=author, note=note))
    session.flush()
    store_tag_order(session, retagged)


def count_articles(session: Session, *, include_deleted: bool = True) -> int:
    stmt = select(func.count(Article.id))
    if not include_deleted:
        stmt = stmt.where(Article.deleted.is_(False))
    return int(session.execute(stmt).scalar_one())


def count_revisions(session: Session) -> int:
    return int(session.execute(select(func.count(Revision.id))).scalar_one())


def count_tags(session: Session) -> int:
    return int(session.execute(select(func.count(Tag.id))).scalar_one())
