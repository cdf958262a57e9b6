"""GUI tests: the real main window on a temporary SQLite archive (offscreen Qt).

``QT_QPA_PLATFORM=offscreen`` is set by the top-level tests/conftest.py before
Qt loads.  Qt warnings fail tests (``qt_log_level_fail``), except the one the
offscreen platform prints whenever a top-level window with a layout is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from editor.app.workspace import Workspace
from editor.ui.events import EventBridge
from editor.ui.main_window import MainWindow
from editor.ui.panels.base import PanelServices
from editor.ui.runner import Runner

OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
FAST_AUTOSAVE = (0.05, 0.1)  # idle and longest delay: tests wait milliseconds, not seconds


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Window settings in a file of the test's own (never the user's)."""
    return QSettings(str(tmp_path / "newsdesk.ini"), QSettings.Format.IniFormat)


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A modal message box would block an offscreen test for ever: record and decline it.

    Tests that expect a dialog patch QMessageBox themselves (after this fixture).
    """
    shown: list[str] = []

    def decline(_parent: object, title: str, text: str, *_args: object) -> object:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.No

    for kind in ("critical", "warning", "question", "information"):
        monkeypatch.setattr(QMessageBox, kind, decline)
    return shown


@pytest.fixture
def make_window(
    qtbot, db_path: Path, settings: QSettings, unexpected_dialogs: list[str]
) -> Iterator[WindowFactory]:
    """Build (and later close) main windows on the test archive, like a fresh start."""
    opened: list[tuple[MainWindow, Workspace]] = []

    def make(workspace: Workspace | None = None) -> MainWindow:
        ws = workspace or Workspace.open(str(db_path), user="tester")
        window = MainWindow(ws, settings=settings, autosave_delays=FAST_AUTOSAVE)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, ws))
        return window

    yield make
    for window, ws in opened:
        if window.isVisible():
            window.close()
        window.autosave.close()
        ws.close()
    assert unexpected_dialogs == [], f"unexpected dialogs: {unexpected_dialogs}"


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


@pytest.fixture
def panel_services(qtbot, workspace: Workspace) -> Iterator[PanelServices]:
    """What a window hands to its panels: one runner and one event bridge, for panels
    tested on their own."""
    runner = Runner()
    bridge = EventBridge(workspace.changes)
    yield PanelServices(workspace, runner, bridge)
    runner.shutdown()
    bridge.close()
