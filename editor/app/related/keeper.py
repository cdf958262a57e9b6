"""The related-links index of an archive: loaded or built on first use, kept current,
rebuilt beside the one in use and swapped in, kept in the data folder.

Building takes a while (about 40 s for 100,000 articles), so the index is saved beside a
small stamp file (which articles it holds and the newest change it saw). On the next start
the saved index is loaded and caught up with what changed meanwhile (an import from the
command line, say); a missing, damaged or foreign file is rebuilt.

Locks, and why none is held for long:

- ``lock`` (shared with the meaning vectors) guards the index in use: a query, the
  re-indexing of a few saved articles, a swap. Each takes milliseconds.
- ``_build_lock``: one build or load at a time. A rebuild builds and saves the new index
  without ``lock`` (nobody else sees it yet); readers keep the old one meanwhile, and
  the changes applied to the old one are applied again to the new one after the swap.
- ``_pending_lock``: event listeners (on the autosave and import threads) only note ids
  under it, so a save never waits for the index.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Protocol

from editor.app.related.common import DataFiles, IsCancelled, Progress, to_related_doc, write_json
from editor.core.related import IndexFileError, RelatedDoc, RelatedIndex
from editor.core.related.config import RelatedConfig
from editor.store import articles as article_store
from editor.store import entities as entity_store
from editor.store.database import Database
from editor.store.errors import NotFoundError

log = logging.getLogger(__name__)


class IndexListener(Protocol):
    """What follows the index in use (the meaning vectors, the fill lists)."""

    def before_swap(
        self, index: RelatedIndex, docs: Sequence[RelatedDoc] | None
    ) -> Callable[[], None]:
        """Prepare for a new index (outside the lock; `docs`: every article after a build,
        None after a load); the returned function runs under the lock at the swap."""
        ...

    def indexed(self, doc: RelatedDoc) -> None:
        """An article was (re-)indexed (under the lock)."""
        ...

    def removed(self, doc_id: str) -> None:
        """An article left the index (under the lock)."""
        ...


class IndexKeeper:
    def __init__(self, db: Database, files: DataFiles, lock: threading.RLock) -> None:
        self._db = db
        self._files = files
        self.lock = lock
        self._build_lock = threading.Lock()
        self._pending_lock = threading.Lock()
        self._index: RelatedIndex | None = None
        self._dirty: set[int] = set()  # articles to re-index (under _pending_lock)
        # While a rebuild runs: ids applied to the old index, to apply to the new one too.
        self._replay: set[int] | None = None
        self.listeners: list[IndexListener] = []
        # The engine's defaults; the word list is kept compiled beside the index.
        self.config = RelatedConfig(dictionary_cache=files.words)

    @property
    def is_built(self) -> bool:
        return self._index is not None

    @property
    def current(self) -> RelatedIndex | None:
        """The index in use, as it is (None before the first load or build)."""
        return self._index

    def note_changed(self, article_ids: Iterable[int]) -> None:
        """Re-index these articles before the next query (any thread, never waits long)."""
        with self._pending_lock:
            self._dirty.update(article_ids)

    def ready(self, *, building: Callable[[], Progress | None] | None = None) -> RelatedIndex:
        """The index in use, loaded or built first if need be, with the changes noted so
        far applied. Query it holding ``lock``: a later change is applied under it.

        ``building``: called when the index must be built (none is saved, or the saved one
        is damaged), before the build starts; it returns the build's progress callback.
        """
        if self._index is None:
            with self._build_lock:
                if self._index is None and not self._load_saved():
                    self._build(building() if building else None, None, save=True)
        index = self._index
        assert index is not None
        with self.lock:
            self._apply_dirty(index)
        return index

    def rebuild(
        self,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
        *,
        save: bool = True,
    ) -> int:
        """Build the index anew from the whole archive and swap it in; returns how many
        articles it holds. Queries meanwhile are answered by the index in use."""
        with self._build_lock:
            return self._build(progress, is_cancelled, save=save)

    def _build(
        self, progress: Progress | None, is_cancelled: IsCancelled | None, *, save: bool
    ) -> int:
        with self._pending_lock:  # what changed so far is read below; later changes stay
            self._dirty.clear()
            self._replay = set()
        try:
            with self._db.session() as s:
                stamps = article_store.live_article_stamps(s)
                docs = [to_related_doc(a) for a in article_store.iter_articles(s)]
                entities = entity_store.names_by_id(s)
            index = RelatedIndex.build(
                docs, config=self.config, progress=progress, is_cancelled=is_cancelled
            )
            if save:  # before the swap: nobody else reads or changes it yet
                self._save(index, stamps, entities)
            self._swap(index, docs)
        finally:
            with self._pending_lock:
                if self._replay is not None:
                    self._dirty |= self._replay
                self._replay = None
        return len(index)

    def _swap(self, index: RelatedIndex, docs: Sequence[RelatedDoc] | None) -> None:
        prepared = [listener.before_swap(index, docs) for listener in self.listeners]
        with self.lock:
            self._index = index
            for finish in prepared:
                finish()

    def _apply_dirty(self, index: RelatedIndex) -> None:
        """Re-index the articles changed since the last query (caller holds ``lock``)."""
        with self._pending_lock:
            ids, self._dirty = sorted(self._dirty), set()
            if self._replay is not None:
                self._replay.update(ids)
        if not ids:
            return
        with self._db.session() as s:
            for article_id in ids:
                try:
                    article = article_store.get_article(s, article_id)
                except NotFoundError:
                    article = None
                if article is None or article.deleted:
                    index.remove(str(article_id))
                    for listener in self.listeners:
                        listener.removed(str(article_id))
                else:
                    doc = to_related_doc(article)
                    index.add_or_update(doc)
                    for listener in self.listeners:
                        listener.indexed(doc)

    # ------------------------------------------------------------ the saved index

    def _save(
        self, index: RelatedIndex, stamps: dict[int, datetime], entities: dict[int, str]
    ) -> None:
        """Keep the index for the next start; failing to save only costs a rebuild."""
        newest = max(stamps.values(), default=None)
        stamp = {
            "url": self._files.url,
            "newest": newest.isoformat() if newest else None,
            "ids": sorted(stamps),
            # Tags are indexed by their entity's name: a rename, merge or delete after
            # this build (it changes no article's time) means the saved index is stale.
            "entities": {str(i): name for i, name in entities.items()},
        }
        try:
            index.save(self._files.index)
            write_json(self._files.stamp, stamp)
        except OSError as exc:
            log.warning("the related-links index was not saved: %s", exc)

    def _load_saved(self) -> bool:
        """Load the saved index and note what changed since; False to build instead."""
        try:
            stamp = json.loads(self._files.stamp.read_text(encoding="utf-8"))
            if stamp.get("url") != self._files.url:
                return False
            index = RelatedIndex.load(self._files.index, self.config, mapped=True)
        except (OSError, ValueError, KeyError, IndexFileError) as exc:
            log.info("rebuilding the related-links index: %s", exc)
            return False
        saved_ids = set(stamp.get("ids", ()))
        newest = datetime.fromisoformat(stamp["newest"]) if stamp.get("newest") else None
        with self._db.session() as s:
            stamps = article_store.live_article_stamps(s)
            entities = entity_store.names_by_id(s)
        saved_entities = stamp.get("entities", {})
        if any(entities.get(int(i)) != name for i, name in saved_entities.items()):
            log.info("rebuilding the related-links index: entities were renamed or merged")
            return False
        changed = [
            article_id
            for article_id, updated in stamps.items()
            if article_id not in saved_ids or newest is None or updated > newest
        ]
        self.note_changed([*changed, *(saved_ids - stamps.keys())])  # deleted ones leave
        self._swap(index, None)
        return True
