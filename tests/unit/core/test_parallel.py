"""Forked worker processes for CPU-bound work: same answers as one process, errors surface."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from editor.core import parallel

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="worker processes are forked on Linux only"
)


def test_workers_inherit_closures_and_answer_in_order(fork_allowed: None) -> None:
    assert parallel.can_fork(), f"threads alive: {threading.enumerate()}"
    offset = 1000  # captured by the closure: inherited by the workers, never pickled
    parent = os.getpid()

    def work(chunk):  # type: ignore[no-untyped-def]
        return [(n + offset, os.getpid()) for n in chunk]

    chunks = parallel.split(list(range(100)), 7)
    assert len(chunks) == 15 and list(chunks[-1]) == [98, 99]
    answers = [pair for answer in parallel.fork_map(work, chunks, 2) for pair in answer]
    assert [value for value, _ in answers] == [n + 1000 for n in range(100)]
    workers = {pid for _, pid in answers}
    assert parent not in workers and 1 <= len(workers) <= 2


def test_an_error_in_a_worker_is_raised_in_the_caller(fork_allowed: None) -> None:
    def work(chunk):  # type: ignore[no-untyped-def]
        if 13 in chunk:
            raise OSError(28, "No space left on device")
        return chunk

    with pytest.raises(OSError, match="No space left"):
        list(parallel.fork_map(work, parallel.split(list(range(40)), 5), 2))
    # The next call works: the shared job was cleared.
    assert list(parallel.fork_map(len, [[1], [2, 3]], 2)) == [1, 2]


def test_no_fork_while_another_thread_runs(fork_allowed: None) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not parallel.can_fork()
    finally:
        stop.set()
        other.join()
    assert parallel.can_fork()


def test_worker_count_is_bounded() -> None:
    assert parallel.worker_count(1) == 1
    assert parallel.worker_count(64) == parallel.MAX_WORKERS
    assert 1 <= parallel.worker_count() <= parallel.MAX_WORKERS


def test_a_worker_knows_when_its_parent_is_gone(fork_allowed: None) -> None:
    assert not parallel.orphaned(), "outside a worker nothing is orphaned"
    answers = list(parallel.fork_map(lambda chunk: parallel.orphaned(), [[1], [2]], 2))
    assert answers == [False, False]


def test_threads_python_does_not_know_of_count_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_os_thread_count", lambda: 1)
    assert parallel.can_fork()
    monkeypatch.setattr(parallel, "_os_thread_count", lambda: 3)  # say, a GUI toolkit's
    assert not parallel.can_fork()


def test_the_kernel_counts_this_process_threads() -> None:
    before = parallel._os_thread_count()  # Qt may have idle threads from GUI tests
    assert before >= 1
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel._os_thread_count() == before + 1
    finally:
        stop.set()
        other.join()


def test_a_program_that_loads_the_related_links_engine_can_still_fork() -> None:
    # NumPy's BLAS would start idle threads at import, and publishing would quietly
    # stop using worker processes (seen: a full publish took twice as long). The program's
    # entry (the command line's main) prepares the process; importing the engine alone
    # changes nothing in it.
    probe = (
        "import os\n"
        "from editor.core import parallel\n"
        "import editor.core.related.index\n"
        "print('OPENBLAS_NUM_THREADS' in os.environ)\n"
        "parallel.prepare_process()\n"
        "import editor.core.publishing\n"
        "print(parallel.can_fork(), parallel._os_thread_count())\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split()[0] == "False", "importing the engine left the environment alone"
    fresh = probe.replace("import editor.core.related.index\n", "", 1).replace(
        "parallel.prepare_process()\n",
        "parallel.prepare_process()\nimport editor.core.related.index\n",
    )
    out = subprocess.run(
        [sys.executable, "-c", fresh], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split()[1:] == ["True", "1"]
