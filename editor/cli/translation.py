"""``newsdesk translate``, ``translation``, ``tm``, ``xliff`` and ``lang``: translating
from a terminal.

    newsdesk translate ID --to LANG [--json]         create the linked LANG version
    newsdesk translation status ID [--json]          segments, status, what fell behind
    newsdesk tm import FILE.tmx [--json]             a TMX 1.1–1.4 memory into the archive
    newsdesk tm export --out FILE.tmx [--from L] [--to L]
    newsdesk tm lookup --from de --to en TEXT [--top N] [--json]
    newsdesk xliff export ID --to LANG --out F.xlf   ID: the source (its LANG version is
                                                     made when there is none)
    newsdesk xliff import F.xlf [--json]
    newsdesk lang detect (--file F | --jsonl F | TEXT) [--among de,en,...] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.common import (
    EXIT_OK,
    CommandError,
    ProgressBar,
    open_workspace,
    print_json,
    read_bytes,
    resolve,
    text_records,
    write_bytes,
)

if TYPE_CHECKING:
    from editor.app.translation.service import TranslationState
    from editor.app.workspace import Workspace

DEFAULT_AMONG = "de,en,fr,es,it,nl,pt,pl"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("translate", help="create the linked version in another language")
    p.add_argument("id", metavar="ID", help="the source article (number, uuid or ext. id)")
    p.add_argument("--to", required=True, metavar="LANG", help="the language, e.g. en")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_translate)

    p = commands.add_parser("translation", help="a translation's segments and what is behind")
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = sub.add_parser("status", help="segments, their status, what is outdated")
    q.add_argument("id", metavar="ID", help="the translated article")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_status)

    _register_tm(commands)
    _register_xliff(commands)

    p = commands.add_parser("lang", help="language identification")
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = sub.add_parser("detect", help="the language of a text, a file, or JSON lines")
    source = q.add_mutually_exclusive_group(required=True)
    source.add_argument("text", nargs="?", metavar="TEXT", help="the text")
    source.add_argument("--file", type=Path, metavar="F", help="a text or Markdown file")
    source.add_argument(
        "--jsonl", type=Path, metavar="F", help='one {"id", "text"} a line; one answer a line'
    )
    q.add_argument("--among", default=DEFAULT_AMONG, metavar="L,L,...",
                   help=f"the languages to choose from (default {DEFAULT_AMONG})")  # fmt: skip
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_lang_detect)


def _register_tm(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("tm", help="the translation memory: TMX in and out, lookups")
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = sub.add_parser("import", help="read a TMX file into the memory")
    q.add_argument("file", type=Path, metavar="FILE.tmx")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_tm_import)
    q = sub.add_parser("export", help="write the memory as TMX 1.4")
    q.add_argument("--out", type=Path, required=True, metavar="FILE.tmx")
    q.add_argument("--from", dest="source", metavar="LANG", help="only this source language")
    q.add_argument("--to", dest="target", metavar="LANG", help="only this target language")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_tm_export)
    q = sub.add_parser("lookup", help="the best matches for a text")
    q.add_argument("text", metavar="TEXT")
    q.add_argument("--from", dest="source", required=True, metavar="LANG")
    q.add_argument("--to", dest="target", required=True, metavar="LANG")
    q.add_argument("--top", type=int, default=3, metavar="N", help="how many (default 3)")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_tm_lookup)


def _register_xliff(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("xliff", help="XLIFF 1.2 for outside translators")
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = sub.add_parser("export", help="an article's LANG translation as XLIFF 1.2")
    q.add_argument("id", metavar="ID", help="the source article")
    q.add_argument("--to", required=True, metavar="LANG")
    q.add_argument("--out", type=Path, required=True, metavar="F.xlf")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_xliff_export)
    q = sub.add_parser("import", help="apply a translated XLIFF file")
    q.add_argument("file", type=Path, metavar="F.xlf")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_xliff_import)


class _translation_errors:
    """Turns the translation use cases' errors into one-line command errors."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: BaseException | None, _: Any) -> None:
        from editor.app.translation.mt import MtError
        from editor.app.translation.service import TranslationError
        from editor.core.translation.tmx import TmxError
        from editor.core.translation.xliff import XliffError

        if isinstance(error, TranslationError | TmxError | XliffError | MtError):
            raise CommandError(str(error)) from None
        return None  # anything else goes on up


def _with_workspace(args: argparse.Namespace, work: Any) -> int:
    workspace = open_workspace(args)
    try:
        with _translation_errors():
            return int(work(workspace))
    finally:
        workspace.close()


def cmd_translate(args: argparse.Namespace) -> int:
    def work(workspace: Workspace) -> int:
        source_id = resolve(workspace, args.id)
        article = workspace.translation.translate_to(source_id, args.to)
        if args.json:
            print_json({"id": article.id, "source_id": source_id, "lang": article.language,
                        "slug": article.slug, "group": article.group_id,
                        "tags": list(article.tags)})  # fmt: skip
        else:
            print(f"created article {article.id} ({article.language}), "
                  f"a translation of article {source_id}")  # fmt: skip
        return EXIT_OK

    return _with_workspace(args, work)


def cmd_status(args: argparse.Namespace) -> int:
    def work(workspace: Workspace) -> int:
        state = workspace.translation.state(resolve(workspace, args.id))
        if args.json:
            print_json(_state_json(state))
        else:
            _print_state(state)
        return EXIT_OK

    return _with_workspace(args, work)


def _state_json(state: TranslationState) -> dict[str, Any]:
    from editor.core.translation.staleness import word_diff

    return {
        "id": state.article.id,
        "lang": state.article.language,
        "source_id": state.source.id,
        "source_lang": state.source.language,
        "source_revision": state.link.source_revision,
        "outdated": state.outdated,
        "progress": round(state.progress, 4),
        "counts": state.counts(),
        "changes": {k: v for k, v in state.report.counts.items() if v},
        "segments": [
            {
                "key": row.key, "change": row.change.value, "status": row.status.value,
                "source": row.source, "target": row.target,
                **({"previous_source": row.previous_source,
                    "diff": word_diff(row.previous_source, row.source)}
                   if row.previous_source else {}),
            }
            for row in state.rows
        ],
    }  # fmt: skip


def _print_state(state: TranslationState) -> None:
    from editor.core.translation.staleness import render_diff, word_diff

    counts = ", ".join(f"{n} {status}" for status, n in state.counts().items() if n)
    print(f"article {state.article.id} ({state.article.language}), translated from "
          f"article {state.source.id} ({state.source.language}): {state.progress:.0%} done"
          f" ({counts}){'; OUTDATED' if state.outdated else ''}")  # fmt: skip
    for row in state.rows:
        mark = "" if row.change.value == "unchanged" else f" [{row.change.value}]"
        text = row.target or row.source
        print(f"  {row.key:<10} {row.status.value:<12}{mark} {_short(text)}")
        if row.previous_source:
            print(f"             source: {render_diff(word_diff(row.previous_source, row.source))}")


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def cmd_tm_import(args: argparse.Namespace) -> int:
    data = read_bytes(args.file)

    def work(workspace: Workspace) -> int:
        from editor.app.operations import ForegroundRunner
        from editor.app.translation import operations

        bar = ProgressBar("Importing", sys.stderr)
        result = ForegroundRunner(bar).run(
            operations.import_tmx(workspace, data, origin=args.file.name)
        )
        bar.finish()
        if args.json:
            print_json({"added": result.added, "known": result.known,
                        "skipped": result.skipped, "tool": result.tool})  # fmt: skip
        else:
            print(result.summary())
            for reason in result.skipped:
                print(f"  skipped {reason}")
        return EXIT_OK

    return _with_workspace(args, work)


def cmd_tm_export(args: argparse.Namespace) -> int:
    def work(workspace: Workspace) -> int:
        data = workspace.memory.export_tmx(source_lang=args.source, target_lang=args.target)
        write_bytes(args.out, data)
        units = data.count(b"<tu ")
        if args.json:
            print_json({"out": str(args.out), "units": units})
        else:
            print(f"{units} pairs written to {args.out}")
        return EXIT_OK

    return _with_workspace(args, work)


def cmd_tm_lookup(args: argparse.Namespace) -> int:
    from editor.core.translation.staleness import render_diff

    if args.top < 1:
        raise CommandError("--top must be at least 1")

    def work(workspace: Workspace) -> int:
        matches = workspace.memory.lookup(args.source, args.target, args.text, limit=args.top)
        if args.json:
            print_json([{"score": m.score, "source": m.entry.source, "target": m.entry.target,
                         "origin": m.entry.origin, "diff": [list(d) for d in m.diff]}
                        for m in matches])  # fmt: skip
            return EXIT_OK
        for m in matches:
            print(f"{m.score:5.1f}%  {m.entry.target}\n        {render_diff(m.diff)}")
        if not matches:
            print("no match")
        return EXIT_OK

    return _with_workspace(args, work)


def cmd_xliff_export(args: argparse.Namespace) -> int:
    from editor.app.translation.files import export_xliff

    def work(workspace: Workspace) -> int:
        article_id = resolve(workspace, args.id)
        target, created = workspace.translation.version_or_new(article_id, args.to)
        write_bytes(args.out, export_xliff(workspace, target))
        if args.json:
            print_json({"id": target, "created": created, "out": str(args.out)})
        else:
            made = " (created)" if created else ""
            print(f"article {target}{made} written to {args.out}")
        return EXIT_OK

    return _with_workspace(args, work)


def cmd_xliff_import(args: argparse.Namespace) -> int:
    from editor.app.translation.files import import_xliff

    data = read_bytes(args.file)

    def work(workspace: Workspace) -> int:
        result = import_xliff(workspace, data)
        if args.json:
            print_json({"id": result.article_id, "applied": result.applied,
                        "as_draft": result.as_draft, "not_applied": result.not_applied,
                        "unchanged": result.unchanged})  # fmt: skip
        else:
            print(result.summary())
            for line in result.not_applied:
                print(f"  not applied: {line}")
        return EXIT_OK

    return _with_workspace(args, work)


def cmd_lang_detect(args: argparse.Namespace) -> int:
    from editor.core.langcheck import identify_language

    among = [code.strip().lower() for code in args.among.split(",") if code.strip()]
    if len(among) < 2:
        raise CommandError("--among needs at least two languages, e.g. de,en")
    if args.jsonl is not None:
        return _detect_lines(args.jsonl, among)
    text = read_bytes(args.file).decode("utf-8", errors="replace") if args.file else args.text
    found = identify_language(text, among)
    if args.json:
        print_json({"lang": found.lang if found else None,
                    "confidence": round(found.probability, 4) if found else None})  # fmt: skip
    else:
        print(f"{found.lang} ({found.probability:.2f})" if found else "unsure")
    return EXIT_OK


def _detect_lines(path: Path, among: list[str]) -> int:
    """One answer a line, in order; a bad line is answered with its error, not skipped."""
    from editor.core.langcheck import identify_language

    for number, record in text_records(path):
        if record is None:
            answer = {"id": None, "lang": None, "confidence": None,
                      "error": f"line {number}: expected {{\"id\", \"text\"}}"}  # fmt: skip
            print(json.dumps(answer))
            continue
        found = identify_language(record["text"], among)
        print(json.dumps({"id": record.get("id"), "lang": found.lang if found else None,
                          "confidence": round(found.probability, 4) if found else None},
                         ensure_ascii=False))  # fmt: skip
    return EXIT_OK
