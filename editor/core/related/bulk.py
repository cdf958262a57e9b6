"""Suggestions for many articles at once, on every core the machine has.

A full publish of a large archive asks the engine for the related links of
every page that has no accepted ones: thousands of independent queries
against one read-only index.  They are split into chunks and answered by
worker processes that inherit the index (see :mod:`editor.core.parallel`),
so nothing is copied up front; only the ids of the answers travel back.
Where forking is not safe, or for few queries, they run here, one after
another, with the same results.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from editor.core import parallel
from editor.core.related.index import RelatedIndex

# Below this many queries, starting workers costs more than it saves.
MIN_QUERIES_FOR_WORKERS = 200
CHUNK_SIZE = 40  # queries a worker answers per message: small enough to report progress

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BulkQuery:
    """One article to find related articles for, with the editor's decisions on it."""

    doc_id: str
    exclude: frozenset[str] = frozenset()  # never suggest these (already accepted)
    penalties: Mapping[str, float] = field(default_factory=dict)  # rejected: id -> strength


@dataclass(frozen=True)
class _Job:
    top: int
    statuses: Collection[str] | None
    posting_budget: int | None
    rerank: int | None


def suggest_many(
    index: RelatedIndex,
    queries: Sequence[BulkQuery],
    top: int,
    *,
    statuses: Collection[str] | None,
    posting_budget: int | None = None,
    rerank: int | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> dict[str, list[str]]:
    """doc id -> ids of its ``top`` best suggestions (no feedback round, no reasons).

    ``posting_budget`` and ``rerank``: see :meth:`RelatedIndex.suggest`.
    ``workers``: processes to use (default: one per core).
    """
    job = _Job(top, tuple(statuses) if statuses is not None else None, posting_budget, rerank)
    chunks = parallel.split(queries, CHUNK_SIZE)
    count = min(parallel.worker_count(workers), len(chunks))
    answer = partial(_answer, index, job)
    answers: Iterable[list[tuple[str, list[str]]]]
    if count > 1 and len(queries) >= MIN_QUERIES_FOR_WORKERS and parallel.can_fork():
        # Sort every posting list once here, not once per worker (a query sorts the lists it
        # reads lazily; a handful of queries here should not pay for sorting them all).
        index.prepare_queries()
        answers = parallel.fork_map(answer, chunks, count)
    else:
        answers = map(answer, chunks)
    result: dict[str, list[str]] = {}
    for answered in answers:
        result.update(answered)
        if progress is not None:
            progress(len(result), len(queries))
    return result


def _answer(
    index: RelatedIndex, job: _Job, chunk: Sequence[BulkQuery]
) -> list[tuple[str, list[str]]]:
    return [
        (
            query.doc_id,
            [
                found.id
                for found in index.suggest(
                    query.doc_id,
                    job.top,
                    statuses=job.statuses,
                    exclude=query.exclude,
                    penalties=query.penalties,
                    feedback=False,
                    posting_budget=job.posting_budget,
                    rerank=job.rerank,
                    explain=False,
                )
            ],
        )
        for query in chunk
    ]
