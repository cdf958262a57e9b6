"""The palette, find bar and preview inside the real main window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.ui.find_replace import FindReplaceBar
from editor.ui.palette import CommandPalette

from .helpers import press, settle, type_text


def palette_of(window) -> CommandPalette:
    palette = window.findChild(CommandPalette)
    assert palette is not None
    return palette


def test_ctrl_k_then_a_title_opens_that_article(qtbot, window) -> None:
    wanted = window.ws.articles.create(title="Glasfaserausbau stockt in Bayern")
    window.ws.articles.create(title="Etwas ganz anderes")
    window.editor.body.setFocus()
    qtbot.keyClick(window.editor.body, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = palette_of(window)
    qtbot.waitUntil(palette.isVisible, timeout=2000)
    type_text(palette.line_edit, "glasfaser bayern")
    qtbot.waitUntil(
        lambda: bool(palette.results()) and palette.results()[0].id == wanted.id, timeout=2000
    )
    press(palette.line_edit, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.current_article_id() == wanted.id
    assert window.editor.title.text() == "Glasfaserausbau stockt in Bayern"


def test_palette_runs_a_command_in_the_window(qtbot, window) -> None:
    before = window.ws.articles.count()
    window.toggle_panel("palette")
    palette = palette_of(window)
    qtbot.waitUntil(palette.isVisible, timeout=2000)
    qtbot.keyClicks(palette.line_edit, "new article")
    qtbot.waitUntil(lambda: palette.results()[:1] and palette.results()[0].id == "article.new")
    press(palette.line_edit, Qt.Key.Key_Return)
    settle(window)
    assert window.ws.articles.count() == before + 1
    assert window.current_article_id() is not None


def test_find_bar_on_the_body(qtbot, window) -> None:
    window.registry.run("article.new", window.command_context)
    settle(window)
    type_text(window.editor.body, "Chip und Chip und 芯片")
    window.registry.run("edit.find", window.command_context)
    bar = window.findChild(FindReplaceBar)
    assert bar is not None and bar.isVisible()
    assert bar.editor() is window.editor.body
    type_text(bar.find_edit, "chip")
    assert bar.count_text() == "1 of 2"
    window.registry.run("edit.replace", window.command_context)
    assert bar.replace_visible()


def test_preview_shows_the_body_rendered(qtbot, window) -> None:
    window.registry.run("article.new", window.command_context)
    settle(window)
    type_text(window.editor.body, "**fett** <script>x()</script>")
    window.registry.run("view.preview", window.command_context)
    from editor.ui.preview import PreviewPane

    pane = window.findChild(PreviewPane)
    assert pane is not None
    qtbot.waitUntil(lambda: "fett" in pane.toPlainText(), timeout=2000)
    assert "<strong>fett</strong>" in pane.rendered_html()
    assert "x()" not in pane.toPlainText()


def test_the_palette_searches_again_when_the_title_index_has_loaded(
    qtbot, window, monkeypatch
) -> None:
    import threading

    from editor.commands.title_index import TitleIndex, title_index_for

    window.ws.articles.create(title="Glasfaserausbau stockt in Bayern")
    gate = threading.Event()
    load = TitleIndex.load

    def held_load(self: TitleIndex) -> None:
        gate.wait(10)
        load(self)

    monkeypatch.setattr(TitleIndex, "load", held_load)
    window.toggle_panel("palette")
    palette = palette_of(window)
    qtbot.waitUntil(palette.isVisible, timeout=2000)
    index = title_index_for(window.ws)
    searched_with_index: list[bool] = []
    searcher = palette._searcher

    def spy(*args):
        searched_with_index.append(index.ready)
        return searcher(*args)

    palette._searcher = spy
    type_text(palette.line_edit, "glasfaser")
    palette.refresh()
    assert searched_with_index and not any(searched_with_index)
    gate.set()  # the index loads: the palette hears it and searches again by itself
    qtbot.waitUntil(lambda: any(searched_with_index), timeout=5000)
