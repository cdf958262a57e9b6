"""Fill lists: the ids of each article's best suggestions, for filling published pages.

A full publish asks for the related links of every page that has no accepted ones. The
lists are kept (in memory and in the data folder) so that the next publish does not ask
the engine again for every page; a list goes when its article changes or the editor
decides on its links, all of them when the index is rebuilt or many vectors arrive.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence

from editor.app.related.common import CANDIDATE_STATUSES, DataFiles, Progress, write_json
from editor.app.related.keeper import IndexKeeper
from editor.core import parallel
from editor.core.links import LinkState
from editor.core.related import RelatedDoc, RelatedIndex
from editor.core.related.bulk import BulkQuery, suggest_many
from editor.store import links as link_store
from editor.store.database import Database

log = logging.getLogger(__name__)

# How much a rejection lowers a pair (1.0 would hide it for good).
REJECTION_PENALTY = 0.8
# Suggestions kept per article for filling published pages (the publisher asks for 2 × 5).
FILL_SIZE = 10
# Lists computed since the last save before an incremental run writes them out.
FILL_SAVE_AFTER = 50
# When filling every page of a site, each query reads fewer postings (the engine reads
# 15,000) and scores fewer candidates exactly (the engine: 100): on the 10k synthetic
# archive 5.3 ms a query instead of 9.7, on 10kGNAD P@5 0.687 instead of 0.688.
BULK_POSTING_BUDGET = 3000
BULK_RERANK = 50
# Without worker processes (in the window), lists are computed this many at a time, each
# batch under the index's lock, so that the editor's own queries get in between.
LOCKED_BATCH = 32


class FillLists:
    def __init__(self, db: Database, files: DataFiles, keeper: IndexKeeper) -> None:
        self._db = db
        self._files = files
        self._keeper = keeper
        self._lock = threading.Lock()  # the lists; never held while the engine runs
        self._pending_lock = threading.Lock()
        self._lists: dict[int, list[int]] | None = None  # None: not read from disk yet
        self._forget: set[int] = set()  # lists to drop (under _pending_lock)
        self._changed = False
        self._changes = 0  # lists computed since the last save

    def forget(self, article_ids: Iterable[int]) -> None:
        """Drop these articles' lists on next use (any thread, never waits long)."""
        with self._pending_lock:
            self._forget.update(article_ids)

    def clear(self) -> None:
        with self._lock:
            self._lists = {}
            self._changed = True

    # The index listener: a new index makes every list stale.
    def before_swap(
        self, index: RelatedIndex, docs: Sequence[RelatedDoc] | None
    ) -> Callable[[], None]:
        return self.clear if docs is not None else lambda: None

    def indexed(self, doc: RelatedDoc) -> None:
        pass  # the article's list was dropped when its change was noted

    def removed(self, doc_id: str) -> None:
        pass

    def kept(self) -> dict[int, list[int]]:
        """The kept lists, without those of articles changed since (read from the data
        folder on first use)."""
        with self._lock:
            return self._current()

    def _current(self) -> dict[int, list[int]]:
        if self._lists is None:
            self._lists = self._read()
        with self._pending_lock:
            forget, self._forget = self._forget, set()
        for article_id in forget:
            if self._lists.pop(article_id, None) is not None:
                self._changed = True
        return self._lists

    def _read(self) -> dict[int, list[int]]:
        try:
            stored = json.loads(self._files.fill.read_text(encoding="utf-8"))
            if stored.get("url") == self._files.url:
                return {int(k): [int(i) for i in v] for k, v in stored["lists"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # missing or damaged: the lists are computed again as needed
        return {}

    def ids(self, article_id: int, top: int) -> list[int]:
        """The ids of the best suggestions, from the kept list when there is one."""
        kept = self.kept().get(article_id)
        if kept is not None and top <= FILL_SIZE:
            return kept[:top]
        return self.compute([article_id], max(top, FILL_SIZE)).get(article_id, [])[:top]

    def ids_at_hand(self, article_id: int, top: int) -> list[int] | None:
        """The best suggestions if they cost no index load or build: from the kept list, or
        from the index when it is in use already; None otherwise."""
        kept = self.kept().get(article_id)
        if kept is not None and top <= FILL_SIZE:
            return kept[:top]
        if not self._keeper.is_built:
            return None
        return self.ids(article_id, top)

    def prepare(self, article_ids: Sequence[int], progress: Progress | None = None) -> int:
        """Compute the lists a publish run is about to ask for; returns how many."""
        kept = self.kept()
        missing = [i for i in dict.fromkeys(article_ids) if i not in kept]
        return len(self.compute(missing, FILL_SIZE, progress)) if missing else 0

    def compute(
        self, article_ids: Sequence[int], size: int, progress: Progress | None = None
    ) -> dict[int, list[int]]:
        """Lists of ``size`` ids for these articles, computed now and kept.

        Asked for all together, the engine answers on every core where it can fork (the
        command line: nobody else waits for the index); otherwise a batch at a time.
        """
        with self._db.session() as s:
            decisions = link_store.choice_states(s, article_ids)
        queries = [bulk_query(i, decisions.get(i, {})) for i in article_ids]
        index = self._keeper.ready()
        one_go = parallel.can_fork()
        step = max(len(queries), 1) if one_go else LOCKED_BATCH
        found: dict[str, list[str]] = {}
        for start in range(0, len(queries), step):
            with self._keeper.lock:
                found |= suggest_many(
                    index,
                    queries[start : start + step],
                    size,
                    statuses=CANDIDATE_STATUSES,
                    posting_budget=BULK_POSTING_BUDGET,
                    rerank=BULK_RERANK,
                    progress=progress if one_go else None,
                )
            if progress is not None and not one_go:
                progress(len(found), len(queries))
        lists = {int(doc_id): [int(i) for i in ids] for doc_id, ids in found.items()}
        with self._lock:
            self._current().update(lists)
            self._changed = True
            self._changes += len(lists)
            self._current()  # drops the lists of articles that changed meanwhile
        return lists

    def save(self, *, force: bool = True) -> None:
        """Keep the lists for the next run (a publish run calls this at its end).

        ``force=False`` skips the write while few lists changed: an incremental run
        changes one or two, and rewriting every list for them cost more than
        computing them again.
        """
        with self._lock:
            if self._lists is None:
                return
            lists = self._current()
            if not self._changed or (not force and self._changes < FILL_SAVE_AFTER):
                return
            self._changes = 0
            self._changed = False
            data = {"url": self._files.url, "lists": {str(k): v for k, v in lists.items()}}
        try:
            write_json(self._files.fill, data)
        except OSError as exc:
            log.warning("the related-link fill lists were not saved: %s", exc)


def bulk_query(article_id: int, decisions: Mapping[int, LinkState]) -> BulkQuery:
    """The engine's query for one article: accepted links excluded, rejected ones lowered."""
    accepted = [t for t, state in decisions.items() if state is LinkState.ACCEPTED]
    rejected = [t for t, state in decisions.items() if state is LinkState.REJECTED]
    return BulkQuery(
        str(article_id),
        exclude=frozenset(str(t) for t in accepted),
        penalties={str(t): REJECTION_PENALTY for t in rejected},
    )
