"""The command line finishes what a killed publish run left, and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.app.publishing import ledger
from editor.app.workspace import Workspace
from editor.cli import main
from editor.core.workflow import Status


def _newsdesk(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str]:
    code = main(["--db", str(db), *args])
    return code, capsys.readouterr().err


class Killed(BaseException):
    pass


def test_any_command_records_a_run_killed_after_the_site_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.sqlite"
    site = tmp_path / "site"  # beside the archive file: allowed
    ws = Workspace.open(str(db), user="t")
    aid = ws.articles.create(
        title="Halb fertig", status=Status.READY, body="Ein Text.", teaser="Kurz", author="A"
    ).id

    def killed(*_a: object, **_k: object) -> None:
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(ledger, "record", killed)
        with pytest.raises(Killed):
            ws.publishing.publish([aid], site)
    ws.close()

    code, err = _newsdesk(capsys, db, "list")
    assert code == 0, err
    assert "interrupted publish run" in err
    assert "recorded now" in err
    ws = Workspace.open(str(db), user="t")
    try:
        assert ws.articles.get(aid).status is Status.PUBLISHED
        assert [r.action for r in ws.publishing.publications(aid)] == ["publish"]
    finally:
        ws.close()
    _code, err = _newsdesk(capsys, db, "list")
    assert "interrupted" not in err, "said once"


def test_correct_and_unpublish_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.sqlite"
    site = tmp_path / "site"
    ws = Workspace.open(str(db), user="t")
    aid = ws.articles.create(
        title="Hin und weg", status=Status.READY, body="Ein Text.", teaser="Kurz", author="A"
    ).id
    ws.close()
    assert _newsdesk(capsys, db, "publish", str(aid), "--out", str(site))[0] == 0
    page = next(site.glob("de/*/hin-und-weg/index.html"))
    assert _newsdesk(capsys, db, "correct", str(aid), "--out", str(site))[0] == 0
    assert _newsdesk(capsys, db, "unpublish", str(aid), "--out", str(site))[0] == 0
    assert not page.exists()
    ws = Workspace.open(str(db), user="t")
    try:
        assert ws.articles.get(aid).status is Status.UNPUBLISHED
        actions = [r.action for r in ws.publishing.publications(aid)]
        assert actions == ["unpublish", "correct", "publish"]
    finally:
        ws.close()
    code, err = _newsdesk(capsys, db, "unpublish", str(aid), "--out", str(site))
    assert code == 1 and "not on the site" in err
