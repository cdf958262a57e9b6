"""``newsdesk related``: related-article suggestions, and the meaning vectors behind them."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from editor.cli.common import (
    EXIT_OK,
    CommandError,
    ProgressBar,
    open_workspace,
    print_json,
    report_error,
    resolve,
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("related", help="related-article suggestions with their reasons")
    p.add_argument("id", nargs="?", metavar="ID", help="the article (number, uuid or ext. id)")
    p.add_argument("--all", action="store_true", help="every article: one JSON line each")
    p.add_argument("--top", type=int, default=5, metavar="N", help="how many (default 5)")
    p.add_argument("--any-status", action="store_true", help="suggest unpublished articles too")
    p.add_argument(
        "--embed",
        action="store_true",
        help="compute the meaning vectors the archive lacks (needs newsdesk[embeddings])",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_related)


def cmd_related(args: argparse.Namespace) -> int:
    from editor.app.related import CANDIDATE_STATUSES

    if args.embed:
        if args.id or args.all:
            raise CommandError("--embed works on the whole archive: give no ID and no --all")
        return _embed_archive(args)
    if bool(args.id) == bool(args.all):
        raise CommandError("name one article, or give --all (not both)")
    if args.all and not args.json:
        raise CommandError("related --all writes JSON lines: add --json")
    if args.top < 1:
        raise CommandError("--top must be at least 1")
    statuses = None if args.any_status else CANDIDATE_STATUSES  # None: any status
    workspace = open_workspace(args)
    try:
        if args.all:
            bar = ProgressBar("Indexing", sys.stderr)
            workspace.related.rebuild(progress=bar)
            bar.finish()
            for summary in workspace.articles.list(_all_articles()):
                # The vectors kept are used; embedding every article here would take
                # hours on a big archive (that is what --embed is for).
                found = workspace.related.suggest(
                    summary.id, args.top, statuses=statuses, embed=False
                )
                line: dict[str, Any] = {"id": summary.id, "external_id": summary.external_id}
                line["related"] = [_suggestion_json(s) for s in found]
                print(json.dumps(line, ensure_ascii=False))
            return EXIT_OK
        article_id = resolve(workspace, args.id)
        bar = ProgressBar("Indexing", sys.stderr)
        workspace.related.ready(building=lambda: _building(bar))
        bar.finish()
        found = workspace.related.suggest(article_id, args.top, statuses=statuses)
    finally:
        workspace.close()
    if args.json:
        print_json({"id": article_id, "related": [_suggestion_json(s) for s in found]})
        return EXIT_OK
    for rank, s in enumerate(found, 1):
        print(f"{rank}. [{s.id}] {s.title} ({s.language}, {s.score:.2f})\n   {s.reasons}")
    if not found:
        print("no related articles found")
    return EXIT_OK


def _building(bar: ProgressBar) -> ProgressBar:
    """Say why this query takes long: the index is built once, later queries read it."""
    print(
        "Building the related-links index of this archive (once: later queries read it)…",
        file=sys.stderr,
        flush=True,
    )
    return bar


def _embed_archive(args: argparse.Namespace) -> int:
    """Embed what lacks a vector; Ctrl+C keeps what was done and the next run goes on."""
    from editor.app.related import jobs

    workspace = open_workspace(args)
    bar = ProgressBar("Embedding", sys.stderr)
    try:
        done = jobs.compute_meaning_vectors(workspace, bar)
    except jobs.NoMeaningModel as exc:
        raise CommandError(f"{exc} (or NEWSDESK_MEANING_VECTORS=0 is set)") from None
    except KeyboardInterrupt:
        bar.finish()
        report_error(f"interrupted: {bar.done} articles embedded and kept; run again to go on")
        return 130
    finally:
        workspace.close()
    bar.finish()
    if args.json:
        print_json({"embedded": done})
    else:
        print(f"embedded {done} articles")
    return EXIT_OK


def _suggestion_json(s: Any) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "lang": s.language,
        "score": s.score,
        "reasons": s.reasons,
    }


def _all_articles() -> Any:
    from editor.core.article import ListQuery

    return ListQuery(order_by="updated_at", descending=False)
