"""The database schema as SQLAlchemy 2.0 typed models.

The ``article`` row is the *working copy* an editor types into (autosave writes
it); ``revision`` rows are immutable snapshots of it.  Every change to these
models needs an Alembic migration in ``db/migrations/versions`` (a test runs
``alembic check`` to make sure the two agree).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so that migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no time zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Article(Base):
    __tablename__ = "article"
    __table_args__ = (
        UniqueConstraint("language", "slug"),
        Index("ix_article_status_language", "status", "language"),
        # The sidebar counts live articles per status on every refresh; a publish run reads
        # every public article's id and version (from the index alone: it covers them).
        Index("ix_article_deleted_status_version", "deleted", "status", "id", "version"),
        Index("ix_article_updated_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    # The id a record had in the file it was imported from; a second import of
    # the same file updates instead of duplicating.
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    slug: Mapped[str] = mapped_column(String(200))
    # True once the editor changed the slug by hand: it stops following the title.
    slug_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str] = mapped_column(Text, default="")
    teaser: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Soft delete: a trashed article keeps everything until the trash is emptied.
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Translations of one piece share a group id (the translation issue builds on it).
    group_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # Optimistic concurrency: an UPDATE of a stale copy raises StaleDataError.
    version: Mapped[int] = mapped_column(Integer, default=1)

    revisions: Mapped[list[Revision]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Revision.number"
    )
    # The entities it is tagged with, in the order the editor gave them (the first is
    # the main topic); ``tags`` for the publisher, which reads their names.
    tags: Mapped[list[Entity]] = relationship(
        secondary="article_entity", back_populates="articles", order_by="ArticleEntity.position"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Revision(Base):
    """An immutable snapshot of an article."""

    __tablename__ = "revision"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200), default="")
    # Why it was taken: save, status, periodic, restore, import.
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text)
    teaser: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    slug: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(20))

    article: Mapped[Article] = relationship(back_populates="revisions")


class Entity(Base):
    """A person, organisation, product, place, topic or event articles are tagged with.

    Today's plain tags became entities of kind "topic" (migration 0006).  ``name`` is the
    canonical name; other names (aliases, and labels per language) are ``EntityName`` rows.
    """

    __tablename__ = "entity"
    __table_args__ = (Index("ix_entity_kind_name", "kind", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The name case-folded: how a name typed or imported finds its entity.
    key: Mapped[str] = mapped_column(String(200), index=True)
    # person | organisation | product | place | topic | event
    kind: Mapped[str] = mapped_column(String(20), default="topic")
    description: Mapped[str] = mapped_column(Text, default="")
    wikidata: Mapped[str | None] = mapped_column(String(20), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    articles: Mapped[list[Article]] = relationship(
        secondary="article_entity", back_populates="tags", viewonly=True
    )
    names: Mapped[list[EntityName]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", order_by="EntityName.id"
    )


class EntityName(Base):
    """Another name of an entity: an alias (``lang`` empty) or its label in a language.

    ``key`` is the name in the form names are compared in (case-folded); no key may
    belong to two entities (the store checks it against canonical names too).
    """

    __tablename__ = "entity_name"
    __table_args__ = (UniqueConstraint("entity_id", "lang", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), index=True)
    lang: Mapped[str] = mapped_column(String(16), default="")

    entity: Mapped[Entity] = relationship(back_populates="names")


class ArticleEntity(Base):
    __tablename__ = "article_entity"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entity.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class NameDecision(Base):
    """Editors' decisions on a suggested name: per article for rejections (a rejected
    suggestion does not come back for that article), and counted per name for learning."""

    __tablename__ = "name_decision"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="topic")
    accepted: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Setting(Base):
    """Key/value settings that belong to the archive (shared in team mode)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class RelatedLink(Base):
    """An editor's decision about a related-link suggestion for an article.

    ``accepted`` links are published in ``position`` order; ``rejected`` ones
    are remembered so that the pair ranks lower in future suggestions.
    """

    __tablename__ = "related_link"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    target_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    state: Mapped[str] = mapped_column(String(10))  # accepted | rejected
    position: Mapped[int] = mapped_column(Integer, default=0)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[float | None] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Publication(Base):
    """What was published: which revision of which article, when, and where to."""

    __tablename__ = "publication"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    revision_number: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # publish | correct | unpublish
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    output_dir: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)  # the page, relative to output_dir


# The translation tables live in their own module; importing it here registers them in
# Base.metadata wherever the schema is looked at (migrations, `alembic check`).
from editor.store.translation import models as _translation_models  # noqa: E402, F401
