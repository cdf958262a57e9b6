"""The search field above the article list, the palette command and saved searches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from editor.app.workspace import Workspace
from tests.gui.helpers import type_text


def _seed(db_path: Path) -> dict[str, int]:
    ws = Workspace.open(str(db_path), user="tester")
    try:
        a = ws.articles
        return {
            "mueller": a.create(title="Übernahme für Müller", body="Die Straße in Kassel.").id,
            "nvidia": a.create(language="en", title="Nvidia chips", body="Fast GPUs.").id,
            "cjk": a.create(language="zh", title="人工智能芯片", body="英伟达发布了新的芯片").id,
        }
    finally:
        ws.close()


def test_typing_shows_ranked_hits_with_the_passage_and_opens_one(
    qtbot, make_window, db_path: Path
) -> None:
    ids = _seed(db_path)
    window = make_window()
    panel = window.search_panel
    type_text(panel.field, "Strasse")  # one key event per character (ß-free on purpose)
    qtbot.waitUntil(lambda: panel.hit_ids() == [ids["mueller"]], timeout=5000)
    assert window.list_view.isHidden() and panel.is_showing_results
    label = panel.results.itemWidget(panel.results.item(0))
    assert "<mark>Straße</mark>" in label.text()
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_article_id() == ids["mueller"], timeout=5000)
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == "" and not panel.is_showing_results
    assert not window.list_view.isHidden()


def test_only_the_answer_for_the_text_in_the_field_is_shown(
    qtbot, make_window, db_path: Path
) -> None:
    ids = _seed(db_path)
    window = make_window()
    panel = window.search_panel
    panel.run_query("nvidia")
    panel.run_query("人工智能")  # supersedes the first before it can answer
    qtbot.waitUntil(lambda: panel.hit_ids() == [ids["cjk"]], timeout=5000)
    window.runner.wait(5000)
    qtbot.wait(50)
    assert panel.hit_ids() == [ids["cjk"]]
    panel.run_query('"no such thing at all')
    qtbot.waitUntil(lambda: panel.note.isVisible(), timeout=5000)
    assert panel.hit_ids() == [] and "No articles" in panel.note.text()


def test_palette_command_focuses_the_field(qtbot, make_window, db_path: Path) -> None:
    _seed(db_path)
    window = make_window()
    command = window.registry.get("view.search")
    assert command.title == "Search Articles" and "Ctrl+Shift+F" in command.shortcuts
    window.registry.run("view.search", window.command_context)
    qtbot.waitUntil(lambda: window.search_panel.field.hasFocus(), timeout=2000)


def test_saved_searches_appear_in_the_sidebar_and_run(qtbot, make_window, db_path: Path) -> None:
    ids = _seed(db_path)
    window = make_window()
    saved = window.saved_searches
    assert saved.isHidden()
    window.search_panel.save("Chips", "nvidia lang:en")
    qtbot.waitUntil(lambda: saved.names() == ["Chips"], timeout=5000)
    assert not saved.isHidden()
    saved.list.itemClicked.emit(saved.list.item(0))
    qtbot.waitUntil(lambda: window.search_panel.hit_ids() == [ids["nvidia"]], timeout=5000)
    assert window.search_panel.field.text() == "nvidia lang:en"
    saved.forget("Chips")
    qtbot.waitUntil(lambda: saved.names() == [], timeout=5000)
    assert saved.isHidden()


def test_rebuild_command_reindexes_with_a_progress_dialog(
    qtbot, make_window, db_path: Path
) -> None:
    _seed(db_path)
    window = make_window()
    messages: list[str] = []
    window.show_message = lambda text, error=False: messages.append(text)  # type: ignore[method-assign]
    window.registry.run("view.search_reindex", window.command_context)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages == ["Search index rebuilt: 3 articles."]
