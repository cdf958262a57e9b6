"""Entities on the published site: tag pages per entity, JSON-LD and ninjs subjects."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from editor.core.publishing import PublishedArticle, SiteSettings, Subject, publish_site
from tests.unit.core.publishing.conftest import ArticleFactory, ParsedPage

ReadPage = Callable[[str], ParsedPage]

MUNICH = Subject(
    "Munich", "place", id=7, labels=(("de", "München"), ("en", "Munich")), wikidata="Q1726"
)
OPENAI = Subject("OpenAI", "organisation", id=3, wikidata="Q21708200")
ALTMAN = Subject("Sam Altman", "person", id=4)
GPT = Subject("GPT-5", "product", id=5, labels=(("de", "GPT-5"),))
EXPO = Subject("Expo 2030", "event", id=6)
AI = Subject("Artificial intelligence", "topic", id=8, labels=(("de", "Künstliche Intelligenz"),))

_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _h1(page: ParsedPage) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page.html, re.S)
    assert found is not None
    return found.group(1)


def _jsonld(html: str) -> dict[str, Any]:
    blocks = _JSONLD.findall(html)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert isinstance(data, dict)
    return data


def _articles(make_article: ArticleFactory) -> list[PublishedArticle]:
    german = make_article(
        id=1,
        lang="de",
        slug="openai-in-muenchen",
        title="OpenAI eröffnet Büro in München",
        author="Anna Berg",
        subjects=(OPENAI, MUNICH, ALTMAN, GPT, EXPO, AI),
        tags=("OpenAI", "Munich", "Sam Altman", "GPT-5", "Expo 2030", "Artificial intelligence"),
        published_at=datetime(2026, 5, 4, 8, 30, 15, 123456, tzinfo=UTC),
        updated_at=datetime(2026, 5, 5, 10, 0, 1, 999, tzinfo=UTC),
    )
    english = make_article(
        id=2,
        lang="en",
        slug="munich-office",
        title="A new office in Munich",
        subjects=(OPENAI, MUNICH),
        tags=("OpenAI", "Munich"),
    )
    return [german, english]


def test_tag_pages_are_per_entity_and_titled_in_the_page_language(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    publish_site(_articles(make_article), settings, output)
    german = read_page("de/tags/7/index.html")
    english = read_page("en/tags/7/index.html")
    assert "München" in _h1(german) and "Munich" not in _h1(german)
    assert "Munich" in _h1(english)
    # A label-less entity falls back to its canonical name.
    assert "Sam Altman" in _h1(read_page("de/tags/4/index.html"))
    # The article links its tags by the entity's page, named in its language.
    links = {a["href"]: a for a in read_page("de/2026/openai-in-muenchen/index.html").find("a")}
    assert "../../tags/7/" in links or "../../tags/7/index.html" in links
    index = read_page("de/tags/index.html").text
    assert "München" in index and "Künstliche Intelligenz" in index


def test_tag_page_address_stays_when_the_entity_is_renamed_or_relabelled(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    articles = _articles(make_article)
    publish_site(articles, settings, output)
    renamed = replace(MUNICH, name="City of Munich", labels=(("de", "Landeshauptstadt München"),))
    changed = [
        replace(a, subjects=tuple(renamed if s.id == 7 else s for s in a.subjects), revision=2)
        for a in articles
    ]
    publish_site(changed, settings, output, changed_ids=[1, 2])
    assert "Landeshauptstadt München" in _h1(read_page("de/tags/7/index.html"))
    assert "City of Munich" in _h1(read_page("en/tags/7/index.html"))


def test_article_page_carries_news_article_json_ld(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    publish_site(_articles(make_article), settings, output)
    data = _jsonld(read_page("de/2026/openai-in-muenchen/index.html").html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "OpenAI eröffnet Büro in München"
    assert data["inLanguage"] == "de"
    assert data["url"] == "https://news.example.org/de/2026/openai-in-muenchen/"
    assert data["author"] == {"@type": "Person", "name": "Anna Berg"}
    # Whole seconds with the site's offset (Europe/Berlin in summer: +02:00).
    assert data["datePublished"] == "2026-05-04T10:30:15+02:00"
    assert data["dateModified"] == "2026-05-05T12:00:01+02:00"
    # About: the first tag and those named in the headline; the rest are mentioned.
    assert [t["name"] for t in data["about"]] == ["OpenAI", "München"]
    assert [t["name"] for t in data["mentions"]] == [
        "Sam Altman",
        "GPT-5",
        "Expo 2030",
        "Künstliche Intelligenz",
    ]
    types = {t["name"]: t["@type"] for t in data["about"] + data["mentions"]}
    assert types == {
        "OpenAI": "Organization",
        "München": "Place",
        "Sam Altman": "Person",
        "GPT-5": "Product",
        "Expo 2030": "Event",
        "Künstliche Intelligenz": "Thing",
    }
    by_name = {t["name"]: t for t in data["about"] + data["mentions"]}
    assert by_name["München"]["sameAs"] == "https://www.wikidata.org/wiki/Q1726"
    assert "sameAs" not in by_name["Sam Altman"]


def test_plain_tags_are_topics_and_an_article_without_tags_has_neither_list(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    tagged = make_article(slug="plain", title="Plain", tags=("Hardware", "2024"))
    bare = make_article(slug="bare", title="Bare", tags=())
    publish_site([tagged, bare], settings, output)
    data = _jsonld(read_page("en/2026/plain/index.html").html)
    assert data["about"] == [{"@type": "Thing", "name": "Hardware"}]
    assert data["mentions"] == [{"@type": "Thing", "name": "2024"}]
    # A number as a plain tag cannot take an entity's page address.
    assert (output / "en/tags/tag-2024/index.html").is_file()
    plain = _jsonld(read_page("en/2026/bare/index.html").html)
    assert "about" not in plain and "mentions" not in plain


def test_json_ld_cannot_be_ended_by_a_name(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    evil = Subject("</script><script>alert(1)</script>", "person", id=9)
    article = make_article(
        slug="evil",
        title="</SCRIPT> <!-- & \u2028",
        author="</script>",
        subjects=(evil,),
        tags=(evil.name,),
    )
    publish_site([article], settings, output)
    page = read_page("en/2026/evil/index.html")
    assert page.html.lower().count("</script") == 1
    assert "<!--" not in _JSONLD.findall(page.html)[0]
    data = _jsonld(page.html)
    assert data["headline"] == "</SCRIPT> <!-- &"  # line separators fold like spaces
    assert data["about"][0]["name"] == "</script><script>alert(1)</script>"


def test_ninjs_subjects_carry_kind_uri_and_wikidata(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    publish_site(_articles(make_article), settings, output)
    document = json.loads((output / "de/2026/openai-in-muenchen/article.json").read_text())
    subjects = {s["name"]: s for s in document["subject"]}
    assert subjects["München"] == {
        "name": "München",
        "kind": "place",
        "uri": "https://news.example.org/de/tags/7/",
        "scheme": "wikidata",
        "code": "Q1726",
        "wikidata": "https://www.wikidata.org/wiki/Q1726",
    }
    assert subjects["Sam Altman"] == {
        "name": "Sam Altman",
        "kind": "person",
        "uri": "https://news.example.org/de/tags/4/",
    }
    assert [s["name"] for s in document["subject"]][:2] == ["OpenAI", "München"]


def test_a_regional_page_uses_the_languages_label() -> None:
    assert MUNICH.label("de-AT") == "München"
    assert MUNICH.label("fr") == "Munich"
    assert ALTMAN.label("de") == "Sam Altman"
