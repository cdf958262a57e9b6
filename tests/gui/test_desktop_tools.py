"""Import…, Export…, Load Sample Articles and the Help menu, in the window: commands in the
menus and the palette, the work run as operations by the window's runner."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox, QTableWidget, QTextBrowser

from editor.core.article import ListQuery
from editor.ui.desktop import help as help_tools
from editor.ui.desktop import transfer


def menu_titles(window, name: str) -> list[str]:
    menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), f"menu_{name}")
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_file_and_help_menus_offer_the_tools(window):
    assert {"Import Articles…", "Export Articles…", "Load Sample Articles"} <= set(
        menu_titles(window, "file")
    )
    assert menu_titles(window, "help") == ["Keyboard Shortcuts", "Newsdesk Help", "About Newsdesk"]
    assert "Settings…" in menu_titles(window, "edit")


def test_the_palette_finds_import_export_and_samples(window):
    from editor.commands.search import search

    for words, command_id in (
        ("import", "archive.import"),
        ("export", "archive.export"),
        ("sample articles", "archive.samples"),
        ("keyboard shortcuts", "help.shortcuts"),
    ):
        assert search(words, window.registry, window.command_context)[0].id == command_id


def test_loading_the_samples_fills_the_list(qtbot, window):
    ticket = transfer.samples(window)
    assert ticket is not None
    qtbot.waitUntil(lambda: ticket.finished, timeout=20_000)
    count = window.ws.articles.count(ListQuery())
    assert count >= 20
    assert "from the sample archive" in window.status.currentMessage()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == count, timeout=5_000)
    again = transfer.samples(window)
    qtbot.waitUntil(lambda: again.finished, timeout=20_000)
    assert window.ws.articles.count(ListQuery()) == count
    assert window.status.currentMessage() == "The sample articles are already in the archive."


def test_import_reports_and_lists_the_rejected(qtbot, window, tmp_path: Path, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    source = tmp_path / "neu.jsonl"
    good = {"id": "x1", "lang": "de", "title": "Übernahme für Müller", "body": "Text"}
    source.write_text(json.dumps(good) + "\n" + '{"id": "x2", "lang": "de"}\n', encoding="utf-8")
    ticket = transfer.import_path(window, source)
    qtbot.waitUntil(lambda: ticket.finished, timeout=20_000)
    assert window.ws.articles.find("x1").title == "Übernahme für Müller"
    assert "1 created" in window.status.currentMessage()
    assert len(warnings) == 1 and "line 2" in warnings[0]
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5_000)


def test_import_lists_its_notes(qtbot, window, tmp_path: Path, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text))
    )
    window.ws.entities.add("Kolbe", "person")
    source = tmp_path / "neu.jsonl"
    tag = {"name": "Kolbe", "kind": "organisation"}
    record = {"id": "x1", "lang": "de", "title": "Werk", "body": "Text", "tags": [tag]}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    ticket = transfer.import_path(window, source)
    qtbot.waitUntil(lambda: ticket.finished, timeout=20_000)
    assert window.ws.articles.find("x1").tags == ("Kolbe",)
    [(title, text)] = shown
    assert title == "Imported with notes"
    assert "Imported, to note:\nline 1: tag 'Kolbe' is the archive's person 'Kolbe'" in text
    assert "Not imported" not in text


def test_export_writes_every_article(qtbot, window, tmp_path: Path):
    for title in ("Eins", "Zwei", "Drei"):
        window.ws.articles.create(title=title, body="Text")
    out = tmp_path / "alle.jsonl"
    ticket = transfer.export_to(window, out, "jsonl")
    qtbot.waitUntil(lambda: ticket.finished, timeout=20_000)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["title"] for line in lines) == ["Drei", "Eins", "Zwei"]
    assert window.status.currentMessage() == f"Exported 3 articles to {out}."


def test_a_failed_import_says_why_in_one_line(qtbot, window, tmp_path: Path):
    ticket = transfer.import_path(window, tmp_path / "missing.jsonl")
    qtbot.waitUntil(lambda: ticket.finished, timeout=20_000)
    message = window.status.currentMessage()
    assert message.startswith("Nothing was imported:") and "\n" not in message


def test_the_tools_run_on_the_windows_one_runner(qtbot, window):
    ticket = transfer.samples(window)
    assert ticket is not None
    assert ticket.label in window.runner.labels()
    qtbot.waitUntil(lambda: ticket.finished, timeout=20_000)


def test_the_shortcuts_list_shows_every_command(qtbot, window):
    window.registry.execute("help.shortcuts", window.command_context)
    dialog = window.findChild(QDialog, "shortcuts_dialog")
    assert dialog is not None
    table = dialog.findChild(QTableWidget, "shortcuts_table")
    assert table.rowCount() == len(window.registry)
    keys = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert keys["Article: New Article"] == "Ctrl+N"
    assert keys["Settings: Settings…"] == "Ctrl+,"
    dialog.reject()


def test_help_shows_the_manual_offline(qtbot, window):
    window.registry.execute("help.manual", window.command_context)
    dialog = window.findChild(QDialog, "manual_dialog")
    assert dialog is not None
    text = dialog.findChild(QTextBrowser, "manual_text").toPlainText()
    assert "Quick start" in text and "newsdesk settings" in text
    dialog.reject()


def test_about_credits_the_data_and_model_licences():
    text = help_tools.about_text()
    for words in ("MIT licence", "trans-de-en", "GPL-2.0-or-later", "multilingual-e5-small"):
        assert words in text
    assert "GermEval 2014" in text and "CC BY 4.0" in text  # the shipped entity models
