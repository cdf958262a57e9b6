"""Tagging from the window: a selected mention, a tag removed.

"Tag Selection as…" tags the article with the entity a selected mention stands for:
an existing entity (the mention becomes one of its aliases when it is not one of its
names yet) or a new one of the chosen kind.  Both go through
:class:`~editor.app.entities.service.EntityService`, so the same checks refuse a
name another entity already goes by, before anything is written.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from editor.app.errors import NotFoundError
from editor.core.entities.model import Entity, EntityError, clean_name, name_key

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


def tag_mention(
    workspace: Workspace,
    article_id: int,
    mention: str,
    kind: str,
    entity_id: int | None = None,
) -> Entity:
    """Tag ``article_id`` with what ``mention`` names; returns the entity tagged."""
    entities = workspace.entities
    text = clean_name(mention, "the selected text")
    if entity_id is None:
        try:
            entity = entities.find(text)
        except NotFoundError:
            entity = entities.add(text, kind)
    else:
        entity = entities.get(entity_id)
        if name_key(text) not in {name_key(n) for n in entity.names()}:
            entity = entities.update(replace(entity, aliases=(*entity.aliases, text)))
    entities.tag(article_id, [entity.name])
    return entity


def untag(workspace: Workspace, article_id: int, entity_id: int) -> Entity:
    """Remove one tag from the article (the entity stays in the archive)."""
    entities = workspace.entities
    tagged = entities.of_article(article_id)
    gone = next((e for e in tagged if e.id == entity_id), None)
    if gone is None:
        raise EntityError("the article is not tagged with that entity")
    kept = [e.name for e in tagged if e.id != entity_id]
    workspace.articles.update(article_id, {"tags": kept})
    return gone
