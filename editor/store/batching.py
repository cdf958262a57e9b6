"""Splitting long id lists for ``IN (...)`` queries.

SQLite limits the variables of one statement (32,766 on current builds, 999 on
old ones); reading in chunks keeps every query within both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

IN_CHUNK = 500

_T = TypeVar("_T")


def in_chunks(items: Iterable[_T], size: int = IN_CHUNK) -> Iterator[Sequence[_T]]:
    """``items`` in lists of at most ``size``, in order."""
    values = items if isinstance(items, Sequence) else list(items)
    for start in range(0, len(values), size):
        yield values[start : start + size]
