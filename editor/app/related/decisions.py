"""The editor's decisions on an article's related links: accepted (in page order, pinned
ones first), rejected, forgotten.

Decisions about an article in the trash are kept: hidden while it is there, back when it
is restored. So every change reads all of them, changes them and writes them back, in one
write transaction (two changes cannot overwrite each other).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from editor.core.links import LinkState, RelatedChoice
from editor.store import links as link_store
from editor.store.database import Database

Change = Callable[[list[RelatedChoice]], list[RelatedChoice]]


class LinkDecisions:
    def __init__(self, db: Database, changed: Callable[[int], None]) -> None:
        self._db = db
        self._changed = changed  # after each change, with the article's id

    def choices(self, article_id: int) -> list[RelatedChoice]:
        """Accepted links in page order, then rejected ones (none about trashed articles)."""
        with self._db.session() as s:
            return link_store.get_choices(s, article_id)

    def accepted(self, article_id: int) -> list[RelatedChoice]:
        return [c for c in self.choices(article_id) if c.state is LinkState.ACCEPTED]

    def accept(self, article_id: int, target_id: int, *, reasons: str = "") -> None:
        """Add ``target_id`` to the end of the accepted list (also from "add by search")."""
        if target_id == article_id:
            raise ValueError("an article cannot be related to itself")

        def change(choices: list[RelatedChoice]) -> list[RelatedChoice]:
            kept = _without(choices, target_id)
            position = sum(1 for c in kept if c.state is LinkState.ACCEPTED)
            return [*kept, RelatedChoice(target_id, LinkState.ACCEPTED, position, reasons=reasons)]

        self._change(article_id, change)

    def reject(self, article_id: int, target_id: int) -> None:
        self._change(
            article_id,
            lambda choices: [
                *_without(choices, target_id),
                RelatedChoice(target_id, LinkState.REJECTED),
            ],
        )

    def forget(self, article_id: int, target_id: int) -> None:
        """Drop a decision: the article may be suggested again at its natural rank."""
        self._change(article_id, lambda choices: _without(choices, target_id))

    def set_pinned(self, article_id: int, target_id: int, pinned: bool) -> None:
        self._change(
            article_id,
            lambda choices: [
                replace(c, pinned=pinned) if c.target_id == target_id else c for c in choices
            ],
        )

    def reorder(self, article_id: int, ordered_ids: Sequence[int]) -> None:
        """Order the accepted links as ``ordered_ids``; ids not listed follow in their order."""

        def change(choices: list[RelatedChoice]) -> list[RelatedChoice]:
            accepted = {c.target_id: c for c in choices if c.state is LinkState.ACCEPTED}
            order = [i for i in ordered_ids if i in accepted]
            order += [i for i in accepted if i not in order]
            rest = [c for c in choices if c.state is not LinkState.ACCEPTED]
            return [accepted[i] for i in order] + rest

        self._change(article_id, change)

    def _change(self, article_id: int, change: Change) -> None:
        """Pinned links stay on top; positions are renumbered in list order."""
        with self._db.session(write=True) as s:
            choices = change(link_store.get_choices(s, article_id, include_trashed=True))
            accepted = [c for c in choices if c.state is LinkState.ACCEPTED]
            accepted.sort(key=lambda c: not c.pinned)
            numbered = [replace(c, position=i) for i, c in enumerate(accepted)]
            numbered += [c for c in choices if c.state is not LinkState.ACCEPTED]
            link_store.replace_choices(s, article_id, numbered)
        self._changed(article_id)


def _without(choices: list[RelatedChoice], target_id: int) -> list[RelatedChoice]:
    return [c for c in choices if c.target_id != target_id]
