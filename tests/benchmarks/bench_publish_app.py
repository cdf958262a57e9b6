"""Publishing end to end, through the app: what an editor waits for.

``bench_publish.py`` times the core publisher alone with a stand-in for the
related-links engine.  This script goes through ``PublishService`` on a real
(synthetic) archive, as ``newsdesk publish`` and the window do:

1. first full publish of every ready and published article of a 10k archive
   that has never been published: reads the archive, builds the related-links
   index, computes the related links that fill every page, renders and writes
   the site, records the publications (what ``newsdesk publish --all --full``
   does on a fresh archive);
2. a second full rebuild in the same process (index and fill lists known);
3. incremental publishes of one edited article in the running program
   (edit through ``ArticleService.update``, then ``publish([id])``), median;
4. publishing a new article: online (its pages, lists, feed) first, then the
   recent posts of every other page of its language are patched (both times
   reported; the first against the incremental target).

Targets: full publish of 10,000 articles <= 60 s; incremental <= 300 ms.
Run: ``python tests/benchmarks/bench_publish_app.py [--articles N] [--runs K]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` and `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_publish import cpu_seconds
from tests.benchmarks.guibench import cached_archive, isolate_user_folders


def _timed(label: str, action):  # type: ignore[no-untyped-def]
    started, cpu = time.perf_counter(), cpu_seconds()
    result = action()
    wall, used = time.perf_counter() - started, cpu_seconds() - cpu
    print(f"{label}: {wall:.1f} s wall, {used:.1f} s CPU (worker processes included)", flush=True)
    return result, wall


def main() -> int:
    from editor.core import parallel

    parallel.prepare_process()  # a program entry: before anything loads NumPy
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    archive = cached_archive(args.articles)
    home = isolate_user_folders()
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-publish-"))
    db_path = work / "db" / "archive.sqlite"  # the site must not overlap the archive's folder
    db_path.parent.mkdir()
    shutil.copyfile(archive, db_path)
    output = work / "out" / "site"

    from editor.app.workspace import Workspace
    from editor.core.workflow import Status

    try:
        ws = Workspace.open(str(db_path))
        publishing = ws.publishing
        result, first = _timed(
            "first full publish (index, fill lists, site)",
            lambda: publishing.publish(None, output, full_rebuild=True),
        )
        print(
            f"  {len(result.published)} articles published, "
            f"{len(result.manifest.written)} files written",
            flush=True,
        )
        _, second = _timed(
            "second full rebuild (same process)",
            lambda: publishing.publish(None, output, full_rebuild=True),
        )

        ids = result.published[-args.runs :]
        timings = []
        for n, article_id in enumerate(ids):
            article = ws.articles.get(article_id)
            ws.articles.update(article_id, {"body": article.body + f"\n\nUpdate {n}."})
            started = time.perf_counter()
            run = publishing.publish([article_id], output)
            timings.append(time.perf_counter() - started)
            assert not run.manifest.full_build, "an incremental run rebuilt the site"
        median_ms = statistics.median(timings) * 1000
        print(
            f"incremental publish of one edited article: median {median_ms:.0f} ms, "
            f"min {min(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms "
            f"over {len(timings)} runs",
            flush=True,
        )
        # A new article goes out: it enters its language's recent posts, so every other
        # page of that language gets the new list patched in. As the window does it: the
        # article goes online first, the other pages' recent posts follow.
        online, refreshed, due = [], [], 0
        for n in range(3):
            fresh = ws.articles.create(
                language="de",
                title=f"Eilmeldung Nummer {n}: Chiphersteller meldet Rekordquartal",
                teaser="Ein neuer Beitrag für die Messung.",
                body="Der Chiphersteller meldet ein Rekordquartal. " * 40,
                status=Status.READY,
                tags=["Chips"],
            )
            started = time.perf_counter()
            run = publishing.publish([fresh.id], output, defer_recent_posts=True)
            online.append(time.perf_counter() - started)
            assert not run.manifest.full_build and fresh.id in run.published
            due = run.manifest.recent_posts_due
            publishing.refresh_recent_posts(output)
            refreshed.append(time.perf_counter() - started)
        online_ms = statistics.median(online) * 1000
        print(
            f"publishing a new article: online after a median {online_ms:.0f}"
            f" ms; recent posts of the {due} other pages of its language refreshed after "
            f"{statistics.median(refreshed):.1f} s (3 runs)",
            flush=True,
        )
        ws.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)

    ok = first <= 60 and second <= 60 and median_ms <= 300 and online_ms <= 300
    print("targets (full <= 60 s, incremental <= 300 ms):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
