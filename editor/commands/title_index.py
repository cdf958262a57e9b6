"""An in-memory word index over article titles, so the palette stays fast on 100 000 articles.

Why not SQL: titles share their table rows with long bodies, so a ``LIKE
'%…%'`` scan reads the whole archive (over a second for 100 000 articles on a
busy machine), and LIKE knows nothing of typos.  Why not rapidfuzz over every
title: 0.2–1 s per query at that size.  Instead, the palette looks up the
typed words in the vocabulary of all title words (by prefix, by substring for
compounds like "Quantenchip", and by edit distance for typos), collects the
titles holding them, and lets rapidfuzz rank only those few hundred.

The index loads once, as an operation the window runs on its runner (about a
second for 100 000 titles), and then follows the workspace's events: an article created, edited,
trashed, restored or imported is re-read by id the next time the index is
asked, so no event listener ever waits for the database.
"""

from __future__ import annotations

import bisect
import heapq
import logging
import re
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process, utils

from editor.app.changes import Change, LinksDecided, RevisionCreated
from editor.app.errors import NotFoundError
from editor.app.operations import ForegroundRunner, Operation, plain, query
from editor.core.article import ArticleSummary, ListQuery

if TYPE_CHECKING:
    from editor.app.articles import ArticleService
    from editor.app.workspace import Workspace

log = logging.getLogger(__name__)

CANDIDATES = 300  # titles handed to the fuzzy ranking at most
TYPO_CUTOFF = 80  # fuzz.ratio a vocabulary word needs to count as a misspelling
TYPO_WORDS = 30  # misspelt vocabulary words considered per query word
MIN_SUBSTRING = 3  # shorter query words match word starts only
SIMILAR_CACHE = 1000  # remembered word lookups
RELOAD_AFTER = 2000  # more changed articles than this: reload everything instead


# Han, kana and hangul: scripts written without spaces, where a word is one or
# two characters and any substring may be what the editor is after.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


def title_words(title: str) -> list[str]:
    return utils.default_process(title).split()


class TitleIndex:
    def __init__(self, workspace: Workspace) -> None:
        # A weak reference: the module-level registry of indexes must not keep a
        # closed workspace alive.
        self._workspace = weakref.ref(workspace)
        self._lock = threading.Lock()
        self._entries: dict[int, ArticleSummary] = {}
        self._words_of: dict[int, frozenset[str]] = {}
        self._postings: dict[str, list[int]] = {}
        self._vocabulary: list[str] = []  # sorted, for prefix lookups
        self._by_external_id: dict[str, int] = {}
        self._similar_cache: dict[str, frozenset[str]] = {}  # typing repeats lookups
        self._dirty: set[int] = set()
        self._reload = False
        self._ready = threading.Event()
        self._loading = False
        self._unsubscribe = workspace.changes.subscribe(Change, self._on_change)

    @property
    def _articles(self) -> ArticleService:
        workspace = self._workspace()
        if workspace is None:
            raise RuntimeError("the workspace of this title index is gone")
        return workspace.articles

    # ------------------------------------------------------------ loading

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def start_loading(self, run: Callable[[Operation[None]], Any] | None = None) -> None:
        """Hand the loading to ``run`` (the window's ``run_operation``: its runner), or
        without one load now; no-op when loaded or loading."""
        with self._lock:
            if self._ready.is_set() or self._loading:
                return
            self._loading = True
        operation = query("Loading article titles", plain(self._load_quietly))
        if run is None:
            ForegroundRunner().run(operation)
        else:
            run(operation)

    def _load_quietly(self) -> None:
        try:
            self.load()
        except Exception:
            # The palette keeps working on SQL; the next open tries again.
            log.exception("loading the title index failed")
        finally:
            with self._lock:
                self._loading = False

    def wait(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    def load(self) -> None:
        """Read every live article's list row and build the index (replacing any old one)."""
        rows = self._articles.list(ListQuery(limit=None))
        with self._lock:
            self._entries.clear()
            self._words_of.clear()
            self._postings.clear()
            self._by_external_id.clear()
            for row in rows:
                self._add(row)
            self._vocabulary = sorted(self._postings)
            self._similar_cache.clear()
            self._reload = False
            self._ready.set()

    def close(self) -> None:
        self._unsubscribe()

    def __len__(self) -> int:
        return len(self._entries)

    # ------------------------------------------------------------ keeping up

    def _on_change(self, change: Change) -> None:
        # May run on any thread: only note what changed, read it later.
        if isinstance(change, LinksDecided | RevisionCreated):
            return  # titles and statuses stay as they were
        with self._lock:
            self._dirty.update(change.article_ids())
            if len(self._dirty) > RELOAD_AFTER:
                self._dirty.clear()
                self._reload = True

    def _catch_up(self) -> None:
        with self._lock:
            reload, self._reload = self._reload, False
            dirty, self._dirty = self._dirty, set()
        if reload:
            self.load()
            return
        for article_id in dirty:
            try:
                article = self._articles.get(article_id)
            except NotFoundError:
                article = None
            with self._lock:
                self._remove(article_id)
                if article is not None and not article.deleted:
                    self._add(article.summary(), keep_sorted=True)

    def _add(self, row: ArticleSummary, *, keep_sorted: bool = False) -> None:
        words = frozenset(title_words(row.title))
        self._entries[row.id] = row
        self._words_of[row.id] = words
        for word in words:
            posting = self._postings.get(word)
            if posting is None:
                self._postings[word] = [row.id]
                if keep_sorted:
                    bisect.insort(self._vocabulary, word)
                    self._similar_cache.clear()
            else:
                posting.append(row.id)
        if row.external_id:
            self._by_external_id[row.external_id.lower()] = row.id

    def _remove(self, article_id: int) -> None:
        row = self._entries.pop(article_id, None)
        for word in self._words_of.pop(article_id, ()):
            posting = self._postings.get(word)
            if posting is not None and article_id in posting:
                posting.remove(article_id)  # O(len): fine, edits come one at a time
        if row is not None and row.external_id:
            self._by_external_id.pop(row.external_id.lower(), None)

    # ------------------------------------------------------------ looking up

    def candidates(self, query: str, limit: int = CANDIDATES) -> list[ArticleSummary]:
        """Live articles whose titles hold (something like) the words of ``query``,
        those matching most of the words first, then the most recently edited."""
        if not self.ready:
            raise RuntimeError("the title index is still loading")
        self._catch_up()
        words = title_words(query)
        with self._lock:
            hits: Counter[int] = Counter()
            for word in words:
                hits.update(self._ids_for(word))
            exact = self._by_external_id.get(query.strip().lower())
            if exact is not None:
                hits[exact] += len(words) + 1
            # Most query words matched first; among equals the newer article (higher id).
            best = heapq.nlargest(limit, hits.items(), key=itemgetter(1, 0))
            return [self._entries[article_id] for article_id, _count in best]

    def _ids_for(self, word: str) -> set[int]:
        """Ids of live titles with a word that starts with, contains or resembles ``word``."""
        ids: set[int] = set()
        for vocabulary_word in self._similar_words(word):
            ids.update(self._postings.get(vocabulary_word, ()))
        return ids

    def _similar_words(self, word: str) -> Iterable[str]:
        cached = self._similar_cache.get(word)
        if cached is None:
            if len(self._similar_cache) > SIMILAR_CACHE:
                self._similar_cache.clear()
            cached = self._similar_cache[word] = frozenset(self._find_similar_words(word))
        return cached

    def _find_similar_words(self, word: str) -> set[str]:
        vocabulary = self._vocabulary
        start = bisect.bisect_left(vocabulary, word)
        end = bisect.bisect_left(vocabulary, word + "\U0010ffff")
        similar = set(vocabulary[start:end])  # word starts: "quant" -> quantenchip
        if len(word) >= MIN_SUBSTRING or has_cjk(word):
            similar.update(v for v in vocabulary if word in v)  # inside compounds
        if len(word) >= 4:
            for match, _score, _index in process.extract(
                word,
                vocabulary,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=TYPO_CUTOFF,
                limit=TYPO_WORDS,
            ):
                similar.add(match)
        return similar


_indexes: dict[int, TitleIndex] = {}
_indexes_lock = threading.Lock()


def title_index_for(workspace: Workspace) -> TitleIndex:
    """The one title index of ``workspace`` (made on first use, dropped with the workspace)."""
    key = id(workspace)
    with _indexes_lock:
        index = _indexes.get(key)
        if index is None:
            index = TitleIndex(workspace)
            _indexes[key] = index
            weakref.finalize(workspace, _forget, key)
        return index


def _forget(key: int) -> None:
    with _indexes_lock:
        index = _indexes.pop(key, None)
    if index is not None:
        index.close()
