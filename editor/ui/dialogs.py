"""The window's few questions to the editor, as message boxes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

Button = QMessageBox.StandardButton


def confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, "Newsdesk", question, Button.Yes | Button.No, Button.No)
    return answer == Button.Yes


def reload_after_conflict(parent: QWidget, message: str) -> bool:
    """The article was changed elsewhere: read it again?"""
    answer = QMessageBox.warning(
        parent,
        translate("dialogs", "Changed elsewhere"),
        f"{message}\n\n" + translate("dialogs", "Reload the article from the archive?"),
        Button.Yes | Button.No,
    )
    return answer == Button.Yes


def lose_unsaved_changes(parent: QWidget) -> bool:
    answer = QMessageBox.warning(
        parent,
        translate("dialogs", "Not saved"),
        translate(
            "dialogs",
            "Some changes could not be written to the archive. Close anyway and lose them?",
        ),
        Button.Close | Button.Cancel,
        Button.Cancel,
    )
    return answer == Button.Close
