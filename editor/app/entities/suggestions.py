"""Suggestions for an article, and what the editor's answers teach.

Suggesting reads only: :func:`suggest_operation` hands it to the app's runner as a query
(keyed, so a newer article's request replaces an older one), and the command line runs
the same method in the foreground.  Known entities come from a matcher built from the archive once
and rebuilt after entities change; new names from the language's model.  A damaged or
missing model leaves the known-name suggestions working and says why in
``model_problem``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from editor.app import config
from editor.app.changes import ArticleSaved, Change, EntitiesChanged, SuggestionDecided
from editor.app.operations import Operation, OperationContext, query
from editor.core.article import Article
from editor.core.entities.english import CapitalisedNames
from editor.core.entities.extractor import CandidateExtractor, ModelError, model_paths
from editor.core.entities.learning import decision_weight
from editor.core.entities.model import Entity, EntityKind, make_entity, name_key
from editor.core.entities.suggest import (
    KnownEntities,
    ModelFallback,
    Suggestion,
    Tagger,
    suggest,
)
from editor.store import entities as store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
STEPS = 2


_FALLBACK_WORDS = {
    ModelFallback.SHIPPED: "the model shipped with Newsdesk",
    ModelFallback.CAPITALISED: "known names and capitalised words only",
    ModelFallback.KNOWN_ONLY: "known names only",
}


def user_models_dir() -> Path:
    """Where ``retrain`` puts models; they win over the shipped ones."""
    return config.data_dir() / "models"


class SuggestionService:
    def __init__(self, workspace: Workspace, *, models_dir: Path | None = None) -> None:
        self._ws = workspace
        self._db = workspace.db
        self._models_dir = models_dir or user_models_dir()
        self._lock = threading.Lock()
        self._known: KnownEntities | None = None
        self._weights: dict[str, float] = {}
        self._taggers: dict[str, Tagger | None] = {}
        self._problems: dict[str, str] = {}  # by language: why its model was passed over
        workspace.changes.subscribe(EntitiesChanged, self._forget)
        workspace.changes.subscribe(ArticleSaved, self._forget_if_tagged)

    # ------------------------------------------------------------ state

    def _forget(self, _change: Change | None = None) -> None:
        with self._lock:
            self._known = None

    def _forget_if_tagged(self, change: ArticleSaved) -> None:
        # Article counts in the reasons follow tags; the matcher is rebuilt when next asked.
        if change.article.tags:
            self._forget(change)

    def _known_entities(self) -> tuple[KnownEntities, dict[str, float]]:
        with self._lock:
            if self._known is not None:
                return self._known, self._weights
        with self._db.session() as s:
            entities = store.all_entities(s)
            counts = store.decision_counts(s)
        weights = {key: decision_weight(a, r) for key, (a, r) in counts.items()}
        known = KnownEntities(
            replace(e, weight=weights.get(name_key(e.name), 1.0)) for e in entities
        )
        with self._lock:
            self._known, self._weights = known, weights
        return known, weights

    def tagger(self, lang: str) -> Tagger | None:
        """The new-name finder for a language (None: known names only)."""
        with self._lock:
            if lang in self._taggers:
                return self._taggers[lang]
        found: Tagger | None = None
        problems: list[str] = []
        for folder in (self._models_dir, None):
            path, manifest = model_paths(lang, folder)
            if not path.exists():
                continue
            try:
                found = CandidateExtractor.load(path, manifest)
                break
            except ModelError as exc:
                problems.append(str(exc))  # the next one is tried: the shipped model
        if found is None and lang == "en":
            # No English model: capitalisation with the common words of the archive's
            # English text is the fallback (measured in tests/benchmarks).
            found = CapitalisedNames(_ENGLISH_COMMON)
        with self._lock:
            self._taggers[lang] = found
            if problems:
                self._problems[lang] = "; ".join(problems)
        return found

    def model_status(self, lang: str) -> tuple[str, ModelFallback] | None:
        """Why the language's model could not be used, and what suggests instead (None:
        nothing went wrong).  Asked after suggesting, when the model has been loaded."""
        with self._lock:
            problem = self._problems.get(lang)
            tagger = self._taggers.get(lang)
        if problem is None:
            return None
        if isinstance(tagger, CandidateExtractor):
            return problem, ModelFallback.SHIPPED
        if tagger is not None:
            return problem, ModelFallback.CAPITALISED
        return problem, ModelFallback.KNOWN_ONLY

    @property
    def model_problem(self) -> str | None:
        """Every model problem met so far, with what suggests instead (for a warning)."""
        with self._lock:
            langs = sorted(self._problems)
        told = []
        for lang in langs:
            status = self.model_status(lang)
            if status is not None:
                told.append(f"{status[0]} (suggestions use {_FALLBACK_WORDS[status[1]]})")
        return "; ".join(told) or None

    # ------------------------------------------------------------ suggesting

    def suggest_text(
        self,
        text: str,
        lang: str,
        *,
        article_id: int | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        limit: int | None = 30,
    ) -> list[Suggestion]:
        if progress:
            progress(0, STEPS)
        known, weights = self._known_entities()
        tagged: set[int] = set()
        rejected: set[str] = set()
        if article_id is not None:
            with self._db.session() as s:
                tagged = {e.id for e in store.article_entities(s, article_id) if e.id}
                rejected = store.rejected_keys(s, article_id)
        if cancelled and cancelled():
            return []
        if progress:
            progress(1, STEPS)
        found = suggest(
            text,
            known=known,
            tagger=self.tagger(lang),
            tagged=tagged,
            rejected=rejected,
            name_weights=weights,
            limit=limit,
            lang=lang,
        )
        if progress:
            progress(STEPS, STEPS)
        return found

    def suggest_for_article(
        self,
        article_id: int,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> list[Suggestion]:
        article = self._ws.articles.get(article_id)
        return self.suggest_text(
            tagging_text(article),
            article.language,
            article_id=article_id,
            progress=progress,
            cancelled=cancelled,
        )

    # ------------------------------------------------------------ decisions

    def accept(
        self, article_id: int, name: str, kind: str | EntityKind = EntityKind.TOPIC
    ) -> Entity:
        """Tag the article with the suggestion; a new name becomes a known entity."""
        spec = make_entity(name, kind)
        self._ws.entities.tag(article_id, [spec])
        with self._db.session(write=True) as s:
            store.record_decision(s, article_id, spec.name, spec.kind.value, accepted=True)
            entity = store.find_entity(s, spec.name)
        self._forget()
        self._ws.changes.publish(SuggestionDecided(article_id, spec.name, True))
        return entity

    def reject(self, article_id: int, name: str, kind: str | EntityKind = EntityKind.TOPIC) -> None:
        """The suggestion does not come back for this article and weighs less elsewhere."""
        spec = make_entity(name, kind)
        self._ws.articles.get(article_id)  # NotFoundError for a wrong id
        with self._db.session(write=True) as s:
            store.record_decision(s, article_id, spec.name, spec.kind.value, accepted=False)
        self._forget()
        self._ws.changes.publish(SuggestionDecided(article_id, spec.name, False))


def tagging_text(article: Article) -> str:
    """What of an article names are looked for in (and the model learns from)."""
    return "\n\n".join(p for p in (article.title, article.teaser, article.body) if p)


def suggest_operation(workspace: Workspace, article_id: int) -> Operation[list[Suggestion]]:
    """Suggestions for an article as a query for the runner (one at a time per panel)."""

    def work(context: OperationContext) -> list[Suggestion]:
        return workspace.suggestions.suggest_for_article(
            article_id, progress=context.progress, cancelled=context.cancelled
        )

    return query("Suggesting tags", work, key=("entity-suggestions",))


# Function words and sentence openers that English capitalises at a sentence's start.
_ENGLISH_COMMON = frozenset(
    """a about after all also an and another any are as at be because been before but by
    can could did do does during each even every for from had has have he her his how i if
    in into is it its last many may more most much my new no not now of on one only or other
    our over said she since so some such than that the their them then there these they this
    those through to today under until up was we were what when where which while who why
    will with would yet you your""".split()
)
