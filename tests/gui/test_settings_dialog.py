"""The Settings dialog: reachable by keyboard and palette, checks the site values, keeps the
person's choices in QSettings and puts them into effect."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QWidget

from editor.ui.settings import PersonalSettings
from editor.ui.settings.dialog import SettingsDialog
from editor.ui.settings.personal import apply_theme, is_dark

from .helpers import press, settle, type_text


def open_dialog(qtbot, window) -> SettingsDialog:
    window.registry.execute("app.settings", window.command_context)
    dialog = window.findChild(SettingsDialog, "settings_dialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_ctrl_comma_opens_the_settings(qtbot, window):
    press(window.list_view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog, "settings_dialog") is not None)


def test_the_palette_finds_settings_and_preferences(qtbot, window):
    from editor.commands.search import search

    for words in ("settings", "preferences", "einstellungen", "base url"):
        found = search(words, window.registry, window.command_context)
        assert found and found[0].id == "app.settings", words


def test_site_values_are_stored_in_the_archive(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.site_name.setText("Die Technikseite")
    dialog.base_url.setText("https://technik.example.net")
    dialog.languages.setText("en, de")
    dialog.default_language.setCurrentIndex(dialog.default_language.findData("de"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    values = window.ws.settings.values()
    assert values["site.name"] == "Die Technikseite"
    assert values["site.base_url"] == "https://technik.example.net/"
    assert values["site.languages"] == ["en", "de"]
    assert values["site.default_language"] == "de"


def test_a_refused_value_keeps_the_dialog_open_with_the_reason(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.base_url.setText("technik.example.net")
    dialog.site_name.setText("Geändert")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "https://" in dialog.problem.text()
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.focusWidget() is dialog.base_url
    assert dialog.base_url.text() == "technik.example.net"  # what was typed is kept
    assert window.ws.settings.get("site.name") == "Newsdesk"  # nothing stored
    dialog.reject()


def test_the_name_as_author_goes_on_new_articles(qtbot, window, settings):
    dialog = open_dialog(qtbot, window)
    type_text(dialog.author, "Jürgen Müller")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert PersonalSettings(settings).author_name() == "Jürgen Müller"
    window.registry.run("article.new", window.command_context)
    settle(window)  # created off the GUI thread, then opened
    article = window.ws.articles.get(window.current_article_id())
    assert article.author == "Jürgen Müller"


def test_the_author_name_defaults_to_the_login_and_survives_a_restart(make_window, settings):
    personal = PersonalSettings(settings)
    assert personal.author_name()  # the login name
    personal.set_author_name("Ada Lovelace")
    window = make_window()
    assert window.ws.user == "Ada Lovelace"


def test_font_theme_and_language_are_kept_and_applied(qtbot, window, settings):
    dialog = open_dialog(qtbot, window)
    dialog.font_family.setCurrentFont(QFont("DejaVu Serif"))
    dialog.font_size.setValue(17)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.interface_language.setCurrentIndex(dialog.interface_language.findData("de"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    personal = PersonalSettings(settings)
    assert personal.theme() == "dark"
    assert personal.interface_language() == "de"
    font = personal.editor_font()
    assert font is not None and font.pointSize() == 17
    assert window.editor.body.font().pointSize() == 17
    qtbot.waitUntil(lambda: is_dark(window.palette()))
    apply_theme("light")
    qtbot.waitUntil(lambda: not is_dark(window.palette()))
    apply_theme("dark")
    qtbot.waitUntil(lambda: is_dark(window.palette()))
    apply_theme("system")
    qtbot.waitUntil(lambda: not is_dark(window.palette()))


def test_tab_walks_the_site_page_in_reading_order(qtbot, window):
    dialog = open_dialog(qtbot, window)
    order = [dialog.site_name]
    for _ in range(4):
        order.append(next_tab_stop(order[-1]))
    assert order[1:] == [
        dialog.base_url,
        dialog.languages,
        dialog.default_language,
        dialog.templates.edit,
    ]
    dialog.reject()


def test_every_field_of_the_dialog_has_an_accessible_name(qtbot, window):
    dialog = open_dialog(qtbot, window)
    nameless = [
        w.objectName() or type(w).__name__
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(dialog)
        and not w.accessibleName()
        and not _labelled(w)
    ]
    assert nameless == []
    dialog.reject()


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from ``widget``: the next widget in the chain that takes Tab focus."""
    candidate = widget.nextInFocusChain()
    while not (
        candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        and candidate.isVisibleTo(candidate.window())
        and candidate.isEnabled()
    ):
        candidate = candidate.nextInFocusChain()
    return candidate


def _labelled(widget: QWidget) -> bool:
    """Buttons and tabs are named by their text."""
    text = getattr(widget, "text", None)
    return callable(text) and bool(text())


def test_a_chosen_shortcut_is_kept_and_bound(qtbot, window, settings):
    dialog = open_dialog(qtbot, window)
    editor = dialog.shortcut_editor
    assert editor is not None
    editor.set_shortcuts("archive.samples", ("Ctrl+Alt+S",))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert PersonalSettings(settings).shortcuts() == {"archive.samples": ("Ctrl+Alt+S",)}
    assert window.registry.get("archive.samples").shortcuts == ("Ctrl+Alt+S",)
    action = window.actions_by_id["archive.samples"]
    assert action.shortcut() == QKeySequence("Ctrl+Alt+S")
    assert "Ctrl+Alt+S" in action.toolTip()


def test_a_clashing_shortcut_is_refused(qtbot, window, settings):
    dialog = open_dialog(qtbot, window)
    editor = dialog.shortcut_editor
    editor.set_shortcuts("archive.samples", ("Ctrl+N",))  # New Article's
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "New Article" in dialog.problem.text()
    assert PersonalSettings(settings).shortcuts() == {}
    editor.set_shortcuts("archive.samples", ())
    dialog.reject()


def test_own_shortcuts_apply_at_the_next_start(make_window, settings):
    PersonalSettings(settings).set_shortcuts({"article.new": ("Ctrl+Alt+N",)})
    window = make_window()
    assert window.actions_by_id["article.new"].shortcut() == QKeySequence("Ctrl+Alt+N")
    assert window.registry.builtin_shortcuts("article.new") == ("Ctrl+N",)
