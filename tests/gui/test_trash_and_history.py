"""Trash (delete, restore, empty) and the History tab (diff, restore a revision)."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from editor.ui.article_editor import HISTORY_TAB
from editor.ui.article_list import TITLE

from .helpers import settle, type_text
from .test_main_window import new_article


def article_ids_in_db(db_path) -> set[int]:
    with sqlite3.connect(db_path) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM article")}


def list_titles(window) -> list[str]:
    model = window.list_model
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def test_delete_shows_in_trash_and_restore_brings_it_back(qtbot, window):
    article_id = new_article(window)
    type_text(window.editor.title, "Weg damit")
    window.flush_autosave()

    window.actions_by_id["article.delete"].trigger()
    settle(window)
    assert window.ws.articles.get(article_id).deleted
    qtbot.waitUntil(lambda: window.sidebar.pile_text("trash") == "Trash (1)", timeout=2000)
    assert "Weg damit" not in list_titles(window)

    window.sidebar.select_pile("trash")
    assert list_titles(window) == ["Weg damit"]
    assert window.trash_bar.isVisible()
    window.open_article(article_id)
    assert window.editor.body.isReadOnly()  # a trashed article is not edited

    window.trash_bar.restore.click()
    settle(window)
    assert not window.ws.articles.get(article_id).deleted
    qtbot.waitUntil(lambda: list_titles(window) == [], timeout=2000)
    assert not window.editor.body.isReadOnly()
    window.sidebar.select_pile("all")
    assert list_titles(window) == ["Weg damit"]


def test_empty_trash_asks_and_removes_the_rows(qtbot, window, db_path, monkeypatch):
    keep = window.ws.articles.create(title="Bleibt")
    gone = window.ws.articles.create(title="Geht")
    window.ws.articles.trash(gone.id)
    window.sidebar.select_pile("trash")
    questions: list[str] = []

    def answer(_parent, _title, text, *_args):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.trash_bar.empty.click()
    settle(window)
    assert questions and "1 article" in questions[0]
    assert article_ids_in_db(db_path) == {keep.id}
    qtbot.waitUntil(lambda: window.sidebar.pile_text("trash") == "Trash (0)", timeout=2000)


def test_empty_trash_declined_keeps_the_rows(qtbot, window, db_path, monkeypatch):
    gone = window.ws.articles.create(title="Geht")
    window.ws.articles.trash(gone.id)
    window.sidebar.select_pile("trash")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    window.trash_bar.empty.click()
    assert article_ids_in_db(db_path) == {gone.id}


def test_history_lists_revisions_diffs_and_restores(qtbot, window):
    article_id = new_article(window)
    type_text(window.editor.title, "Titel")
    type_text(window.editor.body, "erste Fassung")
    window.actions_by_id["article.save"].trigger()  # Ctrl+S: revision 1
    settle(window)
    window.editor.body.selectAll()
    type_text(window.editor.body, "zweite Fassung")
    window.flush_autosave()

    window.editor.tabs.setCurrentIndex(HISTORY_TAB)
    history = window.panels.built("history")
    assert history is not None
    qtbot.waitUntil(lambda: history.revision_count() == 1, timeout=2000)
    qtbot.waitUntil(lambda: "erste Fassung" in history.diff.toPlainText(), timeout=2000)
    assert "erste Fassung" in history.diff.toPlainText()
    assert "zweite Fassung" in history.diff.toPlainText()

    history.restore_button.click()
    settle(window)
    assert window.editor.body.toPlainText() == "erste Fassung"
    assert window.ws.articles.get(article_id).body == "erste Fassung"
    reasons = [r.reason for r in window.ws.articles.revisions(article_id)]
    assert reasons == ["restore", "save"]
    qtbot.waitUntil(lambda: history.revision_count() == 2, timeout=2000)
    # Restoring is undoable in the field like any edit.
    window.editor.body.setFocus()
    window.editor.body.undo()
    assert window.editor.body.toPlainText() == "zweite Fassung"


def test_duplicate_opens_the_copy(qtbot, window):
    article_id = new_article(window)
    type_text(window.editor.title, "Vorlage")
    type_text(window.editor.body, "Gleicher Text")
    window.actions_by_id["article.duplicate"].trigger()
    settle(window)
    copy_id = window.current_article_id()
    assert copy_id not in (None, article_id)
    assert window.editor.title.text() == "Vorlage (copy)"
    assert window.editor.body.toPlainText() == "Gleicher Text"
    qtbot.waitUntil(lambda: "Vorlage (copy)" in list_titles(window), timeout=2000)


def test_writes_run_off_the_gui_thread_and_the_window_follows_their_notices(
    qtbot, window, monkeypatch
):
    article_id = new_article(window)
    on_gui_thread: list[bool] = []
    articles = window.ws.articles
    for name in ("trash", "restore", "save_revision"):
        original = getattr(articles, name)

        def recording(*args, _original=original, **kwargs):
            on_gui_thread.append(threading.current_thread() is threading.main_thread())
            return _original(*args, **kwargs)

        monkeypatch.setattr(articles, name, recording)
    window.actions_by_id["article.save"].trigger()
    window.actions_by_id["article.delete"].trigger()
    settle(window)
    assert window.editor.body.isReadOnly(), "the trashed article is shown read-only"
    window.actions_by_id["trash.restore"].trigger()
    settle(window)
    assert not window.editor.body.isReadOnly()
    assert on_gui_thread == [False, False, False]
    assert not window.ws.articles.get(article_id).deleted


def test_a_write_failing_on_the_worker_is_shown_in_the_status_bar(qtbot, window, monkeypatch):
    from editor.store.errors import StoreError

    new_article(window)

    def broken(*_args, **_kwargs):
        raise StoreError("the disk is full")

    monkeypatch.setattr(window.ws.articles, "save_revision", broken)
    window.actions_by_id["article.save"].trigger()
    settle(window)
    assert window.status.currentMessage() == "Saving a revision failed: The disk is full"
    assert "#b3261e" in window.status.styleSheet(), "shown as an error"


def test_the_history_diff_follows_the_text_as_it_is_saved(qtbot, window):
    new_article(window)
    type_text(window.editor.body, "erste Fassung")
    window.actions_by_id["article.save"].trigger()
    settle(window)
    window.editor.tabs.setCurrentIndex(HISTORY_TAB)
    history = window.panels.built("history")
    qtbot.waitUntil(lambda: history.revision_count() == 1, timeout=2000)
    qtbot.waitUntil(lambda: "same as this revision" in history.diff.toPlainText(), timeout=2000)

    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor.body, " und mehr")
    window.flush_autosave()  # the save notice reaches the panel
    qtbot.waitUntil(lambda: "und mehr" in history.diff.toPlainText(), timeout=2000)
