"""Batch reads and writes for importing many articles at once.

The per-article functions in :mod:`editor.store.articles` run a few queries
each; an import of ten thousand articles instead works a chunk at a time:
one query finds the chunk's existing articles, one loads the slugs in use,
one the tags, and the inserts go out as multi-row statements.  All functions
take the caller's session, so a chunk is one transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from editor.core import article as values
from editor.store.articles import latest_revision_numbers, to_value
from editor.store.batching import in_chunks
from editor.store.entities import entity_ids_for_names, tag_names_of
from editor.store.errors import ConflictError
from editor.store.models import Article, Base, new_uuid, utcnow

if TYPE_CHECKING:
    from sqlalchemy import CursorResult

# Plain tables, for Core inserts (typed as Table, unlike ``Model.__table__``).
_TABLES = Base.metadata.tables


def _search_index() -> Any:
    """The full-text index's write path, imported at the first write: opening the
    archive and painting the list need none of it (start-up stays as fast)."""
    from editor.store.search import sync

    return sync


def find_for_import(
    session: Session, *, uuids: Collection[str], external_ids: Collection[str]
) -> list[values.Article]:
    """Articles (also trashed ones) whose uuid or external id is among those given.

    Plain column reads, not ORM objects: an import compares thousands of them.
    """
    rows: dict[int, Any] = {}
    uuid_list, ext_list = sorted(uuids), sorted(external_ids)
    for column, keys in ((Article.uuid, uuid_list), (Article.external_id, ext_list)):
        for chunk in in_chunks(keys):
            stmt = select(*_ARTICLE_COLUMNS).where(column.in_(chunk))
            rows.update((row.id, row) for row in session.execute(stmt))
    tags = tag_names_of(session, sorted(rows))
    return [to_value(row, tags.get(article_id, ())) for article_id, row in rows.items()]


_ARTICLE_COLUMNS = [column for column in Article.__mapper__.columns]


def live_articles_with_status(
    session: Session,
    statuses: Collection[str],
    known: Mapping[int, values.Article] | None = None,
) -> list[values.Article]:
    """Every live article in one of ``statuses``, read as plain columns.

    ``known`` holds values read before: those whose version has not changed are
    reused, so a repeated call reads only ids and versions plus what changed
    (a publish run needs every public article; reading all their bodies again
    was most of an incremental run).
    """
    where = (Article.deleted.is_(False), Article.status.in_(sorted(statuses)))
    known = known or {}
    # Sorted here, not by ORDER BY: that made SQLite walk the table in id order instead of
    # reading the index that covers id and version (7 ms instead of 45 for 5,700 rows).
    scanned = session.execute(select(Article.id, Article.version).where(*where))
    versions = sorted((article_id, version) for article_id, version in scanned)  # plain tuples
    stale = [
        aid for aid, version in versions if getattr(known.get(aid), "version", None) != version
    ]
    fresh = _read_by_id(session, stale)
    return [
        fresh[aid] if aid in fresh else known[aid]
        for aid, _ in versions
        if aid in fresh or aid in known
    ]


def articles_by_id(session: Session, article_ids: Iterable[int]) -> dict[int, values.Article]:
    """The articles (trashed ones too) with these ids, read as plain columns; missing ids
    are left out.  For work on many articles at once, like publishing a whole site."""
    return _read_by_id(session, article_ids)


def _read_by_id(session: Session, article_ids: Iterable[int]) -> dict[int, values.Article]:
    found: dict[int, values.Article] = {}
    for chunk in in_chunks(sorted(set(article_ids))):
        rows = list(session.execute(select(*_ARTICLE_COLUMNS).where(Article.id.in_(chunk))))
        tags = tag_names_of(session, [row.id for row in rows])
        found.update((row.id, to_value(row, tags.get(row.id, ()))) for row in rows)
    return found


def live_articles_in_groups(
    session: Session, group_ids: Iterable[str]
) -> dict[str, list[values.Article]]:
    """The live members of these translation groups (any status), by group, in id order."""
    found: dict[str, list[values.Article]] = {}
    for chunk in in_chunks(sorted(set(group_ids))):
        stmt = (
            select(*_ARTICLE_COLUMNS)
            .where(Article.group_id.in_(chunk), Article.deleted.is_(False))
            .order_by(Article.id)
        )
        rows = list(session.execute(stmt))
        tags = tag_names_of(session, [row.id for row in rows])
        for row in rows:
            found.setdefault(row.group_id, []).append(to_value(row, tags.get(row.id, ())))
    return found


def live_ids_with_status(session: Session, statuses: Collection[str]) -> list[int]:
    """Ids of the live articles in one of ``statuses``, in id order (sorted here: see
    :func:`live_articles_with_status`)."""
    stmt = select(Article.id).where(
        Article.deleted.is_(False), Article.status.in_(sorted(statuses))
    )
    return sorted(session.execute(stmt).scalars())


def slugs_by_language(session: Session, languages: Collection[str]) -> dict[str, set[str]]:
    """Every slug in use in each of ``languages`` (slugs are unique per language)."""
    result: dict[str, set[str]] = {language: set() for language in languages}
    if languages:
        stmt = select(Article.language, Article.slug).where(Article.language.in_(list(languages)))
        for language, slug in session.execute(stmt):
            result[language].add(slug)
    return result


def existing_ids(session: Session, article_ids: Iterable[int]) -> set[int]:
    """Which of these ids still have an article (trashed ones too)."""
    found: set[int] = set()
    for chunk in in_chunks(sorted(set(article_ids))):
        found.update(session.execute(select(Article.id).where(Article.id.in_(chunk))).scalars())
    return found


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

    tag_ids = entity_ids_for_names(
        session, (n for fields in articles for n in fields.get("tags", ()))
    )
    links = [
        link
        for article_id, fields in zip(ids, articles, strict=True)
        for link in _links(article_id, fields.get("tags", ()), tag_ids)
    ]
    if links:
        session.execute(insert(_TABLES["article_entity"]), links)
    _search_index().backend_for(session).put(
        session,
        [
            _search_index().doc_of(_Fields(article_id, row), fields.get("tags", ()))
            for article_id, row, fields in zip(ids, rows, articles, strict=True)
        ],
    )
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


# What an import may change on an existing article.
_UPDATABLE = (
    "title",
    "teaser",
    "body",
    "language",
    "status",
    "author",
    "published_at",
    "group_id",
    "slug",
    "slug_locked",
)


def update_many(
    session: Session,
    updates: Sequence[tuple[values.Article, Mapping[str, Any]]],
    *,
    revision_reason: str | None = None,
    author: str = "",
    note: str = "",
) -> None:
    """Apply changes to articles read in this transaction (``tags`` replaces the list).

    Each article is written whole (its current values merged with the changes)
    so that all rows share one statement, executed once for the lot.  Each update
    states the version it was read at: one changed since raises ConflictError (and
    nothing of the chunk is kept, the caller's transaction rolls back); ``version``
    goes up by one, so an editor's stale copy is refused as a conflict too.
    """
    if not updates:
        return
    now = utcnow()
    params = []
    for current, changes in updates:
        merged = {key: changes.get(key, getattr(current, key)) for key in _UPDATABLE}
        merged["status"] = str(merged["status"])
        merged["updated_at"] = now
        # Bound names must differ from column names in an UPDATE's SET clause.
        params.append(
            {f"new_{key}": value for key, value in merged.items()}
            | {"_id": current.id, "_version": current.version}
        )
    table = _TABLES["article"]
    stmt = (
        update(table)
        .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_version"))
        .values(
            {key: bindparam(f"new_{key}") for key in (*_UPDATABLE, "updated_at")}
            | {"version": table.c.version + 1}
        )
    )
    written = cast("CursorResult[Any]", session.execute(stmt, params)).rowcount
    if written != len(params):
        # An editor saved one of these articles after this transaction read it: the
        # import's change was made from an older version; the caller reads again.
        raise ConflictError(
            f"{len(params) - written} of the articles to update were changed meanwhile"
        )
    _replace_tags(session, [(c.id, ch["tags"]) for c, ch in updates if "tags" in ch])
    changed = [
        _search_index().doc_of(
            _Fields(current.id, {k: p[f"new_{k}"] for k in ("title", "teaser", "body", "author")}),
            changes.get("tags", current.tags),
        )
        for (current, changes), p in zip(updates, params, strict=True)
        if _search_index().INDEXED_FIELDS.intersection(changes)
    ]
    _search_index().backend_for(session).put(session, changed)
    if revision_reason is not None:
        numbers = latest_revision_numbers(session, [current.id for current, _ in updates])
        revisions = [
            {
                "article_id": p["_id"],
                "number": numbers.get(p["_id"], 0) + 1,
                "created_at": now,
                "author": author,
                "reason": revision_reason,
                "note": note,
                **{key: p[f"new_{key}"] for key in _SNAPSHOT_FIELDS},
            }
            for p in params
        ]
        session.execute(insert(_TABLES["revision"]), revisions)


class _Fields:
    """An article's indexed fields from a row dict (what the index reads by attribute)."""

    def __init__(self, article_id: int, row: Mapping[str, Any]) -> None:
        self.id = article_id
        self.title = row.get("title", "")
        self.teaser = row.get("teaser", "")
        self.body = row.get("body", "")
        self.author = row.get("author", "")
        self.tags: tuple[str, ...] = ()


def _replace_tags(session: Session, tag_lists: Sequence[tuple[int, Sequence[str]]]) -> None:
    if not tag_lists:
        return
    links = _TABLES["article_entity"]
    for chunk in in_chunks([article_id for article_id, _ in tag_lists]):
        session.execute(delete(links).where(links.c.article_id.in_(chunk)))
    tag_ids = entity_ids_for_names(session, (name for _, names in tag_lists for name in names))
    rows = [link for article_id, names in tag_lists for link in _links(article_id, names, tag_ids)]
    if rows:
        session.execute(insert(links), rows)


def _links(article_id: int, items: Iterable[Any], ids: Mapping[str, int]) -> list[dict[str, int]]:
    """Link rows in tag order; two names of one entity ("Munich", "München") link once."""
    entity_ids = dict.fromkeys(ids[getattr(item, "name", item)] for item in items)
    return [
        {"article_id": article_id, "entity_id": entity_id, "position": position}
        for position, entity_id in enumerate(entity_ids)
    ]
