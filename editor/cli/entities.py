"""Entities and tagging: ``entities list|add|merge`` and ``tag``.

newsdesk entities list [--kind K] [--search TEXT] [--json]
newsdesk entities add NAME --kind K [--alias A]... [--label LANG=TEXT]... [--wikidata Q…]
newsdesk entities merge A B [--force]
                                     A goes into B (taggings move, A becomes an alias);
                                     entities of different kinds only with --force
newsdesk tag ID NAME...              tag an article (names, aliases or labels)
newsdesk tag suggest (ID | --file FILE.md | --jsonl FILE) [--json]
newsdesk tag retrain [--lang de|en] [--data DIR]
                                     retrain a language's model (German unless --lang)
                                     with the archive's tags and decisions; exit status 1
                                     when the new model scored lower and was not installed
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    CommandError,
    open_text,
    open_workspace,
    print_json,
    report_error,
    resolve,
    text_records,
)

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.core.entities.model import Entity
    from editor.core.entities.suggest import Suggestion

# editor.core.entities.model.KINDS, spelled out: importing that module (dataclasses)
# would slow every command's start; tests/cli/test_entities_cli.py keeps the two equal.
KINDS = ("person", "organisation", "product", "place", "topic", "event")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("entities", help="the people, organisations, places … tagged")
    sub = p.add_subparsers(dest="entities_command", metavar="ACTION", required=True)
    q = sub.add_parser("list", help="entities with their article counts")
    q.add_argument("--kind", choices=(*KINDS, "organization"))
    q.add_argument("--search", default="", help="only those with a name containing TEXT")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_list)
    q = sub.add_parser("add", help="add an entity")
    q.add_argument("name")
    q.add_argument("--kind", required=True, choices=(*KINDS, "organization"))
    q.add_argument("--alias", action="append", default=[], metavar="A")
    q.add_argument("--label", action="append", default=[], metavar="LANG=TEXT")
    q.add_argument("--wikidata", metavar="QID", help="the Wikidata item, e.g. Q1726")
    q.add_argument("--description", default="")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_add)
    q = sub.add_parser("merge", help="merge entity A into B (A's name becomes an alias)")
    q.add_argument("source", metavar="A")
    q.add_argument("target", metavar="B")
    q.add_argument(
        "--force",
        action="store_true",
        help="merge entities of different kinds (the merged entity keeps B's kind)",
    )
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(handler=cmd_merge)

    p = commands.add_parser(
        "tag",
        help="tag an article (tag ID NAME...), suggest tags (tag suggest), retrain (tag retrain)",
    )
    p.add_argument("words", nargs="+", metavar="ID NAME... | suggest [ID] | retrain")
    p.add_argument("--file", type=Path, help="suggest: a Markdown file (front matter read)")
    p.add_argument("--jsonl", type=Path, help='suggest: lines of {"id", "lang", "text"}')
    p.add_argument(
        "--lang",
        help="suggest: the text's language (default: its front matter, de); "
        "retrain: the model's language (default: de)",
    )
    p.add_argument(
        "--data",
        type=Path,
        help="retrain: the training data folder (GermEval-2014 for de, wikigold for en)",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_tag)


def _entity_json(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind.value,
        "aliases": list(entity.aliases),
        "labels": entity.labels,
        "description": entity.description,
        "wikidata": entity.wikidata,
        "articles": entity.articles,
    }


def _guard(call: Any) -> Any:
    """Run ``call``; bad input becomes one line on stderr."""
    from editor.core.entities.model import EntityError

    try:
        return call()
    except EntityError as exc:
        raise CommandError(str(exc)) from None


def cmd_list(args: argparse.Namespace) -> int:
    from editor.core.entities.model import parse_kind

    # "add" takes the American spelling too, so "list" finds what "add" made with it.
    kind = parse_kind(args.kind).value if args.kind else None
    ws = open_workspace(args)
    try:
        found = ws.entities.list(kind=kind, search=args.search)
    finally:
        ws.close()
    if args.json:
        print_json([_entity_json(e) for e in found])
        return EXIT_OK
    for e in found:
        extra = f"  {e.wikidata}" if e.wikidata else ""
        aliases = f"  (also: {', '.join(e.aliases)})" if e.aliases else ""
        print(f"{e.id:>6}  {e.kind.value:<12} {e.articles:>5}  {e.name}{aliases}{extra}")
    if not found:
        print("no entities")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from editor.core.entities.model import parse_labels

    labels = _guard(lambda: parse_labels(args.label))
    ws = open_workspace(args)
    try:
        entity = _guard(
            lambda: ws.entities.add(
                args.name,
                args.kind,
                aliases=args.alias,
                labels=labels,
                description=args.description,
                wikidata=args.wikidata,
            )
        )
    finally:
        ws.close()
    if args.json:
        print_json(_entity_json(entity))
    else:
        print(f"added {entity.kind.value} {entity.name!r} (id {entity.id})")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from editor.app.entities.service import KindsDiffer
    from editor.core.entities.model import EntityError

    ws = open_workspace(args)
    try:
        source, target = ws.entities.find(args.source), ws.entities.find(args.target)
        assert source.id is not None and target.id is not None
        try:
            merged = ws.entities.merge(source.id, target.id, across_kinds=args.force)
        except KindsDiffer as exc:
            raise CommandError(f"{exc}; add --force to merge them anyway") from None
        except EntityError as exc:
            raise CommandError(str(exc)) from None
    finally:
        ws.close()
    if args.json:
        print_json(_entity_json(merged))
    else:
        print(f"merged {source.name!r} into {merged.name!r}: {merged.articles} articles")
    return EXIT_OK


# ---------------------------------------------------------------- tag


def cmd_tag(args: argparse.Namespace) -> int:
    first, rest = args.words[0], args.words[1:]
    if first == "suggest":
        return _suggest(args, rest)
    if first == "retrain":
        if rest:
            raise CommandError("tag retrain takes no arguments (see --data)")
        if args.file is not None or args.jsonl is not None:
            # Retraining would otherwise go ahead as if the option were not there.
            raise CommandError("--file and --jsonl are for tag suggest")
        return _retrain(args)
    if not rest:
        raise CommandError("name the tags: newsdesk tag ID NAME...")
    if args.file is not None or args.jsonl is not None or args.lang or args.data:
        # Tagging would otherwise go ahead as if the option were not there.
        raise CommandError("--file, --jsonl and --lang are for tag suggest, --data for retrain")
    ws = open_workspace(args)
    try:
        article_id = resolve(ws, first)
        tagged = _guard(lambda: ws.entities.tag(article_id, rest))
    finally:
        ws.close()
    if args.json:
        print_json({"id": article_id, "tags": [_entity_json(e) for e in tagged]})
    else:
        print(", ".join(f"{e.name} ({e.kind.value})" for e in tagged))
    return EXIT_OK


def _suggestion_lines(found: list[Suggestion]) -> list[str]:
    return [f"{s.score:.2f}  {s.kind.value:<12} {s.name}  — {s.reason}" for s in found]


def _suggest(args: argparse.Namespace, rest: list[str]) -> int:
    given = [bool(rest), args.file is not None, args.jsonl is not None]
    if sum(given) != 1 or len(rest) > 1:
        raise CommandError("tag suggest needs one of: an article ID, --file FILE.md, --jsonl FILE")
    ws = open_workspace(args)
    try:
        if args.jsonl is not None:
            _suggest_jsonl(ws, args.jsonl)
            _warn_model(ws.suggestions.model_problem)
            return EXIT_OK
        if args.file is not None:
            text, lang = _read_markdown(args.file, args.lang)
            found = ws.suggestions.suggest_text(text, lang)
            key: Any = str(args.file)
        else:
            key = resolve(ws, rest[0])
            found = ws.suggestions.suggest_for_article(key)
        problem = ws.suggestions.model_problem
    finally:
        ws.close()
    _warn_model(problem)
    if args.json:
        print_json({"id": key, "suggestions": [s.as_json() for s in found]})
    else:
        print("\n".join(_suggestion_lines(found)) or "no suggestions")
    return EXIT_OK


def _warn_model(problem: str | None) -> None:
    if problem:
        print(f"newsdesk: warning: {problem}", file=sys.stderr)


def _read_markdown(path: Path, lang: str | None) -> tuple[str, str]:
    from editor.core.importing import split_front_matter

    with open_text(path) as handle:
        try:
            raw = handle.read()
        except UnicodeDecodeError as exc:
            raise CommandError(f"cannot read {path}: {exc}") from None
    try:
        meta, body = split_front_matter(raw)
    except ValueError as exc:
        raise CommandError(f"{path}: {exc}") from None
    title = str(meta.get("title") or "")
    return "\n\n".join(p for p in (title, body) if p), lang or str(meta.get("lang") or "de")


def _suggest_jsonl(ws: Workspace, path: Path) -> None:
    for number, record in text_records(path):
        lang = (record.get("lang") or "de") if record is not None else None
        if record is None or not isinstance(lang, str):
            raise CommandError(f'{path} line {number}: expected {{"id", "lang", "text"}} with text')
        found = ws.suggestions.suggest_text(record["text"], lang)
        out = {"id": record.get("id"), "suggestions": [s.as_json() for s in found]}
        print(json.dumps(out, ensure_ascii=False), flush=False)


def _retrain(args: argparse.Namespace) -> int:
    from editor.app.entities.retrain import RetrainError, retrain
    from editor.app.entities.suggestions import user_models_dir
    from editor.core.entities.training import DATA_FOLDERS

    lang = args.lang or "de"
    if lang not in DATA_FOLDERS:
        known = ", ".join(sorted(DATA_FOLDERS))
        raise CommandError(f"tag retrain: no model for language {lang!r} (--lang: {known})")
    shared = Path(__file__).resolve().parents[3] / "shared" / "data"
    data = args.data or shared / DATA_FOLDERS[lang]
    ws = open_workspace(args)
    try:
        result = retrain(ws, data, user_models_dir(), lang=lang)
    except RetrainError as exc:
        raise CommandError(str(exc)) from None
    finally:
        ws.close()
    if args.json:
        print_json(
            {
                "lang": result.lang,
                "archive_sentences": result.sentences_from_archive,
                "old_f1": round(100 * result.old_f1, 1),
                "new_f1": round(100 * result.new_f1, 1),
                "kept_new": result.kept_new,
                "model": str(result.path),
            }
        )
    elif result.kept_new:
        print(result.message())
    if not result.kept_new:
        report_error(result.message())  # refused: the installed model stays
        return EXIT_PARTIAL
    return EXIT_OK
