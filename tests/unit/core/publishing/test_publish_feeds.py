"""Atom feeds, sitemaps, ninjs JSON and robots.txt: well-formed and complete."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from editor.core.publishing import PublishedArticle, PublishManifest, SiteSettings, publish_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
BASE = "https://news.example.org"

ArticleFactory = Callable[..., PublishedArticle]


def _rfc3339(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, f"{value} has no time zone"
    return parsed


def test_atom_feed_is_valid_atom(published: PublishManifest, output: Path) -> None:
    feed = ET.parse(output / "en/feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    self_link = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == f"{BASE}/en/feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "PyTorch moves to a foundation",
        "A lab opens in Berlin",
        "Chips get cheaper",
    ]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(
        i and i.startswith("tag:news.example.org,") for i in ids
    )
    feed_updated = _rfc3339(feed.findtext(f"{ATOM}updated") or "")
    for entry in entries:
        for required in ("id", "title", "updated", "link", "author", "content"):
            assert entry.find(f"{ATOM}{required}") is not None, required
        assert _rfc3339(entry.findtext(f"{ATOM}updated") or "") <= feed_updated
        _rfc3339(entry.findtext(f"{ATOM}published") or "")
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == f"{BASE}/en/2026/pytorch-moves-to-foundation/"
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == [
        "PyTorch",
        "Meta",
        "Thinking Machines Lab",
    ]
    content = first.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert content.text == "<p>A <em>short</em> text about PyTorch.</p>\n"


def test_feed_escapes_markup_and_drops_characters_xml_forbids(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    article = make_article(
        slug="nasty",
        title="A & B <c> \"d\" 'e' ]]> \x00\x0b end",
        teaser="<script>alert(1)</script>",
        author="Ann & <Bob>",
        tags=('x"y', "<tag>"),
        body_markdown="Text \x01 with <iframe src=x></iframe> & <b>bold</b>",
    )
    publish_site([article], settings, output)
    entry = ET.parse(output / "en/feed.xml").getroot().find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "A & B <c> \"d\" 'e' ]]> end"
    assert entry.findtext(f"{ATOM}summary") == "<script>alert(1)</script>"  # text, not markup
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Ann & <Bob>"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ['x"y', "<tag>"]
    content = entry.findtext(f"{ATOM}content") or ""
    assert "iframe" not in content and "<b>bold</b>" in content


def test_sitemap_index_and_parts_with_hreflang(published: PublishManifest, output: Path) -> None:
    index = ET.parse(output / "sitemap.xml").getroot()
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert f"{BASE}/sitemaps/en-2026-05.xml" in parts and f"{BASE}/sitemaps/de-pages.xml" in parts
    locations: dict[str, list[tuple[str, str]]] = {}
    listed = 0
    for part in parts:
        assert part is not None
        urlset = ET.parse(output / part.removeprefix(f"{BASE}/")).getroot()
        assert urlset.tag == f"{SITEMAP}urlset"
        for url in urlset.findall(f"{SITEMAP}url"):
            alternates = [(x.get("hreflang"), x.get("href")) for x in url.findall(f"{XHTML}link")]
            locations[url.findtext(f"{SITEMAP}loc") or ""] = alternates  # type: ignore[assignment]
            listed += 1
    assert listed == len(locations)  # no URL listed twice
    english = f"{BASE}/en/2026/pytorch-moves-to-foundation/"
    german = f"{BASE}/de/2026/pytorch-wechselt-zur-stiftung/"
    assert sorted(locations[english]) == [("de", german), ("en", english)]
    assert sorted(locations[german]) == [("de", german), ("en", english)]
    assert locations[f"{BASE}/en/2025/chips-get-cheaper/"] == []
    for page in (f"{BASE}/en/", f"{BASE}/en/tags/pytorch/", f"{BASE}/en/2025/"):
        assert page in locations
    for url in locations:
        relative = url.removeprefix(f"{BASE}/")
        assert (output / relative / "index.html").is_file(), url


def test_ninjs_document(published: PublishManifest, output: Path) -> None:
    page = published.article_pages[11]
    document = json.loads((output / page).with_name("article.json").read_text(encoding="utf-8"))
    assert document["uri"] == f"{BASE}/en/2026/pytorch-moves-to-foundation/"
    assert document["type"] == "text"
    assert document["version"] == "1"
    assert document["language"] == "en"
    assert document["headline"] == "PyTorch moves to a foundation"
    assert document["description_text"] == "Meta hands the project over."
    assert document["byline"] == "Anna Berg"
    assert document["body_html"] == "<p>A <em>short</em> text about PyTorch.</p>\n"
    assert [s["name"] for s in document["subject"]] == ["PyTorch", "Meta", "Thinking Machines Lab"]
    assert document["subject"][0]["uri"] == f"{BASE}/en/tags/pytorch/"
    assert _rfc3339(document["firstcreated"]) == _rfc3339(document["versioncreated"])
    translation = document["associations"]["translation-de"]
    assert translation["uri"] == f"{BASE}/de/2026/pytorch-wechselt-zur-stiftung/"
    assert translation["language"] == "de"
    assert translation["headline"] == "PyTorch wechselt zur Stiftung"


def test_ninjs_revision_and_update_time(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    article = make_article(
        slug="updated",
        revision=4,
        published_at=datetime.fromisoformat("2026-04-01T08:00:00+00:00"),
        updated_at=datetime.fromisoformat("2026-04-02T10:30:00+00:00"),
    )
    manifest = publish_site([article], settings, output)
    document = json.loads(
        (output / manifest.article_pages[article.id]).with_name("article.json").read_text("utf-8")
    )
    assert document["version"] == "4"
    assert _rfc3339(document["versioncreated"]) > _rfc3339(document["firstcreated"])
    assert document["associations"] == {}


def test_robots_txt_points_to_the_sitemap(published: PublishManifest, output: Path) -> None:
    assert f"Sitemap: {BASE}/sitemap.xml" in (output / "robots.txt").read_text(encoding="utf-8")


def test_base_url_with_a_path_and_non_ascii_slugs(
    make_article: ArticleFactory, output: Path
) -> None:
    settings = SiteSettings(site_name="S", base_url="https://example.org/news")
    article = make_article(slug="über-ki", lang="de", title="Über KI")
    manifest = publish_site([article], settings, output)
    assert manifest.article_urls[article.id] == "https://example.org/news/de/2026/%C3%BCber-ki/"
    assert (output / "de/2026/über-ki/index.html").is_file()
    urls = [
        loc.text
        for loc in ET.parse(output / "sitemaps/de-2026-03.xml").getroot().iter(f"{SITEMAP}loc")
    ]
    assert urls == ["https://example.org/news/de/2026/%C3%BCber-ki/"]
