"""Spreading CPU-bound work over the machine's cores, by forking this process.

Publishing a large site (rendering thousands of pages, asking the related-links
engine for each of them) is pure Python and CPU-bound: threads would share one
interpreter lock.  Worker processes *forked* from this one inherit everything
already in memory (the site, the index) without copying or pickling it; each
answers whole chunks of the work, and only the answers travel back.

Forking is used only where it is safe: on Linux, and while the calling process
runs a single thread, as Python and the kernel see it (a child forked beside
other threads can inherit a lock one of them held and hang; Python 3.12 warns
about it).  The command line forks; the window, with its toolkit and autosave
threads, works in one process.  Elsewhere the work runs
here, one chunk after another, with the same results.  Callers check
:func:`can_fork` and keep a sequential path.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

MAX_WORKERS = 8

_Chunk = TypeVar("_Chunk")
_Result = TypeVar("_Result")

# What the workers of the running fork_map() call do: set before the fork, inherited.
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
_parent_pid: int | None = None  # the process that started them


def prepare_process() -> None:
    """Keep this process able to fork: call at program start, before NumPy is imported.

    NumPy's OpenBLAS starts an idle thread per core when it is loaded, and a process with
    threads must not fork (see above); the related-links engine uses NumPy but no BLAS
    routine. The setting is the process's, so the program's entry makes it (the command
    line's ``main``, a benchmark script), not a module that happens to import NumPy.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def can_fork() -> bool:
    """Whether worker processes can inherit this process's memory safely here."""
    # multiprocessing (with pickle, socket …) is imported when work is to be spread, not
    # by every program that imports this module: the command line does, and `newsdesk`
    # without a command is the window, which never forks.
    import multiprocessing

    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and _os_thread_count() == 1
    )


def _os_thread_count() -> int:
    # Threads Python does not know of count too (a GUI toolkit's, a pool's): the kernel's
    # list of this process's tasks has them all.
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0  # cannot tell: do not fork


def worker_count(requested: int | None = None) -> int:
    """Worker processes to use: ``requested``, else one per core (at most ``MAX_WORKERS``)."""
    return max(1, min(requested or os.cpu_count() or 1, MAX_WORKERS))


def split(items: Sequence[_Chunk], size: int) -> list[Sequence[_Chunk]]:
    """``items`` in consecutive slices of at most ``size``."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def fork_map(
    function: Callable[[_Chunk], _Result], chunks: Sequence[_Chunk], workers: int
) -> Iterator[_Result]:
    """``function(chunk)`` for every chunk, in order, computed by ``workers`` forked processes.

    ``function`` may be any callable (a closure too): it is inherited, not pickled;
    its results are pickled back.  An exception in a worker is raised here.  Call only
    when :func:`can_fork` says so.
    """
    global _job, _parent_pid
    if _job is not None:
        raise RuntimeError("fork_map() does not nest")
    import multiprocessing

    _job, _parent_pid = (function, chunks), os.getpid()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_run_chunk, range(len(chunks)))
    finally:
        _job = _parent_pid = None


def orphaned() -> bool:
    """In a worker: whether the process that started it is gone (killed, say).

    A worker writing files checks this before each one, so that a killed publish run
    does not go on writing into a folder the next run may be using.
    """
    return _parent_pid is not None and os.getppid() != _parent_pid


def _run_chunk(number: int) -> Any:
    if _job is None:  # pragma: no cover - only a non-fork start could get here
        raise RuntimeError("no work was shared with this worker process")
    function, chunks = _job
    return function(chunks[number])
