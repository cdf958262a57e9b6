"""The window keeps a daily backup of its SQLite archive, off the GUI thread."""

from __future__ import annotations

from editor.app.backup import BACKUP_FOLDER
from editor.ui.main_window import MainWindow


def test_the_window_writes_todays_backup_once_the_start_is_over(qtbot, monkeypatch, make_window):
    monkeypatch.setattr(MainWindow, "BACKUP_DELAY_MS", 0)
    window = make_window()
    folder = window.ws.db.path.parent / BACKUP_FOLDER
    # The copy is written beside under a ".partial" name, then renamed: wait for that.
    qtbot.waitUntil(lambda: any(folder.glob("newsdesk-*.sqlite")), timeout=10_000)
    backups = sorted(folder.iterdir())
    assert len(backups) == 1 and backups[0].suffix == ".sqlite"
    assert backups[0].stat().st_size > 0
