"""The Page tab: time to show the published page of a 1,500-word article, first and next.

    python tests/benchmarks/bench_page_preview.py [--n 0] [--nexts 10] [--profile]

The real main window (offscreen Qt) on the sample archive plus ``--n`` synthetic
articles (0: the samples only) and one article of 1,500 words.  "first" is the
first switch to the Page tab after the start (the panel is built, the page
rendered and laid out); "next" is the page shown again after an edit of the
article was saved (what the editor sees while writing) and after moving to
another article with the tab open.  The time runs until the new page is set
in the page browser (``preview_updated``).  ``--profile`` prints where the time of the first show
went (the render on the runner's thread and the layout on the GUI thread).

Measured 2026-12-03 on the samples plus one 1,500-word article, 2 cores under a load
average of 10-12 (other sessions' test runs), so every figure is inflated:

- before (5e76527): first show 15.4 s, all of it the related-links index (the bilingual
  dictionary parsed and the index built before the page could be rendered);
- after: first show 0.76-0.84 s (the panel built, the publishing package imported, the
  templates compiled, the page laid out), its related links 17-27 s later while the index
  is built on the runner; next, after a saved edit, p50 174-215 ms; moving to another
  article p50 256-366 ms.  The render alone, index loaded: 26-52 ms a page.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.guibench import (
    cached_archive,
    idle,
    isolate_user_folders,
    run_until,
    start_window,
    summary_ms,
)

WORDS = 1500


def _long_body(words: int) -> str:
    sentence = (
        "Der Chiphersteller aus Dresden baut seine Fertigung aus und stellt dafür "
        "zweihundert Fachkräfte ein, sagte die Sprecherin am Dienstag."
    )
    per = len(sentence.split())
    paragraphs = []
    for n in range(words // (per * 4) + 1):
        paragraphs.append(f"## Abschnitt {n + 1}\n\n" if n % 3 == 0 else "")
        paragraphs[-1] += " ".join([sentence] * 4)
    return "\n\n".join(paragraphs)


def _archive(n: int, folder: Path) -> Path:
    target = folder / "archive.sqlite"
    if n:
        shutil.copy(cached_archive(n), target)
    from editor.app.samples import load_samples
    from editor.app.workspace import Workspace
    from editor.store.database import sqlite_url

    ws = Workspace.open(sqlite_url(target), user="bench", create=True)
    try:
        load_samples(ws)
        ws.articles.create(
            title="Chipfabrik in Dresden wächst",
            teaser="Zweihundert neue Stellen.",
            body=_long_body(WORDS),
            language="de",
        )
    finally:
        ws.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=0, help="synthetic articles besides samples")
    parser.add_argument("--nexts", type=int, default=10)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    isolate_user_folders()
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-bench-page-"))
    archive = _archive(args.n, folder)

    from editor.ui.article_editor import PAGE_TAB, WRITE_TAB

    app, window = start_window(archive, folder / "settings.ini")
    window.resize(1400, 900)
    window.show()
    idle(500)
    long_id = max(a.id for a in window.ws.articles.list())
    window.open_article(long_id)
    idle(300)

    profiler = cProfile.Profile() if args.profile else None
    shown: list[int] = []
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    window.editor.tabs.setCurrentIndex(PAGE_TAB)
    panel = window.panels.built("page")
    assert panel is not None
    panel.preview_updated.connect(shown.append)
    run_until(lambda: bool(shown), timeout=60)
    first = time.perf_counter() - started
    if profiler:
        profiler.disable()
    # the suggested related links follow once the index is loaded or built
    run_until(lambda: not panel.links_pending and not panel.busy, timeout=300)
    whole = time.perf_counter() - started
    words = len(window.editor.body.toPlainText().split())

    nexts: list[float] = []
    for n in range(args.nexts):
        shown.clear()
        started = time.perf_counter()
        window.ws.articles.update(long_id, {"teaser": f"Zweihundert neue Stellen ({n})."})
        run_until(lambda: bool(shown), timeout=60)
        # the panel waits for typing to pause (its refresh delay) before it renders
        nexts.append(time.perf_counter() - started - panel._refresh_timer.interval() / 1000)
    others = [a.id for a in window.ws.articles.list() if a.id != long_id][:5]
    moves: list[float] = []
    for other in [*others, long_id]:
        shown.clear()
        started = time.perf_counter()
        window.open_article(other)
        run_until(lambda: bool(shown), timeout=60)
        moves.append(time.perf_counter() - started)
    window.editor.tabs.setCurrentIndex(WRITE_TAB)
    print(f"article of {words} words, archive of {window.ws.articles.count()} articles")
    print(f"first show of the Page tab: {first * 1000:.0f} ms")
    print(f"  … and with its suggested related links: {whole * 1000:.0f} ms")
    print(f"next, after a saved edit (refresh delay excluded): {summary_ms(nexts)}")
    print(f"next, moving to another article: {summary_ms(moves)}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    window.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
