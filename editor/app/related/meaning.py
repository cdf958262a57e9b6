"""Meaning vectors of the archive's articles (optional: the ``embeddings`` extra, see
:mod:`editor.core.related.semantic`): they bridge German and English.

Embedding is slow (about 0.15 s an article on one core), so it never happens in
a build: the article asked about is embedded when its suggestions are asked for,
``embed_changed`` (now and then, in the background) embeds what was saved or imported,
and ``embed_missing`` (``newsdesk related --embed``, or the palette command) the rest of
the archive. Vectors are kept in the data folder with a hash of the text they came from;
an article whose title or opening changed loses its vector until it is embedded again.

The model runs outside every lock; the vectors are changed under the index's lock (a
query reads them), a batch at a time. The model is loaded on first use, once, under a
lock of its own.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime

import numpy as np

from editor.app.related.common import (
    CANDIDATE_STATUSES,
    DataFiles,
    IsCancelled,
    Progress,
    to_related_doc,
)
from editor.app.related.keeper import IndexKeeper
from editor.core.related import IndexFileError, RelatedDoc, RelatedIndex
from editor.core.related.semantic import (
    Embedder,
    SemanticVectors,
    embed_many,
    embedding_text,
    load_embedder,
    text_hash,
)
from editor.store import articles as article_store
from editor.store import bulk
from editor.store.database import Database
from editor.store.errors import NotFoundError

log = logging.getLogger(__name__)

# Set to 0 to leave the multilingual model unused even when it is installed.
MEANING_ENV = "NEWSDESK_MEANING_VECTORS"
EMBED_BATCH = 8  # articles embedded between two looks at the cancel button
# While the archive is embedded, the vectors are saved this often (the whole file is
# written: 143 MB for 100,000 articles), so that a killed run loses at most this much.
EMBED_SAVE_SECONDS = 60
VECTORS_SAVE_SECONDS = 300  # at most this long between saves while a backlog is embedded


class MeaningVectors:
    def __init__(self, db: Database, files: DataFiles, keeper: IndexKeeper) -> None:
        self._db = db
        self._files = files
        self._keeper = keeper
        self._lock = keeper.lock  # queries read the vectors through the index
        self._model_lock = threading.Lock()
        self._save_lock = threading.Lock()  # one writer of the file at a time
        self._embedder: Embedder | None = None
        self._tried = os.environ.get(MEANING_ENV, "1") == "0"
        self._vectors: SemanticVectors | None = None
        self._changed = False
        self._queue: set[str] = set()  # changed since embedded (under _lock)
        self._saved_at = time.monotonic()
        self.on_embedded: Callable[[], None] = lambda: None  # vectors changed many lists

    @property
    def vectors(self) -> SemanticVectors | None:
        """The vectors in use (None without a model or before the index is in use)."""
        return self._vectors

    def model(self) -> Embedder | None:
        """The multilingual model, loaded on first use (None when not installed)."""
        if not self._tried:
            with self._model_lock:
                if not self._tried:
                    self._embedder = load_embedder()
                    self._tried = True
        return self._embedder

    def set_model(self, embedder: Embedder | None) -> None:
        """Use this model (or none); the vectors file is read again for it."""
        with self._model_lock:
            self._embedder, self._tried = embedder, True
        index = self._keeper.current
        with self._lock:
            self._vectors = None
            if index is not None:
                index.semantic = None
        if index is not None:
            finish = self.before_swap(index, None)
            with self._lock:
                finish()

    # ------------------------------------------------------------ following the index

    def before_swap(
        self, index: RelatedIndex, docs: Sequence[RelatedDoc] | None
    ) -> Callable[[], None]:
        """Give a new index the kept vectors; after a build (`docs`), those of other text
        or of deleted articles go. The hashing and the file run here, outside the lock."""
        model = self.model()
        if model is None:
            return lambda: None
        loaded = self._vectors or self._read_file(model)
        expected = None if docs is None else {d.id: text_hash(embedding_text(d)) for d in docs}

        def finish() -> None:
            if self._vectors is None:
                self._vectors = loaded
            vectors = self._vectors
            if expected is not None:
                for doc_id in vectors.ids():
                    if vectors.hash_of(doc_id) != expected.get(doc_id):
                        vectors.remove(doc_id)
                        self._changed = True
            index.semantic = vectors

        return finish

    def _read_file(self, model: Embedder) -> SemanticVectors:
        path = self._files.vectors
        try:
            vectors = SemanticVectors.load(path)
            if vectors.model != model.name or vectors.dim != model.dim:
                raise IndexFileError("vectors of another model")
            return vectors
        except IndexFileError as exc:
            if path.exists():
                log.info("starting the meaning vectors afresh: %s", exc)
            return SemanticVectors(model.dim, model.name)

    def indexed(self, doc: RelatedDoc) -> None:
        """A saved article: a vector of other text goes, and the article waits for
        embed_changed() unless its vector is current (caller holds _lock)."""
        vectors = self._vectors
        if vectors is None:
            return
        kept = vectors.hash_of(doc.id)
        if kept == text_hash(embedding_text(doc)):
            return
        if kept is not None:
            vectors.remove(doc.id)
            self._changed = True
        self._queue.add(doc.id)

    def removed(self, doc_id: str) -> None:
        self._queue.discard(doc_id)
        if self._vectors is not None and doc_id in self._vectors:
            self._vectors.remove(doc_id)
            self._changed = True

    # ------------------------------------------------------------ embedding

    def embed(self, docs: Sequence[RelatedDoc]) -> int:
        """Embed these articles (the model runs outside the lock) and keep their vectors;
        an article deleted meanwhile is skipped. Returns how many were embedded."""
        model = self.model()
        if not docs or model is None:
            return 0
        texts = [embedding_text(d) for d in docs]
        rows = model.embed(texts)
        self.put(docs, texts, rows)
        return len(docs)

    def put(self, docs: Sequence[RelatedDoc], texts: Sequence[str], rows: np.ndarray) -> None:
        """Keep vectors computed for these articles (of these texts)."""
        with self._lock:
            vectors, index = self._vectors, self._keeper.current
            if vectors is None or index is None:
                return
            for doc, text, row in zip(docs, texts, rows, strict=True):
                if doc.id in index:
                    vectors.put(doc.id, doc.lang, text_hash(text), row)
                    self._changed = True
                    self._queue.discard(doc.id)

    def embed_query(self, article_id: int) -> None:
        """Embed the article asked about when it has no current vector (~0.15 s)."""
        index = self._keeper.current
        vectors = self._vectors
        if vectors is None or index is None or index.semantic is None:
            return
        with self._db.session() as s:
            try:
                doc = to_related_doc(article_store.get_article(s, article_id))
            except NotFoundError:
                return
        with self._lock:
            current = vectors.hash_of(doc.id) == text_hash(embedding_text(doc))
        if not current:
            self.embed([doc])

    def embed_changed(self, limit: int = 32) -> int:
        """Embed up to `limit` articles saved or imported since they were last embedded,
        and keep the vectors; returns how many were embedded.

        Run now and then in the background, so the vectors follow the archive without
        the editor asking; the whole archive is `embed_missing`'s work.
        """
        if not self._keeper.is_built or self.model() is None:
            return 0
        self._keeper.ready()  # applies the changes noted meanwhile, which queues them
        with self._lock:
            ids = sorted(self._queue, key=int)[:limit]
        docs: list[RelatedDoc] = []
        if ids:
            with self._db.session() as s:
                found = bulk.articles_by_id(s, [int(i) for i in ids])
            docs = [to_related_doc(a) for a in found.values() if not a.deleted]
        self.embed(docs)  # takes them off the queue
        with self._lock:
            self._queue.difference_update(set(ids) - {d.id for d in docs})  # deleted
            backlog = bool(self._queue)
        # The whole file is written (143 MB for 100k articles): while an import's backlog
        # is worked off, every few minutes rather than every run.
        if not backlog or time.monotonic() - self._saved_at >= VECTORS_SAVE_SECONDS:
            self.save()  # also those embedded on demand since the last save
        return len(docs)

    def work(self) -> list[RelatedDoc]:
        """Articles without a current vector: public ones (the candidates) first, newest
        first within each. Vectors of articles gone from the index go on the way."""
        index = self._keeper.ready()
        with self._db.session() as s:
            docs = [to_related_doc(a) for a in article_store.iter_articles(s)]
        hashes = [text_hash(embedding_text(d)) for d in docs]
        with self._lock:
            vectors = self._vectors if index.semantic is not None else None
            if vectors is None:
                return []
            for gone in [i for i in vectors.ids() if i not in index]:
                self.removed(gone)
            todo = [d for d, h in zip(docs, hashes, strict=True) if vectors.hash_of(d.id) != h]
        todo.sort(key=lambda d: (d.status not in CANDIDATE_STATUSES, -_time(d.published_at)))
        return todo

    def embed_missing(
        self,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
        *,
        workers: int | None = None,
    ) -> int:
        """Embed every article without a current vector; returns how many were embedded.

        A batch at a time (on every core where the process can fork: the command line),
        so suggestions and saves go on meanwhile. The vectors are saved every minute and
        at the end, also when cancelled or interrupted: the next run goes on from there.
        """
        model = self.model()
        todo = self.work() if model is not None else []
        if model is None or not todo:
            return 0
        texts = [embedding_text(d) for d in todo]
        done = 0
        if progress is not None:
            progress(done, len(todo))
        batches = embed_many(model, texts, batch=EMBED_BATCH, workers=workers)
        try:
            for rows in batches:
                self.put(todo[done : done + len(rows)], texts[done : done + len(rows)], rows)
                done += len(rows)
                if progress is not None:
                    progress(done, len(todo))
                if is_cancelled is not None and is_cancelled():
                    break
                if time.monotonic() - self._saved_at >= EMBED_SAVE_SECONDS:
                    self.save()
        finally:
            batches.close()  # stops the workers, if any
            if done:
                self.on_embedded()
                self.save()
        return done

    def save(self) -> None:
        """Keep the vectors in the data folder (when they changed). The file is written
        from a copy taken under the lock, so queries do not wait for the disk."""
        with self._save_lock:
            with self._lock:
                vectors = self._vectors
                if vectors is None or not self._changed:
                    return
                parts = vectors.file_parts()
                self._changed = False
            try:
                SemanticVectors.write(self._files.vectors, parts)
                self._saved_at = time.monotonic()
            except OSError as exc:
                self._changed = True
                log.warning("the meaning vectors were not saved: %s", exc)


def _time(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else 0.0
