"""Factories for publisher tests: small articles in German and English."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from editor.core.publishing import PublishedArticle, PublishManifest, SiteSettings, publish_site

ArticleFactory = Callable[..., PublishedArticle]


@pytest.fixture
def settings() -> SiteSettings:
    return SiteSettings(site_name="Tech Desk", base_url="https://news.example.org/")


@pytest.fixture
def make_article() -> ArticleFactory:
    counter = itertools.count(1)
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def make(**fields: Any) -> PublishedArticle:
        n = next(counter)
        values: dict[str, Any] = {
            "id": n,
            "lang": "en",
            "slug": f"story-{n}",
            "title": f"Story number {n}",
            "teaser": f"Teaser of story {n}.",
            "body_markdown": f"Body of story {n} with **bold** words.",
            "author": "Dana Eck",
            "published_at": start + timedelta(days=n),
        }
        values.update(fields)
        return PublishedArticle(**values)

    return make


@pytest.fixture
def output(tmp_path: Path) -> Path:
    return tmp_path / "site"


@pytest.fixture
def sample_articles(make_article: ArticleFactory) -> list[PublishedArticle]:
    """A German article with its English translation, plus two more English ones."""
    german = make_article(
        id=10,
        lang="de",
        slug="pytorch-wechselt-zur-stiftung",
        title="PyTorch wechselt zur Stiftung",
        teaser="Meta gibt das Projekt ab.",
        body_markdown="Ein *kurzer* Text über PyTorch.\n\nZweiter Absatz.",
        author="Anna Berg",
        tags=("PyTorch", "Meta"),
        group=1,
        published_at=datetime(2026, 5, 4, 8, 30, tzinfo=UTC),
    )
    english = make_article(
        id=11,
        lang="en",
        slug="pytorch-moves-to-foundation",
        title="PyTorch moves to a foundation",
        teaser="Meta hands the project over.",
        body_markdown="A *short* text about PyTorch.",
        author="Anna Berg",
        tags=("PyTorch", "Meta", "Thinking Machines Lab"),
        group=1,
        translated_from=10,
        related=(13,),
        published_at=datetime(2026, 5, 4, 9, 0, tzinfo=UTC),
    )
    other = make_article(
        id=12,
        lang="en",
        slug="chips-get-cheaper",
        title="Chips get cheaper",
        tags=("Hardware",),
        published_at=datetime(2025, 11, 2, 7, 0, tzinfo=UTC),
    )
    linked = make_article(
        id=13,
        lang="en",
        slug="a-lab-opens",
        title="A lab opens in Berlin",
        tags=("Thinking Machines Lab",),
        published_at=datetime(2026, 1, 20, 7, 0, tzinfo=UTC),
    )
    return [german, english, other, linked]


@pytest.fixture
def published(
    sample_articles: list[PublishedArticle], settings: SiteSettings, output: Path
) -> PublishManifest:
    return publish_site(sample_articles, settings, output)


class ParsedPage:
    """The start tags (with attributes) and the visible text of an HTML page."""

    def __init__(self, html: str) -> None:
        from html.parser import HTMLParser

        self.html = html
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text_parts: list[str] = []
        page = self

        class _Collector(HTMLParser):
            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                page.tags.append((tag, {k: v or "" for k, v in attrs}))

            def handle_data(self, data: str) -> None:
                page.text_parts.append(data)

        collector = _Collector(convert_charrefs=True)
        collector.feed(html)
        collector.close()

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.tags
            if t == tag
            and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def meta(self, prop: str) -> list[str]:
        return [a["content"] for t, a in self.tags if t == "meta" and a.get("property") == prop]


@pytest.fixture
def read_page(output: Path) -> Callable[[str], ParsedPage]:
    def read(relative: str) -> ParsedPage:
        return ParsedPage((output / relative).read_text(encoding="utf-8"))

    return read
