"""Two editors on one article: every save states its version; merge, or keep both texts.

Before: autosave wrote without a version, so the second editor's save silently
replaced the first one's text (issue 9 §1).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.app.articles import EditConflict
from editor.app.autosave import AutosaveWriter, SaveReport, SaveState
from editor.app.workspace import Workspace
from editor.core.workflow import Status
from editor.store.errors import ConflictError

BODY = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."


class Reports:
    def __init__(self) -> None:
        self.items: list[SaveReport] = []
        self._lock = threading.Lock()

    def __call__(self, report: SaveReport) -> None:
        with self._lock:
            self.items.append(report)

    def wait_for(self, state: SaveState, timeout: float = 5.0) -> SaveReport:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                found = [r for r in self.items if r.state is state]
            if found:
                return found[-1]
            time.sleep(0.01)
        raise AssertionError(f"no {state} in {[r.state for r in self.items]}")


@pytest.fixture
def two(db_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    first = Workspace.open(str(db_path), user="anna")
    second = Workspace.open(str(db_path), user="ben")
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def _writer(ws: Workspace, reports: Reports | None = None) -> AutosaveWriter:
    return AutosaveWriter(
        ws.articles,
        idle_delay=60.0,
        max_delay=60.0,
        periodic_revision_seconds=None,
        on_state=reports,
    )


def test_edits_of_different_paragraphs_are_merged_and_noted(
    two: tuple[Workspace, Workspace],
) -> None:
    anna, ben = two
    article = anna.articles.create(language="en", title="Shared", body=BODY)
    a, b = _writer(anna), _writer(ben, reports := Reports())
    try:
        a.track(anna.articles.get(article.id))
        b.track(ben.articles.get(article.id))
        a.submit(article.id, {"body": BODY.replace("First", "Anna's first")})
        assert a.flush()
        b.submit(article.id, {"body": BODY.replace("Third", "Ben's third")})
        assert b.flush()
        saved = reports.wait_for(SaveState.SAVED)
        assert saved.merged
        body = anna.articles.get(article.id).body
        assert "Anna's first" in body and "Ben's third" in body
        assert "merge" in [r.reason for r in anna.articles.revisions(article.id)]

        # Ben's screen still lacks Anna's paragraph: his next edit keeps it anyway.
        b.submit(article.id, {"body": BODY.replace("Third", "Ben's third").replace("Second", "2")})
        assert b.flush()
        body = anna.articles.get(article.id).body
        assert "Anna's first" in body and "2 paragraph" in body and "Ben's third" in body
    finally:
        a.close()
        b.close()


def test_the_same_paragraph_changed_twice_is_a_conflict_that_keeps_both_texts(
    two: tuple[Workspace, Workspace],
) -> None:
    anna, ben = two
    article = anna.articles.create(language="en", title="Shared", body=BODY)
    a, b = _writer(anna), _writer(ben, reports := Reports())
    try:
        a.track(article)
        b.track(article)
        a.submit(article.id, {"body": BODY.replace("Second", "Anna's second")})
        assert a.flush()
        b.submit(article.id, {"body": BODY.replace("Second", "Ben's second")})
        b.flush(timeout=2.0)
        report = reports.wait_for(SaveState.CONFLICT)
        assert report.conflict is not None
        assert report.conflict.fields == ("body",)
        assert "Ben's second" in report.conflict.side("mine")
        assert "Anna's second" in report.conflict.side("theirs")
        assert "Second paragraph" in report.conflict.side("base")
        # Nothing was overwritten, and both texts are in the history.
        assert "Anna's second" in anna.articles.get(article.id).body
        bodies = [anna.articles.revision(r.id).body for r in anna.articles.revisions(article.id)]
        assert any("Ben's second" in body for body in bodies)
        assert any("Anna's second" in body for body in bodies)
        # Typing goes on while in conflict: held, not written over Anna's text.
        b.submit(article.id, {"body": BODY.replace("Second", "Ben's second, longer")})
        assert b.in_conflict(article.id)
        assert "Anna's second" in anna.articles.get(article.id).body

        # Ben keeps his text, on top of Anna's version.
        theirs = ben.articles.get(article.id)
        b.resolve(article.id, theirs, {"body": BODY.replace("Second", "Ben wins")})
        assert b.flush()
        assert "Ben wins" in anna.articles.get(article.id).body
        assert not b.in_conflict(article.id)
    finally:
        a.close()
        b.close()


def test_a_save_that_states_no_base_text_is_refused_not_written(workspace: Workspace) -> None:
    article = workspace.articles.create(language="en", title="T", body="one")
    workspace.articles.update(article.id, {"body": "two"}, expected_version=article.version)
    with pytest.raises(ConflictError):
        workspace.articles.update(article.id, {"body": "three"}, expected_version=article.version)
    assert workspace.articles.get(article.id).body == "two"


def test_status_move_revision_and_restore_from_an_older_version_are_conflicts(
    workspace: Workspace,
) -> None:
    article = workspace.articles.create(language="en", title="T", body="one")
    revision = workspace.articles.save_revision(article.id, expected_version=article.version)
    newer = workspace.articles.update(article.id, {"body": "two"}, expected_version=1)
    with pytest.raises(ConflictError):
        workspace.articles.change_status(article.id, Status.IN_REVIEW, expected_version=1)
    with pytest.raises(ConflictError):
        workspace.articles.save_revision(article.id, expected_version=1)
    with pytest.raises(ConflictError):
        workspace.articles.restore_revision(article.id, revision.id, expected_version=1)
    assert workspace.articles.get(article.id).status is Status.DRAFT
    moved = workspace.articles.change_status(
        article.id, Status.IN_REVIEW, expected_version=newer.version
    )
    assert moved.status is Status.IN_REVIEW


def test_own_status_move_while_typing_is_no_conflict_and_no_merge_note(
    workspace: Workspace,
) -> None:
    article = workspace.articles.create(language="en", title="T", body="one")
    writer = _writer(workspace)
    try:
        writer.track(article)
        moved = workspace.articles.change_status(
            article.id, Status.IN_REVIEW, expected_version=writer.base_version(article.id)
        )
        assert writer.base_version(article.id) == moved.version  # the text is unchanged
        workspace.articles.change_status(
            article.id, Status.DRAFT, expected_version=writer.base_version(article.id)
        )
        writer.submit(article.id, {"body": "one and two"})
        assert writer.flush()
        saved = workspace.articles.get(article.id)
        assert (saved.body, saved.status) == ("one and two", Status.DRAFT)
        assert "merge" not in [r.reason for r in workspace.articles.revisions(article.id)]
        assert writer.base_version(article.id) == saved.version
    finally:
        writer.close()


def test_an_edit_conflict_is_a_conflict_error_with_a_message(workspace: Workspace) -> None:
    article = workspace.articles.create(language="en", title="Story", body="a")
    base = {"body": "a", "title": "Story"}
    workspace.articles.update(article.id, {"body": "b"}, expected_version=1)
    with pytest.raises(EditConflict) as caught:
        workspace.articles.update(article.id, {"body": "c"}, expected_version=1, base=base)
    assert isinstance(caught.value, ConflictError)
    assert "both texts are kept" in str(caught.value)
