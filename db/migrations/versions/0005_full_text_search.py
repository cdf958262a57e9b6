"""full-text search index

SQLite: an FTS5 table ``search_fts`` (rowid = article id) over the articles'
folded tokens; PostgreSQL: a ``search_doc`` table with a tsvector and a GIN
index.  Both are filled here from the existing articles (the same code as
``newsdesk reindex``), so an upgraded archive can be searched at once.
Alembic's model comparison leaves them out (see env.py): they are not models.

Revision ID: 0005
Revises: 0007
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FILL_BATCH = 2000


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.create_table(
            "search_doc",
            sa.Column(
                "article_id",
                sa.Integer(),
                sa.ForeignKey("article.id", ondelete="CASCADE", name="fk_search_doc_article"),
                primary_key=True,
            ),
            sa.Column("doc", postgresql.TSVECTOR(), nullable=False),
            sa.Column("author_doc", postgresql.TSVECTOR(), nullable=False),
        )
        op.create_index("ix_search_doc_doc", "search_doc", ["doc"], postgresql_using="gin")
        op.create_index(
            "ix_search_doc_author", "search_doc", ["author_doc"], postgresql_using="gin"
        )
    else:
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, teaser, body, tags, author, tokenize = 'ascii')"
        )
    _fill(bind)


def _fill(bind: sa.Connection) -> None:
    from editor.store.search import rebuild_batch

    last = 0
    while True:
        last, done = rebuild_batch(bind, last, FILL_BATCH)
        if not done:
            break


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.drop_table("search_doc")
    else:
        op.execute("DROP TABLE search_fts")
