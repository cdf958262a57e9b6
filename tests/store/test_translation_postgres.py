"""Translating on a shared PostgreSQL archive: the same use cases, the same answers."""

from __future__ import annotations

import pytest

from editor.app.workspace import Workspace
from editor.core.translation.staleness import Change, SegmentStatus
from editor.core.translation.tmx import TmPair

pytestmark = pytest.mark.postgres

from tests.store.test_postgres import pg_workspace  # noqa: E402, F401  (pg_url: tests/conftest.py)


def test_translate_remember_and_fall_behind_on_postgres(
    pg_workspace: Workspace,  # noqa: F811 - the fixture imported above
) -> None:
    ws = pg_workspace
    source = ws.articles.create(language="de", title="Akku", body="Der Akku hält lange.")
    translation = ws.translation.translate_to(source.id, "en")
    ws.translation.save_segment(translation.id, "body:0", "The battery lasts long.")
    ws.memory.forget()
    (match,) = ws.memory.lookup("de", "en", "Der Akku hält sehr lange.")
    assert match.entry.target == "The battery lasts long."
    pair = TmPair("de", "en", "Der Akku hält lange.", "The battery lasts long.")
    assert ws.memory.add([pair]) == (0, 1)  # confirmed above already
    assert ws.memory.counts() == {("de", "en"): 1}
    ws.articles.update(source.id, {"body": "Der Akku hält sehr lange."})
    state = ws.translation.state(translation.id)
    assert state.row("body:0").change is Change.CHANGED
    assert state.row("body:0").status is SegmentStatus.TRANSLATED
