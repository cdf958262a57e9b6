"""The article list's language badges and moving between language versions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from editor.app.workspace import Workspace
from editor.ui.article_list import LANGUAGE, VERSIONS_ROLE
from editor.ui.main_window import MainWindow
from editor.ui.translation.badges import LanguageBadgeDelegate

from .helpers import settle


def group(ws: Workspace) -> tuple[int, int, int]:
    """A German article with an English and a French version, and one alone."""
    source = ws.articles.create(language="de", title="Quelle", body="Text.")
    english = ws.translation.translate_to(source.id, "en")
    french = ws.translation.translate_to(source.id, "fr")
    return source.id, english.id, french.id


def language_cell(window: MainWindow, article_id: int) -> Any:
    row = window.list_model.row_of(article_id)
    assert row is not None
    return window.list_model.index(row, LANGUAGE)


def test_the_list_shows_each_rows_language_versions(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    source, english, _french = group(ws)
    alone = ws.articles.create(language="en", title="Allein").id
    settle(window)
    # The list follows the new versions on its own (their creation reloads it).
    qtbot.waitUntil(lambda: window.list_model.row_of(alone) is not None, timeout=5000)
    assert language_cell(window, source).data() == "DE · EN · FR"
    assert language_cell(window, english).data(VERSIONS_ROLE) == (("de", "en", "fr"), "en")
    assert language_cell(window, alone).data() == "en"
    assert language_cell(window, alone).data(VERSIONS_ROLE) is None
    delegate = window.list_view.itemDelegateForColumn(LANGUAGE)
    assert isinstance(delegate, LanguageBadgeDelegate)
    # Painting the badges (the own language emphasised) works and leaves marks.
    option = QStyleOptionViewItem()
    image = QImage(QSize(120, 24), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    option.rect = image.rect()
    option.font = window.list_view.font()
    painter = QPainter(image)
    delegate.paint(painter, option, language_cell(window, english))
    painter.end()
    assert any(image.pixel(x, 12) != 0xFFFFFFFF for x in range(120))
    assert delegate.sizeHint(option, language_cell(window, english)).width() > 40


def test_a_trashed_version_leaves_the_badges(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    source, _english, french = group(ws)
    qtbot.waitUntil(lambda: window.list_model.row_of(french) is not None, timeout=5000)
    ws.articles.trash(french)  # the list reloads on its own
    qtbot.waitUntil(lambda: window.list_model.row_of(french) is None, timeout=5000)
    assert language_cell(window, source).data() == "DE · EN"


def test_go_to_other_and_previous_language_version(qtbot: Any, window: MainWindow) -> None:
    ws = window.ws
    assert ws is not None
    source, english, french = group(ws)
    alone = ws.articles.create(language="de", title="Allein").id
    window.open_article(source)
    window.refresh_actions()
    assert window.actions_by_id["translation.next_version"].isEnabled()
    window.run_command("translation.next_version")
    assert window.current_article_id() == english
    window.run_command("translation.next_version")
    assert window.current_article_id() == french
    window.run_command("translation.next_version")  # round again to the first language
    assert window.current_article_id() == source
    window.run_command("translation.previous_version")
    assert window.current_article_id() == french
    window.open_article(alone)
    window.refresh_actions()
    assert not window.actions_by_id["translation.next_version"].isEnabled()
    assert not window.actions_by_id["translation.previous_version"].isEnabled()


def test_translate_to_offers_only_the_languages_missing(qtbot: Any, window: MainWindow) -> None:
    from editor.ui.translation.translate_dialog import open_dialog

    ws = window.ws
    assert ws is not None
    ws.settings.update({"site.languages": ["de", "en", "fr"]})
    source = ws.articles.create(language="de", title="Quelle", body="Text.")
    ws.translation.translate_to(source.id, "fr")
    window.open_article(source.id)
    window.run_command("translation.translate_to")
    dialog = open_dialog(window)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.languages.count() > 0, timeout=5000)
    assert dialog.chosen() == "en" and dialog.languages.count() == 1
    dialog.reject()
    # With every language present, nothing is offered and the dialog says why.
    ws.translation.translate_to(source.id, "en")
    window.run_command("translation.translate_to")
    qtbot.waitUntil(lambda: "every language" in _intro(window), timeout=5000)


def _intro(window: MainWindow) -> str:
    from editor.ui.translation.translate_dialog import TranslateDialog

    dialogs = [d for d in window.findChildren(TranslateDialog) if d.isVisible()]
    return dialogs[-1].intro.text() if dialogs else ""
