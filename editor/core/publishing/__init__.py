"""The static-site publisher: articles in, a folder of HTML, feeds and JSON out.

Public API (everything the app needs is importable from here)::

    publish_site(articles, settings, output_dir, *, changed_ids=(), full_rebuild=False,
                 suggest=None, forbidden_dirs=()) -> PublishManifest
    render_preview(article, settings, *, site_articles=(), suggest=None) -> str
    check_article(article, *, settings=None, published=None) -> CheckResult

Input and output are plain dataclasses (:mod:`.model`); errors are
:class:`PublishError` subclasses whose message can be shown to the editor.
The layout of the output folder is described in :mod:`.layout`, the
crash-safe writing (full builds swapped in beside the output folder,
incremental runs applied through a journal) in :mod:`.writer`.
"""

from editor.core.publishing.checks import ARTICLE_CHECKS, CheckResult, Problem, check_article
from editor.core.publishing.errors import (
    ArticleRejectedError,
    DuplicatePathError,
    InvalidSettingsError,
    OutputFolderError,
    PublishError,
    TemplateError,
    UnsafePathError,
)
from editor.core.publishing.model import (
    ArticleId,
    PublishedArticle,
    PublishManifest,
    SiteSettings,
    Subject,
    SuggestFn,
)
from editor.core.publishing.preview import render_preview
from editor.core.publishing.publisher import publish_site

__all__ = [
    "ARTICLE_CHECKS",
    "ArticleId",
    "ArticleRejectedError",
    "CheckResult",
    "DuplicatePathError",
    "InvalidSettingsError",
    "OutputFolderError",
    "Problem",
    "PublishError",
    "PublishManifest",
    "PublishedArticle",
    "SiteSettings",
    "Subject",
    "SuggestFn",
    "TemplateError",
    "UnsafePathError",
    "check_article",
    "publish_site",
    "render_preview",
]
