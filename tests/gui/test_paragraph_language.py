"""A paragraph in another language than its article is flagged quietly, off the
keystroke path; an answer for a text that changed since is dropped."""

from __future__ import annotations

from typing import Any

from editor.core.translation.foreign import ForeignParagraph
from editor.ui.main_window import MainWindow
from editor.ui.translation.paragraph_flags import FLAG

from .helpers import settle, type_text

GERMAN = "Der Hersteller hat am Dienstag in Berlin ein neues Smartphone vorgestellt."
ENGLISH = "The company said on Tuesday that the new phone will be sold in Europe from October."


def flagged_lines(window: MainWindow) -> list[tuple[int, str]]:
    body = window.editor.body
    return [
        (s.cursor.blockNumber(), s.format.property(FLAG))
        for s in body.extraSelections()
        if s.format.property(FLAG)
    ]


def test_an_english_paragraph_in_a_german_article_is_flagged(
    qtbot: Any, window: MainWindow
) -> None:
    ws = window.ws
    assert ws is not None
    article = ws.articles.create(language="de", title="Test", body=f"{GERMAN}\n\n{ENGLISH}")
    window.open_article(article.id)
    qtbot.waitUntil(lambda: bool(window.language_flags.flagged), timeout=15_000)
    assert [(p.first_line, p.lang) for p in window.language_flags.flagged] == [(2, "en")]
    assert flagged_lines(window) == [(2, "en")]

    # Rewritten in German, the flag goes (after typing pauses).
    body = window.editor.body
    body.selectAll()
    german = "Die Akkulaufzeit soll nach Angaben des Herstellers bei zwei Tagen liegen."
    type_text(body, f"{GERMAN}\n\n{german}")
    qtbot.waitUntil(lambda: not window.language_flags.flagged, timeout=15_000)
    assert flagged_lines(window) == []
    settle(window)


def test_an_answer_for_an_older_text_is_dropped(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    article = ws.articles.create(language="de", title="Test", body=GERMAN)
    window.open_article(article.id)
    flags = window.language_flags
    qtbot.waitUntil(lambda: not flags._timer.isActive() and not window.runner.busy, timeout=15_000)
    old = flags._revision
    type_text(window.editor.body, " Mehr.")
    flags._show(old, [ForeignParagraph(0, 0, "en", 0.99)])  # the answer for the text before
    assert flags.flagged == []
    assert flagged_lines(window) == []
    settle(window)


def test_the_find_bars_highlights_are_kept(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    article = ws.articles.create(language="de", title="Test", body=f"{GERMAN}\n\n{ENGLISH}")
    window.open_article(article.id)
    qtbot.waitUntil(lambda: bool(window.language_flags.flagged), timeout=15_000)
    window.editor.body.setFocus()
    window.show_find()
    bar = window.text_tools.find_bar
    assert bar is not None
    bar.find_edit.setText("Smartphone")
    qtbot.waitUntil(lambda: len(bar.highlighted()) == 1, timeout=5000)
    assert flagged_lines(window) == [(2, "en")]  # the find bar kept the flag
    flags = window.language_flags
    flags._show(flags._revision, flags.flagged)  # shown again: the find highlight stays
    assert len(bar.highlighted()) == 1
    assert flagged_lines(window) == [(2, "en")]
    settle(window)


def test_the_paragraphs_are_judged_off_the_gui_thread_after_typing_pauses(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    import threading

    from editor.core.translation import foreign

    ws = window.ws
    assert ws is not None
    threads: list[bool] = []
    real = foreign.foreign_paragraphs

    def recording(text: str, lang: str, languages: Any) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(text, lang, languages)

    monkeypatch.setattr(foreign, "foreign_paragraphs", recording)
    article = ws.articles.create(language="de", title="Test", body=GERMAN)
    window.open_article(article.id)
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=15_000)
    type_text(window.editor.body, " Noch ein Satz.")  # one check after the pause, not one a key
    qtbot.waitUntil(lambda: len(threads) == 2 and not window.runner.busy, timeout=15_000)
    qtbot.wait(100)
    assert threads == [False, False]
    settle(window)


def test_a_new_draft_gets_the_language_its_text_reads_as(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    ws.publishing.update_site_settings(languages=["de", "en"])
    window.registry.run("article.new", window.command_context)
    settle(window)  # created off the GUI thread, then opened
    article_id = window.current_article_id()
    assert article_id is not None and ws.articles.get(article_id).language == "de"
    type_text(window.editor.body, f"{ENGLISH} The price was not announced yet.")
    qtbot.waitUntil(lambda: window.metadata.language.currentData() == "en", timeout=15_000)
    window.flush_autosave()
    assert ws.articles.get(article_id).language == "en"
    assert window.language_flags.flagged == []  # the whole text moved: nothing to flag
    settle(window)


def test_a_language_chosen_by_hand_is_not_guessed_again(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    ws.publishing.update_site_settings(languages=["de", "en"])
    window.registry.run("article.new", window.command_context)
    settle(window)
    article_id = window.current_article_id()
    combo = window.metadata.language
    combo.setCurrentIndex(combo.findData("de"))
    combo.activated.emit(combo.currentIndex())  # the person picks German
    type_text(window.editor.body, f"{ENGLISH} The price was not announced yet.")
    qtbot.waitUntil(lambda: bool(window.language_flags.flagged), timeout=15_000)
    window.flush_autosave()
    assert ws.articles.get(article_id).language == "de"
    settle(window)
