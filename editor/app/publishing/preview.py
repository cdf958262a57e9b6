"""The page an article would get, for the editor's Page tab: its working copy (drafts
too) rendered with the site's templates and stylesheet, and the related links it would
show, quickly when the related-links index is not loaded yet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.app.publishing.values import to_published
from editor.core.article import Article
from editor.core.publishing import SiteSettings, render_preview
from editor.core.publishing.render import site_stylesheet

if TYPE_CHECKING:
    from editor.app.related import RelatedService
    from editor.core.publishing.model import PublishedArticle, Subject


@dataclass(frozen=True)
class PreviewPage:
    """A page rendered for the preview; ``links_pending``: suggested related links were left
    out because the related-links index is not loaded yet (render again to have them)."""

    html: str
    links_pending: bool = False


def suggest_or_none(related: RelatedService, article_id: int, top: int) -> list[int]:
    """Suggested related articles, or none when the index is broken (a publish run or a
    preview goes on without them)."""
    try:
        return related.suggest_ids(article_id, top)
    except Exception:  # a broken index must not stop a publish run
        return []


class PagePreview:
    """Renders previews against one reading of the site (its settings and articles)."""

    def __init__(
        self, related: RelatedService, settings: SiteSettings, site: Sequence[PublishedArticle]
    ) -> None:
        self._related = related
        self._settings = settings
        self._site = site
        self._waiting: list[int] = []

    def render(
        self,
        article: Article,
        subjects: tuple[Subject, ...],
        *,
        restyle: Callable[[str], str] | None = None,
        quick: bool = False,
    ) -> PreviewPage:
        """``restyle``: the stylesheet passed through it and inlined; ``quick``:
        suggestions only if they are at hand (see :meth:`PublishService.preview_page`)."""
        related = [c.target_id for c in self._related.accepted(article.id)]
        suggest = self._at_hand if quick else self._suggest
        html = render_preview(
            to_published(article, related, subjects=subjects),
            self._settings,
            site_articles=self._site,
            suggest=suggest,
            stylesheet=restyle(site_stylesheet()) if restyle is not None else None,
        )
        return PreviewPage(html, links_pending=bool(self._waiting))

    def _suggest(self, wanted: int, top: int) -> list[int]:
        return suggest_or_none(self._related, wanted, top)

    def _at_hand(self, wanted: int, top: int) -> list[int]:
        try:
            found = self._related.suggest_ids_at_hand(wanted, top)
        except Exception:  # a broken index must not stop a preview
            return []
        if found is None:  # the index is not loaded: the page says links are pending
            self._waiting.append(wanted)
            return []
        return found
