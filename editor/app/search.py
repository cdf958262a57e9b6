"""Searching the archive: ranked hits with the passage that matched, and the index.

The window runs :meth:`SearchService.search` as an operation (:meth:`query_op`,
keyed so that a newer query supersedes the one still running while the editor
types); the command line calls it directly.  The index itself follows every
save, import and deletion in the store (see :mod:`editor.store.search`);
:meth:`reindex` rebuilds it, a transaction per batch so that autosave never
waits for the whole archive.

Saved searches are kept in the archive (a setting), not in the window's
QSettings: they belong to the archive an editor works on (in team mode every
desk sees the newsroom's), the command line can list and run them, and the app
layer stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.app.changes import SavedSearchesChanged
from editor.app.operations import Cancelled, Operation, OperationContext, change, query
from editor.core.search import Filters, SearchQuery, matcher, parse, passage
from editor.core.texts import translate
from editor.store import articles as article_store
from editor.store import search as index_store
from editor.store.search.sync import article_count

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

DEFAULT_LIMIT = 20
MAX_LIMIT = 1000
REINDEX_BATCH = 1000
SAVED_KEY = "search.saved"
# The runner key of the window's live query: a newer one replaces the running one.
LIVE_QUERY_KEY = "search.live"


@dataclass(frozen=True, slots=True)
class Hit:
    id: int
    external_id: str | None
    title: str
    language: str
    status: str
    author: str
    # The passage that matched, matches between <mark> and </mark>, the rest HTML-escaped.
    snippet: str
    # The same passage as plain text.
    passage: str
    score: float
    deleted: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "external_id": self.external_id,
            "title": self.title,
            "language": self.language,
            "status": self.status,
            "author": self.author,
            "snippet": self.snippet,
            "score": round(self.score, 6),
            "deleted": self.deleted,
        }


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str


@dataclass(frozen=True, slots=True)
class IndexStats:
    backend: str
    articles: int
    indexed: int
    size_bytes: int | None


def _never() -> bool:
    return False


class SearchService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db

    # ------------------------------------------------------------ searching

    def search(
        self,
        text: str | SearchQuery,
        filters: Filters | None = None,
        limit: int = DEFAULT_LIMIT,
        *,
        offset: int = 0,
        cancelled: IsCancelled = _never,
    ) -> list[Hit]:
        """The best ``limit`` hits for ``text`` (the query language of
        :mod:`editor.core.search.query`) narrowed by ``filters``.

        An empty query finds nothing.  Raises :class:`Cancelled` when ``cancelled()``
        turns true between the index query and reading the hits.
        """
        parsed = text if isinstance(text, SearchQuery) else parse(text)
        if filters is not None:
            parsed = parsed.with_filters(filters)
        if parsed.is_empty:
            return []
        limit = max(1, min(int(limit), MAX_LIMIT))
        with self._db.session() as s:
            ranked = index_store.backend_for(s).search(s, parsed, limit, max(0, offset))
            if cancelled():
                raise Cancelled
            rows = index_store.hit_rows(s, [article_id for article_id, _ in ranked])
        pattern = matcher(parsed)
        hits = []
        for article_id, score in ranked:
            row = rows.get(article_id)
            if row is None:  # purged between the two reads
                continue
            found = passage((row.body, row.teaser, row.title), pattern)
            hits.append(
                Hit(
                    id=row.id,
                    external_id=row.external_id,
                    title=row.title,
                    language=row.language,
                    status=row.status,
                    author=row.author,
                    snippet=found.marked(),
                    passage=found.text,
                    score=score,
                    deleted=row.deleted,
                )
            )
        return hits

    def query_op(
        self, text: str, filters: Filters | None = None, limit: int = DEFAULT_LIMIT
    ) -> Operation[list[Hit]]:
        """The search as a read operation for the runner, superseding the previous one."""

        def work(context: OperationContext) -> list[Hit]:
            return self.search(text, filters, limit, cancelled=context.cancelled)

        return query("Search articles", work, key=LIVE_QUERY_KEY)

    # ------------------------------------------------------------ the index

    def reindex(self, progress: Progress | None = None, cancelled: IsCancelled = _never) -> int:
        """Index every article again; how many.  Stops between batches when cancelled
        (what was done stays; the rest keeps its previous entries)."""
        with self._db.session() as s:
            total = article_count(s)
        done, last = 0, 0
        if progress:
            progress(0, total)
        while True:
            if cancelled():
                raise Cancelled
            with self._db.session(write=True) as s:
                last, count = index_store.rebuild_batch(s, last, REINDEX_BATCH)
            if not count:
                break
            done += count
            if progress:
                progress(min(done, total), total)
        with self._db.session(write=True) as s:
            index_store.backend_for(s).drop_missing(s)
        return done

    def reindex_op(self) -> Operation[int]:
        def work(context: OperationContext) -> int:
            return self.reindex(context.progress, context.cancelled)

        return change(translate("operations", "Rebuild the search index"), work)

    def stats(self) -> IndexStats:
        with self._db.session() as s:
            backend = index_store.backend_for(s)
            return IndexStats(
                backend=backend.name,
                articles=article_count(s),
                indexed=backend.indexed_count(s),
                size_bytes=backend.size_bytes(s),
            )

    # ------------------------------------------------------------ saved searches

    def saved(self) -> list[SavedSearch]:
        with self._db.session() as s:
            stored = article_store.get_setting(s, SAVED_KEY, [])
        return [
            SavedSearch(str(item["name"]), str(item["query"]))
            for item in (stored if isinstance(stored, list) else [])
            if isinstance(item, dict) and item.get("name") and "query" in item
        ]

    def save(self, name: str, query_text: str) -> list[SavedSearch]:
        """Keep ``query_text`` under ``name`` (replacing one of that name)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("A saved search needs a name.")
        kept = [s for s in self.saved() if s.name != name] + [SavedSearch(name, query_text)]
        return self._store(kept)

    def forget(self, name: str) -> list[SavedSearch]:
        return self._store([s for s in self.saved() if s.name != name])

    def _store(self, searches: list[SavedSearch]) -> list[SavedSearch]:
        value = [{"name": s.name, "query": s.query} for s in searches]
        with self._db.session(write=True) as s:
            article_store.set_setting(s, SAVED_KEY, value)
        self._ws.changes.publish(SavedSearchesChanged(tuple(x.name for x in searches)))
        return searches
