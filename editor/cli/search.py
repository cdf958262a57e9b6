"""``newsdesk search`` and ``newsdesk reindex``: full-text search from a terminal.

    newsdesk search 'Nvidia "Sam Altman" lang:de' [--lang L] [--status S] [--limit N] [--json]
    newsdesk search --queries FILE --json     one query a line in, one JSON line out each
    newsdesk reindex [--json]

``--queries`` answers every line in one process (the archive is opened once),
for automation and evaluation; ``-`` reads the queries from standard input.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from editor.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    STATUSES,
    CommandError,
    ProgressBar,
    open_text,
    open_workspace,
    print_json,
)

if TYPE_CHECKING:
    from editor.app.search import Hit
    from editor.core.search import Filters

_MARK = re.compile(r"</?mark>")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("search", help="full-text search: ranked hits with the passage")
    p.add_argument(
        "query",
        nargs="?",
        metavar="QUERY",
        help='words, "phrases", prefix*, -excluded, lang: status: author: tag: entity: '
        "after: before:",
    )
    p.add_argument("--queries", metavar="FILE", help="one query a line ('-': standard input)")
    p.add_argument("--lang", metavar="CODE", help="only articles in this language")
    p.add_argument("--status", choices=STATUSES, help="only articles in this status")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="how many (default 20)")
    p.add_argument("--trash", action="store_true", help="search trashed articles too")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_search)

    p = commands.add_parser("reindex", help="rebuild the full-text search index")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_reindex)


def _filters(args: argparse.Namespace) -> Filters:
    from editor.core.search import Filters

    return Filters(
        languages=(args.lang.lower(),) if args.lang else (),
        statuses=(args.status,) if args.status else (),
        include_trashed=args.trash,
    )


def cmd_search(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.queries is None):
        raise CommandError("give a QUERY or --queries FILE (not both)")
    if args.queries is not None and not args.json:
        raise CommandError("search --queries writes JSON lines: add --json")
    if not 1 <= args.limit <= 1000:
        raise CommandError("--limit must be between 1 and 1000")
    source = _query_source(args.queries) if args.queries is not None else None
    workspace = open_workspace(args)
    try:
        filters = _filters(args)
        if source is not None:
            with source:
                for line in source:
                    query = line.rstrip("\r\n")
                    hits = workspace.search.search(query, filters, args.limit)
                    record = {"query": query, "hits": [h.as_json() for h in hits]}
                    print(json.dumps(record, ensure_ascii=False), flush=True)
            return EXIT_OK
        hits = workspace.search.search(args.query, filters, args.limit)
    finally:
        workspace.close()
    if args.json:
        print_json({"query": args.query, "hits": [h.as_json() for h in hits]})
    else:
        _print_hits(hits)
    return EXIT_OK if hits else EXIT_PARTIAL


def _query_source(name: str) -> TextIO:
    if name == "-":
        return sys.stdin
    return open_text(Path(name), errors="replace")


def _print_hits(hits: list[Hit]) -> None:
    import html

    if not hits:
        print("nothing found")
        return
    for rank, hit in enumerate(hits, 1):
        ext = f" {hit.external_id}" if hit.external_id else ""
        trash = ", in the trash" if hit.deleted else ""
        print(f"{rank}. [{hit.id}{ext}] {hit.title} ({hit.language}, {hit.status}{trash})")
        passage = html.unescape(_MARK.sub("*", hit.snippet))
        if passage:
            print(f"   {passage}")


def cmd_reindex(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        bar = ProgressBar("Indexing", sys.stderr)
        done = workspace.search.reindex(progress=bar)
        bar.finish()
        stats = workspace.search.stats()
    finally:
        workspace.close()
    result: dict[str, Any] = {
        "indexed": done,
        "backend": stats.backend,
        "size_bytes": stats.size_bytes,
    }
    if args.json:
        print_json(result)
    else:
        size = f", {stats.size_bytes / 1e6:.1f} MB" if stats.size_bytes else ""
        print(f"indexed {done} articles ({stats.backend}{size})")
    return EXIT_OK
