"""Related links: suggestions from the archive and the editor's decisions.

The engine (:mod:`editor.core.related`) lives in memory; this service fills it
on first use, keeps it current as articles are saved, imported or deleted
(changes are noted on the event bus and applied before the next query, so the
autosave thread never waits for indexing), and stores what the editor accepts,
rejects, pins and reorders.

Building the index over a big archive takes a while (about 40 s for 100,000
articles), so it is saved in the user's data folder beside a small stamp file
(which articles it holds and the newest change it saw).  On the next start the
saved index is loaded and brought up to date with what changed meanwhile (for
example by an import from the command line); a missing, damaged or foreign
file is rebuilt.

Meaning vectors (optional: the ``embeddings`` extra, see
:mod:`editor.core.related.semantic`) bridge German and English.  Embedding is
slow (a quarter of a second an article on one core), so it never happens in a
build: the article asked about is embedded when its suggestions are asked for,
and ``embed_missing`` (a background job in the window, ``newsdesk related
--embed`` on the command line) fills in the rest of the archive.  Vectors are
kept in the data folder with a hash of the text they came from; an article
whose title or opening changed loses its vector until it is embedded again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from editor.app import config
from editor.app.changes import (
    ArticleChange,
    ArticlesImported,
    Change,
    LinksDecided,
    RevisionCreated,
)
from editor.core.article import Article
from editor.core.links import LinkState, RelatedChoice
from editor.core.related import IndexFileError, RelatedDoc, RelatedIndex, Suggestion, describe
from editor.core.related.bulk import BulkQuery, suggest_many
from editor.core.related.semantic import (
    Embedder,
    SemanticVectors,
    embedding_text,
    load_embedder,
    text_hash,
)
from editor.core.workflow import PUBLIC_STATUSES
from editor.store import articles as article_store
from editor.store import bulk
from editor.store import links as link_store
from editor.store.errors import NotFoundError

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

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
# Statuses whose articles are offered as related links by default.
CANDIDATE_STATUSES: tuple[str, ...] = tuple(sorted(s.value for s in PUBLIC_STATUSES))

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

# Set to 0 to leave the multilingual model unused even when it is installed.
MEANING_ENV = "NEWSDESK_MEANING_VECTORS"
EMBED_BATCH = 8  # articles embedded between two looks at the cancel button
VECTORS_SAVE_EVERY = 200  # embedded articles between two saves of the vectors file
VECTORS_SAVE_SECONDS = 300  # at most this long between saves while a backlog is embedded


@dataclass(frozen=True, slots=True)
class RelatedSuggestion:
    """A suggestion as the panel and the command line show it."""

    id: int
    title: str
    language: str
    score: float
    reasons: str


def to_related_doc(article: Article) -> RelatedDoc:
    return RelatedDoc(
        id=str(article.id),
        lang=article.language,
        title=article.title,
        body=f"{article.teaser}\n\n{article.body}" if article.teaser else article.body,
        entities=tuple(article.tags),
        group=article.group_id,
        published_at=article.published_at or article.updated_at,
        status=article.status.value,
    )


class RelatedService:
    def __init__(self, workspace: Workspace, *, index_dir: Path | None = None) -> None:
        self._ws = workspace
        self._db = workspace.db
        self._index_dir = index_dir
        self._index: RelatedIndex | None = None
        # _lock guards the index and the fill lists and is held through long work
        # (a build, a save). Event listeners run on the autosave and import threads,
        # so they only note ids under _pending_lock and never wait for _lock.
        self._lock = threading.RLock()
        self._pending_lock = threading.Lock()
        self._dirty: set[int] = set()  # articles to re-index (under _pending_lock)
        # suggest_ids() results per article (FILL_SIZE ids), kept in the data folder so a
        # full publish does not query the engine again for every page; an entry goes
        # when its article changes or the editor decides on its links, all of them when
        # the index is rebuilt.
        self._fill: dict[int, list[int]] | None = None
        self._fill_forget: set[int] = set()  # lists to drop (under _pending_lock)
        self._fill_changed = False
        self._fill_changes = 0  # lists computed since the last save
        # Meaning vectors (None: no model, or not loaded yet; see _meaning()).
        self._embedder: Embedder | None = None
        self._embedder_tried = os.environ.get(MEANING_ENV, "1") == "0"
        self._vectors: SemanticVectors | None = None
        self._vectors_changed = False
        self._embed_queue: set[str] = set()  # changed since embedded (under _lock)
        self._vectors_saved_at = time.monotonic()
        for kind in (ArticleChange, ArticlesImported):
            workspace.changes.subscribe(kind, self._on_article_changed)

    # ------------------------------------------------------------ the index

    @property
    def is_built(self) -> bool:
        return self._index is not None

    def rebuild(
        self,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
        *,
        save: bool = True,
    ) -> int:
        """Build the index from the whole archive; returns how many articles it holds."""
        with self._pending_lock:  # what changed so far is read below; later changes stay
            self._dirty.clear()
        with self._db.session() as s:
            stamps = article_store.live_article_stamps(s)
            docs = [to_related_doc(a) for a in article_store.iter_articles(s)]
        index = RelatedIndex.build(docs, progress=progress, is_cancelled=is_cancelled)
        with self._lock:
            self._index = index
            self._attach_vectors(index, docs)
            self._fill = {}
            self._fill_changed = True
            if save:
                self._save_index(index, stamps)
        return len(index)

    def _ready_index(self) -> RelatedIndex:
        with self._lock:
            if self._index is None:
                if self._load_saved():
                    assert self._index is not None
                    self._attach_vectors(self._index)
                    # Caught up with what changed meanwhile, the index has every live
                    # article: vectors of any other are of deleted ones.
                    self._apply_dirty(self._index)
                    self._drop_vectors_not_in(self._index)
                else:
                    self.rebuild()
            assert self._index is not None
            self._apply_dirty(self._index)
            return self._index

    # ------------------------------------------------------------ the saved index

    def index_path(self) -> Path:
        """The index file of this archive (one per database URL)."""
        key = hashlib.sha256(self._db.url.encode()).hexdigest()[:16]
        folder = self._index_dir or config.data_dir() / "related"
        return folder / f"index-{key}.bin"

    def _stamp_path(self) -> Path:
        return self.index_path().with_suffix(".json")

    def _save_index(self, index: RelatedIndex, stamps: dict[int, datetime]) -> None:
        """Keep the index for the next start; failing to save only costs a rebuild."""
        newest = max(stamps.values(), default=None)
        stamp = {
            "url": self._db.url,
            "newest": newest.isoformat() if newest else None,
            "ids": sorted(stamps),
        }
        try:
            path = self.index_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            index.save(path)
            tmp = self._stamp_path().with_suffix(".json.tmp")
            tmp.write_text(json.dumps(stamp), encoding="utf-8")
            os.replace(tmp, self._stamp_path())
        except OSError as exc:
            log.warning("the related-links index was not saved: %s", exc)

    def _load_saved(self) -> bool:
        """Load the saved index and catch up with changes since; False to rebuild."""
        try:
            stamp = json.loads(self._stamp_path().read_text(encoding="utf-8"))
            if stamp.get("url") != self._db.url:
                return False
            index = RelatedIndex.load(self.index_path())
        except (OSError, ValueError, KeyError, IndexFileError) as exc:
            log.info("rebuilding the related-links index: %s", exc)
            return False
        saved_ids = set(stamp.get("ids", ()))
        newest = datetime.fromisoformat(stamp["newest"]) if stamp.get("newest") else None
        with self._db.session() as s:
            stamps = article_store.live_article_stamps(s)
        for gone in saved_ids - stamps.keys():
            index.remove(str(gone))
        with self._pending_lock:
            self._dirty.update(
                article_id
                for article_id, updated in stamps.items()
                if article_id not in saved_ids or newest is None or updated > newest
            )
        self._index = index
        return True

    def save_index(self) -> None:
        """Save the index now (the window calls this when it closes)."""
        with self._lock:
            if self._index is None:
                return
            index = self._index
            self._apply_dirty(index)
            with self._db.session() as s:
                stamps = article_store.live_article_stamps(s)
            self._save_index(index, stamps)
            self.save_vectors()

    def _apply_dirty(self, index: RelatedIndex) -> None:
        """Re-index the articles changed since the last query (caller holds _lock)."""
        with self._pending_lock:
            ids, self._dirty = sorted(self._dirty), set()
        if not ids:
            return
        with self._db.session() as s:
            for article_id in ids:
                try:
                    article = article_store.get_article(s, article_id)
                except NotFoundError:
                    self._forget(index, str(article_id))
                    continue
                if article.deleted:
                    self._forget(index, str(article_id))
                else:
                    doc = to_related_doc(article)
                    index.add_or_update(doc)
                    self._follow_text(doc, queue=True)

    def _forget(self, index: RelatedIndex, doc_id: str) -> None:
        index.remove(doc_id)
        self._embed_queue.discard(doc_id)
        if self._vectors is not None and doc_id in self._vectors:
            self._vectors.remove(doc_id)
            self._vectors_changed = True

    def _on_article_changed(self, change: Change) -> None:
        if isinstance(change, LinksDecided | RevisionCreated):
            return  # neither changes what the index holds
        self._note_changed(change.article_ids())

    def _note_changed(self, article_ids: Sequence[int]) -> None:
        """Remember changed articles: re-indexed and their fill lists dropped on next use."""
        with self._pending_lock:
            self._dirty.update(article_ids)
            self._fill_forget.update(article_ids)

    # ------------------------------------------------------------ meaning vectors

    def set_embedder(self, embedder: Embedder | None) -> None:
        """Use this model (or none); the default is the installed one, loaded on first use."""
        with self._lock:
            self._embedder, self._embedder_tried = embedder, True
            self._vectors = None
            if self._index is not None:
                self._index.semantic = None
                self._attach_vectors(self._index)

    @property
    def has_meaning_model(self) -> bool:
        return self._meaning() is not None

    def _meaning(self) -> Embedder | None:
        if not self._embedder_tried:
            self._embedder_tried = True
            self._embedder = load_embedder()
        return self._embedder

    def _vectors_path(self) -> Path:
        return self.index_path().with_name(
            self.index_path().stem.replace("index", "meaning") + ".bin"
        )

    def _attach_vectors(self, index: RelatedIndex, docs: Sequence[RelatedDoc] = ()) -> None:
        """Give the index the kept vectors of its articles (caller holds _lock).

        `docs` (after a rebuild: every article) lets stale vectors go at once; after a
        load, changed articles follow in _apply_dirty and deleted ones go after it.
        """
        embedder = self._meaning()
        if embedder is None:
            return
        if self._vectors is None:
            try:
                vectors = SemanticVectors.load(self._vectors_path())
                if vectors.model != embedder.name or vectors.dim != embedder.dim:
                    raise IndexFileError("vectors of another model")
            except IndexFileError as exc:
                if self._vectors_path().exists():
                    log.info("starting the meaning vectors afresh: %s", exc)
                vectors = SemanticVectors(embedder.dim, embedder.name)
            self._vectors = vectors
        for doc in docs:
            self._follow_text(doc, queue=False)  # the missing ones are embed_missing's
        if docs:
            self._drop_vectors_not_in(index)
        index.semantic = self._vectors

    def _drop_vectors_not_in(self, index: RelatedIndex) -> None:
        vectors = self._vectors
        if vectors is None:
            return
        for doc_id in [i for i in vectors.ids() if i not in index]:
            vectors.remove(doc_id)
            self._vectors_changed = True

    def _follow_text(self, doc: RelatedDoc, *, queue: bool) -> None:
        """After a change (caller holds _lock): a vector of other text goes, and with
        `queue` the article is noted for embed_changed() unless its vector is current."""
        vectors = self._vectors
        if vectors is None:
            return
        kept = vectors.hash_of(doc.id)
        if kept == text_hash(embedding_text(doc)):
            return
        if kept is not None:
            vectors.remove(doc.id)
            self._vectors_changed = True
        if queue:
            self._embed_queue.add(doc.id)

    def embed_changed(self, limit: int = 32) -> int:
        """Embed up to `limit` articles saved or imported since they were last embedded,
        and keep the vectors; returns how many were embedded.

        The window calls this now and then on a worker, so the vectors follow the archive
        without the editor asking; the whole archive is `embed_missing`'s work.
        """
        if not self.is_built or self._meaning() is None:
            return 0
        self._ready_index()  # applies the changes noted meanwhile, which queues them
        with self._lock:
            ids = sorted(self._embed_queue, key=int)[:limit]
        docs: list[RelatedDoc] = []
        if ids:
            with self._db.session() as s:
                found = bulk.articles_by_id(s, [int(i) for i in ids])
            docs = [to_related_doc(a) for a in found.values() if not a.deleted]
        self._embed(docs)  # takes them off the queue
        with self._lock:
            self._embed_queue.difference_update(set(ids) - {d.id for d in docs})  # deleted
            backlog = bool(self._embed_queue)
        # The whole file is written (143 MB for 100k articles): while an import's backlog
        # is worked off, every few minutes rather than every run.
        if not backlog or time.monotonic() - self._vectors_saved_at >= VECTORS_SAVE_SECONDS:
            self.save_vectors()  # also those embedded on demand since the last save
        return len(docs)

    def missing_vectors(self) -> int:
        """How many live articles have no current meaning vector (0 without a model)."""
        return len(self._vector_work())

    def _vector_work(self) -> list[RelatedDoc]:
        """Articles without a current vector: public ones (the candidates) first, newest
        first within each."""
        index = self._ready_index()
        with self._db.session() as s:
            docs = [to_related_doc(a) for a in article_store.iter_articles(s)]
        with self._lock:
            vectors = self._vectors if index.semantic is not None else None
            if vectors is None:
                return []
            todo = [d for d in docs if vectors.hash_of(d.id) != text_hash(embedding_text(d))]
        todo.sort(key=lambda d: (d.status not in CANDIDATE_STATUSES, -_time(d.published_at)))
        return todo

    def embed_missing(
        self, progress: Progress | None = None, is_cancelled: IsCancelled | None = None
    ) -> int:
        """Embed every article without a current vector; returns how many were embedded.

        The model runs outside the lock, a few articles at a time, so suggestions and
        saves go on meanwhile; the vectors are saved now and then and at the end.
        Cancelling keeps what was embedded so far.
        """
        todo = self._vector_work() if self._meaning() is not None else []
        done = 0
        try:
            for start in range(0, len(todo), EMBED_BATCH):
                if is_cancelled is not None and is_cancelled():
                    break
                if progress is not None:
                    progress(done, len(todo))
                done += self._embed(todo[start : start + EMBED_BATCH])
                if done % VECTORS_SAVE_EVERY < EMBED_BATCH:
                    self.save_vectors()
        finally:
            if done:
                with self._lock:  # fill lists were computed without these vectors
                    self._fill = {}
                    self._fill_changed = True
                self.save_vectors()
        if progress is not None:
            progress(done, len(todo))
        return done

    def _embed(self, docs: Sequence[RelatedDoc]) -> int:
        """Embed these articles (the model runs outside the lock) and keep their vectors;
        an article deleted meanwhile is skipped. Returns how many were embedded."""
        embedder = self._meaning()
        if not docs or embedder is None:
            return 0
        texts = [embedding_text(d) for d in docs]
        rows = embedder.embed(texts)
        with self._lock:
            vectors, index = self._vectors, self._index
            if vectors is None or index is None:
                return 0
            for doc, text, row in zip(docs, texts, rows, strict=True):
                if doc.id in index:
                    vectors.put(doc.id, doc.lang, text_hash(text), row)
                    self._vectors_changed = True
                    self._embed_queue.discard(doc.id)
        return len(docs)

    def _embed_query(self, article_id: int) -> None:
        """Embed the article asked about when it has no current vector (~0.25 s)."""
        with self._lock:
            vectors = self._vectors
            index = self._index
            if vectors is None or index is None or index.semantic is None:
                return
        with self._db.session() as s:
            try:
                doc = to_related_doc(article_store.get_article(s, article_id))
            except NotFoundError:
                return
        if vectors.hash_of(doc.id) != text_hash(embedding_text(doc)):
            self._embed([doc])

    def save_vectors(self) -> None:
        """Keep the meaning vectors in the data folder (when they changed)."""
        with self._lock:
            vectors = self._vectors
            if vectors is None or not self._vectors_changed:
                return
            try:
                vectors.save(self._vectors_path())
                self._vectors_changed = False
                self._vectors_saved_at = time.monotonic()
            except OSError as exc:
                log.warning("the meaning vectors were not saved: %s", exc)

    # ------------------------------------------------------------ suggestions

    def suggest(
        self,
        article_id: int,
        top: int = 5,
        *,
        statuses: Sequence[str] | None = CANDIDATE_STATUSES,
        ui_language: str = "en",
        embed: bool = True,
    ) -> list[RelatedSuggestion]:
        """The best related articles not yet accepted, with their reasons in words.

        With a multilingual model, the article is embedded first when it has no current
        vector (``embed=False`` skips that, for going through a whole archive).
        """
        if embed:
            self._ready_index()
            self._embed_query(article_id)
        found = self._suggest(article_id, top, statuses)
        titles = self._titles([int(s.id) for s in found])
        return [
            RelatedSuggestion(
                id=int(s.id),
                title=titles.get(int(s.id), ("", ""))[0],
                language=titles.get(int(s.id), ("", ""))[1],
                score=round(s.score, 4),
                reasons=describe(s.reasons, ui_language),
            )
            for s in found
        ]

    def suggest_ids(self, article_id: int, top: int = 5) -> list[int]:
        """Just the ids of the best suggestions (what a publish run fills pages with).

        A full publish asks this for every page, so it skips the engine's feedback
        round and the reasons, and reads and re-scores fewer candidates (a sixth of the
        time on a synthetic archive; P@5 0.687 instead of 0.704 on 10kGNAD), and the
        lists are kept (see ``save_fill``) until the article changes or the index is
        rebuilt.
        """
        with self._lock:
            fill = self._loaded_fill()
            kept = fill.get(article_id)
        if kept is not None and top <= FILL_SIZE:
            return kept[:top]
        return self._compute_fill([article_id], max(top, FILL_SIZE)).get(article_id, [])[:top]

    def prepare_fill(self, article_ids: Sequence[int], progress: Progress | None = None) -> int:
        """Compute at once the fill lists a publish run is about to ask for; returns how many.

        A full publish of a large archive that was never published needs thousands of
        them: asked for all together, the engine answers on every core (see
        :func:`editor.core.related.bulk.suggest_many`), and the editor's decisions are
        read in one query rather than one per article. Lists already kept are reused.
        """
        with self._lock:
            kept = self._loaded_fill()
            missing = [i for i in dict.fromkeys(article_ids) if i not in kept]
        return len(self._compute_fill(missing, FILL_SIZE, progress)) if missing else 0

    def _compute_fill(
        self, article_ids: Sequence[int], size: int, progress: Progress | None = None
    ) -> dict[int, list[int]]:
        """Fill lists of ``size`` ids for these articles, computed now and kept."""
        with self._db.session() as s:
            decisions = link_store.choice_states(s, article_ids)
        queries = [_bulk_query(i, decisions.get(i, {})) for i in article_ids]
        index = self._ready_index()
        with self._lock:
            found = suggest_many(
                index,
                queries,
                size,
                statuses=CANDIDATE_STATUSES,
                posting_budget=BULK_POSTING_BUDGET,
                rerank=BULK_RERANK,
                progress=progress,
            )
            lists = {int(doc_id): [int(i) for i in ids] for doc_id, ids in found.items()}
            self._loaded_fill().update(lists)
            self._fill_changed = True
            self._fill_changes += len(lists)
            self._loaded_fill()  # drops the lists of articles that changed meanwhile
        return lists

    def _fill_path(self) -> Path:
        return self.index_path().with_name(
            self.index_path().stem.replace("index", "fill") + ".json"
        )

    def _loaded_fill(self) -> dict[int, list[int]]:
        """The kept fill lists, without those of articles changed since (read from the
        data folder on first use; caller holds _lock)."""
        if self._fill is None:
            self._fill = {}
            try:
                stored = json.loads(self._fill_path().read_text(encoding="utf-8"))
                if stored.get("url") == self._db.url:
                    self._fill = {int(k): [int(i) for i in v] for k, v in stored["lists"].items()}
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass  # missing or damaged: the lists are computed again as needed
        with self._pending_lock:
            forget, self._fill_forget = self._fill_forget, set()
        for article_id in forget:
            if self._fill.pop(article_id, None) is not None:
                self._fill_changed = True
        return self._fill

    def save_fill(self, *, force: bool = True) -> None:
        """Keep the fill lists for the next run (a publish run calls this at its end).

        ``force=False`` skips the write while few lists changed: an incremental run
        changes one or two, and rewriting every list for them cost more than
        computing them again.
        """
        with self._lock:
            if self._fill is None:
                return
            self._loaded_fill()  # drops the lists of articles changed meanwhile
            if not self._fill_changed:
                return
            if not force and self._fill_changes < FILL_SAVE_AFTER:
                return
            self._fill_changes = 0
            data = {"url": self._db.url, "lists": {str(k): v for k, v in self._fill.items()}}
            self._fill_changed = False
        try:
            path = self._fill_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".json.tmp")
            tmp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("the related-link fill lists were not saved: %s", exc)

    def _suggest(
        self,
        article_id: int,
        top: int,
        statuses: Sequence[str] | None,
    ) -> list[Suggestion]:
        with self._db.session() as s:
            choices = link_store.get_choices(s, article_id)
        accepted = {str(c.target_id) for c in choices if c.state is LinkState.ACCEPTED}
        penalties = {
            str(c.target_id): REJECTION_PENALTY for c in choices if c.state is LinkState.REJECTED
        }
        index = self._ready_index()
        with self._lock:
            return index.suggest(
                str(article_id),
                top,
                statuses=statuses,
                exclude=accepted,
                penalties=penalties,
            )

    def _titles(self, ids: list[int]) -> dict[int, tuple[str, str]]:
        with self._db.session() as s:
            return article_store.titles_and_languages(s, ids)

    def links_for_page(self, article_id: int, top: int, *, fill: bool) -> list[int]:
        """What the published page lists: the accepted links, else (if ``fill``) suggestions."""
        accepted = [c.target_id for c in self.choices(article_id) if c.state is LinkState.ACCEPTED]
        if accepted or not fill:
            return accepted[:top]
        return self.suggest_ids(article_id, top)

    # ------------------------------------------------------------ the editor's decisions

    def choices(self, article_id: int) -> list[RelatedChoice]:
        with self._db.session() as s:
            return link_store.get_choices(s, article_id)

    def accepted(self, article_id: int) -> list[RelatedChoice]:
        return [c for c in self.choices(article_id) if c.state is LinkState.ACCEPTED]

    def accept(self, article_id: int, target_id: int, *, reasons: str = "") -> None:
        """Add ``target_id`` to the end of the accepted list (also from "add by search")."""
        if target_id == article_id:
            raise ValueError("an article cannot be related to itself")

        def change(choices: list[RelatedChoice]) -> list[RelatedChoice]:
            kept = [c for c in choices if c.target_id != target_id]
            position = sum(1 for c in kept if c.state is LinkState.ACCEPTED)
            accepted = RelatedChoice(target_id, LinkState.ACCEPTED, position, reasons=reasons)
            return [*kept, accepted]

        self._change_choices(article_id, change)

    def reject(self, article_id: int, target_id: int) -> None:
        self._change_choices(
            article_id,
            lambda choices: [
                *(c for c in choices if c.target_id != target_id),
                RelatedChoice(target_id, LinkState.REJECTED),
            ],
        )

    def forget(self, article_id: int, target_id: int) -> None:
        """Drop a decision: the article may be suggested again at its natural rank."""
        self._change_choices(
            article_id, lambda choices: [c for c in choices if c.target_id != target_id]
        )

    def set_pinned(self, article_id: int, target_id: int, pinned: bool) -> None:
        self._change_choices(
            article_id,
            lambda choices: [
                replace(c, pinned=pinned) if c.target_id == target_id else c for c in choices
            ],
        )

    def reorder(self, article_id: int, ordered_ids: Sequence[int]) -> None:
        """Order the accepted links as ``ordered_ids``; ids not listed follow in their order."""

        def change(choices: list[RelatedChoice]) -> list[RelatedChoice]:
            accepted = {c.target_id: c for c in choices if c.state is LinkState.ACCEPTED}
            order = [i for i in ordered_ids if i in accepted]
            order += [i for i in accepted if i not in order]
            rest = [c for c in choices if c.state is not LinkState.ACCEPTED]
            return [accepted[i] for i in order] + rest

        self._change_choices(article_id, change)

    def _change_choices(
        self,
        article_id: int,
        change: Callable[[list[RelatedChoice]], list[RelatedChoice]],
    ) -> None:
        """Read every decision (those about trashed articles too: hidden from the editor,
        they come back when the article is restored), change them and write them back,
        in one write transaction so that two changes cannot overwrite each other.

        Pinned links stay on top; positions are renumbered in list order.
        """
        with self._db.session(write=True) as s:
            choices = change(link_store.get_choices(s, article_id, include_trashed=True))
            accepted = [c for c in choices if c.state is LinkState.ACCEPTED]
            accepted.sort(key=lambda c: not c.pinned)
            numbered = [replace(c, position=i) for i, c in enumerate(accepted)]
            numbered += [c for c in choices if c.state is not LinkState.ACCEPTED]
            link_store.replace_choices(s, article_id, numbered)
        with self._pending_lock:
            self._fill_forget.add(article_id)  # rejections change what is suggested
        self._ws.changes.publish(LinksDecided(article_id))


def _time(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else 0.0


def _bulk_query(article_id: int, decisions: Mapping[int, LinkState]) -> BulkQuery:
    """The engine's query for one article: accepted links excluded, rejected ones lowered."""
    accepted = [t for t, state in decisions.items() if state is LinkState.ACCEPTED]
    rejected = [t for t, state in decisions.items() if state is LinkState.REJECTED]
    return BulkQuery(
        str(article_id),
        exclude=frozenset(str(t) for t in accepted),
        penalties={str(t): REJECTION_PENALTY for t in rejected},
    )
