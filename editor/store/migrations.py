"""Alembic, driven from code: which revision a database is at, and upgrading it.

The migration scripts live in ``db/migrations`` (located through
:func:`editor.core.resources.migrations_dir`, so an installed wheel finds them).
"""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from editor.core.resources import migrations_dir
from editor.store.errors import NewerSchemaError


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "db/migrations has no revisions"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in _scripts().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def ensure_known(revision: str | None, *, where: str) -> None:
    """Refuse a database whose revision this program does not know (a newer one)."""
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            f"{where} was written by a newer version of Newsdesk (schema {revision}); "
            "this version will not change it. Please update Newsdesk."
        )


def upgrade(engine: Engine, target: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
