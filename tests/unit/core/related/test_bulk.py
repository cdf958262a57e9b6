"""Answering many suggestion queries at once, in worker processes that inherit the index."""

from __future__ import annotations

import random
import sys
import threading

import pytest

from editor.core import parallel
from editor.core.related import RelatedIndex
from editor.core.related.bulk import BulkQuery, suggest_many

from .conftest import NO_DICTIONARY, doc

TOPICS = {
    "chips": "Halbleiter Fertigung Wafer Lithografie Transistor Fabrik Ausbeute",
    "cloud": "Rechenzentrum Server Miete Speicher Ausfall Kunden Region",
    "robots": "Roboter Greifer Lager Sensor Montage Fließband Wartung",
    "privacy": "Datenschutz Aufsicht Bußgeld Einwilligung Profil Werbung Klage",
}
COMMON = "Unternehmen Woche Bericht Markt neue Jahr".split()


def _archive(count: int, seed: int = 3) -> list:
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        topic = list(TOPICS)[n % len(TOPICS)]
        words = TOPICS[topic].split()
        body = " ".join(rng.choice(words + COMMON) for _ in range(60))
        title = " ".join(rng.sample(words, 3))
        docs.append(doc(f"a{n}", title, body, day=-(n % 90), status="published"))
    return docs


@pytest.fixture(scope="module")
def index() -> RelatedIndex:
    return RelatedIndex.build(_archive(240), config=NO_DICTIONARY)


def _queries(n: int) -> list[BulkQuery]:
    return [BulkQuery(f"a{i}") for i in range(n)]


def test_one_query_answers_as_a_single_suggest_without_feedback(index: RelatedIndex) -> None:
    found = suggest_many(index, [BulkQuery("a5")], 6, statuses=("published",), workers=1)
    expected = index.suggest("a5", 6, statuses=("published",), feedback=False)
    assert found == {"a5": [s.id for s in expected]}
    assert len(found["a5"]) == 6
    # Same topic as a5 (every fourth article): the engine's answers make sense.
    assert all(int(i[1:]) % 4 == 5 % 4 for i in found["a5"][:3])


def test_exclusions_and_penalties_are_per_query(index: RelatedIndex) -> None:
    plain = suggest_many(index, [BulkQuery("a1")], 5, statuses=None, workers=1)["a1"]
    best = plain[0]
    excluded = suggest_many(
        index, [BulkQuery("a1", exclude=frozenset({best}))], 5, statuses=None, workers=1
    )["a1"]
    assert best not in excluded
    lowered = suggest_many(
        index, [BulkQuery("a1", penalties={best: 1.0})], 5, statuses=None, workers=1
    )["a1"]
    assert best not in lowered


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_workers_give_the_same_answers_as_one_process(
    index: RelatedIndex, monkeypatch: pytest.MonkeyPatch, fork_allowed: None
) -> None:
    assert parallel.can_fork(), f"threads alive: {threading.enumerate()}"
    forked = []
    original = parallel.fork_map

    def counting(function, chunks, workers):  # type: ignore[no-untyped-def]
        forked.append(workers)
        return original(function, chunks, workers)

    monkeypatch.setattr(parallel, "fork_map", counting)
    reports: list[tuple[int, int]] = []
    queries = _queries(240)
    in_workers = suggest_many(
        index,
        queries,
        5,
        statuses=("published",),
        workers=2,
        progress=lambda done, total: reports.append((done, total)),
    )
    assert forked == [2]
    alone = suggest_many(index, queries, 5, statuses=("published",), workers=1)
    assert forked == [2]  # one worker: answered here
    assert in_workers == alone
    assert len(in_workers) == 240
    assert reports[-1] == (240, 240)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_few_queries_do_not_start_workers(
    index: RelatedIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("workers were started for a handful of queries")

    monkeypatch.setattr(parallel, "fork_map", refuse)
    found = suggest_many(index, _queries(20), 5, statuses=("published",), workers=2)
    assert len(found) == 20
