"""Entities: queries and writes (tagging, aliases and labels, merge, decisions).

Validation of names, kinds and Wikidata ids is the core's (editor.core.entities.model);
this module checks what only the database can tell (a name taken by another entity)
before it writes anything, so a refused change leaves the archive as it was.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from sqlalchemy import Connection, case, delete, func, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from editor.core.entities import model as core
from editor.core.entities.model import EntityError, name_key
from editor.store.batching import in_chunks
from editor.store.errors import NotFoundError
from editor.store.models import Article, ArticleEntity, Entity, EntityName, NameDecision

TagItem = str | core.Entity


def _value(row: Entity, articles: int = 0) -> core.Entity:
    labels = {n.lang: n.name for n in row.names if n.lang}
    aliases = tuple(n.name for n in row.names if not n.lang)
    return core.Entity(
        name=row.name,
        kind=core.parse_kind(row.kind),
        aliases=aliases,
        labels=labels,
        description=row.description,
        wikidata=row.wikidata,
        id=row.id,
        articles=articles,
    )


def _row(session: Session, entity_id: int) -> Entity:
    row = session.get(Entity, entity_id, options=[selectinload(Entity.names)])
    if row is None:
        raise NotFoundError(f"There is no entity with id {entity_id}.")
    return row


def _article_counts(session: Session, ids: Collection[int] | None = None) -> dict[int, int]:
    stmt = (
        select(ArticleEntity.entity_id, func.count())
        .join(Article, Article.id == ArticleEntity.article_id)
        .where(Article.deleted.is_(False))
        .group_by(ArticleEntity.entity_id)
    )
    if ids is not None:
        stmt = stmt.where(ArticleEntity.entity_id.in_(list(ids)))
    return {entity_id: int(n) for entity_id, n in session.execute(stmt)}


# ---------------------------------------------------------------- reading


def get_entity(session: Session, entity_id: int) -> core.Entity:
    row = _row(session, entity_id)
    return _value(row, _article_counts(session, [entity_id]).get(entity_id, 0))


def find_entity(session: Session, text: str) -> core.Entity:
    """An entity by id, name, alias or label (what the command line accepts)."""
    if text.strip().isdigit():
        found = session.get(Entity, int(text))
        if found is not None:
            return get_entity(session, found.id)
    ids = resolve_keys(session, [name_key(text)])
    if not ids:
        raise NotFoundError(f"There is no entity called {text!r}.")
    return get_entity(session, next(iter(ids.values())))


def list_entities(
    session: Session, *, kind: str | None = None, search: str = "", limit: int | None = None
) -> list[core.Entity]:
    """Entities by name with their article counts; ``search`` matches any of their names."""
    stmt = select(Entity).options(selectinload(Entity.names)).order_by(Entity.key, Entity.id)
    if kind:
        stmt = stmt.where(Entity.kind == core.parse_kind(kind).value)
    if search.strip():
        pattern = f"%{name_key(search)}%"
        alias_ids = select(EntityName.entity_id).where(EntityName.key.like(pattern))
        stmt = stmt.where(or_(Entity.key.like(pattern), Entity.id.in_(alias_ids)))
    if limit:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).scalars().all()
    # A page of entities counts its own articles only (the palette asks per keystroke).
    counts = _article_counts(session, [row.id for row in rows] if limit else None)
    return [_value(row, counts.get(row.id, 0)) for row in rows]


def resolve_keys(session: Session, keys: Iterable[str]) -> dict[str, int]:
    """Entity ids by name key: canonical names first, then aliases and labels."""
    wanted = sorted(set(keys))
    found: dict[str, int] = {}
    for chunk in in_chunks(wanted):
        for key, entity_id in session.execute(
            select(Entity.key, Entity.id).where(Entity.key.in_(chunk)).order_by(Entity.id)
        ):
            found.setdefault(key, entity_id)
    rest = [k for k in wanted if k not in found]
    for chunk in in_chunks(rest):
        for key, entity_id in session.execute(
            select(EntityName.key, EntityName.entity_id)
            .where(EntityName.key.in_(chunk))
            .order_by(EntityName.id)
        ):
            found.setdefault(key, entity_id)
    return found


def kinds_by_key(session: Session, keys: Iterable[str]) -> dict[str, tuple[str, str]]:
    """For each name key an entity goes by: that entity's canonical name and kind."""
    ids = resolve_keys(session, keys)
    rows: dict[int, tuple[str, str]] = {}
    for chunk in in_chunks(sorted(set(ids.values()))):
        stmt = select(Entity.id, Entity.name, Entity.kind).where(Entity.id.in_(chunk))
        rows.update((i, (name, kind)) for i, name, kind in session.execute(stmt))
    return {key: rows[i] for key, i in ids.items() if i in rows}


def entities_by_name(session: Session) -> dict[str, core.Entity]:
    """Every entity (without article counts) by the key of each of its names: canonical
    name, aliases and labels (no two entities share one)."""
    rows = session.execute(select(Entity).options(selectinload(Entity.names))).scalars()
    found: dict[str, core.Entity] = {}
    for row in rows:
        entity = _value(row)
        for name in entity.names():
            found.setdefault(name_key(name), entity)
    return found


def names_by_id(db: Session | Connection) -> dict[int, str]:
    """Every entity's canonical name by id (what the related-links index keys tags by)."""
    return {entity_id: name for entity_id, name in db.execute(select(Entity.id, Entity.name))}


def labels_in(session: Session, names: Iterable[str], lang: str) -> dict[str, str]:
    """Each of ``names`` that is an entity's (canonical, alias or label) -> the entity's
    label in ``lang`` (its canonical name when it has none there)."""
    wanted = {name: name_key(name) for name in names}
    ids = resolve_keys(session, wanted.values())
    rows = {i: _row(session, i) for i in set(ids.values())}
    return {name: _value(rows[ids[key]]).label(lang) for name, key in wanted.items() if key in ids}


def all_entities(session: Session) -> list[core.Entity]:
    """Every entity with its names and article count (for the suggestion matcher)."""
    return list_entities(session)


def article_entities(session: Session, article_id: int) -> list[core.Entity]:
    rows = (
        session.execute(
            select(Entity)
            .join(ArticleEntity, ArticleEntity.entity_id == Entity.id)
            .where(ArticleEntity.article_id == article_id)
            .order_by(ArticleEntity.position)
            .options(selectinload(Entity.names))
        )
        .scalars()
        .all()
    )
    return [_value(row) for row in rows]


def entities_of_articles(
    session: Session, article_ids: Sequence[int]
) -> dict[int, list[core.Entity]]:
    out: dict[int, list[core.Entity]] = {}
    for chunk in in_chunks(list(article_ids)):
        rows = session.execute(
            select(ArticleEntity.article_id, Entity)
            .join(Entity, Entity.id == ArticleEntity.entity_id)
            .where(ArticleEntity.article_id.in_(chunk))
            .order_by(ArticleEntity.article_id, ArticleEntity.position)
            .options(selectinload(Entity.names))
        )
        for article_id, row in rows:
            out.setdefault(article_id, []).append(_value(row))
    return out


def tag_names_of(
    db: Session | Connection, article_ids: Sequence[int]
) -> dict[int, tuple[str, ...]]:
    """The tag names of each of these articles, in their order (articles without tags
    are left out); plain rows, for reads of many articles at once."""
    found: dict[int, list[str]] = {}
    for chunk in in_chunks(list(article_ids)):
        stmt = (
            select(ArticleEntity.article_id, Entity.name)
            .join(Entity, Entity.id == ArticleEntity.entity_id)
            .where(ArticleEntity.article_id.in_(chunk))
            .order_by(ArticleEntity.article_id, ArticleEntity.position)
        )
        for article_id, name in db.execute(stmt):
            found.setdefault(article_id, []).append(name)
    return {article_id: tuple(names) for article_id, names in found.items()}


def article_ids_of(session: Session, entity_id: int) -> list[int]:
    stmt = select(ArticleEntity.article_id).where(ArticleEntity.entity_id == entity_id)
    return sorted(session.execute(stmt).scalars())


def tagged_article_ids(session: Session, language: str) -> list[int]:
    """The live articles in ``language`` (or a regional form of it, "de-AT") that carry
    at least one entity tag (what retraining learns from)."""
    stmt = (
        select(ArticleEntity.article_id)
        .join(Article, Article.id == ArticleEntity.article_id)
        .where(
            Article.deleted.is_(False),
            or_(Article.language == language, Article.language.like(f"{language}-%")),
        )
        .distinct()
    )
    return sorted(session.execute(stmt).scalars())


def count_articles(session: Session, entity_id: int) -> int:
    _row(session, entity_id)
    return _article_counts(session, [entity_id]).get(entity_id, 0)


# ---------------------------------------------------------------- writing


def _check_free(session: Session, keys: Iterable[tuple[str, str]], owner: int | None) -> None:
    """Refuse names that another entity already goes by (``keys``: key, shown name)."""
    for key, shown in keys:
        holder = session.execute(
            select(Entity.name).where(Entity.key == key, Entity.id != (owner or -1)).limit(1)
        ).scalar_one_or_none()
        if holder is None:
            holder = session.execute(
                select(Entity.name)
                .join(EntityName, EntityName.entity_id == Entity.id)
                .where(EntityName.key == key, Entity.id != (owner or -1))
                .limit(1)
            ).scalar_one_or_none()
        if holder is not None:
            raise EntityError(f"the name {shown!r} already belongs to the entity {holder!r}")


def _check_wikidata(session: Session, qid: str | None, owner: int | None) -> None:
    if qid is None:
        return
    holder = session.execute(
        select(Entity.name).where(Entity.wikidata == qid, Entity.id != (owner or -1))
    ).scalar_one_or_none()
    if holder is not None:
        raise EntityError(f"Wikidata item {qid} already belongs to the entity {holder!r}")


def _write_fields(session: Session, row: Entity, entity: core.Entity) -> None:
    """The entity's name, kind, description, Wikidata id and names onto its row (an update
    and a restore from undo write the same)."""
    row.name, row.key = entity.name, name_key(entity.name)
    row.kind = entity.kind.value
    row.description = entity.description
    row.wikidata = entity.wikidata
    row.names.clear()
    session.flush()  # the old names go before the new ones (the same keys may come back)
    row.names.extend(_names_of(entity))


def _names_of(entity: core.Entity) -> list[EntityName]:
    rows = [EntityName(name=a, key=name_key(a), lang="") for a in entity.aliases]
    rows += [EntityName(name=t, key=name_key(t), lang=lang) for lang, t in entity.labels.items()]
    return rows


def add_entity(session: Session, entity: core.Entity) -> core.Entity:
    """Store a new entity (validated by ``core.make_entity``); EntityError if a name is taken."""
    _check_free(session, [(name_key(n), n) for n in entity.names()], None)
    _check_wikidata(session, entity.wikidata, None)
    row = Entity(
        name=entity.name,
        key=name_key(entity.name),
        kind=entity.kind.value,
        description=entity.description,
        wikidata=entity.wikidata,
    )
    row.names = _names_of(entity)
    session.add(row)
    session.flush()
    return _value(row)


def update_entity(session: Session, entity: core.Entity) -> core.Entity:
    """Replace an entity's name, kind, aliases, labels, description and Wikidata id."""
    if entity.id is None:
        raise ValueError("update_entity needs the entity's id")
    row = _row(session, entity.id)
    _check_free(session, [(name_key(n), n) for n in entity.names()], row.id)
    _check_wikidata(session, entity.wikidata, row.id)
    if (
        entity.name != row.name
        and session.execute(
            select(Entity.id).where(Entity.name == entity.name, Entity.id != row.id)
        ).first()
    ):
        raise EntityError(f"there is already an entity called {entity.name!r}")
    _write_fields(session, row, entity)
    session.flush()
    return get_entity(session, row.id)


def rename_entity(session: Session, entity_id: int, new_name: str) -> core.Entity:
    """A new canonical name; the old one stays an alias, so mentions keep matching."""
    current = get_entity(session, entity_id)
    clean = core.clean_name(new_name)
    aliases = [a for a in current.aliases if name_key(a) != name_key(clean)]
    if name_key(current.name) != name_key(clean):
        aliases.append(current.name)
    return update_entity(session, replace(current, name=clean, aliases=tuple(aliases)))


def merge_entities(session: Session, source_id: int, target_id: int) -> core.Entity:
    """Fold ``source`` into ``target``: its taggings move, its names become aliases."""
    if source_id == target_id:
        raise EntityError("an entity cannot be merged into itself")
    source, target = get_entity(session, source_id), get_entity(session, target_id)
    tagged = set(
        session.execute(
            select(ArticleEntity.article_id).where(ArticleEntity.entity_id == target_id)
        ).scalars()
    )
    links = session.execute(
        select(ArticleEntity.article_id, ArticleEntity.position).where(
            ArticleEntity.entity_id == source_id
        )
    ).all()
    moved = [
        {"article_id": a, "entity_id": target_id, "position": p}
        for a, p in links
        if a not in tagged
    ]
    labels = dict(target.labels)
    aliases = list(target.aliases)
    for lang, text in source.labels.items():
        if lang not in labels:
            labels[lang] = text
        else:
            aliases.append(text)
    aliases += [source.name, *source.aliases]
    keep = {name_key(target.name), *(name_key(t) for t in labels.values())}
    unique: dict[str, str] = {}
    for alias in aliases:
        if name_key(alias) not in keep:
            unique.setdefault(name_key(alias), alias)
    session.execute(delete(ArticleEntity).where(ArticleEntity.entity_id == source_id))
    session.execute(delete(EntityName).where(EntityName.entity_id == source_id))
    session.execute(delete(Entity).where(Entity.id == source_id))
    session.flush()
    if moved:
        session.execute(insert(ArticleEntity), moved)
    merged = replace(
        target,
        aliases=tuple(unique.values()),
        labels=labels,
        description=target.description or source.description,
        wikidata=target.wikidata or source.wikidata,
    )
    session.expire_all()
    return update_entity(session, merged)


def delete_entity(session: Session, entity_id: int) -> int:
    """Delete an entity and its taggings; returns how many articles lose it."""
    count = count_articles(session, entity_id)
    session.execute(delete(ArticleEntity).where(ArticleEntity.entity_id == entity_id))
    session.execute(delete(EntityName).where(EntityName.entity_id == entity_id))
    session.execute(delete(Entity).where(Entity.id == entity_id))
    return count


def entity_ids_for_names(session: Session, items: Iterable[TagItem]) -> dict[str, int]:
    """Entity ids for tag names (or entity specs), creating the missing entities.

    A name finds its entity by canonical name, alias or label ("Munich" → München); a
    new name becomes an entity of kind "topic" unless a spec gives another kind: the
    first spec of a name wins over its plain mentions, wherever they stand in the list.
    """
    keys: dict[str, str] = {}  # the name as given -> its key
    making: dict[str, core.Entity] = {}  # key -> what a new entity of that name is
    plain: set[str] = set()  # keys only given as plain names so far
    specs: list[core.Entity] = []
    for item in items:
        if isinstance(item, core.Entity):
            key = keys.setdefault(item.name, name_key(item.name))
            specs.append(item)
            if key not in making or key in plain:
                making[key] = item
                plain.discard(key)
        elif str(item) not in keys:
            spec = core.make_entity(str(item))
            key = keys[str(item)] = name_key(spec.name)
            if key not in making:
                making[key] = spec
                plain.add(key)
    by_key = resolve_keys(session, making)
    by_key.update(_add_named(session, [(k, s) for k, s in making.items() if k not in by_key]))
    for spec in specs:
        _agree_wikidata(session, by_key[name_key(spec.name)], spec)
    return {given: by_key[key] for given, key in keys.items()}


def _add_named(session: Session, new: Sequence[tuple[str, core.Entity]]) -> dict[str, int]:
    """New entities of these names (keys no entity goes by: resolved just before), in
    one statement a chunk: an import may bring thousands of new tags at once."""
    taken: dict[str, str] = {}  # Wikidata id -> the name that claims it here
    for _key, spec in new:
        if spec.wikidata is None:
            continue
        _check_wikidata(session, spec.wikidata, None)
        if spec.wikidata in taken:
            holder = taken[spec.wikidata]
            raise EntityError(
                f"Wikidata item {spec.wikidata} already belongs to the entity {holder!r}"
            )
        taken[spec.wikidata] = spec.name
    rows = [
        {
            "name": spec.name,
            "key": key,
            "kind": spec.kind.value,
            "description": spec.description,
            "wikidata": spec.wikidata,
        }
        for key, spec in new
    ]
    table = Entity.metadata.tables["entity"]
    ids: dict[str, int] = {}
    for chunk in in_chunks(rows):
        stmt = insert(table).returning(table.c.key, table.c.id)
        ids.update((key, entity_id) for key, entity_id in session.execute(stmt, chunk))
    return ids


def _agree_wikidata(session: Session, entity_id: int, spec: core.Entity) -> None:
    """A known entity takes the Wikidata id a tag object gives when it has none (nothing
    an import brings is dropped); a different one is refused rather than ignored."""
    if spec.wikidata is None:
        return
    row = session.get(Entity, entity_id)
    if row is None or row.wikidata == spec.wikidata:
        return
    if row.wikidata is not None:
        raise EntityError(
            f"{spec.name!r} is Wikidata item {row.wikidata} in the archive, not {spec.wikidata}"
        )
    _check_wikidata(session, spec.wikidata, entity_id)
    row.wikidata = spec.wikidata


def set_article_entities(session: Session, article_id: int, entity_ids: Sequence[int]) -> None:
    """The article's entities, in this order (the first is its main topic)."""
    session.execute(delete(ArticleEntity).where(ArticleEntity.article_id == article_id))
    rows = [
        {"article_id": article_id, "entity_id": entity_id, "position": position}
        for position, entity_id in enumerate(dict.fromkeys(entity_ids))
    ]
    if rows:
        session.execute(insert(ArticleEntity), rows)


# ---------------------------------------------------------------- decisions


def record_decision(
    session: Session, article_id: int, name: str, kind: str, accepted: bool
) -> None:
    """Remember an editor's answer to a suggestion (the latest answer counts)."""
    key = name_key(name)
    session.execute(
        delete(NameDecision).where(NameDecision.article_id == article_id, NameDecision.key == key)
    )
    session.add(
        NameDecision(article_id=article_id, key=key, name=name, kind=kind, accepted=accepted)
    )
    session.flush()


def rejected_keys(session: Session, article_id: int) -> set[str]:
    stmt = select(NameDecision.key).where(
        NameDecision.article_id == article_id, NameDecision.accepted.is_(False)
    )
    return set(session.execute(stmt).scalars())


def decision_counts(session: Session) -> dict[str, tuple[int, int]]:
    """For each decided name key: how often it was accepted and rejected."""
    accepted = func.sum(case((NameDecision.accepted.is_(True), 1), else_=0))
    stmt = select(NameDecision.key, func.count(), accepted).group_by(NameDecision.key)
    return {
        key: (int(acc or 0), int(total) - int(acc or 0))
        for key, total, acc in session.execute(stmt)
    }


def decisions(session: Session) -> list[tuple[int, str, str, bool]]:
    """Every decision: article id, name, kind, accepted (for retraining)."""
    stmt = select(
        NameDecision.article_id, NameDecision.name, NameDecision.kind, NameDecision.accepted
    ).order_by(NameDecision.article_id)
    return [(a, n, k, bool(ok)) for a, n, k, ok in session.execute(stmt)]
