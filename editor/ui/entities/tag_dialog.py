""" "Tag Selection as…": tag the article with what the selected text names.

The selected text is the mention; the editor picks a kind and either a new entity
(named as selected) or an existing one, found by typing (the mention then becomes one
of its aliases).  The archive's entities are read on the window's runner; the tagging
is a change operation.  A refused name (another entity goes by it) is said in the
dialog, which stays open with everything as typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.app.entities.tagging import tag_mention
from editor.app.operations import change, plain, query
from editor.core.entities.model import Entity, name_key
from editor.ui.entities.kinds import kind_choices, kind_icon, kind_label

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.ui.runner import Runner

SEARCH_DELAY_MS = 150
MATCHES = 30
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TagSelectionDialog(QDialog):
    tagged = Signal(object)  # the Entity the article was tagged with

    def __init__(
        self,
        workspace: Workspace,
        runner: Runner,
        article_id: int,
        mention: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tag_selection_dialog")
        self.setWindowTitle(self.tr("Tag Selection as…"))
        self._ws, self._runner, self._article_id = workspace, runner, article_id
        self._searched_once = False
        self.mention = QLineEdit(" ".join(mention.split()), objectName="tag_mention")
        self.kind = QComboBox(objectName="tag_kind")
        for value, label in kind_choices():
            self.kind.addItem(kind_icon(value), label, value)
        self.new_choice = QRadioButton(self.tr("A new entity"), objectName="tag_new")
        self.existing_choice = QRadioButton(
            self.tr("An entity the archive knows (the selection becomes an alias):"),
            objectName="tag_existing",
        )
        self.new_choice.setChecked(True)
        self.search = QLineEdit(objectName="tag_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Find an entity…"))
        self.matches = QListWidget(objectName="tag_matches")
        self.message = QLabel(objectName="tag_message", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow(self.tr("Selected text"), self.mention)
        form.addRow(self.tr("Kind"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.new_choice)
        layout.addWidget(self.existing_choice)
        layout.addWidget(self.search)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.search.textChanged.connect(self._on_search_textChanged)
        self.matches.currentItemChanged.connect(self._on_matches_currentItemChanged)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.search.setText(self.mention.text())  # what the archive may know it as
        self.resize(460, 420)

    # ------------------------------------------------------------ finding entities

    def _on_search_textChanged(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        text, entities = self.search.text().strip(), self._ws.entities
        self._runner.run(
            query(
                self.tr("Finding entities"),
                plain(lambda: entities.list(search=text)[:MATCHES]),
                key=(id(self), "find"),
            ),
            on_done=self._show_matches,
            owner=self,
        )

    def _show_matches(self, found: list[Entity]) -> None:
        self.matches.clear()
        for entity in found:
            text = f"{entity.name} — {kind_label(entity.kind)}"
            item = QListWidgetItem(kind_icon(entity.kind), text)
            item.setData(_ID_ROLE, entity)
            self.matches.addItem(item)
        if self._searched_once:
            return
        self._searched_once = True
        # The first time: an entity that already goes by the selected text is the answer.
        key = name_key(self.mention.text()) if self.mention.text().strip() else ""
        for row in range(self.matches.count()):
            entity = self.matches.item(row).data(_ID_ROLE)
            if key in {name_key(n) for n in entity.names()}:
                self.matches.setCurrentRow(row)
                self.existing_choice.setChecked(True)
                break

    def _on_matches_currentItemChanged(self, item: QListWidgetItem | None, *_: object) -> None:
        if item is not None:
            self.existing_choice.setChecked(True)
            entity = item.data(_ID_ROLE)
            self.kind.setCurrentIndex(max(0, self.kind.findData(entity.kind.value)))

    def chosen_entity(self) -> Entity | None:
        item = self.matches.currentItem()
        if not self.existing_choice.isChecked() or item is None:
            return None
        value = item.data(_ID_ROLE)
        return value if isinstance(value, Entity) else None

    # ------------------------------------------------------------ tagging

    def _on_buttons_accepted(self) -> None:
        mention, kind = self.mention.text(), str(self.kind.currentData())
        if self.existing_choice.isChecked() and self.chosen_entity() is None:
            self.message.setText(self.tr("Pick the entity in the list, or choose a new one."))
            return
        chosen = self.chosen_entity()
        entity_id = chosen.id if chosen is not None else None
        ws, article_id = self._ws, self._article_id
        self.buttons.setEnabled(False)
        self._runner.run(
            change(
                self.tr("Tagging the selection"),
                plain(lambda: tag_mention(ws, article_id, mention, kind, entity_id)),
            ),
            on_done=self._on_tagged,
            on_error=self._on_failed,
            owner=self,
        )

    def _on_tagged(self, entity: Entity) -> None:
        self.tagged.emit(entity)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        text = str(error) or type(error).__name__
        self.message.setText(self.tr("Not tagged: %1").replace("%1", text))
