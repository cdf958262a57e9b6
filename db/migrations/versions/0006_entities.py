"""entities: plain tags become entities with a kind, aliases and labels

Every tag becomes an entity of kind "topic" with the same id and name, and every
article keeps its tags in their order (article_tag → article_entity); nothing is lost.
Aliases and labels per language live in entity_name; editors' decisions on suggested
names (accepted, or rejected for an article) in name_decision.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _key(name: str) -> str:
    # As editor.core.entities.model.name_key (migrations do not import the program).
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def _create_tables() -> None:
    op.create_table(
        "entity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("wikidata", sa.String(length=20), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity")),
        sa.UniqueConstraint("name", name=op.f("uq_entity_name")),
        sa.UniqueConstraint("wikidata", name=op.f("uq_entity_wikidata")),
    )
    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_key"), ["key"], unique=False)
        batch_op.create_index("ix_entity_kind_name", ["kind", "name"], unique=False)
    op.create_table(
        "entity_name",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("lang", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_entity_name_entity_id_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_name")),
        sa.UniqueConstraint(
            "entity_id", "lang", "key", name=op.f("uq_entity_name_entity_id_lang_key")
        ),
    )
    with op.batch_alter_table("entity_name", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_name_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_entity_name_key"), ["key"], unique=False)
    op.create_table(
        "article_entity",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_entity_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_article_entity_entity_id_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "entity_id", name=op.f("pk_article_entity")),
    )
    with op.batch_alter_table("article_entity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_entity_entity_id"), ["entity_id"], unique=False
        )
    op.create_table(
        "name_decision",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_name_decision_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "key", name=op.f("pk_name_decision")),
    )
    with op.batch_alter_table("name_decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_name_decision_key"), ["key"], unique=False)


def _reset_sequence(table: str) -> None:
    """Rows were inserted with their ids: PostgreSQL's counter must start after them."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


def upgrade() -> None:
    _create_tables()
    bind = op.get_bind()
    now = sa.func.current_timestamp()
    tags = bind.execute(sa.text("SELECT id, name FROM tag ORDER BY id")).all()
    if tags:
        entity = sa.table(
            "entity",
            sa.column("id", sa.Integer),
            sa.column("name", sa.String),
            sa.column("key", sa.String),
            sa.column("kind", sa.String),
            sa.column("description", sa.Text),
            sa.column("created_at", sa.DateTime),
        )
        rows = [
            {"id": i, "name": n, "key": _key(n), "kind": "topic", "description": ""}
            for i, n in tags
        ]
        bind.execute(sa.insert(entity).values(created_at=now), rows)
    bind.execute(
        sa.text(
            "INSERT INTO article_entity (article_id, entity_id, position) "
            "SELECT article_id, tag_id, position FROM article_tag"
        )
    )
    _reset_sequence("entity")
    op.drop_table("article_tag")
    op.drop_table("tag")


def downgrade() -> None:
    # Kinds, aliases, labels and decisions have no place in plain tags: they are dropped.
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
    )
    op.create_table(
        "article_tag",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_tag_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_article_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "tag_id", name=op.f("pk_article_tag")),
    )
    bind = op.get_bind()
    bind.execute(sa.text("INSERT INTO tag (id, name) SELECT id, name FROM entity"))
    bind.execute(
        sa.text(
            "INSERT INTO article_tag (article_id, tag_id, position) "
            "SELECT article_id, entity_id, position FROM article_entity"
        )
    )
    _reset_sequence("tag")
    op.drop_table("name_decision")
    op.drop_table("article_entity")
    op.drop_table("entity_name")
    op.drop_table("entity")
