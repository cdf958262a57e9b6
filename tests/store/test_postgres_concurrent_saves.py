"""Two threads saving the same article at the same moment on PostgreSQL.

Before: 292 of 1,000 such saves raised ``PendingRollbackError`` (the conflict
message read an attribute after the failed flush) instead of the conflict error,
so the window's "Changed elsewhere" dialog never appeared (issue 9 §1).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from editor.app.workspace import Workspace
from editor.store.database import open_database
from editor.store.errors import ConflictError

pytestmark = pytest.mark.postgres

ROUNDS = 30


@pytest.fixture
def pair(pg_url: str) -> Iterator[tuple[Workspace, Workspace]]:
    first = Workspace(db=open_database(pg_url), user="anna")
    second = Workspace(db=open_database(pg_url), user="ben")
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def _race(workspaces: tuple[Workspace, ...], article_id: int, version: int, **kw: object) -> list:
    barrier = threading.Barrier(len(workspaces))
    outcomes: list[object] = [None] * len(workspaces)

    def save(i: int, ws: Workspace) -> None:
        barrier.wait()
        try:
            outcomes[i] = ws.articles.update(
                article_id, {"body": f"text of {ws.user}"}, expected_version=version, **kw
            )
        except Exception as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=save, args=(i, ws)) for i, ws in enumerate(workspaces)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


def test_simultaneous_saves_from_one_version_land_once_and_conflict_once(
    pair: tuple[Workspace, Workspace],
) -> None:
    anna, _ben = pair
    article = anna.articles.create(language="en", title="Race", body="start")
    for _ in range(ROUNDS):
        version = anna.articles.get(article.id).version
        outcomes = _race(pair, article.id, version)
        errors = [o for o in outcomes if isinstance(o, Exception)]
        assert all(isinstance(e, ConflictError) for e in errors), errors
        assert len(errors) == 1, outcomes
    assert anna.articles.get(article.id).version == 1 + ROUNDS


def test_simultaneous_saves_with_a_base_keep_both_texts(
    pair: tuple[Workspace, Workspace],
) -> None:
    anna, _ben = pair
    article = anna.articles.create(language="en", title="Race", body="start")
    base = {"title": "Race", "teaser": "", "body": "start"}
    outcomes = _race(pair, article.id, article.version, base=base)
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ConflictError), outcomes
    bodies = {anna.articles.revision(r.id).body for r in anna.articles.revisions(article.id)}
    assert {"text of anna", "text of ben"} <= bodies | {anna.articles.get(article.id).body}
