"""How a full build moves its files in: new folders whole, unchanged files not at all."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from editor.core.publishing import PublishedArticle, PublishManifest, SiteSettings, publish_site
from editor.core.publishing.writer import STATE_FILE, FullBuild


def test_a_full_rebuild_leaves_files_that_did_not_change(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    page = output / published.article_pages[11]
    os.utime(page, (1_000_000, 1_000_000))
    edited = output / published.article_pages[10]
    edited.write_text("changed by hand", encoding="utf-8")
    manifest = publish_site(sample_articles, settings, output, full_rebuild=True)
    assert manifest.full_build and set(manifest.written) == set(published.written)
    assert page.stat().st_mtime == 1_000_000  # the same bytes: not rewritten
    assert edited.read_text(encoding="utf-8") != "changed by hand"  # rewritten


def test_a_full_rebuild_moves_a_new_article_folder_in_whole(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    renamed = dataclasses.replace(settings, site_name="Renamed")
    fresh = dataclasses.replace(sample_articles[-1], id=99, slug="ganz-neu")
    manifest = publish_site([*sample_articles, fresh], renamed, output)
    assert manifest.full_build
    assert (output / manifest.article_pages[99]).is_file()
    assert "Renamed" in (output / manifest.article_pages[99]).read_text(encoding="utf-8")
    assert not (output / ".newsdesk/staging").exists()


def test_a_folder_made_by_somebody_after_staging_gets_the_files_moved_in_one_by_one(
    output: Path,
) -> None:
    output.mkdir()
    build = FullBuild(output)
    for relative in ("en/2025/new/index.html", "en/2025/new/article.json"):
        build.record(relative, build.write(relative, relative.encode()))
    assert len(build.moves) == 1  # the whole en/ folder
    (output / "en/2025/new").mkdir(parents=True)
    (output / "en/2025/new/notes.txt").write_text("mine", encoding="utf-8")
    build.commit(b"{}", written_before=())
    assert (output / "en/2025/new/index.html").read_bytes() == b"en/2025/new/index.html"
    assert (output / "en/2025/new/article.json").read_bytes() == b"en/2025/new/article.json"
    assert (output / "en/2025/new/notes.txt").read_text(encoding="utf-8") == "mine"
    assert (output / STATE_FILE).read_bytes() == b"{}"
    assert not (output / ".newsdesk/staging").exists()
