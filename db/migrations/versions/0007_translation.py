"""translation: links to the source, segment pairs, translation memory, glossary

A translated article records the article and revision it was translated from (the
publish checks used to guess the group's first version). Each target segment keeps the
hash and text of the source segment it was made from, so that a later edit of the source
shows which segments fell behind. The translation memory holds confirmed and imported
pairs per language pair; the glossary its terms and the do-not-translate names.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "translation_link",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_revision", sa.Integer(), nullable=True),
        sa.Column("source_version", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"],
            name=op.f("fk_translation_link_article_id_article"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["article.id"],
            name=op.f("fk_translation_link_source_id_article"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_translation_link")),
    )
    op.create_index(
        op.f("ix_translation_link_source_id"), "translation_link", ["source_id"], unique=False
    )
    op.create_table(
        "translation_segment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_hash", sa.String(length=16), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("target_text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"],
            name=op.f("fk_translation_segment_article_id_article"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation_segment")),
        sa.UniqueConstraint(
            "article_id", "field", "position",
            name=op.f("uq_translation_segment_article_id_field_position"),
        ),
    )
    op.create_table(
        "tm_unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_lang", sa.String(length=8), nullable=False),
        sa.Column("target_lang", sa.String(length=8), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("source_hash", sa.String(length=16), nullable=False),
        sa.Column("target_hash", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tm_unit")),
        sa.UniqueConstraint(
            "source_lang", "target_lang", "source_hash", "target_hash",
            name=op.f("uq_tm_unit_source_lang_target_lang_source_hash_target_hash"),
        ),
    )
    op.create_table(
        "glossary_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_lang", sa.String(length=8), nullable=False),
        sa.Column("target_lang", sa.String(length=8), nullable=False),
        sa.Column("term", sa.String(length=200), nullable=False),
        sa.Column("translation", sa.String(length=200), nullable=True),
        sa.Column("do_not_translate", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary_term")),
        sa.UniqueConstraint(
            "source_lang", "target_lang", "term",
            name=op.f("uq_glossary_term_source_lang_target_lang_term"),
        ),
    )
    op.create_index(
        "ix_glossary_term_langs", "glossary_term", ["source_lang", "target_lang"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_glossary_term_langs", table_name="glossary_term")
    op.drop_table("glossary_term")
    op.drop_table("tm_unit")
    op.drop_table("translation_segment")
    op.drop_index(op.f("ix_translation_link_source_id"), table_name="translation_link")
    op.drop_table("translation_link")
