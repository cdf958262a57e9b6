"""The keyboard page of the settings: every command with its shortcut, rebindable.

The person's choices are kept in QSettings (``PersonalSettings.shortcuts``) as
differences from the built-in shortcuts, and applied through the command
registry (``CommandRegistry.rebind``), so menus, tooltips and the palette all
show the same keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.commands.registry import CommandRegistry
from editor.ui.i18n import command_text, menu_text

PORTABLE = QKeySequence.SequenceFormat.PortableText
NATIVE = QKeySequence.SequenceFormat.NativeText


def _native(shortcuts: tuple[str, ...]) -> str:
    return ", ".join(QKeySequence(s).toString(NATIVE) for s in shortcuts)


class ShortcutEditor(QWidget):
    """A table of commands and their shortcuts, and a field to record a new one."""

    def __init__(
        self, registry: CommandRegistry, chosen: dict[str, tuple[str, ...]], parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_keyboard")
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self._registry = registry
        self._ids = [c.id for c in registry]
        self._current: dict[str, tuple[str, ...]] = {
            cid: tuple(chosen.get(cid, registry.builtin_shortcuts(cid))) for cid in self._ids
        }
        self.table = QTableWidget(len(self._ids), 2, objectName="shortcut_table")
        self.table.setAccessibleName(self.tr("Commands and their shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any form
        for row, command_id in enumerate(self._ids):
            command = registry.get(command_id)
            title = QTableWidgetItem(
                f"{menu_text(command.category)}: {command_text(command.title)}"
            )
            title.setData(Qt.ItemDataRole.UserRole, command_id)
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, QTableWidgetItem(_native(self._current[command_id])))
        self.table.currentCellChanged.connect(self._on_table_currentCellChanged)

        self.recorder = QKeySequenceEdit(objectName="shortcut_recorder")
        self.recorder.setAccessibleName(self.tr("New shortcut for the selected command"))
        self.recorder.setMaximumSequenceLength(1)
        self.recorder.editingFinished.connect(self._on_recorder_editingFinished)
        self.clear = QPushButton(self.tr("&Clear"), objectName="shortcut_clear")
        self.clear.setAccessibleName(self.tr("Remove the shortcut of the selected command"))
        self.clear.clicked.connect(self._on_clear_clicked)
        self.reset = QPushButton(self.tr("&Reset"), objectName="shortcut_reset")
        self.reset.setAccessibleName(self.tr("Give the selected command its built-in shortcut"))
        self.reset.clicked.connect(self._on_reset_clicked)
        self.reset_all = QPushButton(self.tr("Reset &All"), objectName="shortcut_reset_all")
        self.reset_all.setAccessibleName(self.tr("Give every command its built-in shortcut"))
        self.reset_all.clicked.connect(self._on_reset_all_clicked)
        row_layout = QHBoxLayout()
        row_layout.addWidget(QLabel(self.tr("Press keys:")))
        row_layout.addWidget(self.recorder, 1)
        row_layout.addWidget(self.clear)
        row_layout.addWidget(self.reset)
        row_layout.addWidget(self.reset_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_layout)
        self.table.setCurrentCell(0, 0)

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.recorder, self.clear, self.reset, self.reset_all]

    # ------------------------------------------------------------ state

    def set_shortcuts(self, command_id: str, shortcuts: tuple[str, ...]) -> None:
        self._current[command_id] = tuple(shortcuts)
        row = self._ids.index(command_id)
        item = self.table.item(row, 1)
        if item is not None:
            item.setText(_native(self._current[command_id]))

    def chosen(self) -> dict[str, tuple[str, ...]]:
        """The shortcuts that differ from the built-in ones (what is kept)."""
        return {
            cid: keys
            for cid, keys in self._current.items()
            if keys != self._registry.builtin_shortcuts(cid)
        }

    def clash(self) -> str:
        """A sentence about the first shortcut two commands would share, or ""."""
        clashes = self._registry.clashes(self._current)
        if not clashes:
            return ""
        shortcut, first, second = clashes[0]
        titles = [command_text(self._registry.get(c).title) for c in (first, second)]
        native = QKeySequence(shortcut).toString(NATIVE)
        text = self.tr("{keys} is the shortcut of both “{first}” and “{second}”; change one.")
        return text.format(keys=native, first=titles[0], second=titles[1])

    def _selected(self) -> str | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    # ------------------------------------------------------------ slots

    def _on_table_currentCellChanged(self, row: int, *_args: int) -> None:
        if 0 <= row < len(self._ids):
            keys = self._current[self._ids[row]]
            self.recorder.setKeySequence(QKeySequence(keys[0]) if keys else QKeySequence())

    def _on_recorder_editingFinished(self) -> None:
        command_id = self._selected()
        sequence = self.recorder.keySequence().toString(PORTABLE)
        if command_id is None or not sequence:
            return
        others = self._current[command_id][1:]
        self.set_shortcuts(command_id, (sequence, *[s for s in others if s != sequence]))

    def _on_clear_clicked(self) -> None:
        command_id = self._selected()
        if command_id is not None:
            self.set_shortcuts(command_id, ())
            self.recorder.clear()

    def _on_reset_clicked(self) -> None:
        command_id = self._selected()
        if command_id is not None:
            self.set_shortcuts(command_id, self._registry.builtin_shortcuts(command_id))
            self._on_table_currentCellChanged(self.table.currentRow())

    def _on_reset_all_clicked(self) -> None:
        for command_id in self._ids:
            self.set_shortcuts(command_id, self._registry.builtin_shortcuts(command_id))
        self._on_table_currentCellChanged(self.table.currentRow())
