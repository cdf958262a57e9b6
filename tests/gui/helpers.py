"""Helpers for driving widgets in GUI tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character.

    ``qtbot.keyClicks`` maps characters to key codes and aborts the process on
    characters without one (umlauts, CJK); a key event that only carries the
    text is what an input method delivers, and what text widgets insert.
    """
    widget.setFocus()
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """One key press and release (a shortcut, Esc, Return)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def settle(window: Any, timeout_ms: int = 10_000) -> None:
    """Wait until the window's runner has delivered every outcome: commands that
    write run as operations off the GUI thread, and the window follows later."""
    waited = 0
    while window.runner.busy:
        if waited > timeout_ms:
            raise AssertionError(f"still running: {window.runner.labels()}")
        QTest.qWait(10)
        waited += 10
