"""The real editor window, typed into with key events, to be killed at any moment.

    python tests/crash/gui_typist.py ARCHIVE ARTICLE_ID TEXT_FILE LOG_FILE [SEED]

Like ``typist.py`` (same arguments, same log, waits for "go" on stdin), but
the keystrokes go through the whole program: the offscreen main window opens
the article, and each character is a QKeyEvent to the body editor, whose
change signal reaches autosave as it does for a person typing.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from editor.app.workspace import Workspace
from editor.store.database import sqlite_url
from editor.ui.app import application
from editor.ui.main_window import MainWindow

MIN_PAUSE_MS = 10
MAX_PAUSE_MS = 30
CHARACTERS = 800


def key_press(char: str) -> QKeyEvent:
    key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)


def main(argv: list[str]) -> int:
    archive, article_id, text_file, log_file = argv[:4]
    rng = random.Random(int(argv[4]) if len(argv) > 4 else 0)
    text = Path(text_file).read_text(encoding="utf-8")
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    if sys.stdin.readline().strip() != "go":  # see typist.py: open the archive only now
        return 1

    app = application()
    workspace = Workspace.open(sqlite_url(Path(archive)), user="typist")
    settings_file = Path(tempfile.mkdtemp(prefix="gui-typist-")) / "settings.ini"
    window = MainWindow(
        workspace, settings=QSettings(str(settings_file), QSettings.Format.IniFormat)
    )
    window.show()
    window.open_article(int(article_id))
    body = window.editor.body
    body.setFocus()
    window.editor.set_cursor_position(len(body.toPlainText()))
    start = len(body.toPlainText())
    os.write(log, f"start {start}\n".encode())

    def type_next(n: int = start) -> None:
        if n >= start + CHARACTERS:
            app.quit()
            return
        QApplication.sendEvent(body, key_press(text[n % len(text)]))
        length = len(body.toPlainText())
        os.write(log, f"{time.monotonic():.6f} {length}\n".encode())
        QTimer.singleShot(rng.randint(MIN_PAUSE_MS, MAX_PAUSE_MS), lambda: type_next(n + 1))

    QTimer.singleShot(0, type_next)
    app.exec()
    window.autosave.close()
    os.write(log, b"done\n")
    sys.stdout.flush()
    os._exit(0)  # no Qt teardown from the garbage collector


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
