"""Alembic, driven from code: which revision a database is at, and upgrading it.

The migration scripts live in ``db/migrations`` (located through
:func:`editor.core.resources.migrations_dir`, so an installed wheel finds them).

Alembic itself is imported only when a database has to be created or
upgraded: an up-to-date archive is recognised by reading its
``alembic_version`` row and comparing it with :data:`SCHEMA_HEAD`, which keeps
about 0.2 s of imports off every start.  A test keeps the constant equal to the
newest migration script.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from editor.core.resources import migrations_dir
from editor.store.errors import NewerSchemaError

# SCHEMA_HEAD lives in a module without imports: the start-up snapshot reads it
# without paying for SQLAlchemy. Re-exported here for the callers that use it.
from editor.store.schema_version import SCHEMA_HEAD as SCHEMA_HEAD

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def alembic_config(url: str | None = None) -> Config:
    import sys

    from alembic.config import Config

    # Alembic's default output stream is bound when it is first imported; pass
    # the current one, or a stream captured (and closed) since would be used.
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(migrations_dir()))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@cache
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest migration script's revision (read from the scripts themselves)."""
    head = _scripts().get_current_head()
    assert head is not None, "db/migrations has no revisions"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in _scripts().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty one."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        versions = list(rows)
    return versions[0] if len(versions) == 1 else None


def ensure_known(revision: str | None, *, where: str) -> None:
    """Refuse a database whose revision this program does not know (a newer one)."""
    if revision is None or revision == SCHEMA_HEAD:
        return
    if revision not in known_revisions():
        raise NewerSchemaError(
            f"{where} was written by a newer version of Newsdesk (schema {revision}); "
            "this version will not change it. Please update Newsdesk."
        )


def is_current(revision: str | None) -> bool:
    return revision == SCHEMA_HEAD


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    from editor.store.locks import MIGRATION_LOCK, take_turns

    config = alembic_config()
    with engine.begin() as connection:
        # Two programs opening a new server database at once would both create the
        # tables; the second waits here, then finds the schema current.
        take_turns(connection, MIGRATION_LOCK)
        config.attributes["connection"] = connection
        command.upgrade(config, target)
