"""The conflict view: my text, the text saved elsewhere, and the text both started from.

Shown when autosave reports a :attr:`~editor.app.autosave.SaveState.CONFLICT`:
both texts are already in the article's history, so no choice here loses
anything; "Decide later" leaves my text on screen (not written) and the dialog
comes back with the next report.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.merge import ConflictTexts


class Choice(Enum):
    MINE = "mine"
    THEIRS = "theirs"
    LATER = "later"


class ConflictDialog(QDialog):
    def __init__(self, texts: ConflictTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="conflict_dialog")
        self.texts = texts
        self.choice = Choice.LATER
        self.setWindowTitle(self.tr("Changed elsewhere"))
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        fields = ", ".join(texts.fields)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Someone saved this article (version {version}) while you were "
                    "editing, and changed the same place ({fields}). Both texts are kept in the "
                    "history. Which one should the article keep?"
                ).format(version=texts.theirs_version, fields=fields),
                wordWrap=True,
            )
        )
        splitter = QSplitter(self)
        self.panes: dict[str, QPlainTextEdit] = {}
        for side, label in (
            ("mine", self.tr("Your text")),
            (
                "theirs",
                self.tr("Saved elsewhere (version {version})").format(version=texts.theirs_version),
            ),
            ("base", self.tr("Before both edits")),
        ):
            column = QWidget(splitter)
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            column_layout.addWidget(QLabel(f"<b>{label}</b>"))
            pane = QPlainTextEdit(column, objectName=f"conflict_{side}", readOnly=True)
            pane.setPlainText(texts.side(side))
            column_layout.addWidget(pane)
            self.panes[side] = pane
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(self)
        self.mine_button = self._button(buttons, self.tr("Keep my text"), Choice.MINE)
        self.theirs_button = self._button(buttons, self.tr("Take theirs"), Choice.THEIRS)
        self.later_button = self._button(buttons, self.tr("Decide later"), Choice.LATER)
        layout.addWidget(buttons)

    def _button(self, buttons: QDialogButtonBox, text: str, choice: Choice) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(f"conflict_{choice.value}")
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept() if choice is not Choice.LATER else self.reject()
