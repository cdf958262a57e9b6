"""Checks an article must pass before it is published.

Each check is a small function that yields :class:`Problem` objects; a
problem is *blocking* (the article cannot go out) or a warning (the editor
is told, publishing goes on).  New checks are added to :data:`ARTICLE_CHECKS`.
The ``code`` of a problem is stable so that the UI can translate or filter it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from editor.core.publishing.layout import LANG_PATTERN, MAX_SLUG_CHARS, is_safe_slug
from editor.core.publishing.model import ArticleId, PublishedArticle, SiteSettings

# Bodies above this are published but the editor is warned (slow pages, likely a paste error).
LARGE_BODY_CHARS = 200_000
# Bodies above this are refused: rendering them would stall the publish run.
MAX_BODY_CHARS = 5_000_000
LONG_TITLE_CHARS = 200


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    blocking: bool
    article_id: ArticleId | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"article {self.article_id}: " if self.article_id is not None else ""
        return where + self.message


@dataclass(frozen=True)
class CheckResult:
    blocking: tuple[Problem, ...]
    warnings: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.blocking


@dataclass(frozen=True)
class CheckContext:
    """What checks may look at besides the article: the rest of the site."""

    settings: SiteSettings | None
    published: Mapping[ArticleId, PublishedArticle]


ArticleCheck = Callable[[PublishedArticle, CheckContext], Iterable[Problem]]


def _block(article: PublishedArticle, code: str, field: str, message: str) -> Problem:
    return Problem(code, message, blocking=True, article_id=article.id, field=field)


def _warn(article: PublishedArticle, code: str, field: str, message: str) -> Problem:
    return Problem(code, message, blocking=False, article_id=article.id, field=field)


def check_title(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    if not article.title.strip():
        yield _block(article, "title.missing", "title", "The title is empty.")
    elif len(article.title) > LONG_TITLE_CHARS:
        yield _warn(
            article,
            "title.long",
            "title",
            f"The title is longer than {LONG_TITLE_CHARS} characters.",
        )


def check_body(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    size = len(article.body_markdown)
    if not article.body_markdown.strip():
        yield _block(article, "body.missing", "body", "The body is empty.")
    elif size > MAX_BODY_CHARS:
        yield _block(
            article,
            "body.too_large",
            "body",
            f"The body has {size:,} characters; at most {MAX_BODY_CHARS:,} can be published.",
        )
    elif size > LARGE_BODY_CHARS:
        yield _warn(
            article,
            "body.large",
            "body",
            f"The body is very long ({size:,} characters); the page will load slowly.",
        )


def check_teaser(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    if not article.teaser.strip():
        yield _warn(
            article,
            "teaser.missing",
            "teaser",
            "The teaser is empty; feeds and link previews will show no summary.",
        )


def check_slug(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    if not is_safe_slug(article.slug):
        yield _block(
            article,
            "slug.invalid",
            "slug",
            f"The slug {article.slug!r} is not a safe address: use letters, digits and "
            f"hyphens only, at most {MAX_SLUG_CHARS} characters.",
        )


def check_language(article: PublishedArticle, context: CheckContext) -> Iterator[Problem]:
    if LANG_PATTERN.fullmatch(article.lang or "") is None:
        yield _block(article, "lang.invalid", "lang", f"{article.lang!r} is not a language code.")
    elif context.settings is not None and article.lang not in context.settings.languages:
        yield _block(
            article,
            "lang.not_on_site",
            "lang",
            f"The site is not published in {article.lang!r} "
            f"(its languages: {', '.join(context.settings.languages)}).",
        )


def check_translation_source(article: PublishedArticle, context: CheckContext) -> Iterator[Problem]:
    source = article.translated_from
    if source is not None and source not in context.published:
        yield _warn(
            article,
            "translation.source_missing",
            "translated_from",
            f"This is a translation of article {source}, which is not published; "
            "the language switcher will not link to it.",
        )


def check_author(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    if not article.author.strip():
        yield _warn(article, "author.missing", "author", "No author is named.")


ARTICLE_CHECKS: list[ArticleCheck] = [
    check_title,
    check_body,
    check_teaser,
    check_slug,
    check_language,
    check_translation_source,
    check_author,
]


def check_article(
    article: PublishedArticle,
    *,
    settings: SiteSettings | None = None,
    published: Mapping[ArticleId, PublishedArticle] | None = None,
) -> CheckResult:
    """Blocking problems and warnings for ``article``.

    ``published`` is the rest of the site (id -> article), used by checks that
    look at other articles, such as a translation whose source is missing.
    """
    context = CheckContext(settings=settings, published=published or {})
    problems = [problem for check in ARTICLE_CHECKS for problem in check(article, context)]
    return CheckResult(
        blocking=tuple(p for p in problems if p.blocking),
        warnings=tuple(p for p in problems if not p.blocking),
    )
