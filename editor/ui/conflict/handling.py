"""What the window does with autosave's reports of a merge or a conflict.

A merged save holds another editor's changes: the editor shows the merged text
(when nothing typed is waiting to be saved; otherwise the next save merges
again and the text is shown then).  A conflict opens the side-by-side view;
whatever is chosen, the editor's text on screen is never dropped unasked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication

from editor.app.autosave import SaveReport, SaveState
from editor.ui.conflict.dialog import Choice, ConflictDialog

if TYPE_CHECKING:
    from editor.app.autosave import AutosaveWriter
    from editor.app.workspace import Workspace
    from editor.core.article import Article
    from editor.ui.article_editor import ArticleEditor


class ConflictHost(Protocol):
    """What the handling needs of the main window."""

    ws: Workspace | None
    autosave: AutosaveWriter
    editor: ArticleEditor

    def current_article_id(self) -> int | None: ...

    def show_message(self, text: str, *, error: bool = False) -> None: ...

    def show_saved_text(self, article: Article) -> None:
        """Put ``article``'s text on screen (undoable) and make it the base of edits."""
        ...


class ConflictHandling:
    def __init__(self, host: Any) -> None:
        self._host: ConflictHost = host
        self.dialog: ConflictDialog | None = None

    def on_report(self, report: SaveReport) -> None:
        host = self._host
        if report.article_id != host.current_article_id():
            return
        if report.state is SaveState.SAVED and report.merged and report.article is not None:
            if not host.autosave.has_pending(report.article_id):
                host.show_saved_text(report.article)
                host.show_message(
                    QCoreApplication.translate(
                        "ConflictHandling",
                        "Merged with changes saved elsewhere (noted in the history).",
                    )
                )
        elif report.state is SaveState.CONFLICT and report.conflict and self.dialog is None:
            self.dialog = ConflictDialog(report.conflict, host.editor.window())
            self.dialog.finished.connect(self._on_dialog_finished)
            self.dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        article_id = dialog.texts.article_id
        self.apply(article_id, dialog.choice)

    def apply(self, article_id: int, choice: Choice) -> None:
        host = self._host
        if choice is Choice.LATER or host.ws is None:
            host.show_message(
                QCoreApplication.translate(
                    "ConflictHandling",
                    "Not saved: changed elsewhere — your text is kept here and both versions are "
                    "in the history.",
                ),
                error=True,
            )
            return
        theirs = host.ws.articles.get(article_id)
        if choice is Choice.THEIRS:
            host.show_saved_text(theirs)
            host.autosave.resolve(article_id, theirs, {})
            host.show_message(
                QCoreApplication.translate(
                    "ConflictHandling", "Took the text saved elsewhere; yours is in the history."
                )
            )
            return
        editor = host.editor
        mine = {
            "title": editor.title.text(),
            "teaser": editor.teaser.toPlainText(),
            "body": editor.body.toPlainText(),
        }
        host.autosave.resolve(article_id, theirs, mine)
        host.show_message(
            QCoreApplication.translate(
                "ConflictHandling", "Kept your text; the other version is in the history."
            )
        )
