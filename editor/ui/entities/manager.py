"""The entity manager ("Manage Entities…"): find, edit, rename, merge and delete entities.

The list (search over every name, filter by kind, with article counts) is a query on
the window's runner.  The form edits the selected entity: name, kind, aliases (one a
line), labels per language ("de = München", one a line), description and Wikidata id
(shown as a link; nothing is fetched).  Saving a changed name alone is a rename (the
old name stays an alias); merging moves the taggings to the entity chosen and keeps
the merged names as aliases (entities of different kinds only after asking); deleting
says first how many articles lose the tag.

Every edit is a change operation through :class:`~editor.app.entities.history.EntityEdits`
and goes on the dialog's :class:`QUndoStack` (Ctrl+Z, Ctrl+Shift+Z): undo puts the
entities back as they were, under their ids, with their taggings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.app.entities.history import EntityEdit, EntityEdits
from editor.app.entities.service import kinds_differ
from editor.app.operations import change, plain, query
from editor.core.entities.model import (
    Entity,
    EntityError,
    clean_wikidata,
    make_entity,
    parse_labels,
)
from editor.ui import dialogs
from editor.ui.entities.kinds import kind_choices, kind_icon, kind_label
from editor.ui.entities.undo import EntityEditCommand

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor.app.workspace import Workspace
    from editor.ui.runner import Runner

SEARCH_DELAY_MS = 200
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, KIND, ARTICLES, WIKIDATA = range(4)
WIKIDATA_URL = "https://www.wikidata.org/wiki/"


class EntityManager(QDialog):
    filter_requested = Signal(int)  # show the articles tagged with this entity
    reloaded = Signal()  # the list shows the archive's entities as they are now

    def __init__(self, workspace: Workspace, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("entity_manager")
        self.setWindowTitle(self.tr("Manage Entities"))
        self._ws, self._runner = workspace, runner
        self._edits = EntityEdits(workspace)
        self.undo_stack = QUndoStack(self)
        self._wanted_id: int | None = None  # select this row after the next reload
        self._build()
        self.reload()
        self.resize(900, 560)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.search = QLineEdit(objectName="entity_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Find by any name…"))
        self.kind_filter = QComboBox(objectName="entity_kind_filter")
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for value, label in kind_choices():
            self.kind_filter.addItem(kind_icon(value), label, value)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Articles"), self.tr("Wikidata")]
        )
        self.table = QTableView(objectName="entity_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

        left = QVBoxLayout()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_filter)
        left.addLayout(filters)
        left.addWidget(self.table, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(self._build_form(), 2)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().selectionChanged.connect(self._on_table_selectionChanged)
        self.wikidata.textChanged.connect(self._on_wikidata_textChanged)
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo, redo])
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_button.setToolTip(self.tr("Undo %1").replace("%1", text))
        )
        self._show_entity(None)

    def _build_form(self) -> QVBoxLayout:
        self.name = QLineEdit(objectName="entity_name")
        self.kind = QComboBox(objectName="entity_kind")
        for value, label in kind_choices():
            self.kind.addItem(kind_icon(value), label, value)
        self.aliases = QPlainTextEdit(objectName="entity_aliases", tabChangesFocus=True)
        self.aliases.setPlaceholderText(self.tr("One alias a line"))
        self.labels = QPlainTextEdit(objectName="entity_labels", tabChangesFocus=True)
        self.labels.setPlaceholderText(self.tr("One a line: de = München"))
        self.description = QPlainTextEdit(objectName="entity_description", tabChangesFocus=True)
        self.wikidata = QLineEdit(objectName="entity_wikidata", placeholderText="Q42")
        self.wikidata_link = QLabel(objectName="entity_wikidata_link", openExternalLinks=True)
        self.message = QLabel(objectName="entity_message", wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Aliases"), self.aliases)
        form.addRow(self.tr("Labels"), self.labels)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Wikidata"), self.wikidata)
        form.addRow("", self.wikidata_link)
        self.save_button = QPushButton(self.tr("Save"), objectName="entity_save")
        self.merge_button = QPushButton(self.tr("Merge into…"), objectName="entity_merge")
        self.delete_button = QPushButton(self.tr("Delete…"), objectName="entity_delete")
        self.articles_button = QPushButton(self.tr("Show Articles"), objectName="entity_articles")
        self.undo_button = QPushButton(self.tr("Undo"), objectName="entity_undo", enabled=False)
        self.redo_button = QPushButton(self.tr("Redo"), objectName="entity_redo", enabled=False)
        self.save_button.clicked.connect(self.save_current)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.articles_button.clicked.connect(self._on_articles_button_clicked)
        actions = QHBoxLayout()
        for button in (self.save_button, self.merge_button, self.delete_button):
            actions.addWidget(button)
        history = QHBoxLayout()
        for button in (self.articles_button, self.undo_button, self.redo_button):
            history.addWidget(button)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addLayout(history)
        layout.addWidget(self.message)
        layout.addStretch(1)
        return layout

    # ------------------------------------------------------------ the list

    def reload(self) -> None:
        text, kind = self.search.text().strip(), self.kind_filter.currentData() or None
        entities = self._ws.entities
        self._runner.run(
            query(
                self.tr("Reading entities"),
                plain(lambda: entities.list(kind=kind, search=text)),
                key=(id(self), "list"),
            ),
            on_done=self._show_list,
            on_error=self._show_error,
            owner=self,
        )

    def _show_list(self, entities: list[Entity]) -> None:
        keep = self._wanted_id if self._wanted_id is not None else self._current_id()
        self._wanted_id = None
        self.model.removeRows(0, self.model.rowCount())
        for entity in entities:
            self.model.appendRow(_entity_row(entity))
        self.select_entity(keep)
        if self.current_entity() is None:
            self._show_entity(None)
        self.reloaded.emit()

    def entities(self) -> list[Entity]:
        return [self.model.item(r, NAME).data(ENTITY_ROLE) for r in range(self.model.rowCount())]

    def select_entity(self, entity_id: int | None) -> None:
        for row, entity in enumerate(self.entities()):
            if entity.id == entity_id:
                self.table.selectRow(row)
                return

    def current_entity(self) -> Entity | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.model.item(rows[0].row(), NAME).data(ENTITY_ROLE)
        return value if isinstance(value, Entity) else None

    def _current_id(self) -> int | None:
        entity = self.current_entity()
        return entity.id if entity is not None else None

    # ------------------------------------------------------------ the form

    def _show_entity(self, entity: Entity | None) -> None:
        for widget in (self.name, self.wikidata):
            widget.setText("")
        for edit in (self.aliases, self.labels, self.description):
            edit.setPlainText("")
        enabled = entity is not None
        for button in (self.save_button, self.merge_button, self.delete_button):
            button.setEnabled(enabled)
        self.articles_button.setEnabled(enabled)
        if entity is None:
            self.wikidata_link.clear()
            return
        self.name.setText(entity.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(entity.kind.value)))
        self.aliases.setPlainText("\n".join(entity.aliases))
        labels = sorted(entity.labels.items())
        self.labels.setPlainText("\n".join(f"{lang} = {text}" for lang, text in labels))
        self.description.setPlainText(entity.description)
        self.wikidata.setText(entity.wikidata or "")

    def form_entity(self, current: Entity) -> Entity:
        """The entity as the form has it; EntityError for a line that cannot be one."""
        lines = self.labels.toPlainText().splitlines()
        labels = parse_labels(line.replace(" = ", "=", 1) for line in lines if line.strip())
        aliases = [a for a in self.aliases.toPlainText().splitlines() if a.strip()]
        return make_entity(
            self.name.text(),
            str(self.kind.currentData()),
            aliases=aliases,
            labels=labels,
            description=self.description.toPlainText(),
            wikidata=self.wikidata.text(),
            id=current.id,
        )

    def _on_wikidata_textChanged(self, text: str) -> None:
        try:
            qid = clean_wikidata(text)
        except EntityError as exc:
            self.wikidata_link.setText(str(exc))
            return
        if qid is None:
            self.wikidata_link.clear()
        else:
            url = WIKIDATA_URL + qid
            self.wikidata_link.setText(f'<a href="{url}">{url}</a>')

    # ------------------------------------------------------------ edits

    def save_current(self) -> None:
        current = self.current_entity()
        if current is None or current.id is None:
            return
        try:
            edited = self.form_entity(current)
        except EntityError as exc:
            self._show_error(exc)
            return
        entity_id = current.id
        if replace(edited, name=current.name) == replace(current, articles=0):
            new_name = edited.name  # the name alone: a rename keeps the old one as alias
            self.perform(lambda edits: edits.rename(entity_id, new_name), entity_id)
        else:
            self.perform(lambda edits: edits.update(edited), entity_id)

    def merge(self, source_id: int, target_id: int, *, across_kinds: bool = False) -> None:
        self.perform(
            lambda edits: edits.merge(source_id, target_id, across_kinds=across_kinds), target_id
        )

    def delete(self, entity_id: int) -> None:
        self.perform(lambda edits: edits.delete(entity_id), None)

    def perform(self, action: Callable[[EntityEdits], EntityEdit], select: int | None) -> None:
        """Run an edit on the runner; pushed on the undo stack once it succeeded."""
        edits = self._edits
        self.message.clear()
        self._runner.run(
            change(self.tr("Editing entities"), plain(lambda: action(edits))),
            on_done=lambda edit: self._on_edit_done(edit, select),
            on_error=self._show_error,
            owner=self,
        )

    def _on_edit_done(self, edit: EntityEdit, select: int | None) -> None:
        command = EntityEditCommand(edit, self._edits, self._runner, self.reload, self._show_error)
        self.undo_stack.push(command)
        self._wanted_id = select
        self.message.setText(self.tr("Done: %1 (Ctrl+Z undoes it).").replace("%1", command.text()))
        self.reload()

    def _show_error(self, error: BaseException) -> None:
        text = str(error) or type(error).__name__
        self.message.setText(self.tr("Not changed: %1").replace("%1", text))

    # ------------------------------------------------------------ buttons

    def choose_merge_target(self, source: Entity) -> int | None:
        """Ask which listed entity ``source`` goes into (None: cancelled)."""
        others = [e for e in self.entities() if e.id != source.id]
        if not others:
            self.message.setText(self.tr("List the entity to merge into first (search for it)."))
            return None
        names = [f"{e.name} ({kind_label(e.kind)})" for e in others]
        prompt = self.tr("Merge “%1” into:").replace("%1", source.name)
        choice, ok = QInputDialog.getItem(self, self.tr("Merge"), prompt, names, 0, False)
        return others[names.index(choice)].id if ok and choice in names else None

    def confirm_merge_across_kinds(self, source: Entity, target: Entity) -> bool:
        """A person merged into an organisation stops being a person: asked first."""
        question = (
            self.tr(
                "“%1” (%2) and “%3” (%4) are different kinds of entity. After the merge, "
                "“%1” is a name of “%3”, kind: %4.\n\nMerge anyway?"
            )
            .replace("%1", source.name)
            .replace("%2", kind_label(source.kind))
            .replace("%3", target.name)
            .replace("%4", kind_label(target.kind))
        )
        answer = QMessageBox.question(
            self,
            self.tr("Merge Entities of Different Kinds"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_merge_button_clicked(self) -> None:
        source = self.current_entity()
        if source is None or source.id is None:
            return
        target_id = self.choose_merge_target(source)
        if target_id is None:
            return
        target = next((e for e in self.entities() if e.id == target_id), None)
        # (An entity not listed any more: the service refuses other kinds, and says so.)
        across = target is not None and kinds_differ(source, target)
        if across and target is not None and not self.confirm_merge_across_kinds(source, target):
            self.message.setText(self.tr("Not merged."))
            return
        self.merge(source.id, target_id, across_kinds=across)

    def _on_delete_button_clicked(self) -> None:
        entity = self.current_entity()
        if entity is None or entity.id is None:
            return
        entity_id, entities = entity.id, self._ws.entities
        self._runner.run(
            query(self.tr("Counting articles"), plain(lambda: entities.count_articles(entity_id))),
            on_done=lambda count: self._confirm_delete(entity, count),
            on_error=self._show_error,
            owner=self,
        )

    def _confirm_delete(self, entity: Entity, count: int) -> None:
        question = self.tr("Delete “%1”? %2 article(s) lose this tag. Undo brings it back.")
        if dialogs.confirm(self, question.replace("%1", entity.name).replace("%2", str(count))):
            assert entity.id is not None
            self.delete(entity.id)

    def _on_articles_button_clicked(self) -> None:
        entity_id = self._current_id()
        if entity_id is not None:
            self.filter_requested.emit(entity_id)

    def _on_table_selectionChanged(self, *_: QItemSelection) -> None:
        self._show_entity(self.current_entity())


def _entity_row(entity: Entity) -> list[QStandardItem]:
    name = QStandardItem(kind_icon(entity.kind), entity.name)
    name.setData(entity, ENTITY_ROLE)
    if entity.aliases:
        name.setToolTip(", ".join(entity.aliases))
    articles = QStandardItem(str(entity.articles))
    articles.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return [
        name,
        QStandardItem(kind_label(entity.kind)),
        articles,
        QStandardItem(entity.wikidata or ""),
    ]
