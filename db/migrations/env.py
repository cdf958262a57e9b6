"""Alembic environment: runs on a connection handed over by editor.store.migrations,
or on the URL given to the ``alembic`` command line (``-x url=...`` or sqlalchemy.url)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from editor.store.models import Base

config = context.config
target_metadata = Base.metadata


def _include_name(name, type_, parent_names) -> bool:  # type: ignore[no-untyped-def]
    # The full-text index (migration 0005) is kept by editor.store.search, not
    # by models: an FTS5 virtual table and its shadow tables, or search_doc.
    return not (type_ == "table" and name is not None and name.startswith("search_"))


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=_include_name,
        # SQLite cannot ALTER most things: batch mode rebuilds the table.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("Newsdesk migrations run online only (they need a connection).")
run_migrations_online()
