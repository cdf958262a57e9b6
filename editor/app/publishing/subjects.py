"""The archive's entities as the site names an article's tags (kind, labels, Wikidata id).

Read once and kept: an article's tags are its entities' canonical names, looked up here
by name key (any of an entity's names, so a tag read before a rename still finds it).
Any change to entities starts a new *generation*: the publisher then looks every
article's subjects up again (a new label retitles pages).  A tag not found (an entity
created by tagging since) reads the entities again within the same generation: the
others are as they were.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from editor.app.publishing.values import to_subject
from editor.core.entities.model import name_key
from editor.core.publishing import Subject
from editor.store import entities as entity_store
from editor.store.database import Database


class EntitySubjects:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._by_key: dict[str, Subject] | None = None
        self._generation = 0

    @property
    def generation(self) -> int:
        with self._lock:
            return self._generation

    def forget(self) -> None:
        """Entities changed: read them again and start a new generation."""
        with self._lock:
            self._by_key = None
            self._generation += 1

    def lookup(self, tags: Iterable[str]) -> tuple[dict[str, Subject], int]:
        """Subjects by name key, holding every one of ``tags``, and their generation."""
        with self._lock:
            known, generation = self._by_key, self._generation
        if known is not None and all(name_key(t) in known for t in tags):
            return known, generation
        with self._db.session() as s:
            fresh = {k: to_subject(e) for k, e in entity_store.entities_by_name(s).items()}
        with self._lock:
            if self._generation == generation:  # else a change came meanwhile: read later
                self._by_key = fresh
        return fresh, generation
