"""The errors a front end meets, for the window, the commands and the command line.

They are raised by the store; front ends catch them from here, so that only the
app reaches into the store (an import-linter contract keeps it so).
"""

from __future__ import annotations

from editor.store.errors import (
    ConflictError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    NotFoundError,
    StoreError,
)

__all__ = [
    "ConflictError",
    "DatabaseUnavailableError",
    "ForeignDatabaseError",
    "NewerSchemaError",
    "NotADatabaseError",
    "NotFoundError",
    "StoreError",
    "describe_error",
]


def describe_error(exc: BaseException) -> str | None:
    """One line for a database failure met while working, or None if ``exc`` is not one."""
    # Imported when asked: the store's database module loads SQLAlchemy.
    from editor.store.database import describe_error as describe

    return describe(exc)
