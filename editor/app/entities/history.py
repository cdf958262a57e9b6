"""Undoable entity edits: each keeps the entities as they were before it ran.

The entity manager's rename, merge, delete and edit go through :class:`EntityEdits`:
the state of every entity an edit touches (its fields, its id and the articles tagged
with it) is read first, the edit is made through :class:`EntityService` (same checks,
same change notices), and undoing writes those states back.  A merged or deleted
entity comes back under its old id with its taggings; redoing runs the edit again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.app.changes import EntitiesChanged
from editor.core.entities.model import Entity
from editor.store import entity_states as store
from editor.store.entity_states import EntityState

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


@dataclass(frozen=True)
class EntityEdit:
    """One edit done: how to do it again, and the states it changed."""

    label: str  # "Rename “Scholz”": the English wording (the UI words it from below)
    before: tuple[EntityState, ...]  # restored in this order on undo
    again: Callable[[], object]
    result: object = None
    action: str = ""  # "rename", "edit", "merge" or "delete": for a translated label
    subject: str = ""  # the entity's name as it was

    def affected_articles(self) -> tuple[int, ...]:
        return tuple(sorted({a for state in self.before for a, _ in state.links}))


class EntityEdits:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db

    def _states(self, *ids: int) -> tuple[EntityState, ...]:
        with self._db.session() as s:
            return tuple(store.entity_state(s, i) for i in ids)

    def _run(
        self, action: str, subject: str, ids: tuple[int, ...], again: Callable[[], object]
    ) -> EntityEdit:
        before = self._states(*ids)
        label = f"{action.capitalize()} “{subject}”"
        return EntityEdit(label, before, again, again(), action=action, subject=subject)

    def rename(self, entity_id: int, new_name: str) -> EntityEdit:
        old = self._ws.entities.get(entity_id).name
        return self._run(
            "rename",
            old,
            (entity_id,),
            lambda: self._ws.entities.rename(entity_id, new_name),
        )

    def update(self, entity: Entity) -> EntityEdit:
        if entity.id is None:
            raise ValueError("an edited entity needs its id")
        return self._run(
            "edit", entity.name, (entity.id,), lambda: self._ws.entities.update(entity)
        )

    def merge(self, source_id: int, target_id: int, *, across_kinds: bool = False) -> EntityEdit:
        source = self._ws.entities.get(source_id).name
        # The target first: undoing gives it back only its own names, then the source
        # can claim its names again.
        return self._run(
            "merge",
            source,
            (target_id, source_id),
            lambda: self._ws.entities.merge(source_id, target_id, across_kinds=across_kinds),
        )

    def delete(self, entity_id: int) -> EntityEdit:
        name = self._ws.entities.get(entity_id).name
        return self._run("delete", name, (entity_id,), lambda: self._ws.entities.delete(entity_id))

    def undo(self, edit: EntityEdit) -> None:
        """Put back what ``edit`` changed (one transaction)."""
        with self._db.session(write=True) as s:
            store.restore_states(s, edit.before)
        ids = tuple(state.entity.id for state in edit.before if state.entity.id is not None)
        self._ws.changes.publish(EntitiesChanged(ids, edit.affected_articles()))

    def redo(self, edit: EntityEdit) -> object:
        return edit.again()
