"""Locks that PostgreSQL offers for work that reads, decides, then writes.

Choosing a slug ("title", else "title-2" …) or matching a record's external id
reads what is taken and then inserts; two writers doing that at once on
PostgreSQL both see the name free, and the second fails on the unique
constraint.  A transaction-level advisory lock (``pg_advisory_xact_lock``)
makes these claims take turns: it is held only until the claiming transaction
ends (an import chunk, one create), needs no table, and a retry loop or
``INSERT … ON CONFLICT`` could not give the same slugs as a serial run (the
next free number depends on every claim before it).  SQLite needs nothing:
writers already take turns (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

# Arbitrary but fixed keys ("ND" + a number), one per kind of claim.
CLAIMS_LOCK = 0x4E44_0001  # slugs and external ids of articles
MIGRATION_LOCK = 0x4E44_0002  # creating or upgrading the schema


def take_turns(target: Session | Connection, key: int = CLAIMS_LOCK) -> None:
    """Wait for (and hold until the transaction ends) the lock ``key`` on PostgreSQL."""
    dialect = target.get_bind().dialect if isinstance(target, Session) else target.dialect
    if dialect.name == "postgresql":
        target.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
