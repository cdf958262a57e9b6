"""``newsdesk glossary``: the terms the translation view shows and its checks hold to.

    newsdesk glossary list [--json]
    newsdesk glossary add TERM [--as TRANSLATION] [--from L --to L]
    newsdesk glossary remove TERM [--from L --to L]

A term without ``--as`` is a name not to translate (a product or a model); without
``--from``/``--to`` it applies to every language pair. The Settings dialog edits the
every-pair do-not-translate list too.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from editor.cli.common import EXIT_OK, CommandError, open_workspace, print_json

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("glossary", help="glossary terms and names not to translate")
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = sub.add_parser("list", help="every term")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_list)
    for name, handler, text in (("add", cmd_add, "add or replace a term"),
                                ("remove", cmd_remove, "remove a term")):  # fmt: skip
        q = sub.add_parser(name, help=text)
        q.add_argument("term", metavar="TERM")
        if name == "add":
            q.add_argument("--as", dest="translation", metavar="TRANSLATION",
                           help="its translation (without: not to be translated)")  # fmt: skip
        q.add_argument("--from", dest="source", default="", metavar="L", help="source language")
        q.add_argument("--to", dest="target", default="", metavar="L", help="target language")
        q.set_defaults(handler=handler)


def _pair(args: argparse.Namespace) -> tuple[str, str]:
    from editor.core.languages import normalize_language

    if bool(args.source) != bool(args.target):
        raise CommandError("give both --from and --to, or neither (every language pair)")
    if not args.source:
        return "", ""
    try:
        return normalize_language(args.source), normalize_language(args.target)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _run(args: argparse.Namespace, work: Callable[[Workspace], int]) -> int:
    from editor.app.translation.memory import GlossaryError

    workspace = open_workspace(args)
    try:
        return work(workspace)
    except GlossaryError as exc:
        raise CommandError(str(exc)) from None
    finally:
        workspace.close()


def cmd_list(args: argparse.Namespace) -> int:
    def work(ws: Workspace) -> int:
        terms = ws.memory.terms()
        if args.json:
            print_json([{"term": t, "translation": tr, "from": s or None, "to": g or None}
                        for t, tr, s, g in terms])  # fmt: skip
            return EXIT_OK
        for term, translation, source, target in terms:
            pair = f"{source}→{target}" if source else "any"
            print(f"{term}\t{translation if translation is not None else '(do not translate)'}"
                  f"\t{pair}")  # fmt: skip
        if not terms:
            print("the glossary is empty")
        return EXIT_OK

    return _run(args, work)


def cmd_add(args: argparse.Namespace) -> int:
    source, target = _pair(args)

    def work(ws: Workspace) -> int:
        ws.memory.add_term(args.term, args.translation, source_lang=source, target_lang=target)
        print(f"added {' '.join(args.term.split())!r}")
        return EXIT_OK

    return _run(args, work)


def cmd_remove(args: argparse.Namespace) -> int:
    source, target = _pair(args)

    def work(ws: Workspace) -> int:
        if not ws.memory.remove_term(args.term, source_lang=source, target_lang=target):
            raise CommandError(f"the glossary has no {args.term!r} for that language pair")
        print(f"removed {args.term!r}")
        return EXIT_OK

    return _run(args, work)
