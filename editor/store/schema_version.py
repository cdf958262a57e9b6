"""What marks a current Newsdesk archive, importable without SQLAlchemy.

Both :mod:`editor.store.migrations` (which needs SQLAlchemy) and
:mod:`editor.store.snapshot` (the stdlib-only first look used at start-up)
compare against these values, so they live in a module that imports nothing.
"""

from __future__ import annotations

# The newest revision in db/migrations/versions (update with every new migration;
# tests/store/test_schema_head.py fails until it matches).
SCHEMA_HEAD = "0007"

# Written into the SQLite header (PRAGMA application_id) so that a Newsdesk file
# can be told from any other SQLite file without reading its tables: "NWSD".
APPLICATION_ID = 0x4E575344

SQLITE_MAGIC = b"SQLite format 3\x00"
