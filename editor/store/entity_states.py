"""An entity as it was, and putting it back: what undo in the entity manager needs.

A state is the entity (name, kind, aliases, labels, description, Wikidata id) with
its id and the articles tagged with it (and where in their tag lists).  Restoring a
state writes exactly that: an entity deleted or merged away comes back under its old
id, so that everything that refers to it by id (related links, the site's tag pages)
finds it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from editor.core.entities import model as core
from editor.core.entities.model import EntityError, name_key
from editor.store.entities import _check_free, _check_wikidata, _write_fields, get_entity
from editor.store.models import Article, ArticleEntity, Entity


@dataclass(frozen=True, slots=True)
class EntityState:
    entity: core.Entity
    links: tuple[tuple[int, int], ...]  # (article id, position in its tags)
    # When the entity was created: SQLite hands a freed id to the next new row, so an id
    # alone does not say that a row is still the entity this state was taken from.
    created: datetime | None = None


def entity_state(session: Session, entity_id: int) -> EntityState:
    entity = get_entity(session, entity_id)
    created = session.execute(select(Entity.created_at).where(Entity.id == entity_id)).scalar_one()
    links = session.execute(
        select(ArticleEntity.article_id, ArticleEntity.position)
        .where(ArticleEntity.entity_id == entity_id)
        .order_by(ArticleEntity.article_id)
    ).all()
    return EntityState(entity, tuple((int(a), int(p)) for a, p in links), created)


def restore_states(session: Session, states: Iterable[EntityState]) -> None:
    """Put each entity back as it was (in this order: free names before they are claimed)."""
    for state in states:
        _restore(session, state)


def _restore(session: Session, state: EntityState) -> None:
    entity = state.entity
    if entity.id is None:
        raise ValueError("a state to restore needs the entity's id")
    _check_free(session, [(name_key(n), n) for n in entity.names()], entity.id)
    _check_wikidata(session, entity.wikidata, entity.id)
    row = session.get(Entity, entity.id)
    if row is None:
        row = Entity(id=entity.id, created_at=state.created)
        session.add(row)
    elif state.created is not None and _naive(row.created_at) != _naive(state.created):
        raise EntityError(
            f"“{entity.name}” cannot come back: its place was taken by “{row.name}” since"
        )
    _write_fields(session, row, entity)
    session.execute(delete(ArticleEntity).where(ArticleEntity.entity_id == entity.id))
    wanted = dict(state.links)
    alive = set(session.execute(select(Article.id).where(Article.id.in_(list(wanted)))).scalars())
    rows = [
        {"article_id": a, "entity_id": entity.id, "position": p}
        for a, p in wanted.items()
        if a in alive  # an article deleted for good since stays deleted
    ]
    if rows:
        session.execute(insert(ArticleEntity), rows)
    session.flush()
    session.expire_all()


def _naive(moment: datetime | None) -> datetime | None:
    # SQLite gives stored times back without their zone: compare them as written.
    return moment.replace(tzinfo=None) if moment is not None else None
