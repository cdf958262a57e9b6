"""``newsdesk publish``, ``correct``, ``unpublish``: articles onto the static site and off it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from editor.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    CommandError,
    open_workspace,
    print_json,
    resolve,
)

if TYPE_CHECKING:
    from editor.app.publishing import PublishResult


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("publish", help="publish articles to the static site")
    p.add_argument(
        "ids", nargs="*", metavar="ID", help="articles to publish (number, uuid, ext. id)"
    )
    p.add_argument(
        "--all", action="store_true", help="every ready or published article (ready ones go live)"
    )
    _common(p)
    p.add_argument("--full", action="store_true", help="rebuild the whole site")
    p.set_defaults(handler=cmd_publish, action="publish")
    for name, text in (
        ("correct", "republish public articles after a correction (status: corrected)"),
        ("unpublish", "take articles off the site (their pages are removed)"),
    ):
        q = commands.add_parser(name, help=text)
        q.add_argument("ids", nargs="+", metavar="ID", help="articles (number, uuid, ext. id)")
        _common(q)
        q.set_defaults(handler=cmd_publish, action=name, all=False, full=False)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, help="the site folder (default: the one in the settings)")
    p.add_argument("--json", action="store_true", help="JSON output")


def cmd_publish(args: argparse.Namespace) -> int:
    from editor.app.operations import ForegroundRunner
    from editor.app.publishing import operations

    if bool(args.ids) == bool(args.all):
        raise CommandError("name the articles to publish, or give --all (not both)")
    workspace = open_workspace(args)
    try:
        if args.all:
            ids = workspace.publishing.publish_all_ids()
        else:
            ids = [resolve(workspace, key) for key in args.ids]
        operation = operations.run(workspace, args.action, ids, args.out, full_rebuild=args.full)
        result = ForegroundRunner().run(operation)
    finally:
        workspace.close()
    _report(args, result)
    return EXIT_OK if not result.refused else EXIT_PARTIAL


def _report(args: argparse.Namespace, result: PublishResult) -> None:
    manifest = result.manifest
    if args.json:
        print_json(
            {
                "action": result.action,
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
        return
    kind = "full build" if manifest.full_build else "incremental"
    done = {"publish": "published to", "correct": "corrected in", "unpublish": "unpublished from"}
    print(
        f"{len(result.published)} {done[result.action]} {manifest.output_dir} ({kind}: "
        f"{len(manifest.written)} files written, {len(manifest.removed)} removed)"
    )
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for article_id, problems in result.refused.items():
        print(f"refused {article_id}: {'; '.join(problems)}", file=sys.stderr)
