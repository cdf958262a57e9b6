"""Another editor saved the open article meanwhile: merged into the screen, or the
side-by-side view; the text on screen is never lost (issue 9 §1)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from editor.app.workspace import Workspace
from editor.ui.conflict.dialog import ConflictDialog

BODY = "One.\n\nTwo.\n\nThree."


def _append_to_body(window, text: str) -> None:
    """Type at the end of the body like a user (one edit signal per keystroke)."""
    body = window.editor.body
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.setTextCursor(cursor)
    body.insertPlainText(text)


def _other_editor(db_path: Path, article_id: int, body: str) -> None:
    other = Workspace.open(str(db_path), user="other")
    try:
        current = other.articles.get(article_id)
        other.articles.update(article_id, {"body": body}, expected_version=current.version)
    finally:
        other.close()


def test_an_edit_of_another_paragraph_is_merged_into_the_screen(qtbot, make_window, db_path):
    window = make_window()
    article = window.ws.articles.create(language="en", title="Shared", body=BODY)
    window.open_article(article.id)
    _other_editor(db_path, article.id, BODY.replace("One.", "One, edited elsewhere."))
    _append_to_body(window, " Mine.")
    assert window.flush_autosave()
    qtbot.waitUntil(lambda: "edited elsewhere" in window.editor.body.toPlainText(), timeout=5000)
    assert window.editor.body.toPlainText().endswith("Three. Mine.")
    saved = window.ws.articles.get(article.id).body
    assert "edited elsewhere" in saved and saved.endswith("Three. Mine.")


def test_the_same_paragraph_opens_the_conflict_view_and_keeping_mine_saves_it(
    qtbot, make_window, db_path
):
    window = make_window()
    article = window.ws.articles.create(language="en", title="Shared", body=BODY)
    window.open_article(article.id)
    _other_editor(db_path, article.id, BODY.replace("Three.", "Three, theirs."))
    _append_to_body(window, " Mine.")
    window.flush_autosave()
    qtbot.waitUntil(lambda: window.findChild(ConflictDialog) is not None, timeout=5000)
    dialog = window.findChild(ConflictDialog)
    assert "Three. Mine." in dialog.panes["mine"].toPlainText()
    assert "Three, theirs." in dialog.panes["theirs"].toPlainText()
    assert "Three." in dialog.panes["base"].toPlainText()
    assert window.editor.body.toPlainText().endswith("Three. Mine.")  # still on screen

    dialog.mine_button.click()
    assert window.flush_autosave()
    assert window.ws.articles.get(article.id).body.endswith("Three. Mine.")
    bodies = [
        window.ws.articles.revision(r.id).body for r in window.ws.articles.revisions(article.id)
    ]
    assert any(b.endswith("Three, theirs.") for b in bodies)  # theirs kept in the history


def test_taking_theirs_shows_their_text(qtbot, make_window, db_path):
    window = make_window()
    article = window.ws.articles.create(language="en", title="Shared", body=BODY)
    window.open_article(article.id)
    _other_editor(db_path, article.id, BODY.replace("Three.", "Three, theirs."))
    _append_to_body(window, " Mine.")
    window.flush_autosave()
    qtbot.waitUntil(lambda: window.findChild(ConflictDialog) is not None, timeout=5000)
    window.findChild(ConflictDialog).theirs_button.click()
    assert window.editor.body.toPlainText().endswith("Three, theirs.")
    assert window.flush_autosave()
    assert window.ws.articles.get(article.id).body.endswith("Three, theirs.")
