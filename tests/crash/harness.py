"""Kill a typing editor with SIGKILL and look at what the archive kept.

Used by the crash test (a few dozen kills) and by ``bench_crash.py`` (hundreds).
One archive and one article serve every run: each typist appends to what the
previous one left, so damage from one kill would show in the next run too.

A typist (``typist.py``) takes a second or more to start (imports, opening the
archive), so the next one is always started while the current one types; it
waits for "go" on stdin and only then opens the archive and reads the body it
will append to: like an editor started after a crash, it is then alone with the file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from editor.app.workspace import Workspace
from editor.store.articles import get_article
from editor.store.database import open_database, sqlite_url

TYPIST = Path(__file__).with_name("typist.py")  # AutosaveWriter.submit, as the editor calls it
GUI_TYPIST = Path(__file__).with_name("gui_typist.py")  # key events to the real main window
REPOSITORY = Path(__file__).resolve().parents[2]
# What autosave promises: a kill loses at most the last two seconds of typing.
GRACE_SECONDS = 2.0
START_TIMEOUT = 60.0  # a loaded CI machine can take long to import Qt-free Python

# Typed again and again: German, English and Chinese, so that characters
# outside ASCII and outside Latin-1 go through the whole path to the disk.
TYPED_TEXT = (
    "Die Übernahme ist größer als erwartet: 4,2 Mrd. € für Straßen-KI. "
    "The deal closes “early next year”, the CEO said — naïve? "
    "人工智能芯片的需求持续增长。 "
    "Süße Grüße aus Köln, ß und ü. "
)


def typed_text(length: int) -> str:
    """What the body is after ``length`` characters: TYPED_TEXT over and over."""
    repeats = length // len(TYPED_TEXT) + 1
    return (TYPED_TEXT * repeats)[:length]


@dataclass(frozen=True)
class KillOutcome:
    """What one kill cost."""

    delay: float  # seconds from the first keystroke to the kill
    typed: int  # characters this typist typed (as far as its log shows)
    kept: int  # of those, how many the archive holds after the kill
    required: int  # typed at least GRACE_SECONDS before the kill: must be kept
    seconds_lost: float  # from the first lost keystroke to the kill; 0 if none lost
    integrity: str  # PRAGMA integrity_check
    consistent: bool  # the stored body is what was typed, cut somewhere in this run
    detail: str = ""  # what the stored body is instead, when it is not consistent

    @property
    def kept_enough(self) -> bool:
        return self.kept >= self.required


class CrashRig:
    """An archive with one article, and a typist always warming up in reserve."""

    def __init__(
        self, folder: Path, *, seed: int = 0, reserve: int = 3, typist: Path = TYPIST
    ) -> None:
        self.folder = folder
        self.archive = folder / "archive.sqlite"
        self.text_file = folder / "typed.txt"
        self.text_file.write_text(TYPED_TEXT, encoding="utf-8")
        self.seed = seed
        self.typist = typist
        self.runs = 0
        workspace = Workspace.open(sqlite_url(self.archive), user="crash test")
        try:
            self.article_id = workspace.articles.create(language="de", title="Absturztest").id
        finally:
            workspace.close()
        self.body = ""
        # Typists started and waiting for "go": a start takes longer than a
        # short run, so one in reserve would leave the test waiting for it.
        self._standby = [self._spawn() for _ in range(reserve)]

    def __enter__(self) -> CrashRig:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        for process, _ in self._standby:
            process.kill()
            process.wait()
            self._close_pipes(process)
        self._standby = []

    # ------------------------------------------------------------ one run

    def run(self, delay: float) -> KillOutcome:
        """Let the waiting typist type for ``delay`` seconds, SIGKILL it, inspect."""
        assert self._standby, "the rig is closed"
        process, log = self._standby.pop(0)
        assert process.stdin is not None
        process.stdin.write(b"go\n")
        process.stdin.flush()
        self._standby.append(self._spawn())  # warms up while this one types
        first_key = self._wait_for_first_keystroke(process, log)
        time.sleep(max(0.0, first_key + delay - time.monotonic()))
        killed_at = time.monotonic()
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        self._close_pipes(process)
        return self._inspect(log, killed_at, killed_at - first_key)

    def _spawn(self) -> tuple[subprocess.Popen[bytes], Path]:
        self.runs += 1
        log = self.folder / f"typist-{self.runs:04d}.log"
        errors = (self.folder / f"typist-{self.runs:04d}.err").open("wb")
        env = {
            **os.environ,
            "PYTHONPATH": str(REPOSITORY),
            "QT_QPA_PLATFORM": "offscreen",
            # Whatever a typist saves besides the archive stays in the test's folder.
            "XDG_CONFIG_HOME": str(self.folder / "config"),
            "XDG_DATA_HOME": str(self.folder / "data"),
            "XDG_CACHE_HOME": str(self.folder / "cache"),
        }
        env.pop("NEWSDESK_DB", None)
        process = subprocess.Popen(
            [
                sys.executable,
                str(self.typist),
                str(self.archive),
                str(self.article_id),
                str(self.text_file),
                str(log),
                str(self.seed + self.runs),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=env,
        )
        errors.close()
        return process, log

    @staticmethod
    def _close_pipes(process: subprocess.Popen[bytes]) -> None:
        if process.stdin is not None:
            with contextlib.suppress(BrokenPipeError):
                process.stdin.close()

    def _wait_for_first_keystroke(self, process: subprocess.Popen[bytes], log: Path) -> float:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            events = _read_log(log)[1]
            if events:
                return events[0][0]
            if process.poll() is not None:
                self._close_pipes(process)
                err = log.with_suffix(".err").read_text(errors="replace")
                raise RuntimeError(f"the typist ended before typing:\n{err}")
            time.sleep(0.005)
        process.kill()
        process.wait()
        self._close_pipes(process)
        raise RuntimeError(f"the typist did not start typing within {START_TIMEOUT:.0f} s")

    def _inspect(self, log: Path, killed_at: float, delay: float) -> KillOutcome:
        start, events = _read_log(log)
        base = self.body
        if start != len(base):
            raise AssertionError(f"the typist started from {start} characters, not {len(base)}")
        integrity = _integrity(self.archive)
        stored = _stored_body(self.archive, self.article_id)
        typed = (events[-1][1] - len(base)) if events else 0
        # One character more than logged can be saved: the typist submits, then logs.
        consistent = (
            stored == typed_text(len(stored)) and len(base) <= len(stored) <= len(base) + typed + 1
        )
        detail = "" if consistent else self._explain(stored, base, typed)
        kept = len(stored) - len(base)
        cutoff = killed_at - GRACE_SECONDS
        required = max((length for t, length in events if t <= cutoff), default=len(base))
        lost_from = next((t for t, length in events if length > len(stored)), None)
        self.body = stored
        return KillOutcome(
            delay=delay,
            typed=typed,
            kept=kept,
            required=required - len(base),
            seconds_lost=0.0 if lost_from is None else killed_at - lost_from,
            integrity=integrity,
            consistent=consistent,
            detail=detail,
        )

    @staticmethod
    def _explain(stored: str, base: str, typed: int) -> str:
        where = f"stored {len(stored)} characters, the run started from {len(base)}"
        if stored != typed_text(len(stored)):
            return f"{where}: the stored body is not the typed text"
        if len(stored) < len(base):
            return f"{where}: text saved before this run is gone"
        return (
            f"{where} and typed {typed}: more than typed, so an earlier run's commit "
            "turned up only after that run was checked"
        )


def _read_log(log: Path) -> tuple[int | None, list[tuple[float, int]]]:
    """The start length and the (time, body length) of every keystroke logged."""
    if not log.exists():
        return None, []
    start: int | None = None
    events: list[tuple[float, int]] = []
    for line in log.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) != 2:  # "done", or a line cut by the kill
            continue
        if parts[0] == "start":
            start = int(parts[1])
        else:
            events.append((float(parts[0]), int(parts[1])))
    return start, events


def _integrity(archive: Path) -> str:
    connection = sqlite3.connect(archive)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows)


def _stored_body(archive: Path, article_id: int) -> str:
    """The body as the program would see it on its next start."""
    db = open_database(sqlite_url(archive))
    try:
        with db.session() as session:
            return get_article(session, article_id).body
    finally:
        db.close()
