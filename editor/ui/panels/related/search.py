""" "Add by search…": a field that finds an article by title and offers it to link."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from editor.app.operations import OperationContext, plain
from editor.core.article import ListQuery
from editor.ui.i18n import status_text
from editor.ui.panels.related.models import ARTICLE_ID_ROLE, CompletionModel, RelatedRow

if TYPE_CHECKING:
    from editor.app.articles import ArticleService

SEARCH_DELAY_MS = 200  # the archive is asked once typing pauses
SEARCH_LIMIT = 20


class AddBySearch(QLineEdit):
    """Asks ``find(text)`` once typing pauses (the panel runs :meth:`search` on its
    runner); ``picked(id)`` when one is chosen."""

    picked = Signal(int)

    def __init__(
        self,
        articles: ArticleService,
        find: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            objectName="related_search",
            clearButtonEnabled=True,
            accessibleName=QCoreApplication.translate(
                "AddBySearch", "Search the archive for a link"
            ),
        )
        self._articles = articles
        self.setPlaceholderText(self.tr("Add by search…"))
        self.setToolTip(self.tr("Type part of a title, then pick the article to link"))
        self._find = find
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._pick_single_match)
        self.model = CompletionModel(self)
        self.popup_completer = _completer(self, self.model)
        # The QModelIndex overload of an overloaded signal (the stubs do not index it).
        self.popup_completer.activated[QModelIndex].connect(  # type: ignore[index]
            self._pick_completion
        )

    def search(
        self, text: str, excluded: set[int]
    ) -> tuple[Callable[[OperationContext], list[Any]], Callable[[list[Any]], None]]:
        """The read for ``text`` and what shows its answer, leaving out ``excluded``."""
        articles = self._articles
        wanted = ListQuery(text=text, limit=SEARCH_LIMIT + len(excluded))

        def show(found: list[Any]) -> None:
            rows = [
                RelatedRow(a.id, a.title, a.language, reasons=status_text(a.status.label))
                for a in found
                if a.id not in excluded
            ]
            self.show_results(rows[:SEARCH_LIMIT])

        return plain(lambda: articles.list(wanted)), show

    def results(self) -> list[RelatedRow]:
        return self.model.rows

    def show_results(self, rows: list[RelatedRow]) -> None:
        self.model.set_rows(rows)
        if rows and self.hasFocus():
            self.popup_completer.complete()

    def reset(self) -> None:
        self._timer.stop()
        self.clear()
        self.model.set_rows([])

    def _search(self) -> None:
        text = self.text().strip()
        if not text:
            self.model.set_rows([])
            return
        self._find(text)

    def _pick_completion(self, index: QModelIndex) -> None:
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self.picked.emit(int(article_id))
            self.clear()
            popup = self.popup_completer.popup()
            if popup is not None:
                popup.hide()

    def _pick_single_match(self) -> None:
        rows = self.results()
        if len(rows) == 1:
            self.picked.emit(rows[0].id)
            self.clear()


def _completer(field: QLineEdit, model: CompletionModel) -> QCompleter:
    # The rows come from the archive query (title, author, external id), so the
    # completer shows them as they are instead of filtering by prefix again.
    completer = QCompleter(model, field)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setMaxVisibleItems(10)
    completer.setWidget(field)  # not setCompleter: the field must not rewrite its text
    return completer
