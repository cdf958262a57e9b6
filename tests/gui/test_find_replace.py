"""Find and replace in the body editor: matching, counting, replacing, undo, CJK."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from editor.ui.find_replace import FindReplaceBar
from tests.gui.helpers import press, type_text


@pytest.fixture
def bar(qtbot):
    host = QWidget()
    editor = QPlainTextEdit(objectName="body")
    find_bar = FindReplaceBar(editor)
    layout = QVBoxLayout(host)
    layout.addWidget(editor)
    layout.addWidget(find_bar)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    yield find_bar  # (a generator fixture keeps ``host`` alive until the test ends)


def editor_of(bar: FindReplaceBar) -> QPlainTextEdit:
    editor = bar.editor()
    assert editor is not None
    return editor


def selected(bar: FindReplaceBar) -> tuple[int, int]:
    cursor = editor_of(bar).textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


def test_counts_and_steps_through_matches(bar, qtbot) -> None:
    editor_of(bar).setPlainText("Chip, chip, CHIP und ein Chipsatz.")
    bar.open()
    assert bar.isVisible() and bar.find_edit.hasFocus()
    qtbot.keyClicks(bar.find_edit, "chip")
    assert bar.match_count() == 4
    assert bar.count_text() == "1 of 4"
    assert selected(bar) == (0, 4)
    press(bar.find_edit, Qt.Key.Key_Return)
    assert bar.count_text() == "2 of 4"
    assert selected(bar) == (6, 10)
    press(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    press(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_text() == "4 of 4"  # wrapped around backwards
    assert len(bar.highlighted()) == 4


def test_case_and_whole_word_toggles(bar, qtbot) -> None:
    editor_of(bar).setPlainText("Chip, chip, CHIP und ein Chipsatz.")
    bar.open()
    qtbot.keyClicks(bar.find_edit, "Chip")
    bar.case_button.click()
    assert bar.match_count() == 2
    bar.word_button.click()
    assert bar.match_count() == 1
    assert [(m.start, m.end) for m in bar.matches()] == [(0, 4)]


def test_whole_words_with_umlauts(bar) -> None:
    editor_of(bar).setPlainText("Über über Überwachung")
    bar.open()
    bar.set_options(whole_words=True)
    bar.find_edit.setText("über")
    assert bar.match_count() == 2  # \b knows that Ü is a letter


def test_regex_and_invalid_pattern(bar) -> None:
    editor_of(bar).setPlainText("Version 1.2 and version 10.4")
    bar.open()
    bar.set_options(regex=True)
    bar.find_edit.setText(r"\d+\.\d+")
    assert bar.match_count() == 2
    bar.find_edit.setText("(unclosed")
    assert bar.match_count() == 0
    assert bar.count_text() == "Invalid pattern"
    assert bar.highlighted() == []


def test_regex_off_treats_the_text_literally(bar) -> None:
    editor_of(bar).setPlainText("a.b axb")
    bar.open()
    bar.find_edit.setText("a.b")
    assert bar.match_count() == 1


def test_no_results(bar) -> None:
    editor_of(bar).setPlainText("nichts")
    bar.open()
    bar.find_edit.setText("zzz")
    assert bar.count_text() == "No results"
    assert not bar.find_next()


def test_replace_all_is_one_undo_step(bar) -> None:
    editor = editor_of(bar)
    editor.setPlainText("Ein Chip, noch ein Chip und ein dritter Chip.")
    original = editor.toPlainText()
    bar.open(replace=True)
    assert bar.replace_visible()
    bar.find_edit.setText("Chip")
    bar.replace_edit.setText("Prozessor")
    assert bar.replace_all() == 3
    assert editor.toPlainText() == "Ein Prozessor, noch ein Prozessor und ein dritter Prozessor."
    assert bar.match_count() == 0
    editor.undo()
    assert editor.toPlainText() == original


def test_replace_one_then_next(bar) -> None:
    editor = editor_of(bar)
    editor.setPlainText("cat cat cat")
    bar.open(replace=True)
    bar.find_edit.setText("cat")
    bar.replace_edit.setText("dog")
    press(bar.replace_edit, Qt.Key.Key_Return)
    assert editor.toPlainText() == "dog cat cat"
    assert bar.count_text() == "1 of 2"
    assert selected(bar) == (4, 7)


def test_regex_replacement_uses_groups(bar) -> None:
    editor = editor_of(bar)
    editor.setPlainText("Meier, Hans; Schulz, Eva")
    bar.open(replace=True)
    bar.set_options(regex=True)
    bar.find_edit.setText(r"(\w+), (\w+)")
    bar.replace_edit.setText(r"\2 $1")
    bar.replace_all()
    assert editor.toPlainText() == "Hans Meier; Eva Schulz"


def test_cjk_and_emoji_offsets(bar) -> None:
    editor = editor_of(bar)
    editor.setPlainText("😀人工智能芯片，新的芯片。")
    bar.open(replace=True)
    type_text(bar.find_edit, "芯片")
    assert bar.match_count() == 2
    cursor = editor.textCursor()
    assert cursor.selectedText() == "芯片"
    bar.replace_edit.setText("处理器")
    bar.replace_all()
    assert editor.toPlainText() == "😀人工智能处理器，新的处理器。"


def test_opens_with_the_selection_and_escape_closes(bar, qtbot) -> None:
    editor = editor_of(bar)
    editor.setPlainText("alpha beta gamma beta")
    cursor = editor.textCursor()
    cursor.setPosition(6)
    cursor.setPosition(10, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    bar.open()
    assert bar.find_edit.text() == "beta"
    assert bar.match_count() == 2
    press(bar.find_edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert bar.highlighted() == []
    assert editor.hasFocus()


def test_counts_follow_edits_in_the_text(bar, qtbot) -> None:
    editor = editor_of(bar)
    editor.setPlainText("eins")
    bar.open()
    bar.find_edit.setText("zwei")
    assert bar.match_count() == 0
    editor.appendPlainText("zwei zwei")
    qtbot.waitUntil(lambda: bar.match_count() == 2)


def test_keeps_the_editors_own_extra_selections(bar) -> None:
    from PySide6.QtWidgets import QTextEdit

    editor = editor_of(bar)
    editor.setPlainText("one two one")
    own = QTextEdit.ExtraSelection()
    own.cursor = editor.textCursor()
    editor.setExtraSelections([own])
    bar.open()
    bar.find_edit.setText("one")
    assert len(editor.extraSelections()) == 3
    bar.close_bar()
    assert len(editor.extraSelections()) == 1


def test_switching_editors(bar, qtbot) -> None:
    first = editor_of(bar)
    first.setPlainText("Titel Titel")
    second = QPlainTextEdit()
    qtbot.addWidget(second)
    second.setPlainText("Titel")
    bar.open()
    bar.find_edit.setText("Titel")
    assert bar.match_count() == 2
    bar.set_editor(second)
    assert bar.match_count() == 1
    assert first.extraSelections() == []
