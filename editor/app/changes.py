"""Typed change notices: what a use case changed, with the values it saved.

A use case publishes one of the frozen dataclasses below on the workspace's
:class:`ChangeBus` after its transaction committed.  Listeners subscribe by
type (a base class receives its subclasses too) and read what they need from
the change itself, instead of asking the database again: an
:class:`ArticleSaved` carries the saved :class:`~editor.core.article.Article`.

Listeners may be called on a worker thread (autosave, import, the runner's
pool); a Qt view re-posts to the GUI thread (``editor.ui.events``).  A listener
that raises does not stop the others or the use case: the error is logged.

Anki's ``OpChanges`` is the model: one notice per committed operation, typed,
so a view can tell from the notice alone whether it must refresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from editor.core.article import Article, RevisionInfo
    from editor.core.workflow import Status

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Change:
    """Base of every change notice; subscribe to it to hear everything."""

    def touches(self, article_id: int) -> bool:
        """Whether this change concerns the article ``article_id``."""
        return article_id in self.article_ids()

    def article_ids(self) -> Sequence[int]:
        return ()


@dataclass(frozen=True, slots=True)
class ArticleChange(Change):
    """A change to one article."""

    article_id: int

    def article_ids(self) -> Sequence[int]:
        return (self.article_id,)


@dataclass(frozen=True, slots=True)
class ArticleStateChange(ArticleChange):
    """A change that saved the article: ``article`` is its state as committed."""

    article: Article


@dataclass(frozen=True, slots=True)
class ArticleCreated(ArticleStateChange):
    """A new article was saved."""


@dataclass(frozen=True, slots=True)
class ArticleSaved(ArticleStateChange):
    """The working copy was written (autosave, restore of a revision, an update)."""


@dataclass(frozen=True, slots=True)
class StatusMoved(ArticleStateChange):
    """The article moved along the workflow (a revision was taken with it)."""

    old: Status
    new: Status


@dataclass(frozen=True, slots=True)
class ArticleTrashed(ArticleStateChange):
    """The article went to the trash."""


@dataclass(frozen=True, slots=True)
class ArticleRestored(ArticleStateChange):
    """The article came back from the trash."""


@dataclass(frozen=True, slots=True)
class RevisionCreated(ArticleChange):
    info: RevisionInfo | None = None


@dataclass(frozen=True, slots=True)
class TrashEmptied(Change):
    removed: int


@dataclass(frozen=True, slots=True)
class ArticlesImported(Change):
    """One committed chunk of an import."""

    created: tuple[int, ...]
    updated: tuple[int, ...]

    def article_ids(self) -> Sequence[int]:
        return (*self.created, *self.updated)


@dataclass(frozen=True, slots=True)
class LinksDecided(ArticleChange):
    """The editor accepted, rejected, pinned or reordered related links of an article."""


@dataclass(frozen=True, slots=True)
class SitePublished(Change):
    """Pages were written or removed for these articles (``action``: publish, correct,
    unpublish)."""

    ids: tuple[int, ...]
    action: str

    def article_ids(self) -> Sequence[int]:
        return self.ids


# Changes that add articles to the archive's live set or take them out of it: a view of
# many articles (the list, the related links) follows these, and ``ArticleSaved`` in place.
MEMBERSHIP_CHANGES = (ArticleCreated, ArticleTrashed, ArticleRestored, ArticlesImported)


@dataclass(frozen=True, slots=True)
class SettingsChanged(Change):
    """Site settings stored in the archive changed (``keys``: "site.base_url", …)."""

    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntitiesChanged(Change):
    """Entities were added, edited, renamed, merged or deleted (``ids``: those touched);
    ``articles``: the articles whose tags changed with them (a rename, merge or
    delete; the search index has already followed)."""

    ids: tuple[int, ...]
    articles: tuple[int, ...] = ()

    def article_ids(self) -> Sequence[int]:
        return self.articles


@dataclass(frozen=True, slots=True)
class SuggestionDecided(ArticleChange):
    """The editor accepted or rejected an entity suggestion for the article."""

    name: str
    accepted: bool


@dataclass(frozen=True, slots=True)
class SavedSearchesChanged(Change):
    """The archive's saved searches were added to, replaced or removed (their names now)."""

    names: tuple[str, ...]


C = TypeVar("C", bound=Change)
Listener = Callable[[Any], None]


class ChangeBus:
    """Delivers change notices to the listeners of their type (and its bases)."""

    def __init__(self) -> None:
        self._listeners: dict[type[Change], list[Listener]] = {}
        self._lock = threading.Lock()

    def subscribe(self, kind: type[C], listener: Callable[[C], None]) -> Callable[[], None]:
        """Call ``listener`` with every published change that is a ``kind``; returns a
        function that ends the subscription."""
        with self._lock:
            self._listeners.setdefault(kind, []).append(listener)

        def unsubscribe() -> None:
            with self._lock:
                listeners = self._listeners.get(kind, [])
                if listener in listeners:
                    listeners.remove(listener)

        return unsubscribe

    def publish(self, change: Change) -> None:
        with self._lock:
            listeners = [
                listener
                for kind in type(change).__mro__
                for listener in self._listeners.get(kind, ())
            ]
        for listener in listeners:
            try:
                listener(change)
            except Exception:  # one broken view must not undo a committed change
                log.exception("a listener failed on %r", change)
