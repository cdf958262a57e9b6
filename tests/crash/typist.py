"""A stand-in for an editor typing into an article, to be killed at any moment.

    python tests/crash/typist.py ARCHIVE ARTICLE_ID TEXT_FILE LOG_FILE [SEED]

It opens the archive the way the program does (``Workspace.open``), starts the
real :class:`~editor.app.autosave.AutosaveWriter` with its default delays, and
then waits for a line on stdin, so that the (slow) start-up can overlap with
the previous typist's run.  On "go" it reads the article's body and appends
the text of TEXT_FILE one character at a time, 10–30 ms apart, submitting the
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


def main(argv: list[str]) -> int:
    archive, article_id, text_file, log_file = argv[:4]
    rng = random.Random(int(argv[4]) if len(argv) > 4 else 0)
    text = Path(text_file).read_text(encoding="utf-8")
    workspace = Workspace.open(sqlite_url(Path(archive)), user="typist")
    writer = AutosaveWriter(workspace.articles)
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    if sys.stdin.readline().strip() != "go":
        return 1
    body = workspace.articles.get(int(article_id)).body
    os.write(log, f"start {len(body)}\n".encode())
    for char in text:
        time.sleep(rng.uniform(MIN_PAUSE, MAX_PAUSE))
        body += char
        writer.submit(int(article_id), {"body": body})
        os.write(log, f"{time.monotonic():.6f} {len(body)}\n".encode())
    writer.close()
    os.write(log, b"done\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
