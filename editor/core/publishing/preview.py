"""The page an article would get, before it is published (drafts too)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from editor.core.publishing import layout, render
from editor.core.publishing.errors import DuplicatePathError
from editor.core.publishing.model import PublishedArticle, SiteSettings, SuggestFn
from editor.core.publishing.site import Site


def render_preview(
    article: PublishedArticle,
    settings: SiteSettings,
    *,
    site_articles: Sequence[PublishedArticle] = (),
    suggest: SuggestFn | None = None,
    stylesheet: str | None = None,
) -> str:
    """The page ``article`` would get, as one HTML string with the stylesheet inlined
    (``stylesheet``, by default the site's own).

    Works for drafts too: an unusable slug is replaced for the preview only,
    and an empty title renders as an empty heading. Nothing is written.
    """
    if not layout.is_safe_slug(article.slug):
        article = dataclasses.replace(article, slug="preview")
    if layout.LANG_PATTERN.fullmatch(article.lang or "") is None:
        article = dataclasses.replace(article, lang=settings.languages[0])
    if article.lang not in settings.languages:
        settings = dataclasses.replace(settings, languages=(*settings.languages, article.lang))
    others = [a for a in site_articles if a.id != article.id and _previewable(a)]
    try:
        site = Site([*others, article], settings, suggest)
    except DuplicatePathError:
        site = Site([article], settings, suggest)
    return render.article_page(site, article.id, inline_css=True, css=stylesheet)


def _previewable(article: PublishedArticle) -> bool:
    return (
        layout.is_safe_slug(article.slug)
        and layout.LANG_PATTERN.fullmatch(article.lang) is not None
    )
