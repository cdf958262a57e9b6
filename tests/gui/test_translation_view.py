"""Translating in the window: Translate to…, the side-by-side view filled from the
memory, undo, confirming into the memory, a source edit marking segments stale, and
fixing them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from editor.app.workspace import Workspace
from editor.core.translation.staleness import Change, SegmentStatus
from editor.core.translation.tmx import TmPair
from editor.ui.main_window import MainWindow
from editor.ui.translation.model import TARGET
from editor.ui.translation.panel import TranslationPanel
from editor.ui.translation.translate_dialog import open_dialog

from .helpers import settle, type_text

TITLE = "Neues Smartphone"
FIRST = "Der Hersteller hat am Dienstag ein neues Smartphone vorgestellt."
SECOND = "Es kostet 999 Euro und kommt am 3. Oktober in den Handel."
THIRD = "Die Akkulaufzeit soll bei zwei Tagen liegen."
MEMORY = {
    TITLE: "New smartphone",
    FIRST: "The manufacturer presented a new smartphone on Tuesday.",
    SECOND: "It costs 999 euros and goes on sale on 3 October.",
}


def source_article(ws: Workspace) -> int:
    article = ws.articles.create(
        language="de", title=TITLE, teaser="", body=f"{FIRST}\n\n{SECOND}\n\n{THIRD}"
    )
    ws.memory.add([TmPair("de", "en", s, t, "test") for s, t in MEMORY.items()])
    return article.id


def translate(qtbot: Any, window: MainWindow, article_id: int, lang: str = "en") -> int:
    window.open_article(article_id)
    window.run_command("translation.translate_to")
    dialog = open_dialog(window)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.languages.count() > 0, timeout=15_000)
    offered = [dialog.languages.item(n).text() for n in range(dialog.languages.count())]
    assert offered == ["English (en)"]  # German is the article's own language
    dialog.choose(lang)
    dialog.accept()
    qtbot.waitUntil(lambda: window.current_article_id() not in (None, article_id), timeout=15_000)
    settle(window)
    translated = window.current_article_id()
    assert translated is not None
    return translated


def panel_of(qtbot: Any, window: MainWindow) -> TranslationPanel:
    panel = window.panels.built("translation")
    assert isinstance(panel, TranslationPanel)
    assert window.panel_visible("translation")
    qtbot.waitUntil(lambda: panel.state is not None and not panel.busy, timeout=10_000)
    return panel


def targets(panel: TranslationPanel) -> dict[str, str]:
    return {line.key: line.target for line in panel.model.lines()}


def wait_stored(qtbot: Any, window: MainWindow, panel: TranslationPanel) -> None:
    settle(window)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)


def test_translate_fill_from_memory_edit_the_source_and_fix_the_stale_segments(
    qtbot: Any, window: MainWindow
) -> None:
    ws = window.ws
    assert ws is not None
    source_id = source_article(ws)
    translation_id = translate(qtbot, window, source_id)
    link = ws.translation.link(translation_id)
    assert link is not None and link.source_id == source_id
    panel = panel_of(qtbot, window)
    assert [ln.key for ln in panel.model.lines()] == ["title:0", "body:0", "body:1", "body:2"]
    assert panel.progress.value() == 0

    # Fill the 100 % matches: three segments, as drafts, stored on the runner.
    panel.fill_button.click()
    qtbot.waitUntil(lambda: targets(panel)["body:1"] == MEMORY[SECOND], timeout=10_000)
    wait_stored(qtbot, window, panel)
    assert panel.message.text() == "Filled 3 segments from the translation memory."
    stored = {r.key: (r.target, r.status) for r in ws.translation.state(translation_id).rows}
    assert stored["title:0"] == (MEMORY[TITLE], SegmentStatus.DRAFT)
    assert stored["body:2"] == ("", SegmentStatus.UNTRANSLATED)
    # The editor shows the text the segments make.
    assert window.editor.title.text() == MEMORY[TITLE]

    # The fill is one step to undo, and to redo.
    panel.undo_stack.undo()
    wait_stored(qtbot, window, panel)
    assert set(targets(panel).values()) == {""}
    assert ws.translation.state(translation_id).rows[0].status is SegmentStatus.UNTRANSLATED
    panel.undo_stack.redo()
    wait_stored(qtbot, window, panel)
    assert targets(panel)["body:0"] == MEMORY[FIRST]

    # Translate the last segment by hand (as the cell editor would) and confirm it: it
    # goes into the memory.
    mine = "The battery is said to last two days."
    panel.select_segment("body:2")
    panel.model.setData(panel.model.index(3, TARGET), mine, Qt.ItemDataRole.EditRole)
    panel.confirm()
    wait_stored(qtbot, window, panel)
    state = ws.translation.state(translation_id)
    assert state.row("body:2").status is SegmentStatus.TRANSLATED
    assert ws.memory.index("de", "en").exact(THIRD)[0].target == mine
    for key in ("title:0", "body:0", "body:1"):
        panel.select_segment(key)
        panel.confirm()
    wait_stored(qtbot, window, panel)
    assert panel.progress.value() == 100
    assert not ws.translation.state(translation_id).outdated

    # Edit the source in the editor: its second paragraph changes.
    window.run_command("translation.next_version")
    assert window.current_article_id() == source_id
    cursor = window.editor.body.textCursor()
    cursor.setPosition(window.editor.body.toPlainText().index("999"))
    window.editor.body.setTextCursor(cursor)
    type_text(window.editor.body, "nur ")
    qtbot.waitUntil(lambda: "nur 999" in ws.articles.get(source_id).body, timeout=5000)

    # Back in the translation the changed segment is marked, listed and diffed.
    window.run_command("translation.next_version")
    assert window.current_article_id() == translation_id
    qtbot.waitUntil(lambda: bool(panel.model.stale_lines()), timeout=10_000)
    stale = panel.model.stale_lines()
    assert [(ln.key, ln.change) for ln in stale] == [("body:1", Change.CHANGED)]
    assert panel.side.stale_list.count() == 1
    assert "body:1" in panel.side.stale_list.item(0).text()
    assert panel.progress.value() < 100
    panel.select_segment("body:1")
    qtbot.waitUntil(lambda: "nur" in panel.side.source_diff.toPlainText(), timeout=10_000)

    # Fix it: the new translation, confirmed, catches up with the source.
    fixed = "It costs only 999 euros and goes on sale on 3 October."
    panel.model.setData(panel.model.index(2, TARGET), fixed, Qt.ItemDataRole.EditRole)
    panel.confirm()
    wait_stored(qtbot, window, panel)
    qtbot.waitUntil(lambda: not panel.model.stale_lines(), timeout=10_000)
    assert not ws.translation.state(translation_id).outdated
    assert panel.progress.value() == 100
    assert fixed in ws.articles.get(translation_id).body


def test_matches_are_shown_for_the_current_segment_and_ctrl_1_inserts_one(
    qtbot: Any, window: MainWindow
) -> None:
    ws = window.ws
    assert ws is not None
    source_id = source_article(ws)
    translate(qtbot, window, source_id)
    panel = panel_of(qtbot, window)
    panel.select_segment("body:1")
    panel.match_actions[0].trigger()  # Ctrl+1 before the matches came: nothing happens
    assert targets(panel)["body:1"] == ""
    qtbot.waitUntil(lambda: panel.side.key == "body:1", timeout=10_000)
    best = panel.side.matches[0]
    assert best.score == 100.0 and best.entry.target == MEMORY[SECOND]
    assert "100" in panel.side.match_view.toPlainText()
    panel.match_actions[0].trigger()  # Ctrl+1
    wait_stored(qtbot, window, panel)
    assert targets(panel)["body:1"] == MEMORY[SECOND]
    line = panel.model.by_key("body:1")
    assert line is not None and line.status is SegmentStatus.DRAFT
    assert not panel.mt_button.isVisible()  # no backend configured: nothing is offered


def test_a_fuzzy_match_shows_its_difference(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    near = "Der Hersteller hat am Montag ein neues Smartphone vorgestellt."
    ws.memory.add([TmPair("de", "en", near, "On Monday the maker showed a new phone.", "t")])
    article = ws.articles.create(language="de", title="Zweites", body=FIRST)
    translate(qtbot, window, article.id)
    panel = panel_of(qtbot, window)
    panel.select_segment("body:0")
    qtbot.waitUntil(lambda: panel.side.key == "body:0", timeout=10_000)
    assert any(m.entry.source == near and m.score < 100 for m in panel.side.matches)
    html = panel.side.match_view.toHtml()
    assert "line-through" in html  # "Montag" struck out, "Dienstag" marked as added


def test_an_article_that_is_no_translation_says_so(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    article = ws.articles.create(language="de", title="Allein", body=FIRST)
    window.open_article(article.id)
    window.toggle_panel("translation")
    panel = window.panels.built("translation")
    assert isinstance(panel, TranslationPanel)
    qtbot.waitUntil(lambda: "not a translation" in panel.notice.text(), timeout=10_000)
    assert panel.model.rowCount() == 0
    assert not panel.table.isEnabled()


def test_typing_in_a_cell_ctrl_return_confirms_and_edit_undo_takes_it_back(
    qtbot: Any, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    ws = window.ws
    assert ws is not None
    translation_id = translate(qtbot, window, source_article(ws))
    panel = panel_of(qtbot, window)
    panel.select_segment("body:2")
    panel.table.setFocus()
    panel.table.edit(panel.model.index(3, TARGET))
    editor = panel.table.viewport().findChild(QPlainTextEdit, "segment_editor")
    assert isinstance(editor, QPlainTextEdit)
    type_text(editor, "Two days of battery.")
    assert editor.toPlainText() == "Two days of battery."
    # Ctrl+Return (offscreen, the action is triggered: no window is active to get keys).
    assert panel.confirm_action.shortcut().toString() == "Ctrl+Return"
    panel.confirm_action.trigger()
    wait_stored(qtbot, window, panel)
    row = ws.translation.state(translation_id).row("body:2")
    assert (row.target, row.status) == ("Two days of battery.", SegmentStatus.TRANSLATED)

    # Edit › Undo (the window's one Ctrl+Z) acts on the view that has the focus.
    panel.table.setFocus()
    window.run_command("edit.undo")
    wait_stored(qtbot, window, panel)
    line = panel.model.by_key("body:2")
    assert line is not None and line.status is SegmentStatus.DRAFT
    window.run_command("edit.undo")
    wait_stored(qtbot, window, panel)
    assert ws.translation.state(translation_id).row("body:2").target == ""


class Echo:
    name = "echo"

    def translate(self, texts: Any, source: str, target: str) -> list[str]:
        return [f"[{target}] {text}" for text in texts]


def test_machine_translation_of_a_segment_when_a_backend_is_set_up(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    ws = window.ws
    assert ws is not None
    ws.machine_translation.configure("libretranslate", "http://127.0.0.1:9", "")
    monkeypatch.setattr(type(ws.machine_translation), "backend", lambda self: Echo())
    translate(qtbot, window, source_article(ws))
    panel = panel_of(qtbot, window)
    assert panel.mt_button.isVisible()
    panel.select_segment("body:2")
    panel.mt_button.click()
    qtbot.waitUntil(lambda: targets(panel)["body:2"] == f"[en] {THIRD}", timeout=10_000)
    wait_stored(qtbot, window, panel)
    line = panel.model.by_key("body:2")
    assert line is not None and line.status is SegmentStatus.DRAFT


def test_checks_are_shown_for_the_segment_and_the_article(qtbot: Any, window: MainWindow) -> None:
    from editor.ui.translation.model import STATUS

    ws = window.ws
    assert ws is not None
    ws.memory.add_term("Smartphone", None)  # do not translate
    translate(qtbot, window, source_article(ws))
    panel = panel_of(qtbot, window)
    panel.select_segment("body:1")
    panel.model.setData(
        panel.model.index(2, TARGET), "It costs 99 euros.", Qt.ItemDataRole.EditRole
    )
    wait_stored(qtbot, window, panel)
    qtbot.waitUntil(lambda: bool(panel.model.problems("body:1")), timeout=10_000)
    assert any("999" in message for message in panel.model.problems("body:1"))
    assert "⚠" in panel.model.index(2, STATUS).data()
    articles = [
        panel.side.article_checks.item(n).text() for n in range(panel.side.article_checks.count())
    ]
    assert any(text.startswith("body:1") and "999" in text for text in articles)
    panel.select_segment("body:0")
    panel.select_segment("body:1")
    qtbot.waitUntil(lambda: panel.side.key == "body:1", timeout=10_000)
    segment = [
        panel.side.segment_checks.item(n).text() for n in range(panel.side.segment_checks.count())
    ]
    assert any("999" in text for text in segment)
    # The glossary of the segment that mentions the term shows it.
    panel.select_segment("body:0")
    qtbot.waitUntil(lambda: panel.side.key == "body:0", timeout=10_000)
    assert "Smartphone" in panel.side.glossary.text()
    assert "do not translate" in panel.side.glossary.text()


def test_a_paragraph_added_to_the_source_shows_at_once_as_new(
    qtbot: Any, window: MainWindow
) -> None:
    ws = window.ws
    assert ws is not None
    source_id = source_article(ws)
    translate(qtbot, window, source_id)
    panel = panel_of(qtbot, window)
    panel.fill_button.click()
    qtbot.waitUntil(lambda: panel.undo_stack.count() == 1, timeout=10_000)
    wait_stored(qtbot, window, panel)
    body = ws.articles.get(source_id).body
    ws.articles.update(source_id, {"body": f"{body}\n\nEin neuer Absatz am Ende des Textes."})
    # The view hears the source's save and shows the new segment, behind its source.
    qtbot.waitUntil(lambda: panel.model.by_key("body:3") is not None, timeout=10_000)
    line = panel.model.by_key("body:3")
    assert line is not None and line.change is Change.ADDED and line.stale
    assert panel.undo_stack.count() == 0  # its steps named the segments as they were
    assert "1" in panel.side.tabs.tabText(2)


def test_a_segment_that_cannot_be_stored_stays_on_screen_and_says_so(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    ws = window.ws
    assert ws is not None
    translate(qtbot, window, source_article(ws))
    panel = panel_of(qtbot, window)

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr(type(ws.translation), "save_segments", broken)
    panel.select_segment("body:2")
    panel.model.setData(panel.model.index(3, TARGET), "Two days.", Qt.ItemDataRole.EditRole)
    wait_stored(qtbot, window, panel)
    assert "disk full" in panel.message.text()
    assert targets(panel)["body:2"] == "Two days."  # nothing typed is lost
