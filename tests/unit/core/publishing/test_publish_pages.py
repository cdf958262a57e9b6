"""What the reader sees: article pages, front pages, tag pages, the root page."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from editor.core.publishing import PublishedArticle, PublishManifest, SiteSettings, publish_site

GERMAN_PAGE = "de/2026/pytorch-wechselt-zur-stiftung/index.html"
ENGLISH_PAGE = "en/2026/pytorch-moves-to-foundation/index.html"
BASE = "https://news.example.org"

ArticleFactory = Callable[..., PublishedArticle]
ReadPage = Callable[[str], Any]


def test_manifest_names_every_article_page(published: PublishManifest, output: Path) -> None:
    assert published.full_build
    assert published.article_pages[10] == GERMAN_PAGE
    assert published.article_pages[11] == ENGLISH_PAGE
    assert published.article_urls[11] == f"{BASE}/en/2026/pytorch-moves-to-foundation/"
    for page in published.article_pages.values():
        assert (output / page).is_file()
        assert page in published.written


def test_article_page_is_semantic_html_in_its_language(
    published: PublishManifest, read_page: ReadPage
) -> None:
    page = read_page(GERMAN_PAGE)
    assert page.html.startswith("<!DOCTYPE html>")
    assert page.find("html", lang="de")
    for element in ("article", "header", "nav", "main", "footer", "time"):
        assert page.find(element), element
    assert read_page(ENGLISH_PAGE).find("aside")  # related and recent sections
    assert page.find("meta", charset="utf-8")
    assert page.find("link", rel="stylesheet", href="../../../site.css")
    # No program runs on the page: the only script element is JSON-LD data.
    assert [s.get("type") for s in page.find("script")] == ["application/ld+json"]
    assert "PyTorch wechselt zur Stiftung" in page.text
    assert "Meta gibt das Projekt ab." in page.text
    assert "<em>kurzer</em>" in page.html


def test_labels_dates_and_reading_time_follow_the_language(
    published: PublishManifest, read_page: ReadPage
) -> None:
    german, english = read_page(GERMAN_PAGE), read_page(ENGLISH_PAGE)
    assert "Schlagwörter" in german.text and "Tags:" not in german.text
    assert "Tags:" in english.text and "Schlagwörter" not in english.text
    assert "Von Anna Berg" in german.text
    assert "By Anna Berg" in english.text
    assert "4. Mai 2026" in german.text
    assert "4 May 2026" in english.text
    assert "1 Min. Lesezeit" in german.text
    assert "1 min read" in english.text
    assert "Related links" in english.text
    assert "Recent posts" in english.text
    assert "Aktuelle Beiträge" not in english.text


def test_reading_time_grows_with_the_body(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    long_body = " ".join(["word"] * 1000)  # 1000 words at 220 per minute: 5 minutes
    article = make_article(slug="long-read", body_markdown=long_body)
    publish_site([article], settings, output)
    assert "5 min read" in read_page(f"en/{article.published_at.year}/long-read/index.html").text


def test_hreflang_alternates_canonical_and_switcher(
    published: PublishManifest, read_page: ReadPage
) -> None:
    page = read_page(GERMAN_PAGE)
    assert page.find("link", rel="canonical", href=f"{BASE}/{GERMAN_PAGE[:-10]}")
    alternates = {
        a["hreflang"]: a["href"] for a in page.find("link", rel="alternate") if "hreflang" in a
    }
    assert alternates == {
        "de": f"{BASE}/de/2026/pytorch-wechselt-zur-stiftung/",
        "en": f"{BASE}/en/2026/pytorch-moves-to-foundation/",
    }
    switcher = [a for a in page.find("a") if a.get("hreflang") == "en" and a.get("lang") == "en"]
    assert switcher and switcher[0]["href"] == "../../../en/2026/pytorch-moves-to-foundation/"
    assert page.find("strong", aria_current="page")


def test_article_without_translation_has_no_alternates_but_switcher_leads_home(
    published: PublishManifest, read_page: ReadPage
) -> None:
    page = read_page("en/2025/chips-get-cheaper/index.html")
    assert not [a for a in page.find("link", rel="alternate") if "hreflang" in a]
    to_german = [a for a in page.find("a") if a.get("hreflang") == "de"]
    assert to_german[0]["href"] == "../../../de/"


def test_open_graph_meta(published: PublishManifest, read_page: ReadPage) -> None:
    page = read_page(ENGLISH_PAGE)
    assert page.meta("og:type") == ["article"]
    assert page.meta("og:title") == ["PyTorch moves to a foundation"]
    assert page.meta("og:description") == ["Meta hands the project over."]
    assert page.meta("og:url") == [f"{BASE}/en/2026/pytorch-moves-to-foundation/"]
    assert page.meta("og:site_name") == ["Tech Desk"]
    assert page.meta("og:locale") == ["en_US"]
    assert page.meta("og:locale:alternate") == ["de_DE"]
    assert page.meta("article:tag") == ["PyTorch", "Meta", "Thinking Machines Lab"]
    assert page.meta("article:published_time") == ["2026-05-04T11:00:00+02:00"]


def test_tag_links_lead_to_tag_pages_listing_the_article(
    published: PublishManifest, read_page: ReadPage, output: Path
) -> None:
    page = read_page(ENGLISH_PAGE)
    tag_links = [a["href"] for a in page.find("a", rel="tag")]
    assert tag_links == [
        "../../tags/pytorch/",
        "../../tags/meta/",
        "../../tags/thinking-machines-lab/",
    ]
    tag_page = read_page("en/tags/thinking-machines-lab/index.html")
    assert "Articles tagged “Thinking Machines Lab”" in tag_page.text
    listed = {a["href"] for a in tag_page.find("a")}
    assert "../../2026/pytorch-moves-to-foundation/" in listed
    assert "../../2026/a-lab-opens/" in listed
    german_tag = read_page("de/tags/pytorch/index.html")
    assert "Beiträge zum Schlagwort „PyTorch“" in german_tag.text
    assert "Alle Schlagwörter" in read_page("de/tags/index.html").text


def test_related_section_lists_accepted_links_in_order(
    published: PublishManifest, read_page: ReadPage
) -> None:
    page = read_page(ENGLISH_PAGE)
    related = page.html.split('id="related-heading"')[1].split("</aside>")[0]
    assert "A lab opens in Berlin" in related
    assert "Chips get cheaper" not in related  # not accepted, and no suggestions given


def test_recent_section_lists_newest_articles_of_the_language(
    published: PublishManifest, read_page: ReadPage
) -> None:
    page = read_page(ENGLISH_PAGE)
    recent = page.html.split('id="recent-heading"')[1].split("</aside>")[0]
    titles = re.findall(r'<a href="[^"]+">([^<]+)</a>', recent)
    assert titles == ["A lab opens in Berlin", "Chips get cheaper"]  # newest first, not itself


def test_suggestions_fill_related_only_when_none_accepted(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    a = make_article(slug="a")
    b = make_article(slug="b", title="Suggested one")
    c = make_article(slug="c", title="Accepted one")
    d = make_article(slug="d", lang="de", title="Anderssprachig")
    e = make_article(slug="e", related=(c.id,))
    calls: list[tuple[int, int]] = []

    def suggest(article_id: int, top: int) -> list[int]:
        calls.append((article_id, top))
        return [d.id, b.id, 999]  # other language and unknown ids are skipped

    publish_site([a, b, c, d, e], settings, output, suggest=suggest)
    a_page = read_page("en/2026/a/index.html").html
    related_a = a_page.split('id="related-heading"')[1].split("</aside>")[0]
    assert "Suggested one" in related_a and "Anderssprachig" not in related_a
    e_page = read_page("en/2026/e/index.html").html
    related_e = e_page.split('id="related-heading"')[1].split("</aside>")[0]
    assert "Accepted one" in related_e and "Suggested one" not in related_e
    assert (e.id, settings.related_count * 2) not in calls
    assert (a.id, settings.related_count * 2) in calls

    no_fill = dataclasses.replace(settings, fill_related_with_suggestions=False)
    publish_site([a, b, c, d, e], no_fill, output, suggest=suggest)
    assert 'id="related-heading"' not in read_page("en/2026/a/index.html").html


def test_failing_suggestion_engine_costs_only_the_section(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    def broken(article_id: int, top: int) -> list[int]:
        raise RuntimeError("index not ready")

    manifest = publish_site([make_article(slug="x")], settings, output, suggest=broken)
    assert any("index not ready" in warning for warning in manifest.warnings)
    assert (output / manifest.article_pages[1]).is_file()


def test_language_front_pages_and_archives(published: PublishManifest, read_page: ReadPage) -> None:
    home = read_page("en/index.html")
    assert home.find("html", lang="en")
    assert "Latest articles" in home.text
    titles = [t for t in ("PyTorch moves", "A lab opens", "Chips get cheaper") if t in home.text]
    assert titles == ["PyTorch moves", "A lab opens", "Chips get cheaper"]
    assert (
        home.html.index("PyTorch moves") < home.html.index("A lab opens") < home.html.index("Chips")
    )
    assert {a["href"] for a in home.find("a")} >= {"2026/", "2025/", "feed.xml", "tags/"}
    alternates = {a["hreflang"] for a in home.find("link", rel="alternate") if "hreflang" in a}
    assert alternates == {"de", "en"}
    archive = read_page("en/2025/index.html")
    assert "Articles from 2025" in archive.text
    assert "Chips get cheaper" in archive.text and "PyTorch" not in archive.text
    assert "Beiträge aus 2026" in read_page("de/2026/index.html").text


def test_front_page_is_limited_to_index_count(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    articles = [make_article() for _ in range(6)]
    publish_site(articles, dataclasses.replace(settings, index_count=4), output)
    home = read_page("en/index.html")
    assert sum(1 for a in articles if a.title in home.text) == 4
    assert articles[-1].title in home.text and articles[0].title not in home.text


def test_root_page_leads_to_the_languages(published: PublishManifest, read_page: ReadPage) -> None:
    root = read_page("index.html")
    links = {a["href"] for a in root.find("a", hreflang="de")} | {
        a["href"] for a in root.find("a", hreflang="en")
    }
    assert {"de/", "en/"} <= links
    assert "Deutsch" in root.text and "English" in root.text
    defaults = [a for a in root.find("link", rel="alternate") if a.get("hreflang") == "x-default"]
    assert defaults[0]["href"] == f"{BASE}/de/"


def test_unknown_language_falls_back_to_english_labels(
    make_article: ArticleFactory, output: Path, read_page: ReadPage
) -> None:
    settings = SiteSettings(site_name="S", base_url="https://s.example/", languages=("fr", "en"))
    article = make_article(lang="fr", slug="bonjour", published_at=datetime(2026, 2, 3, tzinfo=UTC))
    publish_site([article], settings, output)
    page = read_page("fr/2026/bonjour/index.html")
    assert page.find("html", lang="fr")
    assert "3 February 2026" in page.text and "min read" in page.text
    assert page.meta("og:locale") == ["fr_FR"]


def test_markup_in_fields_is_escaped_not_interpreted(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, read_page: ReadPage
) -> None:
    article = make_article(
        slug="escaped",
        title='Quote " and <b>bold</b> & more',
        teaser="<img src=x onerror=alert(1)>",
        author='"><script>alert(1)</script>',
        tags=('" onmouseover="alert(1)',),
        body_markdown=(
            '<a href="javascript:alert(1)" onclick="x()">link</a>\n\n<script>alert(2)</script>'
        ),
    )
    publish_site([article], settings, output)
    page = read_page("en/2026/escaped/index.html")
    # The one script element is the JSON-LD data block, which the author cannot end.
    assert [s.get("type") for s in page.find("script")] == ["application/ld+json"]
    assert page.html.count("</script>") == 1 and not page.find("img")
    assert page.find("title")  # still well formed
    assert page.meta("og:title") == ['Quote " and <b>bold</b> & more']
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert all(not a.get("href", "").startswith("javascript:") for a in page.find("a"))
    assert "&lt;b&gt;bold&lt;/b&gt;" in page.html


def test_template_override_folder_wins(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, tmp_path: Path
) -> None:
    override = tmp_path / "templates"
    override.mkdir()
    (override / "tags.html").write_text(
        '{% extends "base.html" %}'
        '{% block main %}<p class="custom">{{ heading }}!</p>{% endblock %}',
        encoding="utf-8",
    )
    custom = dataclasses.replace(settings, template_override_dir=override)
    publish_site([make_article(tags=("Alpha",))], custom, output)
    tags_page = (output / "en/tags/index.html").read_text(encoding="utf-8")
    assert '<p class="custom">All tags!</p>' in tags_page
    # Templates not overridden still come from the built-in folder.
    assert "<article>" in (output / "en/2026/story-1/index.html").read_text(encoding="utf-8")


def test_stylesheet_is_copied_and_small(published: PublishManifest, output: Path) -> None:
    css = output / "site.css"
    assert css.is_file() and css.stat().st_size < 8_000
    assert "@import" not in css.read_text(encoding="utf-8")  # no third-party fonts


def test_article_dates_use_the_site_time_zone(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    # 23:30 UTC on New Year's Eve is already next year in Berlin: page goes under 2027.
    article = make_article(slug="midnight", published_at=datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    manifest = publish_site([article], settings, output)
    assert manifest.article_pages[article.id] == "en/2027/midnight/index.html"


def test_translation_pair_is_reachable_both_ways(
    sample_articles: list[PublishedArticle], published: PublishManifest, read_page: ReadPage
) -> None:
    english = read_page(ENGLISH_PAGE)
    to_german = [a["href"] for a in english.find("a") if a.get("hreflang") == "de"]
    assert to_german[0] == "../../../de/2026/pytorch-wechselt-zur-stiftung/"


def test_every_page_parses_as_html5_without_errors(
    sample_articles: list[PublishedArticle],
    make_article: ArticleFactory,
    settings: SiteSettings,
    output: Path,
) -> None:
    html5lib = pytest.importorskip("html5lib")
    hostile = make_article(
        slug="hostile",
        title='</title><p a="b">\x0b\ud800',
        teaser="<!-- x\x00",
        author="&amp; &\x01",
        tags=("<b>\x02", "a&b", "  ", "A&B"),
        body_markdown="<div><p>unclosed\n\n<table><td>x</td>\n\n<img src=x>",
    )
    publish_site([*sample_articles, hostile], settings, output)
    parser = html5lib.HTMLParser(strict=True)
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser.parse(page.read_text(encoding="utf-8"))  # raises ParseError on any error


def test_machine_readable_times_have_whole_seconds(
    make_article: ArticleFactory, settings: SiteSettings, tmp_path: Path
) -> None:
    # An article published "now" carries microseconds; the W3C checker allows three digits.
    moment = datetime(2026, 3, 5, 7, 47, 22, 968827, tzinfo=UTC)
    article = make_article(published_at=moment, updated_at=moment.replace(hour=9))
    output = tmp_path / "site"
    manifest = publish_site([article], settings, output)
    html = (output / manifest.article_pages[article.id]).read_text(encoding="utf-8")
    stamps = re.findall(r'datetime="([^"]+)"', html)
    stamps += re.findall(r'property="article:\w+_time" content="([^"]+)"', html)
    assert len(stamps) >= 3
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", s) for s in stamps)
