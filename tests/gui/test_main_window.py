"""The main window end to end: typing, autosave, restart, word count, undo."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor.app.workspace import Workspace
from editor.core.workflow import Status
from editor.store.errors import ConflictError
from editor.ui.main_window import MainWindow

from .helpers import settle, type_text


def new_article(window: MainWindow) -> int:
    """Create an article the way the editor does (the New command) and return its id."""
    window.registry.run("article.new", window.command_context)
    settle(window)  # the article is created off the GUI thread, then opened
    article_id = window.current_article_id()
    assert article_id is not None
    return article_id


def db_row(db_path: Path, article_id: int) -> dict[str, object]:
    with sqlite3.connect(db_path) as connection:
        connection.row_factory = sqlite3.Row
        row = connection.execute("SELECT * FROM article WHERE id = ?", (article_id,)).fetchone()
    assert row is not None, f"no article row {article_id}"
    return dict(row)


def test_typing_non_ascii_title_and_body_reaches_the_database(qtbot, window, db_path):
    article_id = new_article(window)
    type_text(window.editor.title, "Übernahme für Müller")
    type_text(window.editor.body, "人工智能 wird übernommen.\nZweite Zeile.")

    # The slug is shown live, before anything is saved.
    assert window.metadata.slug.text() == "uebernahme-fuer-mueller"
    qtbot.waitUntil(
        lambda: db_row(db_path, article_id)["body"] == "人工智能 wird übernommen.\nZweite Zeile.",
        timeout=5000,
    )
    row = db_row(db_path, article_id)
    assert row["title"] == "Übernahme für Müller"
    assert row["slug"] == "uebernahme-fuer-mueller"
    assert row["author"] == "tester"
    qtbot.waitUntil(lambda: window.status.save_state.text().startswith("Saved"), timeout=3000)
    # The list row follows the saved title.
    qtbot.waitUntil(lambda: window.list_model.row_of(article_id) is not None, timeout=2000)
    row_index = window.list_model.row_of(article_id)
    assert window.list_model.index(row_index, 0).data() == "Übernahme für Müller"


def test_edits_are_saved_and_the_article_reopens_after_a_restart(qtbot, make_window, db_path):
    first = make_window()
    article_id = new_article(first)
    type_text(first.editor.title, "Chipfabrik in Magdeburg")
    type_text(first.editor.teaser, "Ein Anriss.")
    type_text(first.editor.body, "Erster Absatz.")
    first.editor.set_cursor_position(6)
    first.close()  # closing flushes autosave without waiting for the idle delay
    assert db_row(db_path, article_id)["body"] == "Erster Absatz."

    second = make_window()
    assert second.current_article_id() == article_id
    assert second.editor.title.text() == "Chipfabrik in Magdeburg"
    assert second.editor.teaser.toPlainText() == "Ein Anriss."
    assert second.editor.body.toPlainText() == "Erster Absatz."
    assert second.editor.cursor_position() == 6
    assert second.list_view.currentIndex().row() == second.list_model.row_of(article_id)


def test_switching_articles_flushes_pending_edits(qtbot, window, db_path):
    other = window.ws.articles.create(title="Other")
    article_id = new_article(window)
    window.autosave._idle = window.autosave._max = 60.0  # nothing would be written on its own
    type_text(window.editor.body, "typed just before switching")
    window.open_article(other.id)
    assert db_row(db_path, article_id)["body"] == "typed just before switching"
    assert window.editor.title.text() == "Other"


def test_word_count_counts_cjk_characters(qtbot, window):
    new_article(window)
    type_text(window.editor.body, "人工智能 and robots")
    qtbot.waitUntil(lambda: window.status.words.text() != "0 words", timeout=2000)
    assert window.status.words.text().startswith("6 words (4 CJK characters)")
    assert "1 min read" in window.status.words.text()


def test_undo_and_redo_act_on_the_focused_field(qtbot, window):
    new_article(window)
    type_text(window.editor.title, "Titel")
    type_text(window.editor.body, "Text")
    window.editor.body.setFocus()
    qtbot.waitUntil(window.editor.body.hasFocus, timeout=1000)
    window.undo()
    assert window.editor.body.toPlainText() == ""
    assert window.editor.title.text() == "Titel"
    window.redo()
    assert window.editor.body.toPlainText() == "Text"


def test_failed_save_is_reported_the_text_kept_and_saving_retried(
    qtbot, window, db_path, monkeypatch
):
    article_id = new_article(window)
    real_update = window.ws.articles.update
    broken = True

    def update(*args, **kwargs):
        if broken:
            raise RuntimeError("disk I/O error: No space left on device")
        return real_update(*args, **kwargs)

    monkeypatch.setattr(window.ws.articles, "update", update)
    type_text(window.editor.body, "wichtig")
    qtbot.waitUntil(lambda: "Not saved" in window.status.save_state.text(), timeout=5000)
    assert window.status.save_state.text() == (
        "Not saved: disk full — your text is kept here and saved when there is room"
    )
    assert window.editor.body.toPlainText() == "wichtig"

    broken = False  # room again: the writer retries on its own
    qtbot.waitUntil(lambda: db_row(db_path, article_id)["body"] == "wichtig", timeout=5000)
    qtbot.waitUntil(lambda: window.status.save_state.text().startswith("Saved"), timeout=2000)


def test_language_and_author_edits_are_saved(qtbot, window):
    article_id = new_article(window)
    index = window.metadata.language.findData("en")
    window.metadata.language.setCurrentIndex(index)
    window.metadata.language.activated.emit(index)
    type_text(window.metadata.author, "Eva")
    qtbot.waitUntil(
        lambda: (
            window.ws.articles.get(article_id).language == "en"
            and window.ws.articles.get(article_id).author == "testerEva"
        ),
        timeout=5000,
    )
    assert window.status.language.text().startswith("en")


def test_hand_edited_slug_is_kept_when_the_title_changes(qtbot, window):
    article_id = new_article(window)
    window.metadata.slug.selectAll()
    type_text(window.metadata.slug, "mein-slug")
    type_text(window.editor.title, "Ganz anderer Titel")
    assert window.metadata.slug.text() == "mein-slug"
    qtbot.waitUntil(
        lambda: window.ws.articles.get(article_id).title == "Ganz anderer Titel", timeout=5000
    )
    assert window.ws.articles.get(article_id).slug == "mein-slug"


def test_distraction_free_hides_everything_but_the_text_and_esc_leaves(qtbot, window):
    new_article(window)
    window.toggle_panel("distraction_free")
    assert window.panel_visible("distraction_free")
    assert window.list_panel.isHidden() and window.sidebar.isHidden()
    assert window.toolbar.isHidden() and window.metadata_dock.isHidden()
    assert not window.editor.body.isHidden()
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Escape)
    assert not window.panel_visible("distraction_free")
    assert not window.list_panel.isHidden() and not window.toolbar.isHidden()
    assert window.leave_action.shortcut().toString() == "Esc"
    assert not window.leave_action.isEnabled()


def test_status_change_from_the_combo_offers_only_allowed_moves_and_keeps_a_revision(qtbot, window):
    article_id = new_article(window)
    assert window.metadata.offered_statuses() == [Status.IN_REVIEW, Status.ARCHIVED]
    type_text(window.editor.body, "fertig")
    index = window.metadata.status.findData(Status.IN_REVIEW)
    window.metadata.status.setCurrentIndex(index)
    window.metadata.status.activated.emit(index)
    # the move is written on the runner; the box shows it once it is stored
    qtbot.waitUntil(lambda: window.metadata.shown_status() is Status.IN_REVIEW, timeout=5000)

    article = window.ws.articles.get(article_id)
    assert article.status is Status.IN_REVIEW
    revisions = window.ws.articles.revisions(article_id)
    assert [r.reason for r in revisions] == ["status"]
    # The revision holds the text typed just before (autosave was flushed first).
    assert window.ws.articles.revision(revisions[0].id).body == "fertig"
    assert window.metadata.shown_status() is Status.IN_REVIEW
    assert window.metadata.offered_statuses() == [Status.DRAFT, Status.READY, Status.ARCHIVED]
    qtbot.waitUntil(lambda: "In review (1)" in window.sidebar.pile_text(Status.IN_REVIEW))


def test_the_status_box_writes_its_move_off_the_gui_thread(qtbot, window, monkeypatch):
    article_id = new_article(window)
    threads: list[threading.Thread] = []
    original = window.ws.articles.change_status

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(window.ws.articles, "change_status", recording)
    window._on_metadata_status_requested(Status.IN_REVIEW)
    qtbot.waitUntil(lambda: window.metadata.shown_status() is Status.IN_REVIEW, timeout=5000)
    assert threads and threads[0] is not threading.main_thread()
    assert window.ws.articles.get(article_id).status is Status.IN_REVIEW
    assert "In review" in window.status.currentMessage()


def test_a_use_case_error_is_shown_not_raised(qtbot, window):
    window.open_article(987654)
    assert window.current_article_id() is None
    assert "987654" in window.status.currentMessage()
    assert new_article(window) > 0  # and the window is still usable


def test_delete_key_edits_text_in_the_body_and_trashes_only_from_the_list(qtbot, window):
    article_id = new_article(window)
    type_text(window.editor.body, "abc")
    window.editor.body.setFocus()
    qtbot.waitUntil(window.editor.body.hasFocus, timeout=1000)
    window.editor.set_cursor_position(0)
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Delete)
    assert window.editor.body.toPlainText() == "bc"
    assert not window.ws.articles.get(article_id).deleted

    qtbot.keyClick(window.editor.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.body.toPlainText() == "abc"

    window.flush_autosave()
    window.list_view.setFocus()
    qtbot.waitUntil(window.list_view.hasFocus, timeout=1000)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Delete)
    settle(window)
    assert window.ws.articles.get(article_id).deleted
    assert window.ws.articles.get(article_id).body == "abc"


def test_preview_tab_renders_the_body(qtbot, window):
    new_article(window)
    type_text(window.editor.body, "# Überschrift\n\nText mit **fett**.")
    window.toggle_panel("preview")
    assert window.panel_visible("preview")
    pane = window.text_tools.preview
    assert pane is not None
    assert "<h1>Überschrift</h1>" in pane.rendered_html()
    assert "<strong>fett</strong>" in pane.rendered_html()
    type_text(window.editor.body, " Mehr.")
    qtbot.waitUntil(lambda: "Mehr." in pane.rendered_html(), timeout=3000)


def test_find_command_opens_the_find_bar_on_the_body(qtbot, window):
    new_article(window)
    type_text(window.editor.body, "eins zwei eins")
    window.registry.run("edit.find", window.command_context)
    assert window.panel_visible("find")
    bar = window.text_tools.find_bar
    assert bar is not None and bar.editor() is window.editor.body
    type_text(bar.find_edit, "eins")
    qtbot.waitUntil(lambda: bar.match_count() == 2, timeout=2000)


def test_conflict_offers_reload(qtbot, window, monkeypatch):
    article_id = new_article(window)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    def conflicting(*_args, **_kwargs):
        raise ConflictError("“X” was changed elsewhere (version 3, you had 2).")

    window.ws.articles.update(article_id, {"body": "from elsewhere"})
    monkeypatch.setattr(QMessageBox, "warning", answer)
    monkeypatch.setattr(window.ws.articles, "change_status", conflicting)
    window._on_metadata_status_requested(Status.IN_REVIEW)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)  # the write failed on the runner
    assert "changed elsewhere" in asked[0]
    assert window.editor.body.toPlainText() == "from elsewhere"  # reloaded


def test_publish_opens_the_publish_dialog_for_the_ready_article(qtbot, window):
    article = window.ws.articles.create(title="Fertig", body="Text.", status=Status.READY)
    window.open_article(article.id)
    window.actions_by_id["publish.article"].trigger()
    dialog = window._publish_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=10_000)
    assert dialog.check_for(article.id) is not None
    dialog.reject()
    assert window.ws.articles.get(article.id).status is Status.READY  # nothing published


@pytest.mark.parametrize(
    ("start", "target", "action"),
    [
        (Status.READY, Status.PUBLISHED, "publish"),
        (Status.PUBLISHED, Status.CORRECTED, "correct"),
        (Status.PUBLISHED, Status.UNPUBLISHED, "unpublish"),
    ],
)
def test_the_status_box_changes_the_site_through_the_publish_dialog(
    qtbot, window, start, target, action
):
    article = window.ws.articles.create(title="Fertig", body="Text.", status=start)
    window.open_article(article.id)
    window._on_metadata_status_requested(target)
    dialog = window._publish_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.action == action
    assert dialog.runner is window.runner, "the window's one runner"
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=10_000)
    # Nothing moved yet: the status is recorded with the pages, by the dialog's run.
    assert window.ws.articles.get(article.id).status is start
    dialog.reject()


def test_page_tab_shows_the_published_page_of_the_open_article(qtbot, window):
    from editor.core.related.dictionary import load_dictionary

    load_dictionary()  # parsed once per run, and slowly: not inside the timed wait
    article = window.ws.articles.create(title="Seitenvorschau", body="Ein **Text**.")
    window.open_article(article.id)
    window.editor.show_tab("page")
    page = window.panels.built("page")
    assert page is not None
    qtbot.waitUntil(lambda: "Seitenvorschau" in page.browser.toPlainText(), timeout=10_000)
    other = window.ws.articles.create(title="Andere Seite")
    window.open_article(other.id)
    qtbot.waitUntil(lambda: "Andere Seite" in page.browser.toPlainText(), timeout=10_000)


def test_related_dock_is_built_when_first_shown_and_follows_the_article(qtbot, window):
    article = window.ws.articles.create(title="Halbleiter", body="Chips und Fabriken.")
    window.open_article(article.id)
    assert window.panels.built("related") is None  # nothing read before it is wanted
    window.related_dock.show()
    window.related_dock.raise_()
    qtbot.waitUntil(lambda: window.panels.built("related") is not None, timeout=2000)
    assert window.related_dock.widget() is window.panels.built("related")
    assert window.panels.built("related").article_id == article.id


def test_view_commands_toggle_panels_and_their_menu_checks(qtbot, window):
    metadata = window.actions_by_id["view.metadata"]
    assert metadata.isChecked()
    metadata.trigger()
    assert window.metadata_dock.isHidden() and not metadata.isChecked()
    metadata.trigger()
    assert not window.metadata_dock.isHidden() and metadata.isChecked()

    window.actions_by_id["view.sidebar"].trigger()
    assert window.list_panel.isHidden() and window.sidebar.isHidden()
    window.actions_by_id["view.sidebar"].trigger()
    assert not window.list_panel.isHidden()

    new_article(window)
    window.actions_by_id["view.history"].trigger()
    assert window.panel_visible("history") and window.panels.built("history") is not None
    window.actions_by_id["view.history"].trigger()
    assert window.editor.current_tab() == 0  # back to Write


def test_errors_show_in_red_until_the_next_message(qtbot, window):
    window.show_message("Kaputt", error=True)
    assert window.status.currentMessage() == "Kaputt"
    assert "#b3261e" in window.status.styleSheet()
    window.status.clearMessage()
    assert window.status.styleSheet() == ""


def test_closing_in_distraction_free_mode_restarts_with_the_normal_window(qtbot, make_window):
    first = make_window()
    new_article(first)
    first.toggle_panel("distraction_free")
    first.close()
    second = make_window()
    assert not second.panel_visible("distraction_free")
    assert not second.toolbar.isHidden() and not second.list_panel.isHidden()
    assert not second.metadata_dock.isHidden()


def test_tags_are_saved_when_the_field_is_left(qtbot, window):
    article_id = new_article(window)
    type_text(window.metadata.tags, "KI,  Halbleiter , KI")
    assert window.ws.articles.get(article_id).tags == ()  # not per key
    window.metadata.tags.editingFinished.emit()
    qtbot.waitUntil(
        lambda: window.ws.articles.get(article_id).tags == ("KI", "Halbleiter"), timeout=5000
    )
    other = window.ws.articles.create(title="Ohne Tags")
    window.open_article(other.id)
    assert window.metadata.tags.text() == ""
    window.open_article(article_id)
    assert window.metadata.tags.text() == "KI, Halbleiter"


def test_publish_everything_ready_opens_the_dialog_for_all(qtbot, window):
    ready = window.ws.articles.create(title="Bereit", body="Text.", status=Status.READY)
    window.actions_by_id["publish.ready"].trigger()
    dialog = window._publish_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=10_000)
    assert dialog.check_for(ready.id) is not None
    dialog.reject()


def test_related_and_page_panels_are_commands(qtbot, window):
    article = window.ws.articles.create(title="Seite", body="Text.")
    window.open_article(article.id)
    window.actions_by_id["view.related"].trigger()
    assert window.panel_visible("related")
    qtbot.waitUntil(lambda: window.panels.built("related") is not None, timeout=5_000)
    assert window.related_dock.widget() is window.panels.built("related")
    window.actions_by_id["view.related"].trigger()
    assert not window.panel_visible("related")
    window.actions_by_id["view.page"].trigger()
    assert window.panel_visible("page")


def test_rebuilding_the_related_index_reports_how_many(qtbot, window):
    for title in ("Eins", "Zwei", "Drei"):
        window.ws.articles.create(title=title, body="Text über OpenAI.")
    window.actions_by_id["related.rebuild"].trigger()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert window.status.currentMessage() == "Related-links index rebuilt: 3 articles."
    assert [s.id for s in window.ws.related.suggest(window.ws.articles.list()[0].id, 5)] == []


def test_meaning_vectors_need_a_model_and_are_computed_on_a_worker(qtbot, window):
    from tests.unit.core.related.concepts import ConceptEmbedder

    for title in ("Rakete explodiert", "Rocket exploded", "Cake in the oven"):
        window.ws.articles.create(title=title, body="Text.")
    window.actions_by_id["related.embed"].trigger()
    assert "newsdesk[embeddings]" in window.status.currentMessage()  # tests turn it off

    window.ws.related.set_embedder(ConceptEmbedder())
    window.actions_by_id["related.embed"].trigger()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert window.status.currentMessage() == "Meaning vectors computed for 3 articles."
    assert window.ws.related.missing_vectors() == 0


def test_saved_articles_get_meaning_vectors_now_and_then(qtbot, window):
    from tests.unit.core.related.concepts import ConceptEmbedder

    ws = window.ws
    window.work.embed_changed()  # related links never used: nothing starts
    assert window.work.meaning_run is None and not ws.has_started("related")

    first = ws.articles.create(title="Rakete explodiert", body="Text.")
    ws.related.set_embedder(ConceptEmbedder())
    ws.related.embed_missing()
    second = ws.articles.create(title="Rocket exploded", body="Text.", language="en")
    ws.articles.update(first.id, {"title": "Rakete startet"})
    assert ws.related.missing_vectors() == 2

    window.work.embed_changed()  # what the 30-second timer calls
    assert window.work.meaning_run is not None
    qtbot.waitUntil(lambda: window.work.meaning_run.finished, timeout=20_000)

    assert ws.related.missing_vectors() == 0
    assert ws.related.files.vectors.is_file()  # kept without closing the window
    assert str(second.id) in ws.related.meaning.vectors


def test_the_window_saves_at_least_every_second_while_typing_as_the_readme_says(
    qtbot, db_path, settings
):
    from editor.app import autosave

    ws = Workspace.open(str(db_path), user="tester")
    window = MainWindow(ws, settings=settings)  # the delays a user gets
    qtbot.addWidget(window)
    try:
        assert window.autosave._max == autosave.MAX_DELAY <= 1.0
        assert window.autosave._idle == autosave.IDLE_DELAY <= 1.0
    finally:
        window.close()
        ws.close()


def test_switching_to_the_preview_keeps_the_focus_out_of_the_slug(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from editor.ui.article_editor import PREVIEW_TAB

    new_article(window)
    type_text(window.editor.title, "Titel")
    window.editor.body.setFocus()
    qtbot.waitUntil(window.editor.body.hasFocus, timeout=1000)
    window.editor.tabs.setCurrentIndex(PREVIEW_TAB)
    qtbot.wait(20)
    assert QApplication.focusWidget() is not window.metadata.slug
    assert not window.metadata.slug.hasSelectedText(), "the next key would overwrite it"
    assert window.metadata.slug.text() == "titel"
