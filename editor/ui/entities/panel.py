"""The "Entity tags" panel: the article's entities, and suggestions to accept or reject.

Two lists follow the article on screen:

- **Tags**: its entities (kind icon, name); Remove (Delete) takes a tag off;
  double-click shows the articles tagged with it.
- **Suggestions**: names found in the text as it stands in the editor, each with its
  kind, how often it is mentioned, a confidence and why ("known: 12 articles",
  "new name, 3 mentions").  Accept (Enter, double-click) tags the article; Reject
  (Delete) records the answer, and the name is not suggested for this article again.

Suggestions and the marks on mentions of tagged entities in the body are queries on
the window's runner, started a moment after the text changes (never on the keystroke
path); a newer query replaces an older one and answers for another article are
dropped.  Accepting, rejecting and removing are change operations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from editor.app.changes import ArticleSaved, Change, EntitiesChanged, SuggestionDecided
from editor.app.entities.tagging import untag
from editor.app.operations import OperationContext, plain
from editor.core.entities.mentions import line_mentions
from editor.core.entities.model import Entity, name_key
from editor.core.entities.suggest import ModelFallback, Suggestion
from editor.ui.entities.kinds import kind_icon, kind_label
from editor.ui.entities.marks import MentionMarks
from editor.ui.panels.base import ArticlePanel, PanelServices
from editor.ui.panels.related.widgets import KeyActions, heading
from editor.ui.panels.related.widgets import row as button_row

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

# The suggestions, and why the model could not be used with what suggests instead.
Found = tuple[list[Suggestion], tuple[str, ModelFallback] | None]

TEXT_DELAY_MS = 700  # suggestions and marks follow the text once typing pauses
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1  # the Entity of a tag row
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the Suggestion of a suggestion row
NAME, SCORE, COUNT, WHY, KIND = range(5)  # what a narrow dock shows first


class EntitiesPanel(ArticlePanel):
    """Tags and tag suggestions of one article (see the module docstring)."""

    filter_requested = Signal(int)  # show the articles tagged with this entity

    def __init__(
        self,
        services: PanelServices,
        text: Callable[[], str],
        body: QPlainTextEdit,
        highlighter: Callable[[], object],
        *,
        delay_ms: int = TEXT_DELAY_MS,
    ) -> None:
        super().__init__(services)
        self.setObjectName("entities_panel")
        self._text = text  # title, teaser and body as the editor has them now
        self._body = body
        self.marks = MentionMarks(body, highlighter)
        self._tagged: list[Entity] = []
        # Names decided here while the write is on its way: a query started before it
        # committed must not bring them back.
        self._decided: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._build()
        body.textChanged.connect(self._on_body_textChanged)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.tags_model = QStandardItemModel(self)
        self.tags_view = QListView(objectName="entity_tags")
        self.tags_view.setModel(self.tags_model)
        self.tags_view.setAccessibleName(self.tr("Tags of the article"))
        self.tags_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.remove_button = QPushButton(self.tr("Remove"), objectName="entity_remove")
        self.remove_button.setToolTip(self.tr("Take the selected tag off the article (Delete)"))

        self.suggestions_model = QStandardItemModel(0, 5, self)
        self.suggestions_model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Confidence"), self.tr("Mentions"), self.tr("Why"),
             self.tr("Kind")]
        )  # fmt: skip
        self.suggestions_view = QTreeView(objectName="entity_suggestions")
        self.suggestions_view.setModel(self.suggestions_model)
        self.suggestions_view.setRootIsDecorated(False)
        self.suggestions_view.setAccessibleName(self.tr("Tag suggestions"))
        self.suggestions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.suggestions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.suggestions_view.header()
        header.setStretchLastSection(True)
        for column in (NAME, SCORE, COUNT, WHY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.accept_button = QPushButton(self.tr("Accept"), objectName="entity_accept")
        self.accept_button.setToolTip(self.tr("Tag the article with the suggestion (Enter)"))
        self.reject_button = QPushButton(self.tr("Reject"), objectName="entity_reject")
        self.reject_button.setToolTip(
            self.tr("Not for this article: it is not suggested here again (Delete)")
        )
        # The current suggestion in full: the dock is often too narrow for every column.
        self.detail_label = QLabel(objectName="entity_detail", wordWrap=True)
        self.status_label = QLabel(objectName="entity_status", wordWrap=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(heading(self.tr("Tags")))
        layout.addWidget(self.tags_view, 2)
        layout.addLayout(button_row(self.remove_button))
        layout.addWidget(heading(self.tr("Suggestions")))
        layout.addWidget(self.suggestions_view, 3)
        layout.addWidget(self.detail_label)
        layout.addLayout(button_row(self.accept_button, self.reject_button))
        layout.addWidget(self.status_label)

        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.tags_view.doubleClicked.connect(self._on_tags_view_doubleClicked)
        self.suggestions_view.doubleClicked.connect(self._on_suggestions_view_doubleClicked)
        self.tags_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.suggestions_view.selectionModel().currentChanged.connect(self._update_buttons)
        KeyActions(self.tags_view, {(Qt.Key.Key_Delete, False): self.remove_current})
        KeyActions(
            self.suggestions_view,
            {
                (Qt.Key.Key_Return, False): self.accept_current,
                (Qt.Key.Key_Enter, False): self.accept_current,
                (Qt.Key.Key_Delete, False): self.reject_current,
            },
        )
        self._update_buttons()

    # ------------------------------------------------------------ following the article

    def article_shown(self, article_id: int | None) -> None:
        self._tagged = []
        self._decided = set()
        self.tags_model.removeRows(0, self.tags_model.rowCount())
        self.suggestions_model.removeRows(0, self.suggestions_model.rowCount())
        self.marks.clear()
        self.status_label.clear()
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        """Read the tags again; suggestions and marks follow."""
        article_id = self.article_id
        if article_id is None:
            return
        entities = self.ws.entities
        self.run_query(
            "tags",
            self.tr("Reading the tags"),
            plain(lambda: entities.of_article(article_id)),
            self._on_tags_read,
        )

    def on_change(self, change: Change) -> None:
        article_id = self.article_id
        if article_id is None:
            return
        if isinstance(change, ArticleSaved):
            if change.article_id == article_id and list(change.article.tags) != self.tag_names():
                self.refresh()
        elif isinstance(change, EntitiesChanged):
            self.refresh()  # a rename or merge may change names shown or found
        elif isinstance(change, SuggestionDecided) and change.article_id == article_id:
            self.compute_now()

    @property
    def settled(self) -> bool:
        """Nothing waits to be computed and nothing is being computed."""
        return not self.busy and not self._timer.isActive()

    def tag_names(self) -> list[str]:
        return [e.name for e in self._tagged]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.article_id is not None:
            self._timer.start()  # suggestions are only computed while they can be seen

    # ------------------------------------------------------------ computing

    def compute_now(self) -> None:
        self._timer.stop()
        self._compute_marks()
        if self.isVisible():
            self._compute_suggestions()

    def _compute_marks(self) -> None:
        if self.article_id is None or not self.marks.enabled:
            return
        tagged, lines = list(self._tagged), self._body.toPlainText().split("\n")
        self.run_query(
            "marks",
            self.tr("Finding mentions"),
            plain(lambda: line_mentions(tagged, lines)),
            self.marks.apply,
        )

    def _compute_suggestions(self) -> None:
        article_id = self.article_id
        if article_id is None:
            return
        text, ws = self._text(), self.ws

        def work(context: OperationContext) -> Found:
            language = ws.articles.get(article_id).language
            found = ws.suggestions.suggest_text(
                text,
                language,
                article_id=article_id,
                progress=context.progress,
                cancelled=context.cancelled,
            )
            return found, ws.suggestions.model_status(language)

        self.status_label.setText(self.tr("Looking for names…"))
        self.run_query(
            "suggest",
            self.tr("Suggesting tags"),
            work,
            self._on_suggestions_found,
            on_error=self._on_suggestions_failed,
        )

    def set_highlighting(self, on: bool) -> None:
        """Marks on mentions of tagged entities in the body, or none."""
        self.marks.set_enabled(on)
        if on:
            self._compute_marks()

    # ------------------------------------------------------------ showing

    def _on_tags_read(self, entities: list[Entity]) -> None:
        current = self.current_tag()
        self._tagged = entities
        self.tags_model.removeRows(0, self.tags_model.rowCount())
        for entity in entities:
            item = QStandardItem(kind_icon(entity.kind), entity.name)
            item.setData(entity, ENTITY_ROLE)
            item.setToolTip(f"{entity.name} — {kind_label(entity.kind)}")
            self.tags_model.appendRow(item)
        if current is not None:
            self._select_tag(current.id)
        self._update_buttons()
        self.compute_now()

    def _on_suggestions_found(self, found: Found) -> None:
        suggestions, model_status = found
        current = self.current_suggestion()
        model = self.suggestions_model
        model.removeRows(0, model.rowCount())
        suggestions = [s for s in suggestions if name_key(s.name) not in self._decided]
        for suggestion in suggestions:
            model.appendRow(_suggestion_row(suggestion))
        wanted = 0
        if current is not None:
            names = [s.name for s in suggestions]
            wanted = names.index(current.name) if current.name in names else 0
        if suggestions:
            self.suggestions_view.setCurrentIndex(model.index(wanted, 0))
        if model_status is not None:
            self.status_label.setText(self._model_problem_text(*model_status))
        elif not suggestions:
            self.status_label.setText(self.tr("No suggestions."))
        else:
            self.status_label.clear()
        self._update_buttons()

    def _model_problem_text(self, problem: str, fallback: ModelFallback) -> str:
        if fallback is ModelFallback.SHIPPED:
            text = self.tr("The retrained model cannot be used; the shipped one suggests: %1")
        elif fallback is ModelFallback.CAPITALISED:
            text = self.tr("Known names and capitalised words only: %1")
        else:
            text = self.tr("Known names only: %1")
        return text.replace("%1", problem)

    def _on_suggestions_failed(self, error: BaseException) -> None:
        self.status_label.setText(self.tr("No suggestions: %1").replace("%1", str(error)))

    def _update_buttons(self, *_args: object) -> None:
        has_article = self.article_id is not None
        self.remove_button.setEnabled(has_article and self.current_tag() is not None)
        suggestion = self.current_suggestion() if has_article else None
        self.accept_button.setEnabled(suggestion is not None)
        self.reject_button.setEnabled(suggestion is not None)
        self.detail_label.setText(self._describe(suggestion) if suggestion else "")

    def _describe(self, suggestion: Suggestion) -> str:
        text = self.tr("%1 (%2): %3 mention(s), confidence %4 %, %5")
        values = (
            suggestion.name,
            kind_label(suggestion.kind),
            str(suggestion.count),
            str(round(suggestion.score * 100)),
            suggestion.reason,
        )
        # One pass: a name with "%2" in it stays as it is.
        return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], text)

    # ------------------------------------------------------------ the current rows

    def current_tag(self) -> Entity | None:
        index = self.tags_view.currentIndex()
        value = index.data(ENTITY_ROLE) if index.isValid() else None
        return value if isinstance(value, Entity) else None

    def current_suggestion(self) -> Suggestion | None:
        index = self.suggestions_view.currentIndex()
        if not index.isValid():
            return None
        value = self.suggestions_model.index(index.row(), NAME).data(SUGGESTION_ROLE)
        return value if isinstance(value, Suggestion) else None

    def suggestions(self) -> list[Suggestion]:
        model = self.suggestions_model
        return [model.index(r, NAME).data(SUGGESTION_ROLE) for r in range(model.rowCount())]

    def _select_tag(self, entity_id: int | None) -> None:
        for row in range(self.tags_model.rowCount()):
            entity = self.tags_model.item(row).data(ENTITY_ROLE)
            if entity.id == entity_id:
                self.tags_view.setCurrentIndex(self.tags_model.index(row, 0))

    def _take_suggestion(self) -> Suggestion | None:
        """The current suggestion, its row gone at once (the next one becomes current)."""
        suggestion = self.current_suggestion()
        if suggestion is None or self.article_id is None:
            return None
        self._decided.add(name_key(suggestion.name))
        row = self.suggestions_view.currentIndex().row()
        self.suggestions_model.removeRow(row)
        rows = self.suggestions_model.rowCount()
        if rows:
            self.suggestions_view.setCurrentIndex(
                self.suggestions_model.index(min(row, rows - 1), 0)
            )
        self._update_buttons()
        return suggestion

    # ------------------------------------------------------------ decisions

    def accept_current(self) -> None:
        suggestion = self._take_suggestion()
        if suggestion is None or not self.services.flush():
            return
        article_id, service = self.article_id, self.ws.suggestions
        assert article_id is not None
        self.run_change(
            self.tr("Tagging the article"),
            lambda: service.accept(article_id, suggestion.name, suggestion.kind),
            lambda _entity: self.refresh(),
        )

    def reject_current(self) -> None:
        suggestion = self._take_suggestion()
        if suggestion is None:
            return
        article_id, service = self.article_id, self.ws.suggestions
        assert article_id is not None
        self.run_change(
            self.tr("Rejecting a suggestion"),
            lambda: service.reject(article_id, suggestion.name, suggestion.kind),
        )

    def remove_current(self) -> None:
        entity = self.current_tag()
        article_id = self.article_id
        if entity is None or entity.id is None or article_id is None:
            return
        if not self.services.flush():
            return
        ws, entity_id = self.ws, entity.id
        self.run_change(
            self.tr("Removing a tag"),
            lambda: untag(ws, article_id, entity_id),
            lambda _entity: self.refresh(),
        )

    # ------------------------------------------------------------ slots

    def _on_body_textChanged(self) -> None:
        if self.article_id is not None:
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.compute_now()

    def _on_remove_button_clicked(self) -> None:
        self.remove_current()

    def _on_accept_button_clicked(self) -> None:
        self.accept_current()

    def _on_reject_button_clicked(self) -> None:
        self.reject_current()

    def _on_tags_view_doubleClicked(self, index: QModelIndex) -> None:
        entity = index.data(ENTITY_ROLE)
        if isinstance(entity, Entity) and entity.id is not None:
            self.filter_requested.emit(entity.id)

    def _on_suggestions_view_doubleClicked(self, _index: QModelIndex) -> None:
        self.accept_current()


def _suggestion_row(suggestion: Suggestion) -> list[QStandardItem]:
    name = QStandardItem(kind_icon(suggestion.kind), suggestion.name)
    name.setData(suggestion, SUGGESTION_ROLE)
    by_column = {
        NAME: name,
        SCORE: QStandardItem(f"{round(suggestion.score * 100)} %"),
        COUNT: QStandardItem(str(suggestion.count)),
        WHY: QStandardItem(suggestion.reason),
        KIND: QStandardItem(kind_label(suggestion.kind)),
    }
    cells = [by_column[column] for column in range(len(by_column))]
    cells[COUNT].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    cells[SCORE].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for cell in cells:
        cell.setToolTip(f"{suggestion.name}: {suggestion.reason}")
    return cells
