"""Errors the store raises, each with a message fit to show an editor."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: the message says what happened and that nothing was changed."""


class NotADatabaseError(StoreError):
    """The file is not an SQLite database (a text file, a truncated file …)."""


class ForeignDatabaseError(StoreError):
    """An SQLite database, but another program's."""


class NewerSchemaError(StoreError):
    """Written by a newer Newsdesk: this version must not touch it."""


class DatabaseUnavailableError(StoreError):
    """The database cannot be opened or written (permissions, server down, disk full)."""


class NotFoundError(StoreError):
    """No such row."""


class ConflictError(StoreError):
    """Someone else changed the row since it was read (optimistic concurrency)."""
