"""A quiet flag under a paragraph written in another language than its article.

Off the keystroke path: typing restarts a timer; when it fires, the body's text is
handed to the window's runner (a keyed query: a newer check replaces an older one) and
the paragraphs are judged there (the detectors load on their first use, which takes a
while: never on the GUI thread). An answer for a text that changed since is dropped.
The flag is a dotted underline (an extra selection of the body's own, so the find
bar's highlights are kept) and a tooltip over the paragraph naming the language.

The same pass tells a new draft's language when none was chosen (it still has the site's
default and its text clearly reads as another site language): `draft_language_found`
names it once per article; the metadata box takes it as if it had been picked there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from editor.app.operations import plain, query

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.core.translation.foreign import ForeignParagraph
    from editor.ui.runner import Runner

DELAY_MS = 800  # after typing pauses
FLAG = QTextFormat.Property.UserProperty + 0x4C46  # tags these extra selections
FLAG_COLOUR = QColor(120, 140, 200)


class ParagraphLanguageFlags(QObject):
    draft_language_found = Signal(str)  # the language the open new draft's text reads as

    def __init__(
        self,
        body: QPlainTextEdit,
        runner: Runner,
        workspace: Workspace,
        language: Callable[[], str | None],
        article_id: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(body)
        self._article_id = article_id
        self._settled: set[int] = set()  # articles whose language is no longer guessed
        self._body = body
        self._runner = runner
        self._ws = workspace
        self._language = language
        self._revision = 0  # counts the body's changes: an older answer is dropped
        self.flagged: list[ForeignParagraph] = []
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        body.textChanged.connect(self._on_body_textChanged)
        body.viewport().installEventFilter(self)

    def _on_body_textChanged(self) -> None:
        self._revision += 1
        self._timer.start()

    def refresh(self) -> None:
        """Check again soon (the article's language changed: chosen, no longer guessed)."""
        article_id = self._article_id()
        if article_id is not None:
            self._settled.add(article_id)
        self._revision += 1
        self._timer.start()

    def check_now(self) -> None:
        self._timer.stop()
        lang = self._language()
        text, revision, ws = self._body.toPlainText(), self._revision, self._ws
        if not lang or not text.strip():
            self._show(revision, [])
            return
        article_id = self._article_id()
        guess = article_id if article_id is not None and article_id not in self._settled else None

        def work() -> tuple[list[ForeignParagraph], str | None]:
            from editor.core.translation.foreign import foreign_paragraphs

            draft = ws.translation.new_draft_language(guess, text) if guess is not None else None
            if draft is not None:
                return [], draft  # the whole text is in another language: no flags
            return foreign_paragraphs(text, lang, ws.publishing.site_languages()), None

        def done(found: tuple[list[ForeignParagraph], str | None]) -> None:
            paragraphs, draft = found
            self._show(revision, paragraphs)
            # Another article opened meanwhile changed the text: the revision tells.
            if draft is not None and article_id is not None and revision == self._revision:
                self._settled.add(article_id)
                self.draft_language_found.emit(draft)

        self._runner.run(
            query(
                self.tr("Checking the paragraphs' language"), plain(work), key=(id(self), "flags")
            ),
            on_done=done,
            on_error=lambda _error: None,  # a flag is a hint: no error message for it
            owner=self,
        )

    def _show(self, revision: int, found: list[ForeignParagraph]) -> None:
        if revision != self._revision:
            return  # the text changed meanwhile: the next check is on its way
        self.flagged = list(found)
        document = self._body.document()
        ours = []
        for paragraph in found:
            first = document.findBlockByNumber(paragraph.first_line)
            last = document.findBlockByNumber(paragraph.last_line)
            if not first.isValid() or not last.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(first)
            cursor.setPosition(
                last.position() + max(0, last.length() - 1), QTextCursor.MoveMode.KeepAnchor
            )
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(FLAG_COLOUR)
            fmt.setProperty(FLAG, paragraph.lang)
            selection.format = fmt
            ours.append(selection)
        others = [s for s in self._body.extraSelections() if not s.format.property(FLAG)]
        self._body.setExtraSelections(others + ours)

    def flag_at(self, line: int) -> ForeignParagraph | None:
        return next((p for p in self.flagged if p.first_line <= line <= p.last_line), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self._body.cursorForPosition(event.pos())
            flag = self.flag_at(cursor.blockNumber())
            if flag is not None:
                from editor.ui.i18n import language_display

                text = self.tr("This paragraph reads as %1.").replace(
                    "%1", language_display(flag.lang)
                )
                QToolTip.showText(event.globalPos(), text, self._body)
                return True
        return super().eventFilter(watched, event)
