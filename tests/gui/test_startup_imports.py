"""The first paint waits for neither SQLAlchemy nor NumPy: the window's modules import neither,
and a fast start shows its window without what only the open archive needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTableView

from editor.app.config import database_url
from editor.app.workspace import Workspace
from editor.ui.main_window import MainWindow
from editor.ui.window_layout import cheap_viewport
from editor.ui.window_memory import WindowMemory
from tests.gui.seeding import seed

ROOT = Path(__file__).resolve().parents[2]

# Not needed before a fast start's first paint; each was once imported on the way to it.
# Deferred to the open archive: the change events (~20 dataclasses), the autosave writer
# and the three-way merge it brings; deferred further: html (search hits), platformdirs
# (an archive named by --db needs no default folder), multiprocessing (the command line
# forks for publishing; the window never does).  Never on the way: the database layer,
# the entity model and its numbers, language detection, the related index.
NOT_BEFORE_THE_FIRST_PAINT = (
    "multiprocessing",
    "editor.app.changes",
    "editor.app.autosave",
    "editor.core.merge",
    "merge3",
    "html",
    "platformdirs",
    "sqlalchemy",
    "alembic",
    "numpy",
    "editor.core.entities",
    "pycrfsuite",
    "langdetect",
    "lingua",
    "editor.core.related",
    "markdown_it",
)

START = """
import sys
import editor.cli  # what `newsdesk` imports before it opens the window
from PySide6.QtCore import QSettings
from editor.ui import app as ui_app

ui_app.application()
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = ui_app.start(sys.argv[1], settings=settings)  # shown; painted once events run
assert window is not None and not window.is_ready, "not a fast start"
assert window.list_model.rowCount() > 0 and window.editor.title.text() == "Meldung 2"
assert not window.panels.dock("entities").isHidden(), "the entity panel is not on screen"
print(sorted(m for m in sys.argv[3:] if m in sys.modules))
"""


def _python(code: str, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NEWSDESK_DB", None)
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_the_window_modules_load_without_the_database_layer() -> None:
    probe = (
        "import sys\n"
        "import editor.ui.app, editor.ui.main_window, editor.app.autosave\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'numpy') if m in sys.modules))\n"
    )
    assert _python(probe) == "[]"


def test_a_fast_start_shows_the_window_without_what_the_open_archive_needs(
    qtbot, workspace: Workspace, db_path: Path, tmp_path: Path
) -> None:
    ids = seed(workspace, [{"title": f"Meldung {n}", "body": f"Text {n}."} for n in range(5)])
    # The last session: an article open, the entity panel shown (it is built, with its
    # model, only once the archive is open, after the first paint).
    settings_file = tmp_path / "last-session.ini"
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.panels.toggle("entities")
    window.close()
    WindowMemory(settings, database_url(str(db_path))).remember_article(ids[2])
    settings.sync()

    loaded = _python(START, str(db_path), str(settings_file), *NOT_BEFORE_THE_FIRST_PAINT)

    assert loaded == "[]"


def test_the_list_viewport_found_cheaply_is_the_viewport(qtbot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    assert cheap_viewport(view) is view.viewport()
