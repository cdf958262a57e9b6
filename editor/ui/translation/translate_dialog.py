"""Translate to…: choose one of the site's languages the article has no version in yet;
the linked version is created on the window's runner and opened, with the side-by-side
view shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.app.operations import change, plain, query
from editor.ui.i18n import language_display

if TYPE_CHECKING:
    from editor.core.article import Article
    from editor.ui.main_window import MainWindow

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
PANEL = "translation"


class TranslateDialog(QDialog):
    def __init__(self, window: MainWindow, article: Article) -> None:
        super().__init__(window)
        self.setObjectName("translate_dialog")
        self.setWindowTitle(self.tr("Translate to…"))
        self._window = window
        self._article = article
        title = article.title or self.tr("the untitled article")
        self.intro = QLabel(self.tr("Reading the language versions of “%1”…").replace("%1", title))
        self.intro.setWordWrap(True)
        self.languages = QListWidget(objectName="translate_languages")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Translate"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.languages, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.languages.itemDoubleClicked.connect(self._on_languages_itemDoubleClicked)
        self.languages.currentRowChanged.connect(self._on_languages_currentRowChanged)
        self._read_languages()

    def _read_languages(self) -> None:
        from editor.app.translation import groups

        ws, article_id = self._window.ws, self._article.id
        assert ws is not None
        self._window.runner.run(
            query(
                self.tr("Reading the language versions"),
                plain(lambda: groups.missing_languages(ws, article_id)),
            ),
            on_done=self._show_languages,
            owner=self,
        )

    def _show_languages(self, codes: list[str]) -> None:
        title = self._article.title or self.tr("the untitled article")
        if not codes:
            self.intro.setText(
                self.tr("“%1” has a version in every language of the site.").replace("%1", title)
            )
            return
        self.intro.setText(self.tr("Translate “%1” into:").replace("%1", title))
        for code in codes:
            item = QListWidgetItem(f"{language_display(code)} ({code})")
            item.setData(CODE_ROLE, code)
            self.languages.addItem(item)
        self.languages.setCurrentRow(0)
        self.languages.setFocus()

    def chosen(self) -> str | None:
        item = self.languages.currentItem()
        return None if item is None else str(item.data(CODE_ROLE))

    def choose(self, code: str) -> None:
        """Select the language `code` (as a click would)."""
        for row in range(self.languages.count()):
            if self.languages.item(row).data(CODE_ROLE) == code:
                self.languages.setCurrentRow(row)
                return
        raise LookupError(f"{code!r} is not offered")

    def accept(self) -> None:
        code = self.chosen()
        if code is None:
            return
        window, ws, source_id = self._window, self._window.ws, self._article.id
        assert ws is not None
        # Worded now: the dialog is gone when the version is created.
        done = self.tr("Created the %1 version; translate it segment by segment.")
        done = done.replace("%1", language_display(code))

        def created(translation: Article) -> None:
            window.open_article(translation.id)
            if not window.panel_visible(PANEL):
                window.toggle_panel(PANEL)
            window.show_message(done)

        window.run_operation(
            change(
                self.tr("Creating the translation"),
                plain(lambda: ws.translation.translate_to(source_id, code)),
            ),
            on_done=created,
        )
        super().accept()

    def _on_languages_itemDoubleClicked(self, _item: QListWidgetItem) -> None:
        self.accept()

    def _on_languages_currentRowChanged(self, row: int) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(row >= 0)


def ask_translate(window: MainWindow) -> None:
    """Open the dialog for the window's article (the command checked there is one)."""
    article = window.current_article()
    if article is None or window.ws is None:
        return
    dialog = TranslateDialog(window, article)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def open_dialog(parent: QWidget) -> TranslateDialog | None:
    """The open Translate to… dialog of a window (tests)."""
    return parent.findChild(TranslateDialog, "translate_dialog")
