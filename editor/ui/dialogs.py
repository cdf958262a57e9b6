"""The window's few questions to the editor, as message boxes.

QMessageBox is imported where a question is asked: making its type (and its
enums) is no part of the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


def confirm(parent: QWidget, question: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    Button = QMessageBox.StandardButton
    answer = QMessageBox.question(parent, "Newsdesk", question, Button.Yes | Button.No, Button.No)
    return answer == Button.Yes


def reload_after_conflict(parent: QWidget, message: str) -> bool:
    """The article was changed elsewhere: read it again?"""
    from PySide6.QtWidgets import QMessageBox

    Button = QMessageBox.StandardButton
    answer = QMessageBox.warning(
        parent,
        translate("dialogs", "Changed elsewhere"),
        f"{message}\n\n" + translate("dialogs", "Reload the article from the archive?"),
        Button.Yes | Button.No,
    )
    return answer == Button.Yes


def lose_unsaved_changes(parent: QWidget) -> bool:
    from PySide6.QtWidgets import QMessageBox

    Button = QMessageBox.StandardButton
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
