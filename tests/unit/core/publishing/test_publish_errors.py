"""Bad input gives a clear PublishError; nothing escapes the output folder."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core.publishing import (
    ArticleRejectedError,
    DuplicatePathError,
    InvalidSettingsError,
    OutputFolderError,
    PublishedArticle,
    PublishError,
    SiteSettings,
    TemplateError,
    UnsafePathError,
    publish_site,
)
from editor.core.publishing.checks import LARGE_BODY_CHARS, MAX_BODY_CHARS
from editor.core.publishing.layout import relative_url, safe_join

ArticleFactory = Callable[..., PublishedArticle]

TRAVERSAL_SLUGS = [
    "../escape",
    "..",
    ".",
    "a/../../b",
    "a/b",
    "a\\b",
    "..\\..\\windows",
    "/etc/passwd",
    "C:evil",
    ".hidden",
    "%2e%2e%2fescape",
    "trailing-",
    "with space",
    "",
    "con",
    "nul",
    "x" * 201,
    "null\x00byte",
    "new\nline",
]


@pytest.mark.parametrize("slug", TRAVERSAL_SLUGS)
def test_unsafe_slugs_are_refused(
    slug: str, make_article: ArticleFactory, settings: SiteSettings, output: Path, tmp_path: Path
) -> None:
    with pytest.raises(UnsafePathError, match="slug"):
        publish_site([make_article(slug=slug)], settings, output)
    assert not output.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("lang", ["../x", "en/../..", "", "EN", "e", "en_US", "de-"])
def test_unsafe_language_codes_are_refused(
    lang: str, make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    with pytest.raises(UnsafePathError, match="language code"):
        publish_site([make_article(lang=lang)], settings, output)


@pytest.mark.parametrize("relative", ["../x", "a/../../x", "/abs", "a\\b", "C:/x", "a//b", ""])
def test_safe_join_refuses_escapes(relative: str, tmp_path: Path) -> None:
    with pytest.raises(UnsafePathError):
        safe_join(tmp_path, relative)


def test_safe_join_refuses_a_link_planted_inside_the_site(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    (root / "en").symlink_to(tmp_path)
    with pytest.raises(UnsafePathError):
        safe_join(root, "en/index.html")


def test_tags_with_path_tricks_get_safe_pages(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    article = make_article(tags=("../../etc", "..", "/", "a/b"))
    publish_site([article], settings, output)
    tag_pages = sorted(
        p.relative_to(output).as_posix() for p in (output / "en/tags").rglob("*.html")
    )
    assert tag_pages == [
        "en/tags/a-b/index.html",
        "en/tags/etc/index.html",
        "en/tags/index.html",
        *sorted(p for p in tag_pages if p.startswith("en/tags/tag-")),
    ]
    assert all((output / page).resolve().is_relative_to(output.resolve()) for page in tag_pages)
    assert len([p for p in tag_pages if p.startswith("en/tags/tag-")]) == 2


def test_output_folder_that_is_a_file(
    make_article: ArticleFactory, settings: SiteSettings, tmp_path: Path
) -> None:
    target = tmp_path / "site.html"
    target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="is a file"):
        publish_site([make_article()], settings, target)
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_output_folder_that_cannot_be_created(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    # /proc refuses new folders even to root, so this holds in CI containers too.
    with pytest.raises(OutputFolderError, match=r"Cannot create|not writable|failed"):
        publish_site([make_article()], settings, Path("/proc/newsdesk-test/site"))


def test_read_only_output_folder(
    make_article: ArticleFactory,
    settings: SiteSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import editor.core.publishing.publisher as publisher

    monkeypatch.setattr(publisher.os, "access", lambda path, mode: False)
    with pytest.raises(OutputFolderError, match="not writable"):
        publish_site([make_article()], settings, tmp_path / "site")


@pytest.mark.parametrize("where", ["equal", "inside", "contains"])
def test_forbidden_folder(
    where: str, make_article: ArticleFactory, settings: SiteSettings, tmp_path: Path
) -> None:
    database = tmp_path / "data"
    database.mkdir()
    (database / "archive.sqlite").write_bytes(b"precious")
    target = {"equal": database, "inside": database / "site", "contains": tmp_path}[where]
    with pytest.raises(OutputFolderError, match="overlaps"):
        publish_site([make_article()], settings, target, forbidden_dirs=[database])
    assert (database / "archive.sqlite").read_bytes() == b"precious"


def test_foreign_folder_is_never_replaced(
    make_article: ArticleFactory, settings: SiteSettings, tmp_path: Path
) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "thesis.txt").write_text("years of work", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="did not publish"):
        publish_site([make_article()], settings, documents)
    assert (documents / "thesis.txt").read_text(encoding="utf-8") == "years of work"


def test_empty_existing_folder_is_fine(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    output.mkdir()
    manifest = publish_site([make_article()], settings, output)
    assert (output / manifest.article_pages[1]).is_file()


def test_empty_title_and_body_block_publishing(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    articles = [make_article(title="   "), make_article(body_markdown="")]
    with pytest.raises(ArticleRejectedError) as caught:
        publish_site(articles, settings, output)
    codes = sorted(p.code for p in caught.value.problems)
    assert codes == ["body.missing", "title.missing"]
    assert "The title is empty." in str(caught.value)
    assert not output.exists()


def test_huge_bodies_warn_and_oversized_ones_block(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    large = make_article(body_markdown="word " * (LARGE_BODY_CHARS // 5 + 10))
    manifest = publish_site([large], settings, output)
    assert any("very long" in w for w in manifest.warnings)
    assert "min read" in (output / manifest.article_pages[large.id]).read_text(encoding="utf-8")
    oversized = make_article(body_markdown="x" * (MAX_BODY_CHARS + 1))
    with pytest.raises(ArticleRejectedError, match="at most"):
        publish_site([large, oversized], settings, output)


def test_article_in_a_language_the_site_lacks(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    with pytest.raises(ArticleRejectedError, match="not published in 'fr'"):
        publish_site([make_article(lang="fr")], settings, output)


def test_two_articles_at_one_address(
    make_article: ArticleFactory, settings: SiteSettings, output: Path
) -> None:
    with pytest.raises(DuplicatePathError, match="change the slug"):
        publish_site([make_article(slug="same"), make_article(slug="same")], settings, output)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("base_url", "javascript:alert(1)", "http"),
        ("base_url", "news.example.org", "http"),
        ("base_url", "https://x.org/?q=1", "must not contain"),
        ("languages", (), "no languages"),
        ("languages", ("de", "de"), "twice"),
        ("timezone", "Mars/Olympus", "time zone"),
    ],
)
def test_bad_settings(
    field: str,
    value: object,
    message: str,
    make_article: ArticleFactory,
    settings: SiteSettings,
    output: Path,
) -> None:
    with pytest.raises(InvalidSettingsError, match=message):
        publish_site([make_article()], dataclasses.replace(settings, **{field: value}), output)


def test_broken_override_template_is_reported(
    make_article: ArticleFactory, settings: SiteSettings, output: Path, tmp_path: Path
) -> None:
    override = tmp_path / "templates"
    override.mkdir()
    (override / "article.html").write_text("{% block main %}{{ oops(", encoding="utf-8")
    broken = dataclasses.replace(settings, template_override_dir=override)
    with pytest.raises(TemplateError, match=r"article\.html"):
        publish_site([make_article()], broken, output)
    assert not output.exists()


def test_all_errors_share_the_base_class() -> None:
    for error in (ArticleRejectedError([]), OutputFolderError("x"), UnsafePathError("x")):
        assert isinstance(error, PublishError)


@pytest.mark.parametrize(
    ("here", "target", "link"),
    [
        ("en/2026/x/index.html", "en/tags/ai/index.html", "../../tags/ai/"),
        ("en/2026/x/index.html", "site.css", "../../../site.css"),
        ("index.html", "de/index.html", "de/"),
        ("de/index.html", "index.html", "../"),
        ("de/index.html", "de/index.html", "./"),
        ("de/index.html", "de/feed.xml", "feed.xml"),
        ("en/2026/x/index.html", "de/2026/ü/index.html", "../../../de/2026/%C3%BC/"),
    ],
)
def test_relative_links(here: str, target: str, link: str) -> None:
    assert relative_url(here, target) == link
