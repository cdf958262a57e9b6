"""Managing entities: list, add, edit, rename, merge, delete; tagging articles.

Each method is one short transaction; a refused change (a name another entity goes
by, an invalid Wikidata id) raises EntityError before anything is written.  Changes
are announced on the workspace's change bus (:class:`EntitiesChanged`, and
:class:`ArticleSaved` for tagging) so that the suggestion matcher and open views follow.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING

from editor.app.changes import EntitiesChanged
from editor.core.entities.model import Entity, EntityError, clean_name, make_entity
from editor.store import articles as article_store
from editor.store import entities as store
from editor.store import search as search_index

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


class KindsDiffer(EntityError):
    """A merge that would change what an entity is (a person into an organisation):
    refused unless asked for across kinds."""

    def __init__(self, source: Entity, target: Entity) -> None:
        self.source, self.target = source, target
        was, becomes = _a(source.kind.value), _a(target.kind.value)
        super().__init__(
            f"{source.name!r} is {was} and {target.name!r} {becomes}: merging would make "
            f"{source.name!r} a name of {becomes}"
        )


def _a(kind: str) -> str:
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def kinds_differ(source: Entity, target: Entity) -> bool:
    """Whether merging ``source`` into ``target`` changes the source's kind: the entity
    manager asks first, the command line wants ``--force``, the service refuses."""
    return source.kind is not target.kind


class EntityService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db

    def _changed(self, *ids: int | None, articles: tuple[int, ...] = ()) -> None:
        self._ws.changes.publish(EntitiesChanged(tuple(i for i in ids if i is not None), articles))

    # ------------------------------------------------------------ reading

    def list(
        self, *, kind: str | None = None, search: str = "", limit: int | None = None
    ) -> builtins.list[Entity]:
        with self._db.session() as s:
            return store.list_entities(s, kind=kind, search=search, limit=limit)

    def get(self, entity_id: int) -> Entity:
        with self._db.session() as s:
            return store.get_entity(s, entity_id)

    def find(self, text: str) -> Entity:
        """By id, name, alias or label."""
        with self._db.session() as s:
            return store.find_entity(s, text)

    def of_article(self, article_id: int) -> builtins.list[Entity]:
        with self._db.session() as s:
            article_store.get_article(s, article_id)  # NotFoundError for a wrong id
            return store.article_entities(s, article_id)

    def count_articles(self, entity_id: int) -> int:
        """How many articles a delete would touch (shown before deleting)."""
        with self._db.session() as s:
            return store.count_articles(s, entity_id)

    # ------------------------------------------------------------ writing

    def add(
        self,
        name: str,
        kind: str = "topic",
        *,
        aliases: Sequence[str] = (),
        labels: dict[str, str] | None = None,
        description: str = "",
        wikidata: str | None = None,
    ) -> Entity:
        entity = make_entity(
            name,
            kind,
            aliases=list(aliases),
            labels=labels,
            description=description,
            wikidata=wikidata,
        )
        with self._db.session(write=True) as s:
            added = store.add_entity(s, entity)
        self._changed(added.id)
        return added

    def update(self, entity: Entity) -> Entity:
        """Save an edited entity (validated again: it may come straight from a form)."""
        checked = make_entity(
            entity.name,
            entity.kind,
            aliases=list(entity.aliases),
            labels=entity.labels,
            description=entity.description,
            wikidata=entity.wikidata,
            id=entity.id,
        )
        with self._db.session(write=True) as s:
            before = store.get_entity(s, entity.id).name if entity.id is not None else None
            saved = store.update_entity(s, checked)
            # Their tags are in the search index by name: indexed again, same transaction.
            articles = (
                tuple(store.article_ids_of(s, entity.id or 0)) if saved.name != before else ()
            )
            search_index.index_ids(s, articles)
        self._changed(saved.id, articles=articles)
        return saved

    def rename(self, entity_id: int, new_name: str) -> Entity:
        with self._db.session(write=True) as s:
            renamed = store.rename_entity(s, entity_id, new_name)
            articles = tuple(store.article_ids_of(s, entity_id))
            search_index.index_ids(s, articles)  # their tag names changed
        self._changed(entity_id, articles=articles)
        return renamed

    def merge(self, source_id: int, target_id: int, *, across_kinds: bool = False) -> Entity:
        """``source`` goes into ``target``: taggings move, its names become aliases.

        Entities of different kinds are refused (:class:`KindsDiffer`) unless
        ``across_kinds``: the merged entity keeps the target's kind.
        """
        with self._db.session(write=True) as s:
            source, target = store.get_entity(s, source_id), store.get_entity(s, target_id)
            if kinds_differ(source, target) and not across_kinds:
                raise KindsDiffer(source, target)
            articles = tuple(store.article_ids_of(s, source_id))
            merged = store.merge_entities(s, source_id, target_id)
            search_index.index_ids(s, articles)
        self._changed(source_id, target_id, articles=articles)
        return merged

    def delete(self, entity_id: int) -> int:
        """Delete; returns how many articles lost the entity."""
        with self._db.session(write=True) as s:
            articles = tuple(store.article_ids_of(s, entity_id))
            count = store.delete_entity(s, entity_id)
            search_index.index_ids(s, articles)
        self._changed(entity_id, articles=articles)
        return count

    # ------------------------------------------------------------ tagging

    def tag(self, article_id: int, names: Sequence[str | Entity]) -> builtins.list[Entity]:
        """Add entities (by name, alias, label or spec) after the article's own tags.

        Unknown names become entities (kind "topic" unless a spec says otherwise).
        An empty or over-long name is refused (EntityError) before anything is written:
        the article's own tags drop empty ones, but a name asked for must be one.
        """
        for name in names:
            if not isinstance(name, Entity):
                clean_name(name, "tag")
        current = self._ws.articles.get(article_id)
        wanted = [*current.tags, *names]
        self._ws.articles.update(article_id, {"tags": wanted})
        tagged = self.of_article(article_id)
        self._changed(*(e.id for e in tagged))
        return tagged
