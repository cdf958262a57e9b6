"""Checks before publishing: blocking problems and warnings."""

from __future__ import annotations

from collections.abc import Callable

from editor.core.publishing import ARTICLE_CHECKS, PublishedArticle, SiteSettings, check_article
from editor.core.publishing.checks import LONG_TITLE_CHARS, Problem

ArticleFactory = Callable[..., PublishedArticle]


def test_complete_article_passes(make_article: ArticleFactory, settings: SiteSettings) -> None:
    result = check_article(make_article(), settings=settings)
    assert result.ok and result.blocking == () and result.warnings == ()


def test_missing_fields(make_article: ArticleFactory) -> None:
    result = check_article(make_article(title="", body_markdown=" \n", teaser="", author=""))
    assert not result.ok
    assert {p.code for p in result.blocking} == {"title.missing", "body.missing"}
    assert {p.code for p in result.warnings} == {"teaser.missing", "author.missing"}
    assert all(p.article_id == 1 for p in result.blocking + result.warnings)
    assert {p.field for p in result.blocking} == {"title", "body"}


def test_long_title_warns(make_article: ArticleFactory) -> None:
    result = check_article(make_article(title="x" * (LONG_TITLE_CHARS + 1)))
    assert result.ok and [p.code for p in result.warnings] == ["title.long"]


def test_unsafe_slug_blocks(make_article: ArticleFactory) -> None:
    result = check_article(make_article(slug="../up"))
    assert [p.code for p in result.blocking] == ["slug.invalid"]


def test_translation_of_a_missing_source_warns(make_article: ArticleFactory) -> None:
    source = make_article(lang="de")
    translation = make_article(translated_from=source.id)
    assert check_article(translation, published={source.id: source}).warnings == ()
    warnings = check_article(translation, published={}).warnings
    assert [p.code for p in warnings] == ["translation.source_missing"]
    assert str(source.id) in warnings[0].message


def test_language_must_be_one_of_the_site(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    result = check_article(make_article(lang="it"), settings=settings)
    assert [p.code for p in result.blocking] == ["lang.not_on_site"]
    assert check_article(make_article(lang="it")).ok  # without settings nothing to compare


def test_checks_are_extensible(make_article: ArticleFactory) -> None:
    def no_shouting(article: PublishedArticle, _context: object) -> list[Problem]:
        if article.title.isupper():
            return [Problem("title.shouting", "Title is all capitals.", False, article.id, "title")]
        return []

    ARTICLE_CHECKS.append(no_shouting)
    try:
        result = check_article(make_article(title="BREAKING NEWS"))
    finally:
        ARTICLE_CHECKS.remove(no_shouting)
    assert [p.code for p in result.warnings] == ["title.shouting"]
