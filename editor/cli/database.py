"""``newsdesk db info``: where the archive is, its schema and its counts."""

from __future__ import annotations

import argparse

from editor.cli.common import EXIT_OK, STATUSES, open_workspace, print_json


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("db", help="the archive itself")
    db_commands = p.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    info = db_commands.add_parser("info", help="where the archive is, its schema and counts")
    info.add_argument("--json", action="store_true", help="JSON output")
    info.set_defaults(handler=cmd_db_info)


def cmd_db_info(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        counts = workspace.articles.counts_by_status()
        info = {
            "location": workspace.db.description,
            "schema": workspace.schema_revision(),
            "schema_head": workspace.schema_head(),
            "articles": sum(n for status, n in counts.items() if status != "trash"),
            "trash": counts.get("trash", 0),
            "by_status": {s: counts.get(s, 0) for s in STATUSES},
            "languages": workspace.articles.languages(),
        }
    finally:
        workspace.close()
    if args.json:
        print_json(info)
        return EXIT_OK
    print(f"Archive:   {info['location']}")
    print(f"Schema:    {info['schema']} (this program: {info['schema_head']})")
    print(f"Articles:  {info['articles']} (+{info['trash']} in the trash)")
    by_status = info["by_status"]
    assert isinstance(by_status, dict)
    print("Statuses:  " + ", ".join(f"{s} {n}" for s, n in by_status.items() if n))
    print(f"Languages: {', '.join(info['languages']) or '-'}")  # type: ignore[arg-type]
    return EXIT_OK
