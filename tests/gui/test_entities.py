"""Entity tagging in the real window: tags panel, Tag Selection as…, the manager,
the list filtered by entity, the palette's offer and the marks on mentions."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from shiboken6 import Shiboken

from editor.ui.entities.manager import EntityManager
from editor.ui.entities.panel import EntitiesPanel
from editor.ui.entities.tag_dialog import TagSelectionDialog
from editor.ui.palette import CommandPalette

from .helpers import press, settle, type_text


def _open(window: Any, **fields: Any) -> int:
    article = window.ws.articles.create(**fields)
    window.open_article(article.id)
    return article.id


def _select(window: Any, text: str, occurrence: int = 0) -> None:
    body = window.editor.body
    start = -1
    for _ in range(occurrence + 1):
        start = body.toPlainText().index(text, start + 1)
    cursor = body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)


def _tag_dialog(qtbot: Any, window: Any) -> TagSelectionDialog:
    window.run_command("entities.tag_selection")
    dialog = window.entity_tools.tag_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    settle(window)  # the archive's entities for the selected text
    return dialog


def _panel(qtbot: Any, window: Any) -> EntitiesPanel:
    window.toggle_panel("entities")
    panel = window.panels.built("entities")
    assert isinstance(panel, EntitiesPanel)
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    return panel


# ---------------------------------------------------------------- tagging a selection


def test_tag_a_selection_as_a_new_person(qtbot, window) -> None:
    article_id = _open(window, title="Rede", body="Gestern sprach Olaf Scholz in Berlin.")
    _select(window, "Olaf Scholz")
    dialog = _tag_dialog(qtbot, window)
    assert dialog.mention.text() == "Olaf Scholz" and dialog.new_choice.isChecked()
    dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.ws.articles.get(article_id).tags == ("Olaf Scholz",))
    assert window.ws.entities.find("Olaf Scholz").kind.value == "person"
    qtbot.waitUntil(lambda: not Shiboken.isValid(dialog) or not dialog.isVisible())


def test_tag_a_selection_as_an_alias_of_a_known_entity(qtbot, window) -> None:
    siemens = window.ws.entities.add("Siemens AG", "organisation")
    article_id = _open(window, title="Bilanz", body="Siemens legt Zahlen vor.")
    _select(window, "Siemens")
    dialog = _tag_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.matches.count() == 1)
    dialog.matches.setCurrentRow(0)
    assert dialog.existing_choice.isChecked()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.ws.articles.get(article_id).tags == ("Siemens AG",))
    assert window.ws.entities.get(siemens.id).aliases == ("Siemens",)


def test_the_body_context_menu_offers_tag_selection(qtbot, window) -> None:
    _open(window, title="Rede", body="Olaf Scholz sprach.")
    menu = window.entity_tools.body_menu()
    action = next(a for a in menu.actions() if a.objectName() == "tag_selection_action")
    assert not action.isEnabled()  # nothing selected
    _select(window, "Olaf Scholz")
    menu = window.entity_tools.body_menu()
    action = next(a for a in menu.actions() if a.objectName() == "tag_selection_action")
    assert action.isEnabled() and action.text() == "Tag Selection as…"
    action.trigger()
    dialog = window.entity_tools.tag_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.mention.text() == "Olaf Scholz"
    dialog.reject()


def test_tagging_without_a_selection_says_what_to_do(qtbot, window) -> None:
    _open(window, title="Leer", body="Kein Name markiert.")
    window.run_command("entities.tag_selection")
    assert "Select the name" in window.status.currentMessage()


def test_a_refused_alias_keeps_the_dialog_open_with_the_reason(qtbot, window) -> None:
    window.ws.entities.add("Bosch", "organisation")
    other = window.ws.entities.add("Robert Bosch GmbH", "organisation")
    _open(window, title="Bosch", body="Bosch baut Werkzeuge.")
    _select(window, "Bosch")
    dialog = _tag_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.matches.count() == 2)
    row = next(r for r in range(dialog.matches.count()) if "GmbH" in dialog.matches.item(r).text())
    dialog.matches.setCurrentRow(row)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "already belongs" in dialog.message.text())
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert window.ws.entities.get(other.id).aliases == ()


# ---------------------------------------------------------------- suggestions


def test_accept_and_reject_suggestions_with_the_keyboard(qtbot, window) -> None:
    ws = window.ws
    ws.entities.add("Halbleiter", "topic")
    ws.entities.add("Chipfabrik", "topic")
    ws.articles.create(title="Vorher", body="x", tags=["Halbleiter", "Chipfabrik"])
    article_id = _open(
        window,
        title="Neue Chipfabrik",
        body="Die Chipfabrik baut Halbleiter. Halbleiter bleiben knapp.",
    )
    panel = _panel(qtbot, window)

    def names() -> list[str]:
        return [s.name for s in panel.suggestions()]

    qtbot.waitUntil(lambda: {"Halbleiter", "Chipfabrik"} <= set(names()), timeout=10_000)
    first = panel.suggestions()[names().index("Halbleiter")]
    assert first.count == 2 and first.reason == "known: 1 article"

    panel.suggestions_view.setCurrentIndex(
        panel.suggestions_model.index(names().index("Halbleiter"), 0)
    )
    detail = panel.detail_label.text()
    assert detail.startswith("Halbleiter (Topic): 2 mention(s)") and "known: 1 article" in detail
    press(panel.suggestions_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.articles.get(article_id).tags == ("Halbleiter",))
    qtbot.waitUntil(lambda: panel.tag_names() == ["Halbleiter"])

    panel.suggestions_view.setCurrentIndex(
        panel.suggestions_model.index(names().index("Chipfabrik"), 0)
    )
    press(panel.suggestions_view, Qt.Key.Key_Delete)
    assert "Chipfabrik" not in names()
    settle(window)
    # The text changes, the suggestions are computed again: the rejected one stays away.
    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor.body, " Die Chipfabrik wächst.")
    qtbot.waitUntil(lambda: panel.settled, timeout=10_000)
    assert "Chipfabrik" not in names()
    # … and after the article was opened again (the rejection is in the archive).
    other = ws.articles.create(title="Anderes")
    window.open_article(other.id)
    window.open_article(article_id)
    qtbot.waitUntil(lambda: panel.tag_names() == ["Halbleiter"] and not panel.busy)
    settle(window)
    assert "Chipfabrik" not in names()
    assert ws.articles.get(article_id).tags == ("Halbleiter",)


def test_accept_and_reject_new_names_with_the_mouse(qtbot, window) -> None:
    ws = window.ws
    article_id = _open(window, title="Gipfel", body="Angela Merkel traf Emmanuel Macron in Paris.")
    panel = _panel(qtbot, window)

    def row_of(name: str) -> int:
        return [s.name for s in panel.suggestions()].index(name)

    qtbot.waitUntil(lambda: {"Angela Merkel", "Paris"} <= {s.name for s in panel.suggestions()})
    panel.suggestions_view.setCurrentIndex(panel.suggestions_model.index(row_of("Paris"), 0))
    panel.reject_button.click()
    panel.suggestions_view.setCurrentIndex(
        panel.suggestions_model.index(row_of("Angela Merkel"), 0)
    )
    panel.accept_button.click()
    qtbot.waitUntil(lambda: ws.articles.get(article_id).tags == ("Angela Merkel",))
    # The accepted new name is now a known entity of the kind suggested.
    assert ws.entities.find("Angela Merkel").kind.value == "person"
    qtbot.waitUntil(lambda: panel.tag_names() == ["Angela Merkel"] and not panel.busy)
    settle(window)
    assert "Paris" not in {s.name for s in panel.suggestions()}
    assert "Paris" not in {s.name for s in ws.suggestions.suggest_for_article(article_id)}


def test_a_damaged_retrained_model_is_told_and_the_shipped_one_suggests(qtbot, window) -> None:
    from editor.app.entities.suggestions import user_models_dir
    from editor.core.entities.extractor import lexicon_path, model_paths

    folder = user_models_dir()
    folder.mkdir(parents=True)
    model, manifest = model_paths("de", folder)
    model.write_bytes(b"\x00" * 64)
    manifest.write_text('{"sha256": "bad", "feature_version": 3}', encoding="utf-8")
    lexicon_path("de", folder).write_bytes(b"")
    _open(window, title="Gipfel", body="Angela Merkel traf Emmanuel Macron in Paris.")
    panel = _panel(qtbot, window)
    qtbot.waitUntil(lambda: "Angela Merkel" in {s.name for s in panel.suggestions()})
    text = panel.status_label.text()
    assert text.startswith("The retrained model cannot be used; the shipped one suggests: ")
    assert "is damaged" in text


def test_remove_a_tag_with_the_delete_key(qtbot, window) -> None:
    article_id = _open(window, title="Zwei", body="x", tags=["KI", "Halbleiter"])
    panel = _panel(qtbot, window)
    qtbot.waitUntil(lambda: panel.tag_names() == ["KI", "Halbleiter"])
    panel.tags_view.setCurrentIndex(panel.tags_model.index(0, 0))
    press(panel.tags_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.ws.articles.get(article_id).tags == ("Halbleiter",))
    qtbot.waitUntil(lambda: panel.tag_names() == ["Halbleiter"])
    assert window.metadata.tags.text() == "Halbleiter"


# ---------------------------------------------------------------- the manager


def _manager(qtbot: Any, window: Any, count: int) -> EntityManager:
    window.run_command("entities.manage")
    manager = window.entity_tools.manager
    qtbot.waitUntil(lambda: len(manager.entities()) == count)
    return manager


def test_merge_in_the_manager_and_undo_it(qtbot, window, monkeypatch) -> None:
    ws = window.ws
    munich = ws.entities.add("München", "place", labels={"en": "Munich"})
    minga = ws.entities.add("Minga", "place", wikidata="Q1726")
    article = ws.articles.create(title="Wiesn", body="In Minga.", tags=["Minga"])
    window.open_article(article.id)
    ws.entities.add("Olaf Scholz", "person")
    manager = _manager(qtbot, window, 3)
    manager.kind_filter.setCurrentIndex(manager.kind_filter.findData("place"))
    qtbot.waitUntil(lambda: [e.name for e in manager.entities()] == ["Minga", "München"])
    assert [e.articles for e in manager.entities()] == [1, 0]
    manager.search.setText("munich")  # a label finds its entity
    qtbot.waitUntil(lambda: [e.name for e in manager.entities()] == ["München"])
    manager.search.clear()
    qtbot.waitUntil(lambda: len(manager.entities()) == 2)
    manager.select_entity(minga.id)
    monkeypatch.setattr(manager, "choose_merge_target", lambda _source: munich.id)
    manager.merge_button.click()
    qtbot.waitUntil(lambda: ws.articles.get(article.id).tags == ("München",))
    qtbot.waitUntil(lambda: [e.name for e in manager.entities()] == ["München"])
    assert ws.entities.get(munich.id).aliases == ("Minga",)
    assert manager.undo_stack.canUndo()
    qtbot.waitUntil(lambda: window.metadata.tags.text() == "München")  # the open article

    manager.undo_button.click()
    qtbot.waitUntil(lambda: ws.articles.get(article.id).tags == ("Minga",))
    qtbot.waitUntil(lambda: len(manager.entities()) == 2)
    assert ws.entities.get(minga.id).wikidata == "Q1726"
    assert ws.entities.get(munich.id).aliases == ()
    qtbot.waitUntil(lambda: window.metadata.tags.text() == "Minga")

    manager.redo_button.click()
    qtbot.waitUntil(lambda: ws.articles.get(article.id).tags == ("München",))


def test_a_merge_across_kinds_asks_first_naming_both_kinds(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    ws = window.ws
    person = ws.entities.add("Porsche", "person")
    company = ws.entities.add("Porsche AG", "organisation")
    article = ws.articles.create(title="Werk", body="x", tags=["Porsche"])
    manager = _manager(qtbot, window, 2)
    asked: list[tuple[str, str]] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent: Any, title: str, text: str, *_args: Any) -> Any:
        asked.append((title, text))
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(manager, "choose_merge_target", lambda _source: company.id)
    manager.select_entity(person.id)
    manager.merge_button.click()  # answered No
    assert len(asked) == 1
    title, text = asked[0]
    assert title == "Merge Entities of Different Kinds"
    assert "“Porsche” (Person) and “Porsche AG” (Organisation)" in text
    assert manager.message.text() == "Not merged."
    settle(window)
    assert ws.entities.get(person.id).kind.value == "person"
    assert ws.articles.get(article.id).tags == ("Porsche",)

    manager.merge_button.click()  # answered Yes
    qtbot.waitUntil(lambda: ws.articles.get(article.id).tags == ("Porsche AG",))
    assert len(asked) == 2
    assert ws.entities.get(company.id).aliases == ("Porsche",)
    qtbot.waitUntil(lambda: [e.name for e in manager.entities()] == ["Porsche AG"])
    manager.undo_button.click()
    qtbot.waitUntil(lambda: ws.articles.get(article.id).tags == ("Porsche",))
    assert ws.entities.get(person.id).kind.value == "person"
    manager.redo_button.click()  # done again without asking: it was asked for
    qtbot.waitUntil(lambda: ws.articles.get(article.id).tags == ("Porsche AG",))
    assert len(asked) == 2


def test_a_merge_of_one_kind_asks_nothing(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    ws = window.ws
    old = ws.entities.add("Muenchen", "place")
    new = ws.entities.add("München", "place")
    manager = _manager(qtbot, window, 2)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("asked"))
    monkeypatch.setattr(manager, "choose_merge_target", lambda _source: new.id)
    manager.select_entity(old.id)
    manager.merge_button.click()
    qtbot.waitUntil(lambda: [e.name for e in manager.entities()] == ["München"])


def test_the_manager_refuses_a_claimed_alias_and_a_long_name_changing_nothing(
    qtbot, window
) -> None:
    ws = window.ws
    ws.entities.add("Apple", "organisation", aliases=["Apple Inc."])
    banane = ws.entities.add("Banane", "topic")
    manager = _manager(qtbot, window, 2)
    manager.select_entity(banane.id)
    manager.aliases.setPlainText("Obst\napple inc.")
    manager.save_button.click()
    qtbot.waitUntil(lambda: "already belongs" in manager.message.text())
    assert manager.message.text() == (
        "Not changed: the name 'apple inc.' already belongs to the entity 'Apple'"
    )
    manager.select_entity(banane.id)
    manager.name.setText("B" * 1000)
    manager.save_button.click()
    assert "at most 200" in manager.message.text()
    assert ws.entities.get(banane.id) == banane
    assert not manager.undo_stack.canUndo()


def test_rename_edit_and_delete_in_the_manager(qtbot, window, monkeypatch) -> None:
    ws = window.ws
    scholz = ws.entities.add("Olaf Scholz", "person")
    ws.articles.create(title="Kanzler", body="x", tags=["Olaf Scholz"])
    manager = _manager(qtbot, window, 1)
    manager.select_entity(scholz.id)
    manager.name.setText("Scholz")
    manager.save_button.click()
    qtbot.waitUntil(lambda: ws.entities.get(scholz.id).name == "Scholz")
    assert ws.entities.get(scholz.id).aliases == ("Olaf Scholz",)

    qtbot.waitUntil(lambda: manager.current_entity() is not None)
    manager.wikidata.setText("X12")
    assert "not a Wikidata item id" in manager.wikidata_link.text()
    manager.save_button.click()
    assert "not a Wikidata item id" in manager.message.text()
    manager.wikidata.setText("q567")
    assert "https://www.wikidata.org/wiki/Q567" in manager.wikidata_link.text()
    manager.labels.setPlainText("en = Olaf Scholz\nde = Olaf Scholz")
    manager.save_button.click()
    qtbot.waitUntil(lambda: ws.entities.get(scholz.id).wikidata == "Q567")
    assert ws.entities.get(scholz.id).labels == {"en": "Olaf Scholz", "de": "Olaf Scholz"}

    asked: list[str] = []
    monkeypatch.setattr(
        "editor.ui.dialogs.confirm", lambda _parent, question: asked.append(question) or True
    )
    qtbot.waitUntil(lambda: manager.current_entity() is not None)
    manager.delete_button.click()
    qtbot.waitUntil(lambda: not manager.entities())
    assert "1 article(s)" in asked[0]
    manager.undo_button.click()
    qtbot.waitUntil(lambda: len(manager.entities()) == 1)
    assert ws.entities.get(scholz.id).wikidata == "Q567"
    manager.undo_button.click()  # the edit
    manager.undo_button.click()  # the rename
    qtbot.waitUntil(lambda: ws.entities.get(scholz.id).name == "Olaf Scholz")
    assert ws.entities.get(scholz.id).wikidata is None


# ---------------------------------------------------------------- the list by entity


def test_the_list_filters_by_entity_and_the_palette_offers_it(qtbot, window) -> None:
    ws = window.ws
    for title, tags in (("Eins", ["Halbleiter"]), ("Zwei", ["Halbleiter", "KI"]), ("Drei", [])):
        ws.articles.create(title=title, body="x", tags=tags)
    window.list_model.reload()
    assert window.list_model.total == 3
    halbleiter = ws.entities.find("Halbleiter")
    window.entity_tools.filter_by_entity(halbleiter.id)
    assert window.list_model.total == 2
    bar = window.entity_tools.filter_bar
    assert bar.isVisible() and "Halbleiter" in bar.label.text()
    bar.clear_button.click()
    assert window.list_model.total == 3 and not bar.isVisible()

    window.toggle_panel("palette")
    palette = window.findChild(CommandPalette)
    qtbot.waitUntil(palette.isVisible, timeout=2000)
    type_text(palette.line_edit, "Halbleit")
    qtbot.waitUntil(lambda: any(r.kind == "entity" for r in palette.results()), timeout=2000)
    row = next(i for i, r in enumerate(palette.results()) if r.kind == "entity")
    shown = palette.model.index(row, 0).data()
    assert shown == "Show articles tagged “Halbleiter”"
    palette.activate(row)
    assert window.list_model.total == 2 and bar.isVisible()


# ---------------------------------------------------------------- marks on mentions


def _marked(window: Any) -> list[str]:
    """The texts shown with the mention background in the body."""
    colour = window.editor.highlighter.formats["mention"].background().color()
    found = []
    block = window.editor.body.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.background().color() == colour:
                found.append(block.text()[fmt.start : fmt.start + fmt.length])
        block = block.next()
    return found


def test_mentions_of_tagged_entities_are_marked_and_the_marks_toggle(qtbot, window) -> None:
    ws = window.ws
    ws.entities.add("Olaf Scholz", "person", aliases=["Scholz"])
    article_id = _open(
        window,
        title="Rede",
        body="Olaf Scholz sprach lange.\n\nDanach ging Scholz. Merz blieb.",
        tags=["Olaf Scholz"],
    )
    version = ws.articles.get(article_id).version
    window.entity_tools.set_highlighting(True)
    qtbot.waitUntil(lambda: sorted(_marked(window)) == ["Olaf Scholz", "Scholz"], timeout=5000)
    assert ws.articles.get(article_id).version == version  # colouring is no edit
    assert window.panel_visible("entity_mentions")

    window.run_command("view.entity_mentions")
    assert _marked(window) == []
    assert not window.panel_visible("entity_mentions")
    assert window.actions_by_id["view.entity_mentions"].isChecked() is False

    window.run_command("view.entity_mentions")
    qtbot.waitUntil(lambda: sorted(_marked(window)) == ["Olaf Scholz", "Scholz"], timeout=5000)
    # A new mention typed is marked once typing pauses.
    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor.body, " Scholz")
    qtbot.waitUntil(lambda: sorted(_marked(window)) == ["Olaf Scholz", "Scholz", "Scholz"])


def test_the_manager_words_its_undo_steps_in_the_interface_language(
    qtbot, window, monkeypatch
) -> None:
    from PySide6.QtCore import QCoreApplication

    german = {"Rename “%1”": "„%1“ umbenennen", "Undo: %1": "Rückgängig: %1"}
    plain_translate = QCoreApplication.translate
    monkeypatch.setattr(
        QCoreApplication,
        "translate",
        staticmethod(
            lambda ctx, text, *rest: german.get(text) or plain_translate(ctx, text, *rest)
        ),
    )
    scholz = window.ws.entities.add("Olaf Scholz", "person")
    manager = _manager(qtbot, window, 1)
    manager.select_entity(scholz.id)
    manager.name.setText("Scholz")
    manager.save_button.click()
    qtbot.waitUntil(manager.undo_stack.canUndo)
    assert manager.undo_stack.undoText() == "„Olaf Scholz“ umbenennen"
    assert "„Olaf Scholz“ umbenennen" in manager.message.text()
    manager.undo_button.click()
    qtbot.waitUntil(lambda: window.ws.entities.get(scholz.id).name == "Olaf Scholz")
