"""Two editors (two processes) saving the same articles: nothing may be lost.

    python tests/benchmarks/bench_concurrent_saves.py [--saves 1000] [--articles 8]
        [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Each process plays an editor: it keeps its own screen text of every article
and the version that text is based on (as the window and autosave do), edits a
paragraph by adding a marker of its own, and saves through
``ArticleService.update`` stating that version and base.  The two run at
once, so many saves come from a version the other editor has moved on from;
half the edits touch a paragraph the other editor also edits (the same
paragraph), half a paragraph of their own (different paragraphs).

Each save *lands* (nothing saved meanwhile), is *merged*, or raises a
*conflict* (both texts kept as revisions; the editor then takes the saved text
and goes on).  Afterwards every marker of a landed or merged save must be in
the final text, and every marker of a conflicting save in a revision: what is
in neither is *lost* (target 0).  Run on SQLite, and on PostgreSQL when the
server answers.  Exit status 1 when anything was lost.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

PARAGRAPHS = 6
SHARED = 2  # the paragraph both editors edit ("same paragraph" saves)


def _body() -> str:
    return "\n\n".join(f"Paragraph {i}." for i in range(PARAGRAPHS))


def _edit(text: str, paragraph: int, marker: str) -> str:
    parts = text.split("\n\n")
    parts[paragraph] = f"{parts[paragraph]} {marker}"
    return "\n\n".join(parts)


def _editor(url: str, name: str, ids: list[int], saves: int, seed: int, out: mp.Queue) -> None:
    from editor.app.articles import EditConflict, base_of
    from editor.app.workspace import Workspace
    from editor.store.database import open_database

    ws = Workspace(db=open_database(url, upgrade=False), user=name)
    rng = random.Random(seed)
    screens = {i: ws.articles.get(i) for i in ids}
    own = [p for p in range(PARAGRAPHS) if p != SHARED][0 if name == "A" else 3 :][:2]
    outcomes: Counter[str] = Counter()
    landed: list[tuple[int, str]] = []
    conflicted: list[tuple[int, str]] = []
    for n in range(saves):
        article_id = rng.choice(ids)
        shown = screens[article_id]
        paragraph = SHARED if rng.random() < 0.5 else rng.choice(own)
        marker = f"[{name}{n}]"
        body = _edit(shown.body, paragraph, marker)
        try:
            saved = ws.articles.update(
                article_id,
                {"body": body},
                expected_version=shown.version,
                base=base_of(shown),
            )
        except EditConflict:
            outcomes["conflict"] += 1
            conflicted.append((article_id, marker))
            screens[article_id] = ws.articles.get(article_id)  # take theirs, go on
        else:
            outcomes["merged" if saved.body != body else "landed"] += 1
            landed.append((article_id, marker))
            screens[article_id] = saved
        time.sleep(rng.random() * 0.004)  # let the other editor in between
    ws.close()
    out.put((name, dict(outcomes), landed, conflicted))


def run(url: str, saves: int, articles: int) -> tuple[Counter[str], int, float]:
    from editor.app.workspace import Workspace
    from editor.store.database import open_database

    ws = Workspace(db=open_database(url), user="setup")
    ids = [
        ws.articles.create(language="en", title=f"Shared {i}", body=_body()).id
        for i in range(articles)
    ]
    ctx = mp.get_context("spawn")
    queue: mp.Queue = ctx.Queue()
    per_editor = saves // 2
    started = time.perf_counter()
    editors = [
        ctx.Process(target=_editor, args=(url, name, ids, per_editor, seed, queue))
        for name, seed in (("A", 1), ("B", 2))
    ]
    for process in editors:
        process.start()
    results = [queue.get(timeout=600) for _ in editors]
    for process in editors:
        process.join(60)
    elapsed = time.perf_counter() - started
    totals: Counter[str] = Counter()
    lost = 0
    finals = {i: ws.articles.get(i).body for i in ids}
    history = {
        i: " ".join(ws.articles.revision(r.id).body for r in ws.articles.revisions(i)) for i in ids
    }
    for _name, outcomes, landed, conflicted in results:
        totals.update(outcomes)
        lost += sum(1 for i, marker in landed if marker not in finals[i])
        lost += sum(1 for i, marker in conflicted if marker not in history[i] + finals[i])
    ws.close()
    return totals, lost, elapsed


def _postgres_database(server: str) -> tuple[str, object] | None:
    try:
        import psycopg

        admin = psycopg.connect(server, autocommit=True, connect_timeout=3)
    except Exception as exc:
        print(f"PostgreSQL: skipped ({str(exc).splitlines()[0] if str(exc) else exc})")
        return None
    name = f"newsdesk_bench_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    base = server.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{name}", (admin, name)


def _report(label: str, totals: Counter[str], lost: int, elapsed: float) -> None:
    saves = sum(totals.values())
    print(
        f"{label:<11} {saves} saves in {elapsed:.1f} s: landed {totals['landed']}, "
        f"merged {totals['merged']}, conflict {totals['conflict']}, lost {lost}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1000, help="saves in all (default 1000)")
    parser.add_argument("--articles", type=int, default=8, help="shared articles (default 8)")
    parser.add_argument(
        "--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres", help="server"
    )
    args = parser.parse_args(argv)
    lost_any = 0
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+pysqlite:///{Path(tmp) / 'shared.sqlite'}"
        totals, lost, elapsed = run(url, args.saves, args.articles)
        _report("SQLite", totals, lost, elapsed)
        lost_any += lost
    pg = _postgres_database(args.postgres)
    if pg is not None:
        url, (admin, name) = pg  # type: ignore[misc]
        try:
            totals, lost, elapsed = run(url, args.saves, args.articles)
            _report("PostgreSQL", totals, lost, elapsed)
            lost_any += lost
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
            admin.close()  # type: ignore[attr-defined]
    return 1 if lost_any else 0


if __name__ == "__main__":
    sys.exit(main())
