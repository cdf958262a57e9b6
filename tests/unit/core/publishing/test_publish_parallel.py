"""A large full build renders in worker processes: the same site, byte for byte."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from editor.core import parallel
from editor.core.publishing import SiteSettings, publish_site
from editor.core.publishing import publisher as publisher_module

from .conftest import ArticleFactory

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="worker processes are forked on Linux only"
)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_workers_write_the_same_site_as_one_process(
    make_article: ArticleFactory,
    settings: SiteSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fork_allowed: None,
) -> None:
    articles = [
        make_article(
            lang="de" if n % 2 else "en",
            group=n // 2,
            tags=(f"Thema {n % 7}", "Chips"),
            body_markdown=f"Absatz {n} über *Halbleiter*.\n\n- Punkt {n}",
        )
        for n in range(240)
    ]
    asked: list[int] = []

    def suggest(article_id: int, top: int) -> list[int]:
        asked.append(article_id)
        return [i for i in range(article_id - 2 * top, article_id, 2) if i > 0]

    forks: list[int] = []
    real_fork_map = parallel.fork_map

    def counting(function, chunks, workers):  # type: ignore[no-untyped-def]
        forks.append(len(chunks))
        return real_fork_map(function, chunks, workers)

    monkeypatch.setattr(parallel, "fork_map", counting)
    monkeypatch.setattr(parallel, "worker_count", lambda requested=None: 2)
    assert parallel.can_fork()
    forked = publish_site(articles, settings, tmp_path / "a" / "site", suggest=suggest)
    assert forks and forks[0] >= 2, "the pages were rendered by worker processes"
    assert sorted(asked) == sorted(a.id for a in articles), "every page asked once, here"

    monkeypatch.setattr(publisher_module.parallel, "can_fork", lambda: False)
    alone = publish_site(articles, settings, tmp_path / "b" / "site", suggest=suggest)
    assert len(forks) == 1
    assert forked.written == alone.written
    assert len(forked.written) >= publisher_module.MIN_FILES_FOR_WORKERS
    assert _files(tmp_path / "a" / "site") == _files(tmp_path / "b" / "site")
