"""The Settings dialog's Translation page: the machine translation server (nothing is
sent until one is set) and the do-not-translate list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from editor.ui.settings.dialog import SettingsDialog

from .helpers import type_text


def open_dialog(qtbot: Any, window: Any) -> SettingsDialog:
    window.registry.execute("app.settings", window.command_context)
    dialog = window.findChild(SettingsDialog, "settings_dialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.translation)
    return dialog


def _ok(dialog: SettingsDialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


def _gone(qtbot: Any, window: Any) -> None:
    """A closed dialog is deleted later: wait, so that the next one is new."""
    from PySide6.QtCore import QCoreApplication, QEvent

    def deleted() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return window.findChild(SettingsDialog, "settings_dialog") is None

    qtbot.waitUntil(deleted)


def test_server_key_and_names_are_stored_and_shown_again(qtbot: Any, window: Any) -> None:
    assert window.ws.machine_translation.backend() is None  # nothing set: nothing sent
    dialog = open_dialog(qtbot, window)
    page = dialog.translation
    assert page.backend.currentData() == "off" and not page.mt_url.isEnabled()
    page.backend.setCurrentIndex(page.backend.findData("libretranslate"))
    type_text(page.mt_url, "http://127.0.0.1:5000")
    type_text(page.mt_key, "geheim")
    type_text(page.names, "Galaxy S25\nThinkPad X1\n\nGalaxy S25")
    _ok(dialog)
    assert not dialog.isVisible()
    settings = window.ws.machine_translation.settings()
    assert (settings["url"], settings["api_key"]) == ("http://127.0.0.1:5000", "geheim")
    assert window.ws.machine_translation.backend() is not None
    assert window.ws.memory.do_not_translate() == ["Galaxy S25", "ThinkPad X1"]
    _gone(qtbot, window)
    again = open_dialog(qtbot, window)
    assert again.translation.mt_url.text() == "http://127.0.0.1:5000"
    assert again.translation.names.toPlainText() == "Galaxy S25\nThinkPad X1"
    assert again.translation.backend.currentData() == "libretranslate"
    again.translation.backend.setCurrentIndex(0)  # off
    _ok(again)
    assert window.ws.machine_translation.backend() is None


def test_a_bad_address_keeps_the_dialog_open_on_the_field(qtbot: Any, window: Any) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(0)
    page = dialog.translation
    page.backend.setCurrentIndex(page.backend.findData("libretranslate"))
    type_text(dialog.translation.mt_url, "translate.example.org")
    type_text(dialog.translation.names, "Pixel 9")
    _ok(dialog)
    assert dialog.isVisible()
    assert "http" in dialog.problem.text()
    assert dialog.tabs.currentWidget() is dialog.translation
    assert dialog.focusWidget() is dialog.translation.mt_url
    assert dialog.translation.names.toPlainText() == "Pixel 9"  # nothing typed is lost
    assert window.ws.machine_translation.backend() is None
    dialog.reject()


def test_the_page_is_reached_by_keyboard(qtbot: Any, window: Any) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(0)
    for _ in range(2):  # Site, You, Translation
        qtbot.keyClick(dialog.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentWidget() is dialog.translation
    page = dialog.translation
    page.backend.setCurrentIndex(page.backend.findData("libretranslate"))
    page.backend.setFocus()
    for expected in (page.mt_url, page.mt_key, page.names):  # Tab moves down the form
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is expected
    dialog.reject()


def test_argos_is_chosen_only_when_installed(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    import sys
    import types

    monkeypatch.setitem(sys.modules, "argostranslate", None)  # not installed
    dialog = open_dialog(qtbot, window)
    page = dialog.translation
    page.backend.setCurrentIndex(page.backend.findData("argos"))
    _ok(dialog)
    assert dialog.isVisible()
    assert "not installed" in dialog.problem.text()
    assert window.ws.machine_translation.backend() is None  # nothing was set up
    fake = types.ModuleType("argostranslate")
    fake.translate = types.SimpleNamespace(  # type: ignore[attr-defined]
        translate=lambda text, source, target: f"<{target}> {text}"
    )
    monkeypatch.setitem(sys.modules, "argostranslate", fake)
    monkeypatch.setitem(sys.modules, "argostranslate.translate", fake.translate)
    _ok(dialog)
    assert not dialog.isVisible()
    backend = window.ws.machine_translation.backend()
    assert backend is not None and backend.translate(["Hallo"], "de", "en") == ["<en> Hallo"]
