"""Incremental publishing rewrites the pages that show an article, and nothing else."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from editor.core.publishing import PublishedArticle, PublishManifest, SiteSettings, publish_site

ArticleFactory = Callable[..., PublishedArticle]


def _snapshot(output: Path) -> dict[str, tuple[int, bytes]]:
    """Every published file -> (mtime in ns, content); the publisher's own folder left out."""
    files = {}
    for path in output.rglob("*"):
        relative = path.relative_to(output).as_posix()
        if path.is_file() and not relative.startswith(".newsdesk/"):
            files[relative] = (path.stat().st_mtime_ns, path.read_bytes())
    return files


def _age_all_files(output: Path) -> None:
    """Push every mtime into the past so a rewrite is visible even on coarse clocks."""
    for path in output.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1_000_000_000, 1_000_000_000))


def _edit(articles: list[PublishedArticle], article_id: int, **changes: object) -> None:
    index = next(i for i, a in enumerate(articles) if a.id == article_id)
    current = articles[index]
    articles[index] = dataclasses.replace(current, revision=current.revision + 1, **changes)  # type: ignore[arg-type]


def test_republishing_unchanged_site_writes_nothing(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    _age_all_files(output)
    before = _snapshot(output)
    manifest = publish_site(sample_articles, settings, output)
    assert not manifest.full_build
    assert manifest.written == () and manifest.removed == ()
    assert _snapshot(output) == before


def test_editing_one_article_touches_only_the_pages_that_show_it(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    _age_all_files(output)
    before = _snapshot(output)
    _edit(sample_articles, 11, title="PyTorch finds a new home", body_markdown="New *body*.")
    manifest = publish_site(sample_articles, settings, output)

    assert not manifest.full_build
    after = _snapshot(output)
    touched = {path for path in after if after[path] != before.get(path)}
    assert touched == set(manifest.written)
    expected = {
        "en/2026/pytorch-moves-to-foundation/index.html",
        "en/2026/pytorch-moves-to-foundation/article.json",
        "de/2026/pytorch-wechselt-zur-stiftung/article.json",  # translation names its headline
        "en/index.html",
        "en/2026/index.html",
        "en/feed.xml",
        "en/tags/pytorch/index.html",
        "en/tags/meta/index.html",
        "en/tags/thinking-machines-lab/index.html",
        # The other English pages list it under "Recent posts", with its new title.
        "en/2025/chips-get-cheaper/index.html",
        "en/2026/a-lab-opens/index.html",
    }
    assert expected <= touched
    assert touched <= expected | {"sitemaps/en-2026-05.xml", "sitemaps/de-2026-05.xml"}
    recent = (output / "en/2025/chips-get-cheaper/index.html").read_text(encoding="utf-8")
    assert "PyTorch finds a new home" in recent.split("<!--recent-->")[1]
    # Everything else is byte for byte and time for time what it was.
    for path in before.keys() - touched:
        assert after[path] == before[path], path
    assert "PyTorch finds a new home" in (output / "en/index.html").read_text(encoding="utf-8")
    assert "<em>body</em>" in (output / "en/2026/pytorch-moves-to-foundation/index.html").read_text(
        encoding="utf-8"
    )


def test_new_article_adds_its_pages_and_keeps_the_old_ones(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
    make_article: ArticleFactory,
) -> None:
    _age_all_files(output)
    before = _snapshot(output)
    fresh = make_article(id=50, lang="de", slug="neu", title="Ganz neu", tags=("Neues Schlagwort",))
    manifest = publish_site([*sample_articles, fresh], settings, output)
    assert manifest.article_pages[50] == "de/2026/neu/index.html"
    assert {
        "de/2026/neu/index.html",
        "de/2026/neu/article.json",
        "de/tags/neues-schlagwort/index.html",
    } <= set(manifest.written)
    assert not any(path.startswith("en/") for path in manifest.written)
    after = _snapshot(output)
    assert before.keys() <= after.keys()
    assert (
        after["en/2026/pytorch-moves-to-foundation/index.html"]
        == before["en/2026/pytorch-moves-to-foundation/index.html"]
    )


def test_changed_slug_moves_the_page_and_fixes_links_to_it(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    _edit(sample_articles, 13, slug="a-lab-opens-in-berlin")
    manifest = publish_site(sample_articles, settings, output)
    assert "en/2026/a-lab-opens/index.html" in manifest.removed
    assert not (output / "en/2026/a-lab-opens").exists()
    assert (output / "en/2026/a-lab-opens-in-berlin/index.html").is_file()
    # Article 11 links to 13 as related: its page now links to the new address.
    linking = (output / "en/2026/pytorch-moves-to-foundation/index.html").read_text(
        encoding="utf-8"
    )
    assert "a-lab-opens-in-berlin/" in linking and 'a-lab-opens/"' not in linking


def test_unpublishing_removes_pages_and_empty_tags(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    remaining = [a for a in sample_articles if a.id != 12]  # the only "Hardware" and 2025 article
    manifest = publish_site(remaining, settings, output)
    for gone in (
        "en/2025/chips-get-cheaper/index.html",
        "en/tags/hardware/index.html",
        "en/2025/index.html",
    ):
        assert gone in manifest.removed
        assert not (output / gone).exists()
    assert not (output / "sitemaps/en-2025-11.xml").exists()
    assert "Chips get cheaper" not in (output / "en/index.html").read_text(encoding="utf-8")
    assert "en-2025-11" not in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_removing_a_translation_updates_the_switcher(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    remaining = [a for a in sample_articles if a.id != 10]
    publish_site(remaining, settings, output)
    english = (output / "en/2026/pytorch-moves-to-foundation/index.html").read_text(
        encoding="utf-8"
    )
    assert 'hreflang="de" href="https://' not in english  # no alternate any more
    assert 'href="../../../de/"' in english  # the switcher leads to the German front page


def test_changed_settings_rebuild_the_whole_site(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    renamed = dataclasses.replace(settings, site_name="Tech Desk Weekly")
    manifest = publish_site(sample_articles, renamed, output)
    assert manifest.full_build
    assert "Tech Desk Weekly" in (output / "en/2025/chips-get-cheaper/index.html").read_text(
        "utf-8"
    )


def test_full_rebuild_on_request(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    manifest = publish_site(sample_articles, settings, output, full_rebuild=True)
    assert manifest.full_build and set(manifest.written) == set(published.written)


def test_changed_ids_force_a_rewrite_without_a_new_revision(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    page = output / "en/2025/chips-get-cheaper/index.html"
    page.write_text("damaged", encoding="utf-8")
    manifest = publish_site(sample_articles, settings, output, changed_ids=[12])
    assert "en/2025/chips-get-cheaper/index.html" in manifest.written
    assert "Chips get cheaper" in page.read_text(encoding="utf-8")


def test_lost_state_falls_back_to_a_full_build(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    (output / ".newsdesk/state.json").write_text("{not json", encoding="utf-8")
    manifest = publish_site(sample_articles, settings, output)
    assert manifest.full_build
    assert publish_site(sample_articles, settings, output).written == ()


def test_the_state_of_the_last_run_is_remembered_until_someone_else_writes_it(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from editor.core.publishing import state as publisher
    from editor.core.publishing.writer import STATE_FILE

    publish_site(sample_articles, settings, output)
    parsed: list[int] = []
    real_loads = publisher.json.loads

    def counting_loads(data: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(data, bytes) and data.startswith(b'{"format":'):  # the state file
            parsed.append(len(data))
        return real_loads(data, *args, **kwargs)

    monkeypatch.setattr(publisher.json, "loads", counting_loads)
    _edit(sample_articles, sample_articles[0].id, title="Neuer Titel")
    manifest = publish_site(sample_articles, settings, output)
    assert not manifest.full_build
    assert parsed == [], "this process's own state file was not parsed again"
    state_file = output / STATE_FILE
    document = real_loads(state_file.read_bytes())
    assert document["format"] == publisher.STATE_FORMAT
    assert sorted(row[0] for row in document["articles"]) == sorted(a.id for a in sample_articles)
    title_row = next(row for row in document["articles"] if row[0] == sample_articles[0].id)
    assert title_row[1] == sample_articles[0].signature

    # Another writer (a second program on a shared folder) leaves a different file.
    copy = state_file.with_name("copy")
    copy.write_bytes(state_file.read_bytes())
    os.replace(copy, state_file)
    _edit(sample_articles, sample_articles[1].id, title="Noch ein Titel")
    manifest = publish_site(sample_articles, settings, output)
    assert not manifest.full_build
    assert len(parsed) == 1, "a state file written by someone else is read again"
    assert "Noch ein Titel" in (output / manifest.article_pages[sample_articles[1].id]).read_text(
        encoding="utf-8"
    )


def _full_render(articles: list[PublishedArticle], settings: SiteSettings, root: Path) -> Path:
    publish_site(articles, settings, root, full_rebuild=True)
    return root


def test_new_recent_posts_are_patched_into_every_other_page_of_the_language(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
    make_article: ArticleFactory,
    tmp_path: Path,
) -> None:
    from editor.core.publishing import render

    rendered: list[int] = []
    real = render.article_page

    def counting(site, article_id, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(article_id)
        return real(site, article_id, **kwargs)

    newest = max(a.published_at for a in sample_articles)
    fresh = make_article(
        id=99, lang="en", slug="brand-new", title="A brand new story", published_at=newest
    )
    sample_articles.append(dataclasses.replace(fresh, published_at=newest.replace(year=2027)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "article_page", counting)
        manifest = publish_site(sample_articles, settings, output)
    assert not manifest.full_build
    english = [a for a in sample_articles if a.lang == "en" and a.id != 99]
    for article in english:
        page = output / manifest.article_pages[article.id]
        assert "A brand new story" in page.read_text(encoding="utf-8").split("<!--recent-->")[1]
        assert manifest.article_pages[article.id] in manifest.written
    assert 99 in rendered
    assert not set(rendered) & {a.id for a in english}, "patched, not rendered again"
    german = [a for a in sample_articles if a.lang == "de"]
    assert all(manifest.article_pages[a.id] not in manifest.written for a in german)
    # Byte for byte what a full build writes.
    again = _full_render(sample_articles, settings, tmp_path / "again" / "site")
    for article in sample_articles:
        relative = manifest.article_pages[article.id]
        assert (output / relative).read_bytes() == (again / relative).read_bytes(), relative


def test_a_page_without_the_markers_is_rendered_anew(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    victim = next(a for a in sample_articles if a.lang == "en")
    page = output / published.article_pages[victim.id]
    page.write_text("<html>edited by hand, no markers</html>", encoding="utf-8")
    changed = next(a for a in sample_articles if a.lang == "en" and a.id != victim.id)
    _edit(sample_articles, changed.id, title="Another headline")
    manifest = publish_site(sample_articles, settings, output)
    assert published.article_pages[victim.id] in manifest.written
    text = page.read_text(encoding="utf-8")
    assert "Another headline" in text and "edited by hand" not in text


def test_a_body_edit_rewrites_only_what_shows_the_body(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
    tmp_path: Path,
) -> None:
    _age_all_files(output)
    before = _snapshot(output)
    _edit(sample_articles, 11, body_markdown="A corrected *body*, nothing else.")
    manifest = publish_site(sample_articles, settings, output)
    after = _snapshot(output)
    touched = {path for path in after if after[path] != before.get(path)}
    assert touched == set(manifest.written)
    assert touched == {
        "en/2026/pytorch-moves-to-foundation/index.html",
        "en/2026/pytorch-moves-to-foundation/article.json",
        "de/2026/pytorch-wechselt-zur-stiftung/article.json",  # names the new version
        "en/feed.xml",
    }
    # Whatever was left alone is what a full build writes now.
    again = tmp_path / "again" / "site"
    publish_site(sample_articles, settings, again, full_rebuild=True)
    fresh = _snapshot(again)
    assert {p: c for p, (_, c) in after.items()} == {p: c for p, (_, c) in fresh.items()}


@pytest.mark.parametrize(
    "changes",
    [
        {"teaser": "A new teaser."},
        {"author": "Someone Else"},
        {"tags": ("PyTorch", "Linux Foundation")},
        {"title": "PyTorch has a new home"},
        {"body_markdown": "Only the body.", "updated_at": datetime(2026, 6, 1, tzinfo=UTC)},
    ],
    ids=["teaser", "author", "tags", "title", "body and update time"],
)
def test_every_kind_of_edit_leaves_the_site_a_full_build_would_write(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
    tmp_path: Path,
    changes: dict[str, Any],
) -> None:
    _edit(sample_articles, 11, **changes)
    manifest = publish_site(sample_articles, settings, output)
    assert not manifest.full_build and manifest.written
    again = tmp_path / "again" / "site"
    publish_site(sample_articles, settings, again, full_rebuild=True)
    incremental = {p: c for p, (_, c) in _snapshot(output).items()}
    assert incremental == {p: c for p, (_, c) in _snapshot(again).items()}


def test_recent_posts_can_follow_in_a_later_run(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
    make_article: ArticleFactory,
) -> None:
    newest = max(a.published_at for a in sample_articles)
    fresh = make_article(
        id=77, lang="en", slug="breaking", title="Breaking story", published_at=newest
    )
    sample_articles.append(dataclasses.replace(fresh, published_at=newest.replace(year=2027)))
    first = publish_site(sample_articles, settings, output, defer_recent_posts=True)
    other = output / published.article_pages[11]
    assert (output / first.article_pages[77]).is_file(), "the new article is online"
    assert "Breaking story" in (output / "en/index.html").read_text(encoding="utf-8")
    assert "Breaking story" not in other.read_text(encoding="utf-8"), "left for later"
    assert first.recent_posts_due == 3  # the three other English pages
    second = publish_site(sample_articles, settings, output)
    assert second.recent_posts_due == 0
    assert published.article_pages[11] in second.written
    assert "Breaking story" in other.read_text(encoding="utf-8").split("<!--recent-->")[1]
    assert publish_site(sample_articles, settings, output).written == ()
