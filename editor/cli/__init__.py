"""The ``newsdesk`` command: the desktop program, and archive tasks from a terminal.

    newsdesk                         open the editor (GUI)
    newsdesk import PATH             JSON Lines file, Markdown file or folder of .md files
    newsdesk list [--status S] [--lang L] [--trash] [--json]
    newsdesk show ID [--json]        ID: number, uuid or external id
    newsdesk search QUERY [--lang L] [--status S] [--limit N] [--json]
    newsdesk search --queries FILE --json   one JSON line of hits per query line
    newsdesk reindex                 rebuild the full-text search index
    newsdesk export --format jsonl|markdown --out PATH [--json]
    newsdesk samples                 load the sample archive
    newsdesk publish (ID... | --all) [--out DIR] [--full]   (also correct, unpublish)
    newsdesk related ID [--top N] [--json]
    newsdesk related --all [--top N] --json
    newsdesk related --embed         meaning vectors for the whole archive (optional model)
    newsdesk translate ID --to LANG  the linked version in another language
    newsdesk translation status ID   its segments and what fell behind the source
    newsdesk tm import|export|lookup the translation memory (TMX)
    newsdesk glossary list|add|remove  terms and names not to translate
    newsdesk xliff export|import     XLIFF 1.2 for outside translators
    newsdesk lang detect TEXT        language identification
    newsdesk settings get [KEY]      the site's settings (name, base URL, languages …)
    newsdesk settings set KEY VALUE  change one (checked; one line on stderr when refused)
    newsdesk db info                 where the archive is, its schema, its counts
    newsdesk entities list|add|merge people, organisations, places … (see cli/entities.py)
    newsdesk tag ID NAME...          tag an article; tag suggest …; tag retrain
    newsdesk backup --out FILE       a consistent copy of the archive (SQLite)
    newsdesk restore FILE            replace the archive by a checked backup (it is kept)

``--db URL`` (or ``NEWSDESK_DB``) picks the archive; a plain path is an SQLite
file.  Only the standard library is imported at start, so ``--version`` and
``--help`` answer at once; each command imports what it needs.

Exit status: 0 success, 1 some records rejected (import) or nothing found
(show, search), 2 an error that stopped the command (message on one line on stderr).

Each concern has its module (``articles``, ``publishing``, ``related``,
``database``) with a ``register(subparsers)`` that adds its commands; a new
command gets a new module listed in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from editor import __version__
from editor.cli import (
    articles,
    backup,
    database,
    entities,
    glossary,
    publishing,
    related,
    search,
    settings,
    translation,
)
from editor.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PARTIAL,
    CommandError,
    ProgressBar,
    known_error,
    open_workspace,
    report_error,
)
from editor.core import parallel

__all__ = [
    "COMMAND_MODULES",
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "CommandError",
    "ProgressBar",
    "build_parser",
    "main",
    "open_workspace",
    "run_gui",
]

# The order here is the order `newsdesk --help` lists the commands in.
COMMAND_MODULES = (
    articles,
    entities,
    search,
    publishing,
    related,
    translation,
    glossary,
    settings,
    database,
    backup,
)


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
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the window, then quit as soon as it is ready (checks that it starts)",
    )
    parser.add_argument(
        "--create",
        action="store_true",
        help="start a new archive when the --db file does not exist (else that is refused, "
        "so that a mistyped name makes no empty archive)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parallel.prepare_process()  # first: before anything loads NumPy
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    try:
        if handler is None:
            return run_gui(args.db, smoke=args.smoke)
        return handler(args)
    except CommandError as exc:
        report_error(str(exc))
        return exc.code
    except KeyboardInterrupt:
        report_error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`newsdesk related --all --json | head`): not an error.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        message = known_error(exc)
        if message is None:
            raise
        report_error(message)
        return EXIT_ERROR


def run_gui(db_url: str | None, *, smoke: bool = False) -> int:
    try:
        from editor.ui.app import run
    except ImportError as exc:
        raise CommandError(f"the editor window cannot start: {exc}") from exc
    return run(db_url, smoke=True) if smoke else run(db_url)
