"""What both backends share: the interface, reading articles to index, filters, hits.

Every function takes the caller's session (or, in a migration, a connection),
so indexing happens in the transaction that changed the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Connection, bindparam, exists, func, select
from sqlalchemy.orm import Session

from editor.core.entities.model import name_key
from editor.core.search import IndexDoc, SearchQuery, index_doc
from editor.core.search.query import Filters
from editor.store.batching import in_chunks
from editor.store.entities import tag_names_of
from editor.store.models import Article, ArticleEntity, Entity, EntityName

Executor = Session | Connection

# The fields whose change means the index must change (status, slug … do not).
INDEXED_FIELDS = frozenset({"title", "teaser", "body", "author", "tags"})


class SearchBackend(Protocol):
    """An index over the archive's articles (see the package docstring)."""

    name: str

    def put(self, db: Executor, docs: Sequence[IndexDoc]) -> None:
        """Index ``docs``, replacing what was indexed for their ids."""

    def remove(self, db: Executor, ids: Sequence[int]) -> None: ...

    def drop_missing(self, db: Executor) -> int:
        """Forget indexed ids that no longer have an article; how many."""

    def indexed_count(self, db: Executor) -> int: ...

    def size_bytes(self, db: Executor) -> int | None:
        """Space the index takes, when the database says."""

    def search(
        self, db: Executor, query: SearchQuery, limit: int, offset: int = 0
    ) -> list[tuple[int, float]]:
        """``(article id, score)`` best first (higher score is better)."""


def _dialect(db: Executor) -> str:
    if isinstance(db, Session):
        return db.get_bind().dialect.name
    return db.dialect.name


def backend_for(db: Executor) -> SearchBackend:
    """The index of the database ``db`` talks to."""
    if _dialect(db) == "postgresql":
        from editor.store.search.postgres import PostgresIndex

        return PostgresIndex()
    from editor.store.search.sqlite import SqliteIndex

    return SqliteIndex()


# ---------------------------------------------------------------- keeping current


def doc_of(article: Any, tags: Sequence[str] | None = None) -> IndexDoc:
    """The index document of an article value (or a row with the same attributes)."""
    return index_doc(
        article.id,
        title=article.title or "",
        teaser=article.teaser or "",
        body=article.body or "",
        author=article.author or "",
        # Entity values (an import's) or plain names.
        tags=tuple(str(getattr(t, "name", t)) for t in (article.tags if tags is None else tags)),
    )


def index_articles(db: Executor, articles: Iterable[Any]) -> None:
    """Index these article values (the store's write path calls this)."""
    docs = [doc_of(article) for article in articles]
    if docs:
        backend_for(db).put(db, docs)


def index_ids(db: Executor, ids: Iterable[int]) -> int:
    """Read these articles (trashed ones too) and index them; how many were found."""
    done = 0
    backend = backend_for(db)
    for chunk in in_chunks(sorted(set(ids))):
        docs = _read_docs(db, Article.id.in_(chunk))
        backend.put(db, docs)
        done += len(docs)
    return done


def remove_articles(db: Executor, ids: Iterable[int]) -> None:
    wanted = sorted(set(ids))
    if wanted:
        backend_for(db).remove(db, wanted)


def rebuild_batch(db: Executor, after_id: int, size: int) -> tuple[int, int]:
    """Index the next ``size`` articles with an id above ``after_id``.

    Returns ``(last id done, how many)``; ``(after_id, 0)`` when there are no more.
    A rebuild calls this in a loop, a transaction each, so that autosave is never
    kept waiting for the whole archive.
    """
    ids = list(
        db.execute(
            select(Article.id).where(Article.id > after_id).order_by(Article.id).limit(size)
        ).scalars()
    )
    if not ids:
        return after_id, 0
    docs = _read_docs(db, Article.id.in_(ids))
    backend_for(db).put(db, docs)
    return ids[-1], len(docs)


def article_count(db: Executor) -> int:
    return int(db.execute(select(func.count(Article.id))).scalar_one())


def _read_docs(db: Executor, where: ColumnElement[bool]) -> list[IndexDoc]:
    columns = (Article.id, Article.title, Article.teaser, Article.body, Article.author)
    rows = list(db.execute(select(*columns).where(where).order_by(Article.id)))
    tags = tag_names_of(db, [row.id for row in rows])
    return [doc_of(row, tags.get(row.id, ())) for row in rows]


# ---------------------------------------------------------------- searching


_QID = re.compile(r"[Qq][1-9][0-9]{0,11}")


def entity_ids_named(db: Executor, value: str) -> list[int]:
    """The entities ``value`` names: by id, Wikidata id, name, alias or label."""
    key = name_key(value)
    named = select(Entity.id).where(Entity.key == key)
    other = select(EntityName.entity_id).where(EntityName.key == key)
    found = set(db.execute(named.union(other)).scalars())
    if value.isascii() and value.isdigit() and len(value) <= 18:  # fits a database integer
        found |= set(db.execute(select(Entity.id).where(Entity.id == int(value))).scalars())
    if _QID.fullmatch(value):
        wikidata = select(Entity.id).where(Entity.wikidata == value.upper())
        found |= set(db.execute(wikidata).scalars())
    return sorted(found)


def resolve_entities(db: Executor, query: SearchQuery) -> SearchQuery:
    """``query`` with its ``entity:`` values looked up (see :meth:`SearchQuery.with_entities`)."""
    if not query.filters.entities:
        return query
    return query.with_entities({v: entity_ids_named(db, v) for v in query.filters.entities})


def filter_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """The filters that are not text: trash, language, status, tags, dates."""
    conditions: list[ColumnElement[bool]] = []
    if not filters.include_trashed:
        conditions.append(Article.deleted.is_(False))
    if filters.languages:
        conditions.append(Article.language.in_(filters.languages))
    if filters.statuses:
        conditions.append(Article.status.in_(filters.statuses))
    for name in filters.tags:
        # Tagged with the entity of that name, or of that alias or label (no case).
        key = name.casefold()
        named = select(Entity.id).where(func.lower(Entity.name) == name.lower())
        aliased = select(EntityName.entity_id).where(EntityName.key == key)
        conditions.append(
            exists(
                select(ArticleEntity.article_id).where(
                    ArticleEntity.article_id == Article.id,
                    ArticleEntity.entity_id.in_(named.union(aliased)),
                )
            )
        )
    for ids in filters.entity_ids:
        tagged = select(ArticleEntity.article_id).where(
            ArticleEntity.article_id == Article.id, ArticleEntity.entity_id.in_(ids)
        )
        conditions.append(exists(tagged))
    moment = func.coalesce(Article.published_at, Article.created_at)
    if filters.after is not None:
        conditions.append(moment >= datetime.combine(filters.after, time(), tzinfo=UTC))
    if filters.before is not None:
        conditions.append(moment < datetime.combine(filters.before, time(), tzinfo=UTC))
    return conditions


def newest_first() -> Any:
    """The order of a search with filters but no words: the newest first."""
    return func.coalesce(Article.published_at, Article.created_at).desc()


@dataclass(frozen=True, slots=True)
class HitRow:
    id: int
    external_id: str | None
    title: str
    teaser: str
    body: str
    language: str
    status: str
    author: str
    deleted: bool


# Built once: the Core columns of the article table (no ORM entity to process) and an
# expanding IN, so that reading a page of hits costs a fraction of a millisecond.
_article = Article.__table__
_HIT_ROWS = select(
    *(
        _article.c[name]
        for name in (
            "id",
            "external_id",
            "title",
            "teaser",
            "body",
            "language",
            "status",
            "author",
            "deleted",
        )
    )
).where(_article.c.id.in_(bindparam("ids", expanding=True)))


def hit_rows(db: Executor, ids: Sequence[int]) -> Mapping[int, HitRow]:
    """What a result list shows of these articles (the passage is cut from the text)."""
    found: dict[int, HitRow] = {}
    for chunk in in_chunks(ids):
        for row in db.execute(_HIT_ROWS, {"ids": list(chunk)}):
            found[row[0]] = HitRow(*row)
    return found
