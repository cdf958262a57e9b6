"""What every command shares: exit codes, the one-line error, the archive, output helpers.

Only the standard library (and the workflow's statuses, an enum) is imported here at
module level, so ``newsdesk --version`` stays instant; the app and store are imported
inside the functions that need them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from editor.core.workflow import Status  # an enum alone: as quick as the standard library

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_ERROR = 2

STATUSES = tuple(status.value for status in Status)


class CommandError(Exception):
    """A failure to report on one line (the exit code says how bad)."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def report_error(message: str) -> None:
    print(f"newsdesk: {message}", file=sys.stderr)


def known_error(exc: Exception) -> str | None:
    """The one-line message for errors that are the user's situation, not a bug."""
    from editor.app.errors import StoreError, describe_error
    from editor.app.exporting import ExportTargetError
    from editor.app.importing import ImportSourceError
    from editor.core.publishing import PublishError

    if isinstance(exc, StoreError | ImportSourceError | ExportTargetError | PublishError):
        return str(exc)
    return describe_error(exc)


def open_workspace(args: argparse.Namespace) -> Workspace:
    from editor.app.workspace import Workspace

    # A mistyped --db name must not leave an empty archive behind: a missing file is
    # refused unless --create (the default archive in the data folder is always made).
    workspace = Workspace.open(args.db, user=_user_name(), create=getattr(args, "create", False))
    _repair_publishing(workspace)
    return workspace


def _repair_publishing(workspace: Workspace) -> None:
    """A publish run killed between writing the site and recording it is finished (or
    dropped) by the next command, which says so on stderr."""
    from editor.app.publishing.ledger import pending_plan

    if pending_plan(workspace.db) is None:  # the usual case: one quick read
        return
    message = workspace.publishing.repair()
    if message:
        print(f"newsdesk: note: {message}", file=sys.stderr)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return ""


def resolve(workspace: Workspace, key: str) -> int:
    """The article number for a number, uuid or external id; not found exits with 1."""
    from editor.app.errors import NotFoundError

    try:
        return workspace.articles.find(key).id
    except NotFoundError as exc:
        raise CommandError(str(exc), EXIT_PARTIAL) from None


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


def iso(moment: Any) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# ---------------------------------------------------------------- files named on the command line


def open_text(path: Path, *, errors: str = "strict") -> TextIO:
    """``path`` opened to read as UTF-8; one that cannot be opened is a one-line error."""
    try:
        return path.open(encoding="utf-8", errors=errors)
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None


def write_bytes(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None


def text_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | None]]:
    """The lines of a JSON Lines file of ``{"id", "text", …}`` records, numbered from 1:
    the record, or None for a line that is not one (each command answers that its own
    way). Blank lines are skipped."""
    with open_text(path) as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            is_record = isinstance(record, dict) and isinstance(record.get("text"), str)
            yield number, record if is_record else None
