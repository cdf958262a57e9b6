"""Checks an article must pass before it is published.

Each check is a small function that yields :class:`Problem` objects; a
problem is *blocking* (the article cannot go out) or a warning (the editor
is told, publishing goes on).  New checks are added to :data:`ARTICLE_CHECKS` (the
site builder runs them too) or :data:`TRANSLATION_CHECKS` (only when an article goes out).
The ``code`` of a problem is stable so that the UI can translate or filter it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from editor.core.langcheck import detect_language
from editor.core.languages import language_name
from editor.core.publishing.layout import LANG_PATTERN, MAX_SLUG_CHARS, is_safe_slug
from editor.core.publishing.model import ArticleId, PublishedArticle, SiteSettings
from editor.core.texts import translate

# Bodies above this are published but the editor is warned (slow pages, likely a paste error).
LARGE_BODY_CHARS = 200_000
# Bodies above this are refused: rendering them would stall the publish run.
MAX_BODY_CHARS = 5_000_000
LONG_TITLE_CHARS = 200
# How sure langdetect must be that the text is in another of the site's languages before
# publishing is refused (on 600 characters of news text it is 0.999+ when right).
LANGUAGE_CERTAINTY = 0.95
# Paragraphs shorter than this (headings, a link, a date line) may well stay the same in a
# translation; longer ones copied unchanged mean the text was not translated.
COPIED_PARAGRAPH_CHARS = 40
COPIED_SHARE = 0.5
# A source edited this long after its translation leaves the translation behind.
BEHIND_AFTER = timedelta(hours=1)


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
    # The other language versions of each article (its translation group, any status).
    translations: Mapping[ArticleId, Sequence[PublishedArticle]] = field(default_factory=dict)


ArticleCheck = Callable[[PublishedArticle, CheckContext], Iterable[Problem]]


def _block(article: PublishedArticle, code: str, field: str, message: str) -> Problem:
    return Problem(code, message, blocking=True, article_id=article.id, field=field)


def _warn(article: PublishedArticle, code: str, field: str, message: str) -> Problem:
    return Problem(code, message, blocking=False, article_id=article.id, field=field)


def check_title(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    if not article.title.strip():
        yield _block(article, "title.missing", "title", translate("checks", "The title is empty."))
    elif len(article.title) > LONG_TITLE_CHARS:
        yield _warn(
            article,
            "title.long",
            "title",
            translate("checks", "The title is longer than {limit} characters.").format(
                limit=LONG_TITLE_CHARS
            ),
        )


def check_body(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    size = len(article.body_markdown)
    if not article.body_markdown.strip():
        yield _block(article, "body.missing", "body", translate("checks", "The body is empty."))
    elif size > MAX_BODY_CHARS:
        yield _block(
            article,
            "body.too_large",
            "body",
            translate(
                "checks", "The body has {size} characters; at most {limit} can be published."
            ).format(size=f"{size:,}", limit=f"{MAX_BODY_CHARS:,}"),
        )
    elif size > LARGE_BODY_CHARS:
        yield _warn(
            article,
            "body.large",
            "body",
            translate(
                "checks", "The body is very long ({size} characters); the page will load slowly."
            ).format(size=f"{size:,}"),
        )


def check_teaser(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    if not article.teaser.strip():
        yield _warn(
            article,
            "teaser.missing",
            "teaser",
            translate(
                "checks", "The teaser is empty; feeds and link previews will show no summary."
            ),
        )


def check_slug(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    if not is_safe_slug(article.slug):
        yield _block(
            article,
            "slug.invalid",
            "slug",
            translate(
                "checks",
                "The slug {slug} is not a safe address: use letters, digits and "
                "hyphens only, at most {limit} characters.",
            ).format(slug=repr(article.slug), limit=MAX_SLUG_CHARS),
        )


def check_language(article: PublishedArticle, context: CheckContext) -> Iterator[Problem]:
    if LANG_PATTERN.fullmatch(article.lang or "") is None:
        not_a_code = translate("checks", "{code} is not a language code.")
        yield _block(article, "lang.invalid", "lang", not_a_code.format(code=repr(article.lang)))
    elif context.settings is not None and article.lang not in context.settings.languages:
        yield _block(
            article,
            "lang.not_on_site",
            "lang",
            translate(
                "checks", "The site is not published in {code} (its languages: {languages})."
            ).format(code=repr(article.lang), languages=", ".join(context.settings.languages)),
        )


def check_translation_source(article: PublishedArticle, context: CheckContext) -> Iterator[Problem]:
    source = article.translated_from
    if source is not None and source not in context.published:
        yield _warn(
            article,
            "translation.source_missing",
            "translated_from",
            translate(
                "checks",
                "This is a translation of article {source}, which is not published; "
                "the language switcher will not link to it.",
            ).format(source=source),
        )


def check_text_language(article: PublishedArticle, context: CheckContext) -> Iterator[Problem]:
    """The text must be in the article's language (a copied, untranslated text, or the
    wrong language chosen, would go out under the wrong language's address and feed)."""
    if context.settings is None or article.lang not in context.settings.languages:
        return  # check_language reports a language the site does not have
    text = f"{article.title}\n\n{article.teaser}\n\n{article.body_markdown}"
    found = detect_language(text, context.settings.languages)
    if found is not None and found.lang != article.lang and found.probability >= LANGUAGE_CERTAINTY:
        yield _block(
            article,
            "translation.wrong_language",
            "body",
            translate(
                "checks",
                "The text reads as {found}, but the article is marked {marked}: translate it, "
                "or correct its language.",
            ).format(found=_language(found.lang), marked=_language(article.lang)),
        )


def check_untranslated(article: PublishedArticle, context: CheckContext) -> Iterator[Problem]:
    """A translation whose text is still its source's is not a translation yet."""
    source = _source(article, context)
    if source is None or source.lang == article.lang:
        return
    own = _long_paragraphs(article.body_markdown)
    copied = own & _long_paragraphs(source.body_markdown)
    if own and len(copied) >= COPIED_SHARE * len(own):
        yield _block(
            article,
            "translation.untranslated",
            "body",
            translate(
                "checks",
                "{copied} of {count} paragraphs are the same as in the {language} version: "
                "translate them before publishing.",
            ).format(copied=len(copied), count=len(own), language=_language(source.lang)),
        )
    elif article.title.strip() and article.title.strip() == source.title.strip():
        yield _warn(
            article,
            "translation.same_title",
            "title",
            translate("checks", "The title is the same as the {language} version's.").format(
                language=_language(source.lang)
            ),
        )


def check_translation_behind(article: PublishedArticle, context: CheckContext) -> Iterator[Problem]:
    """Warn when the version this one was translated from changed after it."""
    source = _source(article, context)
    if source is None:
        return
    if _moment(source.modified_at) > _moment(article.modified_at) + BEHIND_AFTER:
        yield _warn(
            article,
            "translation.behind",
            "body",
            translate(
                "checks",
                "The {language} version was changed on {when} UTC, after this translation was "
                "last edited: it may have fallen behind.",
            ).format(
                language=_language(source.lang),
                when=f"{_moment(source.modified_at):%Y-%m-%d %H:%M}",
            ),
        )


def _language(code: str) -> str:
    """A language's name in a message ("German"; "Deutsch"… in a German interface)."""
    return translate("languages", language_name(code))


def _source(article: PublishedArticle, context: CheckContext) -> PublishedArticle | None:
    """The version this article was translated from, when the context has it."""
    others = context.translations.get(article.id, ())
    return next((t for t in others if t.id == article.translated_from), None)


def _long_paragraphs(markdown: str) -> set[str]:
    paragraphs = (" ".join(p.split()) for p in markdown.split("\n\n"))
    return {p for p in paragraphs if len(p) >= COPIED_PARAGRAPH_CHARS}


def _moment(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def check_author(article: PublishedArticle, _: CheckContext) -> Iterator[Problem]:
    if not article.author.strip():
        yield _warn(article, "author.missing", "author", translate("checks", "No author is named."))


ARTICLE_CHECKS: list[ArticleCheck] = [
    check_title,
    check_body,
    check_teaser,
    check_slug,
    check_language,
    check_translation_source,
    check_author,
]

# Editorial checks of an article's language and translation, made when an article goes
# out (the publish dialog, `publish`): not by the site builder, which rebuilds pages of
# articles already public and must not stop over one that went out before these existed.
TRANSLATION_CHECKS: list[ArticleCheck] = [
    check_text_language,
    check_untranslated,
    check_translation_behind,
]


def check_article(
    article: PublishedArticle,
    *,
    settings: SiteSettings | None = None,
    published: Mapping[ArticleId, PublishedArticle] | None = None,
    translations: Mapping[ArticleId, Sequence[PublishedArticle]] | None = None,
    checks: Sequence[ArticleCheck] = (),
) -> CheckResult:
    """Blocking problems and warnings for ``article``.

    ``published`` is the rest of the site (id -> article), used by checks that
    look at other articles, such as a translation whose source is missing;
    ``translations`` the other language versions of each article, published or not.
    ``checks``: which to run (default: :data:`ARTICLE_CHECKS`).
    """
    context = CheckContext(
        settings=settings, published=published or {}, translations=translations or {}
    )
    problems = [
        problem for check in (checks or ARTICLE_CHECKS) for problem in check(article, context)
    ]
    return CheckResult(
        blocking=tuple(p for p in problems if p.blocking),
        warnings=tuple(p for p in problems if not p.blocking),
    )
