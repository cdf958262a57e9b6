"""Issue 10 §7: the real window at 1000×650 (offscreen), widths read from widget geometry.

On a first start the list's title stretches and the other columns keep widths made for
their content; a restart with saved columns (even a title saved as wide as the screen)
looks the same; the editor keeps room to write in and its tabs never hide behind arrows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QToolButton

from editor.app.samples import load_samples
from editor.app.workspace import Workspace
from editor.ui.article_list import AUTHOR, STATUS, TITLE
from editor.ui.window_layout import EDITOR_MIN, TITLE_MIN

SMALL = (1000, 650)


def _open_small(qtbot: Any, make_window: Any) -> Any:
    window = make_window()
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.width() == SMALL[0], timeout=2000)
    qtbot.wait(100)  # the layout settles after the resize
    return window


def _check_usable(window: Any) -> None:
    header = window.list_view.horizontalHeader()
    viewport = window.list_view.viewport().width()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    # every shown column is inside the list: none is pushed out to a scroll bar
    assert sum(header.sectionSize(c) for c in shown) <= viewport
    assert header.sectionSize(TITLE) >= TITLE_MIN
    assert STATUS in shown
    assert header.sectionResizeMode(TITLE) == QHeaderView.ResizeMode.Stretch
    assert window.editor.width() >= EDITOR_MIN
    # the search field above the list keeps to its line; the rows get the height
    assert window.list_view.height() > 0.8 * window.list_panel.height()
    arrows = [b for b in window.editor.tabs.tabBar().findChildren(QToolButton) if b.isVisible()]
    assert arrows == []
    bar = window.editor.tabs.tabBar()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))


def test_a_first_start_at_1000_by_650_is_usable(qtbot: Any, db_path: Path, make_window: Any):
    load_samples(Workspace.open(str(db_path), user="tester"))
    window = _open_small(qtbot, make_window)
    _check_usable(window)
    assert window.window_layout.compact
    assert window.sidebar.width() == 0  # folded away; the splitter's edge brings it back


def test_a_wide_window_shows_every_column_and_the_sidebar(
    qtbot: Any, db_path: Path, make_window: Any
):
    load_samples(Workspace.open(str(db_path), user="tester"))
    window = make_window()
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.width() == 1600, timeout=2000)
    qtbot.wait(100)
    header = window.list_view.horizontalHeader()
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    assert window.sidebar.width() > 100
    assert header.sectionSize(TITLE) > header.sectionSize(AUTHOR)


def test_a_restart_with_a_title_saved_as_wide_as_the_screen(
    qtbot: Any, db_path: Path, make_window: Any
):
    load_samples(Workspace.open(str(db_path), user="tester"))
    window = make_window()
    header = window.list_view.horizontalHeader()
    # what a saved state of an older layout (or a wild drag) leaves behind
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(TITLE, 2500)
    header.resizeSection(AUTHOR, 700)
    window.close()
    again = _open_small(qtbot, make_window)
    _check_usable(again)
    assert again.settings.value("window/list_header") is not None  # it was saved and read


def test_column_widths_a_user_chose_come_back(qtbot: Any, db_path: Path, make_window: Any):
    load_samples(Workspace.open(str(db_path), user="tester"))
    window = make_window()
    window.resize(1600, 900)
    qtbot.wait(100)
    header = window.list_view.horizontalHeader()
    wider = header.sectionSize(STATUS) + 20
    header.resizeSection(STATUS, wider)
    window.close()
    again = make_window()
    assert again.list_view.horizontalHeader().sectionSize(STATUS) == wider


def test_docks_side_by_side_become_tabs_of_one_column_in_a_small_window(
    qtbot: Any, db_path: Path, make_window: Any
):
    """What the newcomer's window had after a day with the related links open."""
    load_samples(Workspace.open(str(db_path), user="tester"))
    window = make_window()
    window.resize(1600, 900)
    qtbot.wait(100)
    window.panels.toggle("related")
    window.splitDockWidget(window.metadata_dock, window.related_dock, Qt.Orientation.Horizontal)
    window.metadata_dock.show()
    qtbot.waitUntil(lambda: window.related_dock.isVisible() and window.metadata_dock.isVisible())
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.width() == SMALL[0], timeout=2000)
    qtbot.wait(200)
    _check_usable(window)
    assert window.related_dock in window.tabifiedDockWidgets(window.metadata_dock)
    assert window.metadata_dock.isVisible()  # the status and the site sign stay in view
