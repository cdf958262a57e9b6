"""Autosave: the working copy reaches the database shortly after every edit.

The UI calls :meth:`AutosaveWriter.submit` on each change; that only records
the newest field values under a lock, so the keystroke path never waits for the
disk.  A worker thread writes them when typing pauses (``idle_delay``) and at
the latest ``max_delay`` after the first unsaved change while typing goes on,
so a killed process loses at most about ``max_delay`` seconds of typing.

A write that fails (disk full, database locked for too long) keeps the changes
pending and retries with a back-off; the state callback tells the UI, which
keeps the text on screen, so nothing typed is lost.

Every write states the version the text on screen was made from (its *base*:
:meth:`AutosaveWriter.track` when the window shows an article, then the article
each save returns).  When someone else saved meanwhile, the service merges the
two edits (:mod:`editor.core.merge`) or refuses with an
:class:`~editor.app.articles.EditConflict`; then the writer holds this article's
changes (the text stays on screen, both texts are in the history) until
:meth:`AutosaveWriter.resolve` says which text wins.  After a merge the screen
lacks the other editor's paragraphs until the window shows the merged text, so
until then each edit states the screen's text as its base and is merged again.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from editor.app.changes import ArticleChange
from editor.core.merge import TEXT_FIELDS

if TYPE_CHECKING:
    from editor.app.articles import ArticleService
    from editor.core.article import Article
    from editor.core.merge import ConflictTexts

IDLE_DELAY = 1.0  # seconds without typing before a write
# Continuous typing is written at least this often; with a write taking a few
# milliseconds this leaves a wide margin under the promise that a killed
# process loses at most the last 2 s (measured: max 1.67 s over 200 kills at 1.5).
MAX_DELAY = 1.0
RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0)


class SaveState(StrEnum):
    PENDING = "pending"
    SAVING = "saving"
    SAVED = "saved"
    FAILED = "failed"
    # Saved elsewhere in the same place: nothing is written until the editor decides.
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class SaveReport:
    article_id: int
    state: SaveState
    at: datetime
    message: str = ""
    version: int | None = None
    # SAVED: the saved article; ``merged`` when it holds another editor's changes too
    # (the window shows its text).  CONFLICT: mine, theirs and the base.
    article: Article | None = None
    merged: bool = False
    conflict: ConflictTexts | None = None


@dataclass
class _Base:
    """What the text on screen was made from: field values and the version saved then."""

    version: int
    fields: dict[str, Any]


StateListener = Callable[[SaveReport], None]


@dataclass
class _Pending:
    changes: dict[str, Any] = field(default_factory=dict)
    first_change: float = 0.0
    last_change: float = 0.0
    failures: int = 0
    retry_at: float = 0.0


class AutosaveWriter:
    def __init__(
        self,
        articles: ArticleService,
        *,
        idle_delay: float = IDLE_DELAY,
        max_delay: float = MAX_DELAY,
        periodic_revision_seconds: float | None = 600.0,
        on_state: StateListener | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._articles = articles
        self._idle = idle_delay
        self._max = max_delay
        self._periodic = periodic_revision_seconds
        self._on_state = on_state
        self._clock = clock
        self._pending: dict[int, _Pending] = {}
        self._bases: dict[int, _Base] = {}
        self._held: dict[int, dict[str, Any]] = {}  # changes in conflict, by article
        self._editing_since: dict[int, float] = {}
        self._lock = threading.Condition()
        self._writing = 0
        self._closed = False
        # The workspace's own status moves, trashing and restoring change the version but
        # not the text: the base follows them (see _follow), so they are no conflict.
        bus = getattr(articles, "changes", None)
        self._unsubscribe = bus.subscribe(ArticleChange, self._follow) if bus else None
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------ called by the UI

    def submit(self, article_id: int, changes: dict[str, Any]) -> None:
        """Record the newest values of edited fields; returns at once."""
        now = self._clock()
        with self._lock:
            held = self._held.get(article_id)
            if held is not None:  # in conflict: kept, not written, until resolved
                held.update(changes)
                return
            pending = self._pending.get(article_id)
            if pending is None:
                pending = self._pending[article_id] = _Pending(first_change=now)
            pending.changes.update(changes)
            pending.last_change = now
            self._editing_since.setdefault(article_id, now)
            self._lock.notify()
        self._report(article_id, SaveState.PENDING)

    def track(self, article: Article) -> None:
        """The window shows ``article``'s saved text: later edits are based on it."""
        from editor.app.articles import base_of

        fields = base_of(article)
        with self._lock:
            self._bases[article.id] = _Base(article.version, fields)

    def _follow(self, change: ArticleChange) -> None:
        article = getattr(change, "article", None)
        if article is None:
            return
        with self._lock:
            base = self._bases.get(change.article_id)
            if base is None or article.version <= base.version:
                return
            if all(base.fields.get(k) == getattr(article, k) for k in TEXT_FIELDS):
                base.version = article.version

    def base_version(self, article_id: int) -> int | None:
        """The version the text on screen is based on (what a status move or a
        revision taken from the window must state), None when not tracked."""
        with self._lock:
            base = self._bases.get(article_id)
            return None if base is None else base.version

    def in_conflict(self, article_id: int) -> bool:
        with self._lock:
            return article_id in self._held

    def resolve(self, article_id: int, shown: Article, changes: dict[str, Any]) -> None:
        """End a conflict: the screen now shows ``shown`` (theirs, as saved) with
        ``changes`` on top (nothing for "take theirs", my text for "keep mine")."""
        self.track(shown)
        with self._lock:
            self._held.pop(article_id, None)
            self._pending.pop(article_id, None)
        if changes:
            self.submit(article_id, changes)

    def has_pending(self, article_id: int | None = None) -> bool:
        with self._lock:
            if article_id is None:
                return bool(self._pending or self._held) or self._writing > 0
            return article_id in self._pending or article_id in self._held

    def flush(self, timeout: float = 10.0) -> bool:
        """Write everything now and wait; True when nothing is left unsaved."""
        deadline = time.monotonic() + timeout
        with self._lock:
            for pending in self._pending.values():
                pending.first_change = pending.last_change = -1e9
                pending.retry_at = 0.0
            self._lock.notify()
            while self._pending or self._writing:
                remaining = deadline - time.monotonic()
                # Give up early only when everything left has failed at least once;
                # a write still in progress with nothing else pending is waited for.
                failing = self._pending and all(p.failures for p in self._pending.values())
                if remaining <= 0 or failing:
                    break
                self._lock.wait(min(remaining, 0.05))
            # Changes held at a conflict are not saved: the window must not close as if.
            return not self._pending and not self._writing and not self._held

    def close(self, timeout: float = 10.0) -> bool:
        saved = self.flush(timeout)
        if self._unsubscribe is not None:
            self._unsubscribe()
        with self._lock:
            self._closed = True
            self._lock.notify()
        self._thread.join(timeout)
        return saved

    # ------------------------------------------------------------ the worker

    def _due(self, now: float) -> tuple[list[tuple[int, dict[str, Any]]], float | None]:
        """Changes to write now, and when to wake up next otherwise."""
        due: list[tuple[int, dict[str, Any]]] = []
        wake: float | None = None
        for article_id, p in list(self._pending.items()):
            at = min(p.last_change + self._idle, p.first_change + self._max)
            at = max(at, p.retry_at)
            if at <= now:
                due.append((article_id, p.changes))
                del self._pending[article_id]
            else:
                wake = at if wake is None else min(wake, at)
        return due, wake

    def _run(self) -> None:
        while True:
            with self._lock:
                while True:
                    if self._closed and not self._pending:
                        return
                    due, wake = self._due(self._clock())
                    if due:
                        self._writing += 1
                        break
                    timeout = None if wake is None else max(0.0, wake - self._clock())
                    if self._closed:
                        timeout = 0.05
                    self._lock.wait(timeout)
            try:
                for article_id, changes in due:
                    self._write(article_id, changes)
            finally:
                with self._lock:
                    self._writing -= 1
                    self._lock.notify_all()

    def _write(self, article_id: int, changes: dict[str, Any]) -> None:
        from editor.app.articles import EditConflict, base_of

        self._report(article_id, SaveState.SAVING)
        with self._lock:
            base = self._bases.get(article_id)
        try:
            article = self._articles.update(
                article_id,
                changes,
                expected_version=None if base is None else base.version,
                base=None if base is None else base.fields,
            )
        except EditConflict as exc:
            self._hold(article_id, changes)
            self._report(article_id, SaveState.CONFLICT, str(exc), conflict=exc.texts)
            return
        except Exception as exc:  # keep the text, tell the UI, retry later
            self._requeue(article_id, changes)
            self._report(article_id, SaveState.FAILED, _describe(exc))
            return
        saved = base_of(article)
        screen = {**(base.fields if base else saved), **changes}
        merged = base is not None and _text_differs(saved, screen)
        if merged:
            # The screen lacks the other editor's changes until the window shows them:
            # later edits keep stating the screen's text, so the service merges again.
            saved = {**saved, **{k: screen[k] for k in TEXT_FIELDS if k in screen}}
        with self._lock:
            self._bases[article_id] = _Base(article.version, saved)
        self._report(
            article_id, SaveState.SAVED, version=article.version, article=article, merged=merged
        )
        # The text is saved; a snapshot that fails (disk full, article purged) is
        # tried again after the next write, and must not end this thread.
        with contextlib.suppress(Exception):
            self._maybe_periodic_revision(article_id)

    def _hold(self, article_id: int, changes: dict[str, Any]) -> None:
        with self._lock:
            held = dict(changes)
            newer = self._pending.pop(article_id, None)
            if newer is not None:
                held.update(newer.changes)
            self._held[article_id] = held

    def _requeue(self, article_id: int, changes: dict[str, Any]) -> None:
        with self._lock:
            newer = self._pending.get(article_id)
            merged = _Pending(changes=dict(changes))
            if newer is not None:
                merged.changes.update(newer.changes)  # newer edits win
                merged.failures = newer.failures
            merged.failures += 1
            now = self._clock()
            merged.first_change = merged.last_change = now
            merged.retry_at = now + RETRY_DELAYS[min(merged.failures, len(RETRY_DELAYS)) - 1]
            self._pending[article_id] = merged

    def _maybe_periodic_revision(self, article_id: int) -> None:
        if self._periodic is None:
            return
        started = self._editing_since.get(article_id)
        if started is None or self._clock() - started < self._periodic:
            return
        since = self._articles.seconds_since_revision(article_id, datetime.now(UTC))
        if since is None or since >= self._periodic:
            self._articles.save_revision(
                article_id, reason="periodic", expected_version=self.base_version(article_id)
            )
            with self._lock:
                self._editing_since[article_id] = self._clock()

    def _report(
        self,
        article_id: int,
        state: SaveState,
        message: str = "",
        version: int | None = None,
        **extra: Any,
    ) -> None:
        if self._on_state is None:
            return
        # A listener that raises (a window's bridge already deleted during the
        # last flush) must not stop the saving, nor the typing that submits.
        with contextlib.suppress(Exception):
            report = SaveReport(article_id, state, datetime.now(UTC), message, version, **extra)
            self._on_state(report)


def _text_differs(saved: dict[str, Any], expected: dict[str, Any]) -> bool:
    """Whether the saved text is not what this save wrote (another edit was merged in)."""
    return any(saved.get(k) != expected.get(k) for k in TEXT_FIELDS)


def _describe(exc: Exception) -> str:
    # Imported here: the window imports this module before its first paint, which
    # must not wait for SQLAlchemy (see editor/store/snapshot.py).
    from editor.store.database import error_kind

    kind = error_kind(exc)
    if kind == "full":
        return "disk full — your text is kept here and saved when there is room"
    if kind == "busy":
        return "the database is busy — retrying"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
