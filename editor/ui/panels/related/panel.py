"""The "Related links" panel: what the selected article links to, and what it could.

Two lists follow the selected article:

- **Accepted**: the links its page will show, in this order (drag, Move up/down,
  Ctrl+Up/Down); pinned ones stay on top; Remove (Delete) forgets a link.
- **Suggestions**: what the archive offers, with the language, a bar for how
  close the match is and, in grey, why it was suggested.  Accept (Enter) or
  Reject (Delete), by button, context menu or keyboard.

"Add by search…" links any article by title.  Suggestions, searches and every
decision run on the window's runner (the first time also the index build,
which may take a while on a big archive); suggestions are refreshed a moment
after the article is saved, never on the keystroke path, and results for an
article that is no longer shown are dropped.  The accepted list is redrawn from
the :class:`~editor.app.changes.LinksDecided` notice a stored decision sends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from editor.app.changes import (
    MEMBERSHIP_CHANGES,
    ArticleSaved,
    Change,
    LinksDecided,
    StatusMoved,
)
from editor.app.operations import OperationContext, plain, query
from editor.ui.panels.base import ArticlePanel, PanelServices
from editor.ui.panels.related.menus import show_accepted_menu, show_suggestion_menu
from editor.ui.panels.related.models import (
    ARTICLE_ID_ROLE,
    AcceptedLinksModel,
    RelatedListModel,
    RelatedRow,
)
from editor.ui.panels.related.search import AddBySearch
from editor.ui.panels.related.widgets import (
    KeyActions,
    button,
    current_id,
    heading,
    list_view,
    row,
    select_id,
)

if TYPE_CHECKING:
    from editor.app.related import RelatedSuggestion
    from editor.ui.runner import Ticket

SAVE_REFRESH_MS = 1500  # suggestions follow an edit once the editor pauses
DECISION_REFRESH_MS = 200  # after accept/reject, fill the freed slot soon
SUGGESTION_COUNT = 8

# Events about other articles that can change what is suggested.


class RelatedPanel(ArticlePanel):
    """Related links of one article (see the module docstring).

    ``show_article(id | None)`` follows the selection; ``open_article_requested``
    asks the window to open an article (double-click on a row).
    """

    open_article_requested = Signal(int)
    suggestions_updated = Signal(int)  # the article whose suggestions are now shown
    links_changed = Signal(int)  # the article whose accepted links the editor changed

    def __init__(
        self,
        services: PanelServices,
        parent: QWidget | None = None,
        *,
        refresh_delay_ms: int = SAVE_REFRESH_MS,
        suggestion_count: int = SUGGESTION_COUNT,
        ui_language: str = "en",
    ) -> None:
        super().__init__(services, parent)
        self.setObjectName("related_panel")
        self.setWindowTitle(self.tr("Related links"))
        self._refresh_delay_ms = refresh_delay_ms
        self._count = suggestion_count
        self._ui_language = ui_language
        self._building: Ticket[Any] | None = None  # the index build, shared by all articles
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True)
        self._refresh_timer.timeout.connect(self.refresh_suggestions)
        self._show_article_state()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        self.status_label = QLabel(objectName="related_status", wordWrap=True)
        self.busy_bar = QProgressBar(objectName="related_busy", textVisible=False)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()

        self.accepted_model = AcceptedLinksModel(self)
        self.accepted_model.order_changed.connect(self._store_order)
        self.accepted_view = self._list_view("related_accepted", self.accepted_model)
        self.accepted_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.accepted_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.accepted_view.setDropIndicatorShown(True)
        self.accepted_view.setAccessibleName(self.tr("Accepted related links, in page order"))
        self.move_up_button = button(
            self.tr("Move up"),
            self.tr("Show this link earlier (Ctrl+Up)"),
            lambda: self.move_current(-1),
        )
        self.move_down_button = button(
            self.tr("Move down"), self.tr("Show it later (Ctrl+Down)"), lambda: self.move_current(1)
        )
        self.pin_button = button(
            self.tr("Pin"), self.tr("Keep it at the top"), self.set_current_pinned, checkable=True
        )
        self.remove_button = button(
            self.tr("Remove"), self.tr("Forget this link (Delete)"), self.remove_current
        )

        self.suggestion_model = RelatedListModel(self)
        self.suggestion_view = self._list_view("related_suggestions", self.suggestion_model)
        self.suggestion_view.setAccessibleName(self.tr("Suggested related links"))
        self.accept_button = button(
            self.tr("Accept"), self.tr("Link this article (Enter)"), self.accept_current
        )
        self.reject_button = button(
            self.tr("Reject"), self.tr("Do not suggest it again (Delete)"), self.reject_current
        )

        self.search_field = AddBySearch(self.ws.articles, self._find)
        self.search_field.picked.connect(self.accept)
        self.completer = self.search_field.popup_completer

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(heading(self.tr("Accepted")))
        layout.addWidget(self.accepted_view, 2)
        # Two rows of two: the dock stays narrow enough for a small window's editor.
        layout.addLayout(row(self.move_up_button, self.move_down_button))
        layout.addLayout(row(self.pin_button, self.remove_button))
        layout.addWidget(heading(self.tr("Suggestions")))
        layout.addWidget(self.suggestion_view, 3)
        layout.addLayout(row(self.accept_button, self.reject_button))
        layout.addWidget(self.search_field)
        self._connect_keys()

    def _list_view(self, name: str, model: RelatedListModel) -> QListView:
        view = list_view(name)
        view.setModel(model)
        view.doubleClicked.connect(self._open_index)
        view.selectionModel().currentChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        model.rowsRemoved.connect(self._update_buttons)
        return view

    def _connect_keys(self) -> None:
        accept, reject = self.accept_current, self.reject_current
        KeyActions(
            self.suggestion_view,
            {
                (Qt.Key.Key_Return, False): accept,
                (Qt.Key.Key_Enter, False): accept,
                (Qt.Key.Key_Delete, False): reject,
            },
        )
        KeyActions(
            self.accepted_view,
            {
                (Qt.Key.Key_Delete, False): self.remove_current,
                (Qt.Key.Key_Up, True): lambda: self.move_current(-1),
                (Qt.Key.Key_Down, True): lambda: self.move_current(1),
                (Qt.Key.Key_Return, False): self._open_current_accepted,
                (Qt.Key.Key_Enter, False): self._open_current_accepted,
            },
        )
        self.accepted_view.customContextMenuRequested.connect(
            lambda pos: show_accepted_menu(self, pos)
        )
        self.suggestion_view.customContextMenuRequested.connect(
            lambda pos: show_suggestion_menu(self, pos)
        )

    # ---------------------------------------------------------------- following the article

    def article_shown(self, article_id: int | None) -> None:
        self._refresh_timer.stop()
        self.suggestion_model.set_rows([])
        self.search_field.reset()
        self._reload_accepted()
        self._show_article_state()
        if article_id is not None:
            self.refresh_suggestions()

    def refresh(self) -> None:
        self._reload_accepted()
        self.refresh_suggestions()

    def refresh_suggestions(self) -> None:
        """Compute the suggestions for the shown article on the runner."""
        article_id = self.article_id
        if article_id is None or self.is_shut_down:
            return
        self._refresh_timer.stop()
        related = self.ws.related
        if not related.is_built:
            self._build_index()
            return
        top, language = self._count, self._ui_language
        self._set_busy(self.tr("Finding related articles…"))
        self.run_query(
            "suggest",
            self.tr("Finding related articles"),
            plain(lambda: related.suggest(article_id, top=top, ui_language=language)),
            lambda found: self._on_suggestions(article_id, found),
            on_error=self._on_suggestions_failed,
        )

    def _build_index(self) -> None:
        """Build the index once, whatever article is shown meanwhile; then suggest."""
        self._set_busy(self.tr("Building the related-links index…"))
        if self._building is not None and not self._building.finished:
            return
        related = self.ws.related

        def build(context: OperationContext) -> int:
            return related.rebuild(progress=context.progress, is_cancelled=context.cancelled)

        self._building = self.runner.run(
            query(self.tr("Building the related-links index"), build),
            on_done=lambda _count: self.refresh_suggestions(),
            on_error=self._on_suggestions_failed,
            on_progress=self._on_progress,
            owner=self,
        )

    @property
    def busy(self) -> bool:
        building = self._building is not None and not self._building.finished
        return building or super().busy

    def schedule_refresh(self, delay_ms: int | None = None) -> None:
        """Refresh the suggestions after ``delay_ms`` (restarts a pending wait)."""
        if self.article_id is None:
            return
        self._refresh_timer.setInterval(self._refresh_delay_ms if delay_ms is None else delay_ms)
        self._refresh_timer.start()

    def shutdown(self) -> None:
        self._refresh_timer.stop()
        if self._building is not None:
            self._building.cancel()
        super().shutdown()

    # ---------------------------------------------------------------- results

    def _on_suggestions(self, article_id: int, found: list[RelatedSuggestion]) -> None:
        accepted = set(self.accepted_model.ids())
        rows = [RelatedRow.from_suggestion(s) for s in found if s.id not in accepted]
        current = self._current_id(self.suggestion_view)
        self.suggestion_model.set_rows(rows)
        self._select_id(self.suggestion_view, current)
        self._set_idle(
            ""
            if rows
            else self.tr("No suggestions: the archive has nothing close to this article yet.")
        )
        self.suggestions_updated.emit(article_id)

    def _on_suggestions_failed(self, error: BaseException) -> None:
        self._set_idle(self.tr("Suggestions could not be computed: {error}").format(error=error))

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)

    def _set_busy(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.show()
        self.busy_bar.setRange(0, 0)  # "busy" until the build reports progress
        self.busy_bar.show()

    def _set_idle(self, message: str) -> None:
        self.busy_bar.hide()
        self.status_label.setText(message)
        self.status_label.setVisible(bool(message))

    # ---------------------------------------------------------------- workspace events

    def on_change(self, change: Change) -> None:
        current = self.article_id
        if current is None:
            return
        if isinstance(change, LinksDecided) and change.article_id == current:
            self._reload_accepted()
            self.schedule_refresh(DECISION_REFRESH_MS)
        elif isinstance(change, ArticleSaved | StatusMoved):
            if change.article_id == current:
                self.schedule_refresh()
            elif change.article_id in self.accepted_model.ids():
                self._reload_accepted()  # a linked title may have changed
            elif change.article_id in self.suggestion_model.ids():
                self.schedule_refresh()
        elif isinstance(change, MEMBERSHIP_CHANGES):
            self.schedule_refresh()

    # ---------------------------------------------------------------- decisions

    def _reload_accepted(self) -> None:
        # One short read of this article's decisions: quick enough for the GUI thread.
        if self.article_id is None:
            self.accepted_model.set_rows([])
            return
        current = self._current_id(self.accepted_view)
        choices = self.ws.related.accepted(self.article_id)
        self.accepted_model.set_rows([RelatedRow.from_choice(c) for c in choices])
        self._select_id(self.accepted_view, current)

    def _decide(
        self, label: str, write: Callable[[int], None], then: Callable[[], None] | None = None
    ) -> bool:
        """Store a decision for the shown article on the runner; the accepted list is
        redrawn from the notice it sends, ``then`` runs once it is stored."""
        article_id = self.article_id
        if article_id is None:
            return False

        def stored(_result: None) -> None:
            self.links_changed.emit(article_id)
            if then is not None and self.article_id == article_id:
                then()

        self.run_change(label, lambda: write(article_id), stored, on_error=self._not_stored)
        return True

    def _not_stored(self, error: BaseException) -> None:
        # A deleted article, a self-link: say so, and show what is really stored.
        self._set_idle(self.tr("Could not change the related links: {error}").format(error=error))
        self._reload_accepted()

    def accept(self, target_id: int, reasons: str = "") -> bool:
        """Link ``target_id`` (at the end of the accepted list)."""
        related = self.ws.related

        def accepted() -> None:
            # No other suggestion takes its place under the cursor: Enter pressed
            # again must not accept a link the editor has not looked at.
            self.suggestion_model.remove_id(target_id)
            self.suggestion_view.selectionModel().clear()
            self._select_id(self.accepted_view, target_id)

        return self._decide(
            self.tr("Accepting a related link"),
            lambda aid: related.accept(aid, target_id, reasons=reasons),
            accepted,
        )

    def reject(self, target_id: int) -> bool:
        related = self.ws.related
        return self._decide(
            self.tr("Rejecting a related link"),
            lambda aid: related.reject(aid, target_id),
            lambda: self.suggestion_model.remove_id(target_id),
        )

    def accept_current(self) -> None:
        row = self.suggestion_model.row_at(self.suggestion_view.currentIndex())
        if row is not None:
            self.accept(row.id, row.reasons)

    def reject_current(self) -> None:
        row = self.suggestion_model.row_at(self.suggestion_view.currentIndex())
        if row is not None:
            self.reject(row.id)

    def remove_current(self) -> None:
        row = self.accepted_model.row_at(self.accepted_view.currentIndex())
        if row is not None:
            related = self.ws.related
            self._decide(
                self.tr("Removing a related link"), lambda aid: related.forget(aid, row.id)
            )

    def set_current_pinned(self, pinned: bool) -> None:
        row = self.accepted_model.row_at(self.accepted_view.currentIndex())
        if row is not None:
            related = self.ws.related
            self._decide(
                self.tr("Pinning a related link"),
                lambda aid: related.set_pinned(aid, row.id, pinned),
            )

    def move_current(self, step: int) -> None:
        """Move the selected accepted link ``step`` places (-1 up, 1 down)."""
        row = self.accepted_view.currentIndex().row()
        target = row + step
        if row < 0 or not 0 <= target < self.accepted_model.rowCount():
            return
        # moveRows wants the row it lands *before*; moving down skips past the next row.
        self.accepted_model.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (step > 0))

    def _store_order(self, ordered_ids: list[int]) -> None:
        # The list already shows the new order; the notice redraws what was stored
        # (pinned links stay on top), keeping the moved link selected.
        related = self.ws.related
        self._decide(
            self.tr("Reordering related links"), lambda aid: related.reorder(aid, ordered_ids)
        )

    # ---------------------------------------------------------------- add by search

    def _find(self, text: str) -> None:
        if self.article_id is not None:
            excluded = {self.article_id, *self.accepted_model.ids()}
            self.run_query(
                "search", self.tr("Searching titles"), *self.search_field.search(text, excluded)
            )

    def search_results(self) -> list[RelatedRow]:
        """What "Add by search…" currently offers."""
        return self.search_field.results()

    # ---------------------------------------------------------------- menus, opening, state

    def _open_index(self, index: QModelIndex) -> None:
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self.open_article_requested.emit(int(article_id))

    def _open_current_accepted(self) -> None:
        self._open_index(self.accepted_view.currentIndex())

    def _show_article_state(self) -> None:
        has_article = self.article_id is not None
        for widget in (self.accepted_view, self.suggestion_view, self.search_field):
            widget.setEnabled(has_article)
        if not has_article:
            self._set_idle(self.tr("Select an article to see its related links."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        accepted = self.accepted_model.row_at(self.accepted_view.currentIndex())
        row = self.accepted_view.currentIndex().row()
        self.move_up_button.setEnabled(accepted is not None and row > 0)
        self.move_down_button.setEnabled(
            accepted is not None and row < self.accepted_model.rowCount() - 1
        )
        self.pin_button.setEnabled(accepted is not None)
        self.pin_button.setChecked(accepted is not None and accepted.pinned)
        self.remove_button.setEnabled(accepted is not None)
        suggestion = self.suggestion_model.row_at(self.suggestion_view.currentIndex())
        self.accept_button.setEnabled(suggestion is not None)
        self.reject_button.setEnabled(suggestion is not None)

    def _current_id(self, view: QListView) -> int | None:
        return current_id(view)

    def _select_id(self, view: QListView, article_id: int | None) -> None:
        select_id(view, article_id)
        self._update_buttons()
