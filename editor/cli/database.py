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
        location, schema, head = (
            workspace.db.description, workspace.schema_revision(), workspace.schema_head()
        )  # fmt: skip
        languages = workspace.articles.languages()
    finally:
        workspace.close()
    articles = sum(n for status, n in counts.items() if status != "trash")
    by_status = {s: counts.get(s, 0) for s in STATUSES}
    if args.json:
        print_json(
            {"location": location, "schema": schema, "schema_head": head, "articles": articles,
             "trash": counts.get("trash", 0), "by_status": by_status, "languages": languages}
        )  # fmt: skip
        return EXIT_OK
    print(f"Archive:   {location}")
    print(f"Schema:    {schema} (this program: {head})")
    print(f"Articles:  {articles} (+{counts.get('trash', 0)} in the trash)")
    print("Statuses:  " + ", ".join(f"{s} {n}" for s, n in by_status.items() if n))
    print(f"Languages: {', '.join(languages) or '-'}")
    return EXIT_OK
