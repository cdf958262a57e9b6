"""The rules an article must pass before a publish, correct or unpublish run takes it.

One place for them: the publish dialog shows what :func:`assess` says, and the
run refuses what it refuses.  The gate is the site builder's checks plus the
editorial ones (translations); the use-case rules are about the article's state:
in the trash, not ready, not on the site, gone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from editor.app.publishing.values import to_published
from editor.core.article import Article
from editor.core.publishing import CheckResult, PublishedArticle, SiteSettings, check_article
from editor.core.publishing.checks import ARTICLE_CHECKS, TRANSLATION_CHECKS, Problem
from editor.core.workflow import PUBLIC_STATUSES
from editor.core.workflow import PUBLISHABLE_STATUSES as PUBLISHABLE

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

# What an article must pass to go out: the site builder's checks and the editorial ones.
GATE_CHECKS = (*ARTICLE_CHECKS, *TRANSLATION_CHECKS)
CHECK_CHUNK = 50  # articles checked per reading of the site


@dataclass(frozen=True, slots=True)
class ArticleCheck:
    """What the dialog shows for one article before a run."""

    id: int
    title: str
    status_label: str
    blocking: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def can_publish(self) -> bool:
        return not self.blocking


@dataclass
class Translations:
    """What the translation checks need of a batch of articles."""

    others: dict[int, list[PublishedArticle]] = field(default_factory=dict)
    sources: dict[int, int] = field(default_factory=dict)  # article -> its source
    linked: set[int] = field(default_factory=set)  # made by "Translate to…": segments known


def state_problem(action: str, article: Article) -> str | None:
    """Why ``action`` cannot take ``article`` in its state (None: it can)."""
    if article.deleted:
        return "It is in the trash."
    if action == "publish" and article.status not in PUBLISHABLE:
        return f"It is {article.status.label.lower()}, not ready."
    if action != "publish" and article.status not in PUBLIC_STATUSES:
        return f"It is {article.status.label.lower()}, not on the site."
    return None


def assess(
    action: str,
    article_id: int,
    article: Article | None,
    result: CheckResult | None,
) -> ArticleCheck:
    """The verdict for one article: the state rule first, then the gate's problems."""
    if article is None:
        return ArticleCheck(
            article_id, f"Article {article_id}", "gone", ("It no longer exists.",), ()
        )
    blocking = [p.message for p in result.blocking] if result is not None else []
    problem = state_problem(action, article)
    if problem is not None:
        blocking.insert(0, problem)
    warnings = tuple(p.message for p in result.warnings) if result is not None else ()
    return ArticleCheck(
        article.id,
        article.title or "(untitled)",
        article.status.label,
        tuple(blocking),
        warnings,
    )


def gate(
    article: Article,
    settings: SiteSettings,
    translations: Translations,
    published: Mapping[int, PublishedArticle] | None = None,
) -> CheckResult:
    """What an article must pass to go out, translation checks included; the checks
    see it with the version it was translated from."""
    candidate = to_published(article, (), updated=article.updated_at)
    source = translations.sources.get(article.id)
    if source is not None:
        candidate = replace(candidate, translated_from=source)
    return check_article(
        candidate,
        settings=settings,
        published=published,
        translations=translations.others,
        checks=GATE_CHECKS,
    )


def with_segment_checks(ws: Workspace, article_id: int, result: CheckResult) -> CheckResult:
    """A linked translation's segment checks (numbers, URLs, versions, e-mail addresses,
    do-not-translate names, empty segments) added as warnings: the translator sees them
    before publishing; the gate's own translation checks do the blocking. The language
    of each segment is left to the gate's check of the whole text."""
    from editor.app.translation.service import TranslationError

    try:
        problems = ws.translation.check(article_id)
    except TranslationError:
        return result  # its source went meanwhile: the gate's checks say enough
    found = tuple(
        Problem(p.code, f"Segment {p.key}: {p.message}", False, article_id, p.key.split(":")[0])
        for p in problems
    )
    return replace(result, warnings=result.warnings + found) if found else result
