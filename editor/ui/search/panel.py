"""The search field above the article list, with ranked hits as the editor types.

Each pause in typing (``DEBOUNCE_MS``) submits the query to the window's runner
as a keyed read operation: a newer query supersedes the one still running, and
an answer is shown only if it is for the text in the field now, so a slow
answer to an old query never replaces a newer one.  The GUI thread never
waits for the index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.app.operations import change, plain
from editor.core.workflow import Status
from editor.ui.i18n import status_text

if TYPE_CHECKING:
    from editor.app.search import Hit
    from editor.app.workspace import Workspace
    from editor.ui.runner import Runner

DEBOUNCE_MS = 150
RESULT_LIMIT = 50
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QWidget):
    """A field and, while it holds a query, the hits under it."""

    article_chosen = Signal(int)
    results_shown = Signal(int)  # how many hits are on screen now (tests, status)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self._ws: Workspace | None = None
        self._runner: Runner | None = None
        self._asked = ""  # the query whose answer is awaited
        self.field = QLineEdit(objectName="search_field", clearButtonEnabled=True)
        self.field.setPlaceholderText(self.tr('Search articles…  "phrase"  Nvid*  -word  lang:de'))
        self.field.setAccessibleName(self.tr("Search articles"))
        self.save_button = QToolButton(objectName="search_save", text=self.tr("Save"))
        self.save_button.setToolTip(self.tr("Keep this search in the sidebar"))
        self.save_button.setAccessibleName(self.tr("Save search"))
        self.save_button.setEnabled(False)
        self.results = QListWidget(objectName="search_results")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.hide()
        self.note = QLabel(objectName="search_note")
        self.note.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._submit)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.installEventFilter(self)
        self.results.itemActivated.connect(self._on_activated)
        self.results.itemClicked.connect(self._on_activated)
        self.save_button.clicked.connect(self._ask_to_save)

    def attach(self, workspace: Workspace, runner: Runner) -> None:
        self._ws, self._runner = workspace, runner

    # ------------------------------------------------------------ asking

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def run_query(self, text: str) -> None:
        """Put ``text`` in the field and search at once (a saved search was picked)."""
        self.field.setText(text)
        self._timer.stop()
        self._submit()

    @property
    def is_showing_results(self) -> bool:
        return not self.results.isHidden()

    def _on_text_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))
        if not text.strip():
            self._timer.stop()
            self._asked = ""
            self.results.clear()
            self.results.hide()
            self.note.hide()
            self.results_shown.emit(0)
            return
        self._timer.start()

    def _submit(self) -> None:
        text = self.field.text()
        if self._ws is None or self._runner is None or not text.strip():
            return
        self._asked = text
        self._runner.run(
            self._ws.search.query_op(text, limit=RESULT_LIMIT),
            on_done=lambda hits: self._show(text, hits),
            on_error=lambda error: self._failed(text, error),
            owner=self,
        )

    # ------------------------------------------------------------ answers

    def _show(self, asked: str, hits: list[Hit]) -> None:
        if asked != self._asked or asked != self.field.text():
            return  # the editor typed on meanwhile: a newer answer is coming
        self.results.clear()
        for hit in hits:
            self._add(hit)
        self.note.setText(self.tr("No articles match.") if not hits else "")
        self.note.setVisible(not hits)
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setCurrentRow(0)
        self.results_shown.emit(len(hits))

    def _add(self, hit: Hit) -> None:
        item = QListWidgetItem()
        item.setData(_ID_ROLE, hit.id)
        item.setToolTip(hit.title)
        label = QLabel(_hit_html(hit), objectName="search_hit", wordWrap=True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setContentsMargins(4, 3, 4, 3)
        self.results.addItem(item)
        self.results.setItemWidget(item, label)
        item.setSizeHint(label.sizeHint())

    def _failed(self, asked: str, error: BaseException) -> None:
        if asked != self._asked:
            return
        self.results.clear()
        self.results.hide()
        self.note.setText(self.tr("The search failed: {error}").format(error=error))
        self.note.show()

    def hit_ids(self) -> list[int]:
        return [self.results.item(i).data(_ID_ROLE) for i in range(self.results.count())]

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.article_chosen.emit(int(item.data(_ID_ROLE)))

    # ------------------------------------------------------------ keys and saving

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        field = self.field
        if watched == field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape and field.text():
                field.clear()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.currentItem():
                self._on_activated(self.results.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _ask_to_save(self) -> None:
        text = self.field.text().strip()
        if not text or self._ws is None or self._runner is None:
            return
        from PySide6.QtWidgets import QInputDialog  # its type is no part of the first paint

        name, ok = QInputDialog.getText(
            self, self.tr("Save search"), self.tr("Name:"), text=text[:60]
        )
        if ok and name.strip():
            self.save(name, text)

    def save(self, name: str, text: str) -> None:
        """Keep ``text`` as a saved search called ``name`` (the sidebar hears of it)."""
        if self._ws is None or self._runner is None:
            return
        search = self._ws.search
        self._runner.run(
            change(self.tr("Save search"), plain(lambda: search.save(name, text))), owner=self
        )


def _hit_html(hit: Hit) -> str:
    import html  # with its table of entities: only once there are hits, not before a paint

    translate = QCoreApplication.translate
    status = Status(hit.status).label if hit.status in Status._value2member_map_ else hit.status
    meta = f"{hit.language} · {status_text(status)}"
    if hit.deleted:
        meta += " · " + translate("SearchPanel", "in the trash")
    title = hit.title or translate("SearchPanel", "(untitled)")
    return (
        f"<b>{html.escape(title)}</b> "
        f"<span style='color: gray'>{html.escape(meta)}</span><br>"
        f"<small>{hit.snippet}</small>"
    )
