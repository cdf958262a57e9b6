"""A publish that fails or is killed half-way never leaves a half-published site."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core.publishing import (
    PublishedArticle,
    PublishManifest,
    SiteSettings,
    UnsafePathError,
    publish_site,
    render,
    writer,
)

ArticleFactory = Callable[..., PublishedArticle]
REPO = Path(__file__).resolve().parents[4]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and ".newsdesk" not in p.parts
    }


def _siblings(output: Path) -> set[str]:
    return {
        p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.newsdesk-")
    }


def _run_and_kill(
    tmp_path: Path,
    articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    patch: str,
) -> None:
    """Publish in a child process that SIGKILLs itself at the point ``patch`` sets up."""
    payload = tmp_path / "payload.pickle"
    payload.write_bytes(pickle.dumps((articles, settings, output)))
    script = (
        textwrap.dedent(
            """
        import os, pickle, signal, sys
        from editor.core.publishing import publish_site, writer
        articles, settings, output = pickle.loads(open(sys.argv[1], "rb").read())
        calls = 0
        def die_after(limit, original):
            def wrapper(*args, **kwargs):
                global calls
                calls += 1
                if calls > limit:
                    os.kill(os.getpid(), signal.SIGKILL)
                return original(*args, **kwargs)
            return wrapper
        """
        )
        + textwrap.dedent(patch)
        + "\npublish_site(articles, settings, output)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(payload)], env=env, capture_output=True, timeout=120
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()


@pytest.fixture
def bigger_site(
    sample_articles: list[PublishedArticle], make_article: ArticleFactory
) -> list[PublishedArticle]:
    return sample_articles + [make_article(id=100 + n, tags=("Bulk",)) for n in range(30)]


def _changed(articles: list[PublishedArticle]) -> list[PublishedArticle]:
    """The same site with one article edited (incremental) ..."""
    result = list(articles)
    index = next(i for i, a in enumerate(result) if a.id == 11)
    result[index] = dataclasses.replace(
        result[index], title="Edited title", revision=result[index].revision + 1
    )
    return result


def test_full_build_killed_mid_way_leaves_the_old_site(
    tmp_path: Path,
    bigger_site: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    before = _snapshot(output)
    renamed = dataclasses.replace(settings, site_name="Renamed")  # forces a full build
    _run_and_kill(
        tmp_path,
        bigger_site,
        renamed,
        output,
        "writer.FullBuild.write = die_after(20, writer.FullBuild.write)",
    )
    assert _snapshot(output) == before
    assert (output / ".newsdesk/staging").exists()  # the half-written build
    manifest = publish_site(bigger_site, renamed, output)
    assert manifest.full_build
    assert _siblings(output) == set()
    assert not (output / ".newsdesk/staging").exists()
    assert "Renamed" in (output / "en/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("moved", [0, 1, 7, 40])
def test_full_build_killed_while_applying_is_finished_by_recovery(
    tmp_path: Path,
    bigger_site: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
    moved: int,
) -> None:
    renamed = dataclasses.replace(settings, site_name="Renamed")
    reference = tmp_path / "reference"
    publish_site(bigger_site, renamed, reference)
    # The journal's own rename is the first replace; die after ``moved`` files more.
    _run_and_kill(
        tmp_path,
        bigger_site,
        renamed,
        output,
        f"writer.os.replace = die_after({moved + 1}, writer.os.replace)",
    )
    assert (output / ".newsdesk/journal.json").is_file()
    writer.recover(output)  # what the next run, or the next command, does first
    assert _snapshot(output) == _snapshot(reference)
    assert publish_site(bigger_site, renamed, output).written == ()


def test_recovery_brings_the_old_site_back_when_the_build_was_incomplete(
    published: PublishManifest, output: Path
) -> None:
    before = _snapshot(output)
    old = writer.old_dir_for(output)
    output.rename(old)
    build = writer.build_dir_for(output)
    (build / "en").mkdir(parents=True)
    (build / "en/index.html").write_text("half", encoding="utf-8")  # no state file: incomplete
    writer.recover(output)
    assert _snapshot(output) == before
    assert not build.exists() and not old.exists()


def test_incremental_killed_while_staging_leaves_the_old_site(
    tmp_path: Path,
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    before = _snapshot(output)
    _run_and_kill(
        tmp_path,
        _changed(sample_articles),
        settings,
        output,
        "writer.IncrementalUpdate._stage = die_after(3, writer.IncrementalUpdate._stage)",
    )
    assert _snapshot(output) == before
    assert (output / ".newsdesk/staging").exists()
    manifest = publish_site(_changed(sample_articles), settings, output)
    assert not manifest.full_build and not (output / ".newsdesk/staging").exists()
    assert "Edited title" in (output / "en/index.html").read_text(encoding="utf-8")


def test_incremental_killed_while_applying_is_completed_by_the_next_run(
    tmp_path: Path,
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    changed = _changed(sample_articles)
    reference = tmp_path / "reference"
    shutil.copytree(output, reference)
    _run_and_kill(
        tmp_path,
        changed,
        settings,
        output,
        # The journal's own rename is the first replace; die after two more files moved.
        "writer.os.replace = die_after(3, writer.os.replace)",
    )
    assert (output / ".newsdesk/journal.json").is_file()
    writer.recover(output)
    assert not (output / ".newsdesk/journal.json").exists()
    # The recovered site is exactly what an uninterrupted publish gives.
    assert not publish_site(changed, settings, reference).full_build
    assert _snapshot(output) == _snapshot(reference)
    assert publish_site(changed, settings, output).written == ()


def test_exception_while_rendering_leaves_the_old_site(
    bigger_site: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _snapshot(output)
    calls = {"n": 0}
    original = render.article_page

    def failing(site: object, article_id: int, **kwargs: object) -> str:
        calls["n"] += 1
        if calls["n"] == 10:
            raise RuntimeError("disk on fire")
        return original(site, article_id, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(render, "article_page", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        publish_site(bigger_site, settings, output)
    assert _snapshot(output) == before
    assert _siblings(output) == set()
    assert not (output / ".newsdesk/staging").exists()


def test_leftovers_beside_a_complete_site_are_removed(
    published: PublishManifest, output: Path
) -> None:
    before = _snapshot(output)
    for leftover in (writer.old_dir_for(output), writer.build_dir_for(output)):
        (leftover / "en").mkdir(parents=True)
        (leftover / "en/index.html").write_text("stale", encoding="utf-8")
    writer.recover(output)
    assert _siblings(output) == set()
    assert _snapshot(output) == before


def test_concurrent_runs_on_one_folder_take_turns(
    bigger_site: list[PublishedArticle], settings: SiteSettings, output: Path
) -> None:
    import threading

    errors: list[BaseException] = []
    variants = [
        bigger_site,
        _changed(bigger_site),
    ]

    def run(articles: list[PublishedArticle]) -> None:
        try:
            publish_site(articles, settings, output)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(v,)) for v in variants for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _siblings(output) == set()
    # Whatever order the runs took, one more run brings the site to a settled state.
    final = publish_site(variants[1], settings, output)
    assert publish_site(variants[1], settings, output).written == ()
    assert (output / final.article_pages[11]).read_text(encoding="utf-8").count("Edited title") >= 1


def test_a_journal_left_by_an_older_version_is_still_applied(
    output: Path, published: PublishManifest
) -> None:
    # Before numbered staging files, a journal named each file by its path alone.
    staged = output / ".newsdesk/staging/en/index.html"
    staged.parent.mkdir(parents=True)
    staged.write_text("<p>from the journal</p>", encoding="utf-8")
    journal = {"moves": ["en/index.html"], "deletes": []}
    (output / ".newsdesk/journal.json").write_text(json.dumps(journal), encoding="utf-8")
    writer.recover(output)
    assert (output / "en/index.html").read_text(encoding="utf-8") == "<p>from the journal</p>"
    assert not (output / ".newsdesk/journal.json").exists()
    assert not (output / ".newsdesk/staging").exists()


def test_a_folder_replaced_by_a_link_outside_is_refused(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (output / "en").rename(tmp_path / "moved-en")
    (output / "en").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePathError):
        publish_site(_changed(sample_articles), settings, output)
    assert list(outside.iterdir()) == []


def test_a_full_rebuild_keeps_the_files_somebody_else_put_there(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    (output / "CNAME").write_text("news.example.org\n", encoding="utf-8")
    (output / ".git").mkdir()
    (output / ".git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (output / "images").mkdir()
    (output / "images/logo.png").write_bytes(b"\x89PNG")
    (output / "en/notes.txt").write_text("mine", encoding="utf-8")  # inside a site folder
    manifest = publish_site(sample_articles, settings, output, full_rebuild=True)
    assert manifest.full_build and manifest.removed == ()
    assert (output / "CNAME").read_text(encoding="utf-8") == "news.example.org\n"
    assert (output / ".git/HEAD").is_file()
    assert (output / "images/logo.png").read_bytes() == b"\x89PNG"
    assert (output / "en/notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_full_rebuild_removes_only_what_newsdesk_wrote_and_says_so(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    gone = next(a for a in sample_articles if a.id == 11)
    page = published.article_pages[gone.id]
    assert (output / page).is_file()
    (output / "CNAME").write_text("news.example.org\n", encoding="utf-8")
    rest = [a for a in sample_articles if a.id != gone.id]
    manifest = publish_site(rest, settings, output, full_rebuild=True)
    assert page in manifest.removed
    assert all(not (output / p).exists() for p in manifest.removed)
    assert "CNAME" not in manifest.removed and (output / "CNAME").is_file()
    # Truthful: everything reported was there before, and is gone now.
    assert set(manifest.removed) <= set(published.written)


def test_an_incremental_run_reports_only_files_that_were_there(
    sample_articles: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    published: PublishManifest,
) -> None:
    gone = next(a for a in sample_articles if a.id == 11)
    (output / published.article_pages[gone.id]).unlink()  # somebody deleted it already
    rest = [a for a in sample_articles if a.id != gone.id]
    manifest = publish_site(rest, settings, output)
    assert not manifest.full_build
    assert published.article_pages[gone.id] not in manifest.removed
    assert all(p in published.written for p in manifest.removed)


@pytest.mark.parametrize("moved", [0, 1, 3])
def test_first_build_killed_while_moving_its_folders_in_is_finished_by_recovery(
    tmp_path: Path,
    bigger_site: list[PublishedArticle],
    settings: SiteSettings,
    output: Path,
    moved: int,
) -> None:
    reference = tmp_path / "reference"
    publish_site(bigger_site, settings, reference)
    # A first build moves each new top folder (en/, de/, sitemaps/) in with one rename.
    _run_and_kill(
        tmp_path,
        bigger_site,
        settings,
        output,
        f"writer.os.replace = die_after({moved + 1}, writer.os.replace)",
    )
    assert (output / ".newsdesk/journal.json").is_file()
    writer.recover(output)
    assert _snapshot(output) == _snapshot(reference)
    assert not (output / ".newsdesk/staging").exists()
    assert publish_site(bigger_site, settings, output).written == ()
