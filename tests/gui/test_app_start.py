"""Starting the editor: refusing archives it must not touch, offering samples, settings."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from editor.ui import app


@pytest.fixture
def dialogs(monkeypatch) -> list[tuple[str, str]]:
    """Record the message boxes instead of showing them; questions are answered Yes."""
    shown: list[tuple[str, str]] = []

    def record(kind):
        def box(_parent, title, text, *_args):
            shown.append((kind, f"{title}: {text}"))
            return QMessageBox.StandardButton.Yes

        return box

    for kind in ("critical", "warning", "question", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


def test_a_file_that_is_not_a_database_is_refused_untouched(qapp, tmp_path, dialogs):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"meeting notes, not an archive\n")
    before = path.read_bytes()

    assert app.run(str(path)) == app.EXIT_CANNOT_OPEN
    assert path.read_bytes() == before
    assert [kind for kind, _ in dialogs] == ["critical"]
    assert "not a Newsdesk database" in dialogs[0][1]


def test_another_programs_sqlite_file_is_refused_untouched(qapp, tmp_path, dialogs):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Ada')")
    connection.close()
    before = path.read_bytes()

    assert app.run(str(path)) != 0
    assert path.read_bytes() == before
    assert dialogs and dialogs[0][0] == "critical"
    assert "another program" in dialogs[0][1]


def test_first_start_on_an_empty_archive_offers_the_samples(qtbot, db_path, settings, dialogs):
    window = app.start(str(db_path), settings=settings)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert [kind for kind, _ in dialogs] == ["question"]
        count = window.ws.articles.count()
        assert count > 0
        assert window.list_model.rowCount() == count
        assert window.ws.user == app.os_user_name()
        assert window.status.archive.text() == window.ws.db.description
    finally:
        window.close()
        window.ws.close()


def test_the_samples_are_not_offered_again(qtbot, workspace, db_path, settings, dialogs):
    workspace.articles.create(title="Schon da")
    window = app.start(str(db_path), settings=settings)
    assert window is not None
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.is_ready)  # opened just after the first paint
        assert dialogs == []
        assert window.ws.articles.count() == 1
    finally:
        window.close()
        if window.ws is not None:
            window.ws.close()


def test_application_is_named_for_settings(qapp):
    application = app.application()
    assert application is qapp
    assert application.applicationName() == "Newsdesk"
    assert application.organizationName() == "Newsdesk"
    assert not application.windowIcon().isNull()


def test_an_archive_from_a_newer_version_is_refused_untouched(qapp, db_path, dialogs):
    from editor.app.workspace import Workspace

    Workspace.open(str(db_path), user="tester").close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = db_path.read_bytes()

    assert app.run(str(db_path)) == app.EXIT_CANNOT_OPEN
    assert db_path.read_bytes() == before
    assert "newer version of Newsdesk" in dialogs[0][1]
