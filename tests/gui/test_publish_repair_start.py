"""The window's start finishes what a killed publish run left, and says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from editor.app.publishing import ledger
from editor.app.workspace import Workspace
from editor.core.workflow import Status
from editor.ui.app import open_workspace


class Killed(BaseException):
    pass


def test_the_start_records_a_run_killed_after_the_site_was_written(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "news.sqlite"
    ws = Workspace.open(str(db), user="t")
    aid = ws.articles.create(
        title="Halb fertig", status=Status.READY, body="Ein Text.", teaser="Kurz", author="A"
    ).id

    def killed(*_a: object, **_k: object) -> None:
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(ledger, "record", killed)
        with pytest.raises(Killed):
            ws.publishing.publish([aid], tmp_path / "site")
    ws.close()

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    opened = open_workspace(str(db))
    assert opened is not None
    try:
        assert len(told) == 1 and "recorded now" in told[0]
        assert opened.articles.get(aid).status is Status.PUBLISHED
    finally:
        opened.close()
