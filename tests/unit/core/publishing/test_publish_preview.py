"""The in-app preview: one article page as an HTML string, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core.publishing import PublishedArticle, SiteSettings, render_preview

ArticleFactory = Callable[..., PublishedArticle]


@pytest.fixture(autouse=True)
def _in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_preview_renders_the_page_with_inline_css(
    make_article: ArticleFactory, settings: SiteSettings, tmp_path: Path
) -> None:
    article = make_article(title="Preview me", body_markdown="Some *text*.", lang="de")
    html = render_preview(article, settings)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="de">' in html
    assert "<style>" in html and 'rel="stylesheet"' not in html
    assert "<em>text</em>" in html and "Preview me" in html
    assert "Von Dana Eck" in html
    assert list(tmp_path.iterdir()) == []


def test_preview_of_a_draft_with_unusable_fields(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    draft = make_article(title="", slug="../not yet", lang="not a language", body_markdown="")
    html = render_preview(draft, settings)
    assert '<html lang="de">' in html  # the site's first language stands in
    assert "<h1></h1>" in html


def test_preview_shows_translations_and_recent_posts(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    german = make_article(lang="de", slug="quelle", group=5, title="Quelle")
    other = make_article(lang="en", slug="older", title="Older story")
    draft = make_article(lang="en", slug="draft", group=5, title="Draft")
    html = render_preview(draft, settings, site_articles=[german, other, draft])
    assert 'hreflang="de" href="https://news.example.org/de/2026/quelle/"' in html
    assert "Older story" in html and "Recent posts" in html


def test_preview_escapes_like_the_site(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    html = render_preview(
        make_article(
            title="<script>alert(1)</script>", body_markdown="<img src=x onerror=alert(1)>"
        ),
        settings,
    )
    assert "<script" not in html and "onerror" not in html
