"""The PostgreSQL backend: a ``search_doc`` table with a tsvector and a GIN index.

The tsvector is written out from the same tokens as SQLite's index (see
:func:`editor.core.search.index_doc`), with positions and weights (title A,
tags and author B, teaser C, body D), and cast from
its text form: no text-search configuration, parser or dictionary of the
server is involved, so the server's locale cannot change what is found.
Queries are built the same way, as tsquery text with every lexeme quoted.
The author is kept in a second tsvector for ``author:``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Float, bindparam, cast, column, func, literal, select, table, text
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR, insert

from editor.core.search import IndexDoc, SearchQuery, Term
from editor.store.models import Article
from editor.store.search.sqlite import MAX_VARIANTS, _spellings
from editor.store.search.sync import (
    Executor,
    filter_conditions,
    newest_first,
    resolve_entities,
)

TABLE = "search_doc"
# PostgreSQL keeps positions up to 16383 and 256 per lexeme; a lexeme under 2 kB.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 255
MAX_LEXEME_BYTES = 2000
# Fields in tsvector order with their weight; a gap keeps phrases inside one field.
_FIELDS = (("title", "A"), ("tags", "B"), ("author", "B"), ("teaser", "C"), ("body", "D"))
_GAP = 8

_doc = table(TABLE, column("article_id"), column("doc"), column("author_doc"))

__all__ = ["MAX_VARIANTS", "PostgresIndex", "tsquery_text", "tsvector_text"]


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _vector(runs: Iterable[tuple[Sequence[str], str]]) -> str:
    """tsvector text from ``(tokens, weight)`` runs, positions counted across runs."""
    positions: dict[str, list[str]] = {}
    position = 1
    for tokens, weight in runs:
        for token in tokens:
            if position > MAX_POSITION:
                break
            if len(token.encode()) <= MAX_LEXEME_BYTES:
                found = positions.setdefault(token, [])
                if len(found) < MAX_POSITIONS_PER_LEXEME:
                    found.append(f"{position}{weight}")
            position += 1
        position += _GAP
    return " ".join(f"{_lexeme(t)}:{','.join(p)}" for t, p in positions.items())


def tsvector_text(doc: IndexDoc) -> str:
    return _vector([(getattr(doc, name).split(), weight) for name, weight in _FIELDS])


def _phrase(tokens: Sequence[str], prefix: bool) -> str:
    parts = [_lexeme(t) for t in tokens]
    if prefix:
        parts[-1] += ":*"
    return " <-> ".join(parts) if len(parts) > 1 else parts[0]


def _term(term: Term) -> str:
    parts = [_phrase(form, term.prefix) for form in _spellings(term)]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(f"({p})" for p in parts) + ")"


def tsquery_text(query: SearchQuery) -> tuple[str | None, str | None]:
    """What must match (as tsquery text) and what must not."""
    required = [f"({_term(t)})" for t in query.positive]
    excluded = [f"({_term(t)})" for t in query.negative]
    return (" & ".join(required) or None, " | ".join(excluded) or None)


class PostgresIndex:
    name = "postgresql-tsvector"

    def put(self, db: Executor, docs: Sequence[IndexDoc]) -> None:
        if not docs:
            return
        rows = [
            {
                "article_id": d.id,
                "doc": tsvector_text(d),
                "author_doc": _vector([(d.author.split(), "B")]),
            }
            for d in docs
        ]
        stmt = insert(_doc).values(
            article_id=bindparam("article_id"),
            doc=cast(bindparam("doc"), TSVECTOR),
            author_doc=cast(bindparam("author_doc"), TSVECTOR),
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["article_id"],
            set_={"doc": stmt.excluded.doc, "author_doc": stmt.excluded.author_doc},
        )
        db.execute(stmt, rows)

    def remove(self, db: Executor, ids: Sequence[int]) -> None:
        db.execute(_doc.delete().where(_doc.c.article_id.in_(list(ids))))

    def drop_missing(self, db: Executor) -> int:
        # Rows go with their article (ON DELETE CASCADE); nothing can be left over.
        return 0

    def indexed_count(self, db: Executor) -> int:
        return int(db.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one())

    def size_bytes(self, db: Executor) -> int | None:
        stmt = text(f"SELECT pg_total_relation_size('{TABLE}')")
        return int(db.execute(stmt).scalar_one())

    def search(
        self, db: Executor, query: SearchQuery, limit: int, offset: int = 0
    ) -> list[tuple[int, float]]:
        query = resolve_entities(db, query)
        positive, negative = tsquery_text(query)
        conditions = filter_conditions(query.filters)
        doc = _doc.c.doc
        for phrase in query.filters.authors:
            wanted = cast(literal(_phrase(phrase, False)), TSQUERY)
            conditions.append(_doc.c.author_doc.op("@@")(wanted))
        if negative is not None:
            conditions.append(~doc.op("@@")(cast(literal(negative), TSQUERY)))
        joined = _doc.join(Article, Article.id == _doc.c.article_id)
        if positive is None:
            stmt = (
                select(Article.id, literal(0.0, Float))
                .select_from(joined)
                .where(*conditions)
                .order_by(newest_first(), Article.id.desc())
            )
        else:
            wanted = cast(literal(positive), TSQUERY)
            rank = func.ts_rank(doc, wanted, type_=Float)
            stmt = (
                select(Article.id, rank.label("rank"))
                .select_from(joined)
                .where(doc.op("@@")(wanted), *conditions)
                .order_by(rank.desc(), Article.id)
            )
        rows = db.execute(stmt.limit(limit).offset(offset))
        return [(int(article_id), float(rank)) for article_id, rank in rows]
