"""A stand-in for an editor typing into an article, to be killed at any moment.

    python tests/crash/typist.py ARCHIVE ARTICLE_ID TEXT_FILE LOG_FILE [SEED]

It imports the program and then waits for a line on stdin, so that the (slow)
start-up can overlap with the previous typist's run.  On "go" it opens the
archive the way the program does (``Workspace.open``), starts the real
:class:`~editor.app.autosave.AutosaveWriter` with its default delays, reads
the article's body and goes on typing the text of TEXT_FILE (repeated) from
where the body ends, one character at a time, 10–30 ms apart, submitting the
whole body after each character as the editor widget does.

LOG_FILE gets one line per event, written straight to the kernel (``os.write``
on an O_APPEND file) so that it survives SIGKILL::

    start <body length when typing began>
    <time.monotonic()> <body length after this character>
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.app.autosave import AutosaveWriter
from editor.app.workspace import Workspace
from editor.store.database import sqlite_url

MIN_PAUSE = 0.010  # seconds between keystrokes: a fast, human typist
MAX_PAUSE = 0.030
CHARACTERS = 800  # at most: more than fit in the longest run before the kill


def main(argv: list[str]) -> int:
    archive, article_id, text_file, log_file = argv[:4]
    rng = random.Random(int(argv[4]) if len(argv) > 4 else 0)
    text = Path(text_file).read_text(encoding="utf-8")
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    # The archive is opened only now: a waiting typist holding a connection
    # would keep SQLite from recovering a killed writer's last commit at once
    # (its frames are in the WAL, but other live connections keep their old
    # WAL index), which is not the situation of an editor that crashed alone.
    if sys.stdin.readline().strip() != "go":
        return 1
    workspace = Workspace.open(sqlite_url(Path(archive)), user="typist")
    writer = AutosaveWriter(workspace.articles)
    body = workspace.articles.get(int(article_id)).body
    os.write(log, f"start {len(body)}\n".encode())
    # Carry on where the text left off, so the body is always the text repeated
    # (and every run types a different stretch: ASCII, umlauts, Chinese).
    for n in range(len(body), len(body) + CHARACTERS):
        time.sleep(rng.uniform(MIN_PAUSE, MAX_PAUSE))
        body += text[n % len(text)]
        writer.submit(int(article_id), {"body": body})
        os.write(log, f"{time.monotonic():.6f} {len(body)}\n".encode())
    writer.close()
    os.write(log, b"done\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
