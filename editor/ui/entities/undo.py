"""The entity manager's undo stack entries: each one an :class:`EntityEdit` done.

The edit is made first (a change operation on the window's runner); only when it
succeeded is it pushed, so the first ``redo`` Qt calls on a push does nothing.  Undo and
redo run :class:`~editor.app.entities.history.EntityEdits` on the runner again, writes
in the order they were asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from editor.app.operations import change, plain

if TYPE_CHECKING:
    from editor.app.entities.history import EntityEdit, EntityEdits
    from editor.ui.runner import Runner


def edit_text(edit: EntityEdit) -> str:
    """The edit in the interface's language ("Rename “Scholz”")."""
    wording = {
        "rename": QCoreApplication.translate("EntityEditCommand", "Rename “%1”"),
        "edit": QCoreApplication.translate("EntityEditCommand", "Edit “%1”"),
        "merge": QCoreApplication.translate("EntityEditCommand", "Merge “%1”"),
        "delete": QCoreApplication.translate("EntityEditCommand", "Delete “%1”"),
    }.get(edit.action)
    return wording.replace("%1", edit.subject) if wording else edit.label


class EntityEditCommand(QUndoCommand):
    def __init__(
        self,
        edit: EntityEdit,
        edits: EntityEdits,
        runner: Runner,
        done: Callable[[], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(edit_text(edit))
        self.edit = edit
        self._edits, self._runner = edits, runner
        self._done, self._failed = done, failed
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # the edit was made before it was pushed
            self._pushed = True
            return
        edits, edit = self._edits, self.edit
        label = QCoreApplication.translate("EntityEditCommand", "Redo: %1").replace(
            "%1", self.text()
        )
        self._run(label, lambda: edits.redo(edit))

    def undo(self) -> None:
        edits, edit = self._edits, self.edit
        label = QCoreApplication.translate("EntityEditCommand", "Undo: %1").replace(
            "%1", self.text()
        )
        self._run(label, lambda: edits.undo(edit))

    def _run(self, label: str, work: Callable[[], object]) -> None:
        self._runner.run(
            change(label, plain(work)),
            on_done=lambda _result: self._done(),
            on_error=self._failed,
        )
