"""``newsdesk publish``: articles to the static site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    CommandError,
    open_workspace,
    print_json,
    resolve,
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("publish", help="publish articles to the static site")
    p.add_argument(
        "ids", nargs="*", metavar="ID", help="articles to publish (number, uuid, ext. id)"
    )
    p.add_argument(
        "--all", action="store_true", help="every ready or published article (ready ones go live)"
    )
    p.add_argument("--out", type=Path, help="the site folder (default: the one in the settings)")
    p.add_argument("--full", action="store_true", help="rebuild the whole site")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_publish)


def cmd_publish(args: argparse.Namespace) -> int:
    if bool(args.ids) == bool(args.all):
        raise CommandError("name the articles to publish, or give --all (not both)")
    workspace = open_workspace(args)
    try:
        ids = None if args.all else [resolve(workspace, key) for key in args.ids]
        result = workspace.publishing.publish(ids, args.out, full_rebuild=args.full)
    finally:
        workspace.close()
    manifest = result.manifest
    if args.json:
        print_json(
            {
                "output_dir": str(manifest.output_dir),
                "full_build": manifest.full_build,
                "published": [
                    {"id": i, "page": manifest.article_pages.get(i)} for i in result.published
                ],
                "refused": [{"id": i, "problems": p} for i, p in result.refused.items()],
                "written": len(manifest.written),
                "removed": len(manifest.removed),
                "warnings": result.warnings,
            }
        )
    else:
        kind = "full build" if manifest.full_build else "incremental"
        print(
            f"{len(result.published)} published to {manifest.output_dir} ({kind}: "
            f"{len(manifest.written)} files written, {len(manifest.removed)} removed)"
        )
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for article_id, problems in result.refused.items():
            print(f"refused {article_id}: {'; '.join(problems)}", file=sys.stderr)
    return EXIT_OK if not result.refused else EXIT_PARTIAL
