"""Related links: suggestions from the archive and the editor's decisions.

The engine (:mod:`editor.core.related`) lives in memory; this service fills it
from the store on first use, keeps it current as articles are saved, imported
or deleted (changes are noted on the event bus and applied before the next
query, so the autosave thread never waits for indexing), and stores what the
editor accepts, rejects, pins and reorders.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from editor.core.article import Article
from editor.core.links import LinkState, RelatedChoice
from editor.core.related.describe import describe
from editor.core.related.index import RelatedIndex
from editor.core.related.model import RelatedDoc
from editor.core.workflow import PUBLIC_STATUSES
from editor.store import articles as article_store
from editor.store import links as link_store
from editor.store.errors import NotFoundError

if TYPE_CHECKING:
    from editor.app.events import Event
    from editor.app.workspace import Workspace

# How much a rejection lowers a pair (1.0 would hide it for good).
REJECTION_PENALTY = 0.8
# Statuses whose articles are offered as related links by default.
CANDIDATE_STATUSES: tuple[str, ...] = tuple(sorted(s.value for s in PUBLIC_STATUSES))

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


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
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db
        self._index: RelatedIndex | None = None
        self._lock = threading.RLock()
        self._dirty: set[int] = set()
        for kind in ("article.created", "article.saved", "article.status", "article.restored"):
            workspace.events.subscribe(kind, self._on_article_changed)
        workspace.events.subscribe("article.deleted", self._on_article_changed)
        workspace.events.subscribe("articles.imported", self._on_articles_imported)

    # ------------------------------------------------------------ the index

    @property
    def is_built(self) -> bool:
        return self._index is not None

    def rebuild(
        self, progress: Progress | None = None, is_cancelled: IsCancelled | None = None
    ) -> int:
        """Build the index from the whole archive; returns how many articles it holds."""
        with self._db.session() as s:
            docs = [to_related_doc(a) for a in article_store.iter_articles(s)]
        index = RelatedIndex.build(docs, progress=progress, is_cancelled=is_cancelled)
        with self._lock:
            self._index = index
            self._dirty.clear()
        return len(index)

    def _ready_index(self) -> RelatedIndex:
        with self._lock:
            if self._index is None:
                self.rebuild()
            assert self._index is not None
            if self._dirty:
                self._apply_dirty(self._index)
            return self._index

    def _apply_dirty(self, index: RelatedIndex) -> None:
        ids, self._dirty = sorted(self._dirty), set()
        with self._db.session() as s:
            for article_id in ids:
                try:
                    article = article_store.get_article(s, article_id)
                except NotFoundError:
                    index.remove(str(article_id))
                    continue
                if article.deleted:
                    index.remove(str(article_id))
                else:
                    index.add_or_update(to_related_doc(article))

    def _on_article_changed(self, event: Event) -> None:
        if event.article_id is not None:
            with self._lock:
                self._dirty.add(event.article_id)

    def _on_articles_imported(self, event: Event) -> None:
        # One event per imported chunk: {"created": [ids], "updated": [ids]}.
        data = event.data or {}
        with self._lock:
            for key in ("created", "updated"):
                self._dirty.update(data.get(key, ()))

    # ------------------------------------------------------------ suggestions

    def suggest(
        self,
        article_id: int,
        top: int = 5,
        *,
        statuses: Sequence[str] | None = CANDIDATE_STATUSES,
        ui_language: str = "en",
    ) -> list[RelatedSuggestion]:
        """The best related articles not yet accepted, with their reasons in words."""
        with self._db.session() as s:
            choices = link_store.get_choices(s, article_id)
        accepted = {str(c.target_id) for c in choices if c.state is LinkState.ACCEPTED}
        penalties = {
            str(c.target_id): REJECTION_PENALTY for c in choices if c.state is LinkState.REJECTED
        }
        index = self._ready_index()
        with self._lock:
            found = index.suggest(
                str(article_id), top, statuses=statuses, exclude=accepted, penalties=penalties
            )
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

    def _titles(self, ids: list[int]) -> dict[int, tuple[str, str]]:
        result = {}
        with self._db.session() as s:
            for article_id in ids:
                try:
                    a = article_store.get_article(s, article_id)
                except NotFoundError:
                    continue
                result[article_id] = (a.title, a.language)
        return result

    def links_for_page(self, article_id: int, top: int, *, fill: bool) -> list[int]:
        """What the published page lists: the accepted links, else (if ``fill``) suggestions."""
        accepted = [c.target_id for c in self.choices(article_id) if c.state is LinkState.ACCEPTED]
        if accepted or not fill:
            return accepted[:top]
        return [s.id for s in self.suggest(article_id, top)]

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
        choices = [c for c in self.choices(article_id) if c.target_id != target_id]
        position = sum(1 for c in choices if c.state is LinkState.ACCEPTED)
        choices.append(RelatedChoice(target_id, LinkState.ACCEPTED, position, reasons=reasons))
        self._save(article_id, choices)

    def reject(self, article_id: int, target_id: int) -> None:
        choices = [c for c in self.choices(article_id) if c.target_id != target_id]
        choices.append(RelatedChoice(target_id, LinkState.REJECTED))
        self._save(article_id, choices)

    def forget(self, article_id: int, target_id: int) -> None:
        """Drop a decision: the article may be suggested again at its natural rank."""
        self._save(article_id, [c for c in self.choices(article_id) if c.target_id != target_id])

    def set_pinned(self, article_id: int, target_id: int, pinned: bool) -> None:
        choices = [
            replace(c, pinned=pinned) if c.target_id == target_id else c
            for c in self.choices(article_id)
        ]
        self._save(article_id, choices)

    def reorder(self, article_id: int, ordered_ids: Sequence[int]) -> None:
        """Order the accepted links as ``ordered_ids``; ids not listed follow in their order."""
        choices = self.choices(article_id)
        accepted = {c.target_id: c for c in choices if c.state is LinkState.ACCEPTED}
        order = [i for i in ordered_ids if i in accepted]
        order += [i for i in accepted if i not in order]
        rest = [c for c in choices if c.state is not LinkState.ACCEPTED]
        self._save(article_id, [accepted[i] for i in order] + rest)

    def _save(self, article_id: int, choices: list[RelatedChoice]) -> None:
        # Pinned links stay on top; positions are renumbered in list order.
        accepted = [c for c in choices if c.state is LinkState.ACCEPTED]
        accepted.sort(key=lambda c: not c.pinned)
        numbered = [replace(c, position=i) for i, c in enumerate(accepted)]
        numbered += [c for c in choices if c.state is not LinkState.ACCEPTED]
        with self._db.session(write=True) as s:
            link_store.replace_choices(s, article_id, numbered)
        self._ws.events.emit("related.changed", article_id)
