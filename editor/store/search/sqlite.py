"""The SQLite backend: an FTS5 table ``search_fts`` in the archive file.

Its columns hold the tokens of :func:`editor.core.search.index_doc` (already
folded, CJK already in pairs), so the simplest tokenizer, ``ascii``, takes
them as they are.  The table keeps its own copy of those tokens because this
SQLite (3.40) cannot delete from a content-less table; with 3.43's
``contentless_delete`` the copy could go.  The rowid is the article id.

Every token of the query is quoted, so nothing an editor types reaches FTS5 as
syntax (``NEAR``, ``*``, ``:`` and quotes are words or nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import product

from sqlalchemy import (
    CompoundSelect,
    Float,
    Integer,
    bindparam,
    column,
    exists,
    func,
    literal,
    literal_column,
    null,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.exc import OperationalError

from editor.core.search import IndexDoc, SearchQuery, Term
from editor.core.search.query import Filters
from editor.store.models import Article
from editor.store.search.sync import (
    Executor,
    filter_conditions,
    newest_first,
    resolve_entities,
)

TABLE = "search_fts"
COLUMNS = ("title", "teaser", "body", "tags", "author")
# bm25 weights in COLUMNS order: a word in the title counts ten times one in the body.
WEIGHTS = (10.0, 4.0, 1.0, 6.0, 3.0)
# Spellings of a phrase tried at most (ue/ü variants multiply).
MAX_VARIANTS = 4
# Ranking reads every match (bm25 costs about 1 µs a match, more under load): a word in
# half of 100,000 articles would take 50–200 ms.  So the newest matches (by article id)
# are ranked first: the newest 2,000, and only if they give too few hits after the
# filters, the newest 20,000, then all.  A query matching fewer is ranked exactly.
# (bm25 still counts every match of each word once per statement, for its weight: that
# is the floor of a query's cost, so each window is one statement.)
WINDOWS: tuple[int | None, ...] = (2000, 20000, None)

_fts = table(TABLE, column("rowid"))
_RANK = literal_column(f"bm25({TABLE}, {', '.join(str(w) for w in WEIGHTS)})", Float)
_INSERT = text(
    f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) "
    f"VALUES (:id, {', '.join(':' + c for c in COLUMNS)})"
)


def _quoted(tokens: Sequence[str]) -> str:
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'


def _spellings(term: Term) -> list[tuple[str, ...]]:
    """The token sequences that count as this term.

    A word typed "Mueller" finds "Müller" through the spelled-out words at the
    end of each field; a phrase cannot (they stand alone), so a phrase also
    tries its ue/oe/ae words with the vowel alone, as "Müller" was folded.
    """
    forms = [term.tokens]
    if term.spelled:
        forms.append(term.spelled)
    if term.is_phrase:
        options = [
            dict.fromkeys((t, t.replace("ue", "u").replace("oe", "o").replace("ae", "a"))).keys()
            for t in term.tokens
        ]
        for variant in product(*options):
            if len(forms) >= MAX_VARIANTS:
                break
            if variant not in forms:
                forms.append(variant)
    return forms


def term_expression(term: Term) -> str:
    star = "*" if term.prefix else ""
    parts = [_quoted(form) + star for form in _spellings(term)]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def match_expression(query: SearchQuery) -> tuple[str | None, str | None]:
    """The FTS5 MATCH strings: what must match, and what must not."""
    required = [term_expression(t) for t in query.positive]
    required += ["{author} : " + _quoted(phrase) for phrase in query.filters.authors]
    excluded = [term_expression(t) for t in query.negative]
    positive = " AND ".join(required) if required else None
    negative = " OR ".join(excluded) if excluded else None
    return positive, negative


class SqliteIndex:
    name = "sqlite-fts5"

    def put(self, db: Executor, docs: Sequence[IndexDoc]) -> None:
        if not docs:
            return
        self.remove(db, [doc.id for doc in docs])
        db.execute(
            _INSERT,
            [{"id": d.id, **{c: getattr(d, c) for c in COLUMNS}} for d in docs],
        )

    def remove(self, db: Executor, ids: Sequence[int]) -> None:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            db.execute(_fts.delete().where(_fts.c.rowid.in_(chunk)))

    def drop_missing(self, db: Executor) -> int:
        orphans = select(_fts.c.rowid).where(
            _fts.c.rowid.not_in(select(Article.id).scalar_subquery())
        )
        ids = list(db.execute(orphans).scalars())
        self.remove(db, ids)
        return len(ids)

    def indexed_count(self, db: Executor) -> int:
        return int(db.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one())

    def size_bytes(self, db: Executor) -> int | None:
        try:
            stmt = text("SELECT sum(pgsize) FROM dbstat WHERE name = :t OR name LIKE :shadow")
            value = db.execute(stmt, {"t": TABLE, "shadow": f"{TABLE}_%"}).scalar_one()
        except OperationalError:  # SQLite built without the dbstat table
            return None
        return int(value or 0)

    def search(
        self, db: Executor, query: SearchQuery, limit: int, offset: int = 0
    ) -> list[tuple[int, float]]:
        query = resolve_entities(db, query)
        positive, negative = match_expression(query)
        if positive is None:
            # Filters (and exclusions) only: the newest articles that pass.
            stmt = select(Article.id, literal(0.0)).where(*filter_conditions(query.filters))
            if negative is not None:
                excluded = select(_fts.c.rowid).where(text(f"{TABLE} MATCH :neg"))
                stmt = stmt.where(Article.id.not_in(excluded.scalar_subquery()))
            stmt = stmt.order_by(newest_first(), Article.id.desc())
            params = {"neg": negative}
        else:
            match = positive if negative is None else f"({positive}) NOT ({negative})"
            return self._ranked(db, match, query.filters, limit, offset)
        stmt = stmt.limit(limit).offset(offset)
        return [(int(article_id), 0.0) for article_id, _ in db.execute(stmt, params)]

    def _ranked(
        self, db: Executor, match: str, filters: Filters, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        params: dict[str, object] = {"match": match, "limit": limit, "offset": offset}
        rows: list[tuple[int, float]] = []
        for window in WINDOWS:
            rows, matches = [], 0
            # -1: no limit (every match ranked).
            found = db.execute(_ranked_statement(filters), {**params, "window": window or -1})
            for article_id, rank in found:
                if article_id is None:  # the last row: how many matches were ranked
                    matches = int(rank)
                else:
                    rows.append((int(article_id), _score(rank)))
            if window is None or matches < window or len(rows) >= limit:
                break
        return rows


@lru_cache(maxsize=64)
def _ranked_statement(filters: Filters) -> CompoundSelect:
    """The best hits among the newest ``:window`` matches, then a row with no id that
    holds how many matches were ranked (fewer than the window: all there are).

    One statement, so that the MATCH is evaluated once (a prefix or a phrase costs as
    much again as the ranking): FTS5 walks its matches newest first and scores only
    the window's.  The scored matches are sorted, then the filters read the article
    rows best first and stop at the page's end: a filter reads some dozens of rows,
    not the window's thousands (the columns filtered on lie behind the body).
    Built once for each set of filters: building a statement and its cache key costs
    about a millisecond of Python, as much as a rare word's whole query in SQLite.
    """
    newest = (
        select(_fts.c.rowid.label("id"), _RANK.label("rank"))
        .where(text(f"{TABLE} MATCH :match"))
        .order_by(_fts.c.rowid.desc())
        .limit(bindparam("window", type_=Integer))
        .cte("newest")
        .prefix_with("MATERIALIZED")  # read twice below: score the window once
    )
    # The LIMIT keeps SQLite from dropping this ORDER BY as a subquery's (3.43+).
    ranked = (
        select(newest.c.id, newest.c.rank)
        .order_by(newest.c.rank, newest.c.id)
        .limit(bindparam("window", type_=Integer))
        .subquery("ranked")
    )
    # The only table scanned is the sorted one, so hits come in its order; the
    # article row is looked up by id for each until the page is full.
    passing = exists().where(Article.id == ranked.c.id, *filter_conditions(filters))
    best = (
        select(ranked.c.id, ranked.c.rank)
        .where(passing)
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
        .subquery("best")
    )
    size = select(null(), func.count()).select_from(newest)
    return union_all(select(best.c.id, best.c.rank), size)


def _score(rank: float | None) -> float:
    # bm25 is lower for better matches; the interface wants higher is better.
    return -float(rank) if rank else 0.0
