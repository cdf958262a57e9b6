"""A fast start: the list paints from a snapshot before the archive is open, then all works."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from editor.app.workspace import Workspace
from editor.core.article import ListQuery
from editor.core.workflow import Status
from editor.store.errors import DatabaseUnavailableError
from editor.ui import app
from editor.ui.article_list import PAGE_SIZE
from editor.ui.first_paint import OPEN_AT_THE_LATEST_MS
from editor.ui.main_window import MainWindow
from tests.gui.seeding import seed

MORE_THAN_A_PAGE = PAGE_SIZE + 40
FAST_AUTOSAVE = (0.05, 0.1)  # as in conftest: tests wait milliseconds, not seconds


@pytest.fixture
def archive(workspace: Workspace) -> list[int]:
    """More articles than one page; every fifth is ready, the rest drafts."""
    return seed(
        workspace,
        [
            {
                "title": f"Meldung {n:03d}",
                "body": f"Text der Meldung {n}.",
                "status": "ready" if n % 5 == 0 else "draft",
                "slug": f"meldung-{n}",
            }
            for n in range(MORE_THAN_A_PAGE)
        ],
    )


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> object:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.No

    for kind in ("critical", "warning", "question", "information"):
        monkeypatch.setattr(QMessageBox, kind, record)
    return shown


def _remember_open_article(workspace: Workspace, settings: QSettings, article_id: int) -> None:
    """A previous session that closed with ``article_id`` open."""
    window = MainWindow(workspace, settings=settings, autosave_delays=FAST_AUTOSAVE)
    window.open_article(article_id)
    window.close()


def _fast_start(qtbot, db_path: Path, settings: QSettings) -> MainWindow:
    window = app.start(str(db_path), settings=settings)
    assert window is not None
    qtbot.addWidget(window)
    return window


def _close(window: MainWindow) -> None:
    window.close()
    if window.ws is not None:
        window.ws.close()


def test_the_list_shows_before_the_archive_is_open_and_then_the_window_works(
    qtbot, workspace, archive, db_path, settings, dialogs
):
    last = archive[7]
    _remember_open_article(workspace, settings, last)
    stored = workspace.articles.get(last)

    window = _fast_start(qtbot, db_path, settings)
    try:
        # Painted from the snapshot: the service's first page, the last article read-only.
        assert not window.is_ready and window.ws is None
        shown = [window.list_model.summary(row) for row in range(window.list_model.rowCount())]
        assert shown == workspace.articles.list(ListQuery(limit=PAGE_SIZE))
        assert window.editor.title.text() == "Meldung 007"
        assert window.editor.body.toPlainText() == "Text der Meldung 7."
        assert window.editor.body.isReadOnly() and window.editor.title.isReadOnly()
        assert not window.metadata.isEnabled()
        assert not window.list_model.canFetchMore()  # the next page waits for the archive
        menus_before = [action.text() for action in window.menuBar().actions()]
        toolbar_height = window.toolbar.sizeHint().height()

        qtbot.waitUntil(lambda: window.is_ready)

        # Menus and toolbar arrive in the places held for them; colouring the text is no edit.
        assert [action.text() for action in window.menuBar().actions()] == menus_before
        assert all(action.isEnabled() for action in window.menuBar().actions())
        assert window.toolbar.sizeHint().height() == toolbar_height
        qtbot.wait(50)  # let deferred work (a highlighter's first pass) run
        assert window.flush_autosave()
        assert workspace.articles.get(last) == stored  # not written again
        assert window.editor.highlighter is not None
        assert window.current_article_id() == last
        assert not window.editor.body.isReadOnly() and window.metadata.isEnabled()
        assert window.editor.body.toPlainText() == "Text der Meldung 7."
        assert window.list_model.total == MORE_THAN_A_PAGE
        assert window.list_model.canFetchMore()
        window.list_model.fetchMore()
        assert window.list_model.rowCount() == MORE_THAN_A_PAGE
        qtbot.waitUntil(lambda: "(" in window.sidebar.pile_text("all"))
        assert window.sidebar.pile_text("all").endswith(f"({MORE_THAN_A_PAGE})")
        assert "actions_by_id" in vars(window)  # menus and shortcuts came with the archive

        window.editor.body.setFocus()
        window.editor.set_cursor_position(len("Text der Meldung 7."))
        qtbot.keyClicks(window.editor.body, " Neu")
        assert window.flush_autosave()
        assert workspace.articles.get(last).body.endswith(" Neu")
    finally:
        _close(window)
    assert dialogs == []


def test_nothing_typed_or_chosen_before_the_archive_is_open_is_lost(
    qtbot, workspace, archive, db_path, settings, dialogs
):
    _remember_open_article(workspace, settings, archive[3])
    window = _fast_start(qtbot, db_path, settings)
    try:
        assert not window.is_ready
        before = window.editor.body.toPlainText()
        window.editor.body.setFocus()
        qtbot.keyClicks(window.editor.body, "xyz")  # read-only: not taken, so not lost
        assert window.editor.body.toPlainText() == before
        window.sidebar.select_pile(Status.READY)  # applied once the archive is open

        qtbot.waitUntil(lambda: window.is_ready)

        ready = workspace.articles.count(ListQuery(status=Status.READY))
        assert window.list_model.total == ready
        rows = range(window.list_model.rowCount())
        assert {window.list_model.summary(row).status for row in rows} == {Status.READY}
        assert workspace.articles.get(archive[3]).body == before
    finally:
        _close(window)
    assert dialogs == []


def test_a_row_picked_before_the_archive_is_open_is_opened_then(
    qtbot, workspace, archive, db_path, settings, dialogs
):
    window = _fast_start(qtbot, db_path, settings)
    try:
        assert not window.is_ready and window.current_article_id() is None
        window.list_view.selectRow(2)
        picked = window.list_model.summary(2)
        assert picked is not None

        qtbot.waitUntil(lambda: window.is_ready)

        assert window.current_article_id() == picked.id
        assert window.editor.title.text() == picked.title
        assert not window.editor.title.isReadOnly()
    finally:
        _close(window)


def test_if_the_archive_fails_to_open_after_the_paint_the_window_says_so_and_closes(
    qtbot, workspace, archive, db_path, settings, dialogs, monkeypatch
):
    def refuse(*_args: object, **_kwargs: object) -> Workspace:
        raise DatabaseUnavailableError("The archive is busy.")

    monkeypatch.setattr(Workspace, "open", refuse)
    window = _fast_start(qtbot, db_path, settings)
    assert window.list_model.rowCount() > 0
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.ws is None and window.open_failed  # run() exits with EXIT_CANNOT_OPEN
    assert dialogs == ["Cannot open the archive: The archive is busy."]


def test_closing_before_the_archive_is_open_is_a_normal_quit(
    qtbot, workspace, archive, db_path, settings, dialogs
):
    window = _fast_start(qtbot, db_path, settings)
    window.close()
    qtbot.wait(OPEN_AT_THE_LATEST_MS + 100)  # the fallback timer finds the window closed
    assert window.ws is None and not window.open_failed
    assert dialogs == []


def test_the_save_indicator_still_turns_red_once_shown(qtbot):
    # It repolishes only after its first polish now (reaching style() early is slow).
    from datetime import UTC, datetime

    from PySide6.QtGui import QColor, QPalette

    from editor.app.autosave import SaveReport, SaveState
    from editor.ui.app import style_sheet
    from editor.ui.status_bar import SaveIndicator

    indicator = SaveIndicator()
    qtbot.addWidget(indicator)
    indicator.setStyleSheet(style_sheet())
    indicator.show()
    qtbot.waitExposed(indicator)
    normal = indicator.palette().color(QPalette.ColorRole.WindowText)
    indicator.report(SaveReport(1, SaveState.FAILED, datetime.now(UTC), "disk full"))
    assert indicator.palette().color(QPalette.ColorRole.WindowText) == QColor("#b3261e")
    indicator.report(SaveReport(1, SaveState.SAVED, datetime.now(UTC)))
    assert indicator.palette().color(QPalette.ColorRole.WindowText) == normal
