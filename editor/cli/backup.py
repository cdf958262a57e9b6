"""``newsdesk backup --out FILE`` and ``newsdesk restore FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor.cli.common import EXIT_OK, open_workspace, print_json


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("backup", help="a consistent copy of the archive (SQLite)")
    p.add_argument("--out", required=True, type=Path, help="the backup file to write (new)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser(
        "restore", help="replace the archive by a backup (checked first; the archive is kept)"
    )
    p.add_argument("file", type=Path, help="a backup written by `newsdesk backup`")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from editor.app import backup

    workspace = open_workspace(args)
    try:
        written = backup.backup(workspace, args.out)
    finally:
        workspace.close()
    if args.json:
        print_json({"backup": str(written)})
    else:
        print(f"Backed up the archive to {written}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from editor.app import backup

    info = backup.check(args.file)  # before anything is touched
    kept = backup.restore(args.file, args.db)
    # Opening it brings an older schema up to date (keeping a copy first), and proves
    # that the restored archive opens.
    workspace = open_workspace(args)
    workspace.close()
    if args.json:
        print_json(
            {"restored": str(info.path), "articles": info.articles, "schema": info.schema,
             "kept": str(kept)}
        )  # fmt: skip
    else:
        print(
            f"Restored {info.articles} articles from {info.path}; "
            f"the archive as it was is kept at {kept}"
        )
    return EXIT_OK
