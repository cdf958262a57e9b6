"""Related links: suggestions from the archive and the editor's decisions.

The service puts together four parts, each with one job:

- :class:`~editor.app.related.keeper.IndexKeeper`: the engine's index (built or loaded on
  first use, kept current as articles are saved, imported or deleted, rebuilt beside the
  one in use, kept in the data folder);
- :class:`~editor.app.related.meaning.MeaningVectors`: the optional multilingual model and
  the articles' meaning vectors;
- :class:`~editor.app.related.fill.FillLists`: the suggestions kept for filling pages;
- :class:`~editor.app.related.decisions.LinkDecisions`: what the editor accepts, rejects,
  pins and reorders.

Changes are noted from the change notices and applied before the next query, so the autosave
thread never waits for indexing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.app.changes import (
    ArticleChange,
    ArticlesImported,
    Change,
    EntitiesChanged,
    LinksDecided,
    RevisionCreated,
    StatusMoved,
)
from editor.app.related.common import CANDIDATE_STATUSES, DataFiles, IsCancelled, Progress
from editor.app.related.decisions import LinkDecisions
from editor.app.related.fill import FillLists, bulk_query
from editor.app.related.keeper import IndexKeeper
from editor.app.related.labels import in_language
from editor.app.related.meaning import MeaningVectors
from editor.core.links import RelatedChoice
from editor.core.related import RelatedIndex, Suggestion, describe
from editor.core.related.semantic import Embedder
from editor.store import articles as article_store
from editor.store import entities as entity_store
from editor.store import links as link_store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class RelatedSuggestion:
    """A suggestion as the panel and the command line show it."""

    id: int
    title: str
    language: str
    score: float
    reasons: str


class RelatedService:
    def __init__(self, workspace: Workspace, *, index_dir: Path | None = None) -> None:
        self._ws = workspace
        self._db = workspace.db
        files = DataFiles(self._db.url, index_dir)
        self.files = files
        self.keeper = IndexKeeper(self._db, files, threading.RLock())
        self.meaning = MeaningVectors(self._db, files, self.keeper)
        self.fill = FillLists(self._db, files, self.keeper)
        self.decisions = LinkDecisions(self._db, self._decided)
        self.keeper.listeners += [self.meaning, self.fill]
        self.meaning.on_embedded = self.fill.clear  # lists were computed without them
        # An entity's rename, merge or delete changes its articles' tags: indexed again.
        for kind in (ArticleChange, ArticlesImported, EntitiesChanged):
            workspace.changes.subscribe(kind, self._on_article_changed)

    # ------------------------------------------------------------ changes from elsewhere

    def _on_article_changed(self, change: Change) -> None:
        if isinstance(change, LinksDecided | RevisionCreated):
            return  # neither changes what the index holds
        if isinstance(change, StatusMoved):
            # Its status matters to the others' lists (which articles are candidates),
            # not to its own: a publish run moving thousands to "published" must not
            # make the next run compute their lists again.
            self.keeper.note_changed(change.article_ids())
            return
        self._note_changed(change.article_ids())

    def _note_changed(self, article_ids: Sequence[int]) -> None:
        """Re-indexed and their fill lists dropped on next use (never waits for the index)."""
        self.keeper.note_changed(article_ids)
        self.fill.forget(article_ids)

    def _decided(self, article_id: int) -> None:
        self.fill.forget([article_id])  # rejections change what is suggested
        self._ws.changes.publish(LinksDecided(article_id))

    # ------------------------------------------------------------ the index

    @property
    def is_built(self) -> bool:
        return self.keeper.is_built

    def load_index(self) -> int:
        """Load the saved index, or build it, unless it is in use already (seconds the
        first time); returns how many articles it holds."""
        return len(self.keeper.ready())

    def ready(self, *, building: Callable[[], Progress | None] | None = None) -> None:
        """Load the saved index (read in place: a query reads only what it needs) or build
        it; ``building`` is called first when it must be built (see ``IndexKeeper.ready``)."""
        self.keeper.ready(building=building)

    def rebuild(
        self,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
        *,
        save: bool = True,
    ) -> int:
        """Build the index from the whole archive; returns how many articles it holds.

        Suggestions asked for meanwhile come from the index in use (if any)."""
        return self.keeper.rebuild(progress, is_cancelled, save=save)

    # ------------------------------------------------------------ meaning vectors

    def set_embedder(self, embedder: Embedder | None) -> None:
        """Use this model (or none); the default is the installed one, loaded on first use."""
        self.meaning.set_model(embedder)

    @property
    def has_meaning_model(self) -> bool:
        return self.meaning.model() is not None

    def embed_changed(self, limit: int = 32) -> int:
        return self.meaning.embed_changed(limit)

    def embed_missing(
        self, progress: Progress | None = None, is_cancelled: IsCancelled | None = None
    ) -> int:
        return self.meaning.embed_missing(progress, is_cancelled)

    def missing_vectors(self) -> int:
        """How many live articles have no current meaning vector (0 without a model)."""
        return len(self.meaning.work())

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
        index = self.keeper.ready()
        if embed:
            self.meaning.embed_query(article_id)
        found = self._suggest(index, article_id, top, statuses)
        with self._db.session() as s:
            titles = article_store.titles_and_languages(
                s, [article_id, *(int(f.id) for f in found)]
            )
            # Shared entities are named in the language of the article asked about.
            names = {n for f in found for n in f.reasons.shared_entities}
            labels = entity_store.labels_in(s, names, titles.get(article_id, ("", ""))[1])
        return [
            RelatedSuggestion(
                id=int(f.id),
                title=titles.get(int(f.id), ("", ""))[0],
                language=titles.get(int(f.id), ("", ""))[1],
                score=round(f.score, 4),
                reasons=describe(in_language(f.reasons, labels), ui_language),
            )
            for f in found
        ]

    def _suggest(
        self, index: RelatedIndex, article_id: int, top: int, statuses: Sequence[str] | None
    ) -> list[Suggestion]:
        with self._db.session() as s:
            choices = link_store.get_choices(s, article_id)
        # The same query as a fill list's: accepted links left out, rejected ones lowered.
        query = bulk_query(article_id, {c.target_id: c.state for c in choices})
        with self.keeper.lock:
            return index.suggest(
                query.doc_id,
                top,
                statuses=statuses,
                exclude=query.exclude,
                penalties=query.penalties,
            )

    def suggest_ids(self, article_id: int, top: int = 5) -> list[int]:
        """Just the ids of the best suggestions (what a publish run fills pages with).

        A full publish asks this for every page, so it skips the engine's feedback
        round and the reasons, and reads and re-scores fewer candidates (a sixth of the
        time on a synthetic archive; P@5 0.687 instead of 0.704 on 10kGNAD), and the
        lists are kept (see ``save_fill``) until the article changes or the index is
        rebuilt.
        """
        return self.fill.ids(article_id, top)

    def suggest_ids_at_hand(self, article_id: int, top: int = 5) -> list[int] | None:
        """:meth:`suggest_ids` if the answer needs no index load or build (a preview that
        must not wait seconds for a first build); None when it would."""
        return self.fill.ids_at_hand(article_id, top)

    def prepare_fill(self, article_ids: Sequence[int], progress: Progress | None = None) -> int:
        """Compute at once the fill lists a publish run is about to ask for; returns how many.

        A full publish of a large archive that was never published needs thousands of
        them: asked for all together, the engine answers on every core (see
        :func:`editor.core.related.bulk.suggest_many`), and the editor's decisions are
        read in one query rather than one per article. Lists already kept are reused.
        """
        return self.fill.prepare(article_ids, progress)

    def save_fill(self, *, force: bool = True) -> None:
        self.fill.save(force=force)

    # ------------------------------------------------------------ the editor's decisions

    def choices(self, article_id: int) -> list[RelatedChoice]:
        return self.decisions.choices(article_id)

    def accepted(self, article_id: int) -> list[RelatedChoice]:
        return self.decisions.accepted(article_id)

    def accept(self, article_id: int, target_id: int, *, reasons: str = "") -> None:
        self.decisions.accept(article_id, target_id, reasons=reasons)

    def reject(self, article_id: int, target_id: int) -> None:
        self.decisions.reject(article_id, target_id)

    def forget(self, article_id: int, target_id: int) -> None:
        self.decisions.forget(article_id, target_id)

    def set_pinned(self, article_id: int, target_id: int, pinned: bool) -> None:
        self.decisions.set_pinned(article_id, target_id, pinned)

    def reorder(self, article_id: int, ordered_ids: Sequence[int]) -> None:
        self.decisions.reorder(article_id, ordered_ids)
